package dev.harbor.http.local;

import dev.harbor.application.Actor;
import dev.harbor.application.locker.LockerFilter;
import dev.harbor.application.locker.LockerView;
import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.OpenLocker;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.locker.UpdateServiceState;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.KeptAnswers;
import dev.harbor.http.internal.OpenResults;
import dev.harbor.http.internal.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /lockers}: list, layout, get, service state (admin), open, open all (admin).
 *
 * <p>The locker reads keep their serialized answers and serialize again only when what the use
 * case returned differs from what the kept answer shows (see {@link KeptAnswers}): at a thousand
 * lockers the list is a third of a megabyte, and kiosks and dashboards poll it. Each answer has a
 * strong {@code ETag}, and a poller that sends it back in {@code If-None-Match} gets a bodiless 304
 * while nothing changed. The answers are the same for every caller who passed the client-key gate.
 */
final class LockerHandlers {

    /** The unfiltered list and the few filters kiosks poll with, such as {@code ?available=true}. */
    private static final int KEPT_LISTS = 16;
    /** Far more than the lockers of any one gateway: a bound, not a size. */
    private static final int KEPT_LOCKERS = 10_000;

    private final QueryLockers query;
    private final OpenLocker open;
    private final OpenAllLockers openAll;
    private final UpdateServiceState updateService;
    private final HttpTools http;
    private final KeptAnswers<LockerFilter, List<LockerView>> lists;
    private final KeptAnswers<LockerId, LockerView> lockers;

    LockerHandlers(
            QueryLockers query,
            OpenLocker open,
            OpenAllLockers openAll,
            UpdateServiceState updateService,
            HttpTools http) {
        this.query = query;
        this.open = open;
        this.openAll = openAll;
        this.updateService = updateService;
        this.http = http;
        this.lists = http.responses()
                .kept(views -> views.stream().map(LockerResponse::from).toList(), KEPT_LISTS);
        this.lockers = http.responses().kept(LockerResponse::from, KEPT_LOCKERS);
    }

    void register(RoutesConfig routes) {
        // The fixed paths first, so that "config" and "open-all" are never read as a locker id.
        routes.get("/lockers", this::list);
        routes.get("/lockers/config", this::config);
        routes.post("/lockers/open-all", http.admin().require(this::openAll));
        routes.get("/lockers/{lockerId}", this::get);
        routes.patch("/lockers/{lockerId}", http.admin().require(this::updateService));
        routes.post("/lockers/{lockerId}/open", this::open);
    }

    private void list(Context ctx) {
        Boolean available = Params.booleanQuery(ctx, "available").orElse(null);
        String lockerType = ctx.queryParam("lockerType");
        if (lockerType != null && !LockerType.isValidSlug(lockerType)) {
            throw ApiError.invalid(
                    "lockerType must be a locker type slug", Map.of("lockerType", Params.echo(lockerType)));
        }
        ControllerId controllerId =
                Params.positiveQuery(ctx, "controllerId").map(ControllerId::of).orElse(null);
        LockerFilter filter = new LockerFilter(available, lockerType, controllerId);
        http.responses().tagged(ctx, lists.answer(filter, query.list(filter)));
    }

    private void config(Context ctx) {
        http.responses().ok(ctx, LockerConfigResponse.from(query.layout()));
    }

    private void get(Context ctx) {
        LockerId id = lockerId(ctx);
        Optional<LockerView> view = query.find(id);
        if (view.isEmpty()) {
            lockers.forget(id);
            throw notFound(id);
        }
        http.responses().tagged(ctx, lockers.answer(id, view.get()));
    }

    private void updateService(Context ctx, Actor admin) {
        LockerId id = lockerId(ctx);
        ServiceStateRequest body = http.bodies().read(ctx, ServiceStateRequest.class);
        ServiceState service = serviceState(body);
        if (!updateService.update(id, service, admin)) {
            throw notFound(id);
        }
        http.responses().ok(ctx, SuccessResponse.OK);
    }

    private void open(Context ctx) {
        LockerId id = lockerId(ctx);
        OpenResult result = open.openLocker(id, http.clients().actor(ctx));
        if (result instanceof OpenResult.Opened opened) {
            http.responses().ok(ctx, LockerOperationResponse.from(opened));
        } else {
            throw OpenResults.failure(result, Map.of("lockerId", id.toString()));
        }
    }

    private void openAll(Context ctx, Actor admin) {
        OpenAllLockers.Report report = openAll.openAll(admin);
        http.responses().json(ctx, report.allSucceeded() ? 200 : 207, OpenAllLockersResponse.from(report));
    }

    private static ServiceState serviceState(ServiceStateRequest body) {
        if (body.outOfService() == null) {
            throw ApiError.invalidField("outOfService", "outOfService is required");
        }
        ReasonCode code = null;
        if (body.reasonCode() != null) {
            code = ReasonCode.parse(body.reasonCode())
                    .filter(c -> c != ReasonCode.DEVICE_REMOVED)
                    .orElseThrow(() -> ApiError.invalid(
                            "reasonCode must be one of " + settableReasonCodes()
                                    + (ReasonCode.DEVICE_REMOVED.name().equals(body.reasonCode())
                                            ? " (DEVICE_REMOVED is the Bikeep sync's own mark for a device gone "
                                                    + "upstream)"
                                            : ""),
                            Map.of("field", "reasonCode", "reasonCode", Params.echo(body.reasonCode()))));
        }
        return new ServiceState(body.outOfService(), code, body.reason());
    }

    /**
     * Every code but {@code DEVICE_REMOVED}: the Bikeep sync sets it on a locker whose device is gone
     * upstream, and an operator setting it would claim that of a device nobody saw go.
     */
    private static String settableReasonCodes() {
        return Arrays.stream(ReasonCode.values())
                .filter(c -> c != ReasonCode.DEVICE_REMOVED)
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    private static LockerId lockerId(Context ctx) {
        return LockerId.of(Params.positiveId(ctx, "lockerId"));
    }

    private static ApiError notFound(LockerId id) {
        return ApiError.notFound(
                "LOCKER_NOT_FOUND", "Locker " + id + " does not exist", Map.of("lockerId", id.toString()));
    }
}
