package dev.harbor.http.admin;

import dev.harbor.application.Actor;
import dev.harbor.application.controller.ControllerView;
import dev.harbor.application.controller.DiscoverControllers;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.controller.ManageControllers.AddResult;
import dev.harbor.application.controller.ManageControllers.AdjustResult;
import dev.harbor.application.controller.ManageControllers.ChangeResult;
import dev.harbor.application.controller.ManageControllers.RemoveResult;
import dev.harbor.application.locker.LockerFilter;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.EndpointFields;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.Params;
import dev.harbor.http.internal.RemoteDetails;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code /controllers}: list, add, scan, get, change, remove, replace a board, resize the bank. All admin. */
final class ControllerHandlers {

    static final int DEFAULT_SCAN_MS = 3000;
    static final int MIN_SCAN_MS = 100;
    static final int MAX_SCAN_MS = 30_000;

    private final ManageControllers controllers;
    private final DiscoverControllers discovery;
    private final QueryLockers lockers;
    private final HttpTools http;

    ControllerHandlers(
            ManageControllers controllers, DiscoverControllers discovery, QueryLockers lockers, HttpTools http) {
        this.controllers = controllers;
        this.discovery = discovery;
        this.lockers = lockers;
        this.http = http;
    }

    void register(RoutesConfig routes) {
        routes.get("/controllers", http.admin().require(this::list));
        routes.post("/controllers", http.admin().require(this::add));
        routes.post("/controllers/scan", http.admin().require(this::scan));
        routes.get("/controllers/{controllerId}", http.admin().require(this::get));
        routes.patch("/controllers/{controllerId}", http.admin().require(this::update));
        routes.delete("/controllers/{controllerId}", http.admin().require(this::remove));
        routes.post("/controllers/{controllerId}/replace", http.admin().require(this::replace));
        routes.patch("/controllers/{controllerId}/locker-count", http.admin().require(this::adjustLockerCount));
    }

    private void list(Context ctx, Actor admin) {
        http.responses()
                .ok(
                        ctx,
                        controllers.list().stream()
                                .map(ControllerResponse::from)
                                .toList());
    }

    private void get(Context ctx, Actor admin) {
        ControllerId id = controllerId(ctx);
        ControllerView view = controllers.find(id).orElseThrow(() -> notFound(id));
        http.responses().ok(ctx, details(view));
    }

    private void add(Context ctx, Actor admin) {
        CreateControllerRequest body = http.bodies().read(ctx, CreateControllerRequest.class);
        Map<String, Object> endpointFields = new HashMap<>();
        endpointFields.put("protocol", body.protocol());
        endpointFields.put("transport", PlainValues.of(body.transport()));
        endpointFields.put("boardAddress", body.boardAddress());
        endpointFields.put("options", PlainValues.of(body.options()));
        BoardEndpoint endpoint = EndpointFields.endpoint(endpointFields);
        ManageControllers.AddCommand command = new ManageControllers.AddCommand(
                body.name(),
                endpoint,
                body.bankTypeId() == null ? null : new BankTypeId(body.bankTypeId()),
                body.lockerCount(),
                DiscoveredVia.MANUAL);
        AddResult result = controllers.add(command, admin);
        if (result instanceof AddResult.Added added) {
            http.responses().json(ctx, 201, details(added.controller()));
            return;
        }
        if (result instanceof AddResult.EndpointInUse inUse) {
            throw endpointInUse(command.endpoint(), inUse.existing());
        }
        if (result instanceof AddResult.UnknownBankType unknown) {
            throw ApiError.invalid(
                    "Bank type " + unknown.id().value() + " does not exist",
                    Map.of(
                            "field",
                            "bankTypeId",
                            "bankTypeId",
                            Long.toString(unknown.id().value())));
        }
        if (result instanceof AddResult.TooManyLockers tooMany) {
            throw ApiError.invalid(
                    "The bank type has " + tooMany.lockers() + " lockers, but a "
                            + endpoint.protocol().id()
                            + " board drives at most " + tooMany.max(),
                    Map.of("field", "bankTypeId"));
        }
        if (result instanceof AddResult.RemoteSiteOff off) {
            throw new ApiError(409, "INVALID_STATE", off.message(), Map.of("setting", RemoteSiteHandlers.SETTING));
        }
        if (result instanceof AddResult.UnknownLocation unknown) {
            throw ApiError.invalid(
                    unknown.message(),
                    RemoteDetails.with(
                            Map.of("field", "transport.locationId", "locationId", Params.echo(unknown.locationId())),
                            null,
                            unknown.problem()));
        }
        if (result instanceof AddResult.RemoteUnavailable unavailable) {
            throw new ApiError(
                    503,
                    "CONTROLLER_UNAVAILABLE",
                    unavailable.message(),
                    RemoteDetails.with(Map.of(), null, unavailable.problem()));
        }
        throw unmapped(result);
    }

    private void scan(Context ctx, Actor admin) {
        int timeoutMs =
                Params.intQuery(ctx, "timeoutMs", MIN_SCAN_MS, MAX_SCAN_MS).orElse(DEFAULT_SCAN_MS);
        boolean add = Params.booleanQuery(ctx, "add").orElse(false);
        DiscoverControllers.ScanResult result = discovery.scan(Duration.ofMillis(timeoutMs), add, admin);
        if (result instanceof DiscoverControllers.ScanResult.Scanned scanned) {
            http.responses().ok(ctx, ScanResponse.from(scanned));
            return;
        }
        if (result instanceof DiscoverControllers.ScanResult.Disabled) {
            throw new ApiError(
                    409,
                    "INVALID_STATE",
                    "mDNS discovery is not configured: set HARBOR_MDNS_ADDRESS "
                            + "to the address of the interface to scan on",
                    Map.of("setting", "HARBOR_MDNS_ADDRESS"));
        }
        throw unmapped(result);
    }

    private void update(Context ctx, Actor admin) {
        ControllerId id = controllerId(ctx);
        UpdateControllerRequest body = http.bodies().read(ctx, UpdateControllerRequest.class);
        Controller current =
                controllers.find(id).orElseThrow(() -> notFound(id)).controller();
        Object transport = PlainValues.of(body.transport());
        BoardEndpoint endpoint = null;
        if (transport != null || body.boardAddress() != null) {
            // A remote location has no board to move, and no board address a BoardEndpoint of its
            // protocol could carry: the use case is asked with the endpoint it has, and refuses.
            endpoint = current.endpoint().protocol().isRemote()
                    ? current.endpoint()
                    : EndpointFields.moved(current.endpoint(), transport, body.boardAddress());
        }
        ChangeResult result = controllers.update(id, body.name(), endpoint, admin);
        http.responses().ok(ctx, ControllerResponse.from(changed(result, id, endpoint)));
    }

    private void replace(Context ctx, Actor admin) {
        ControllerId id = controllerId(ctx);
        ReplaceControllerRequest body = http.bodies().read(ctx, ReplaceControllerRequest.class);
        Controller current =
                controllers.find(id).orElseThrow(() -> notFound(id)).controller();
        // A remote location has no board to swap: the use case refuses it whatever the body says.
        BoardEndpoint endpoint = current.endpoint().protocol().isRemote()
                ? current.endpoint()
                : EndpointFields.replaced(current.endpoint(), PlainValues.of(body.transport()), body.boardAddress());
        ChangeResult result = controllers.replace(id, endpoint, admin);
        http.responses().ok(ctx, details(changed(result, id, endpoint)));
    }

    private void remove(Context ctx, Actor admin) {
        ControllerId id = controllerId(ctx);
        boolean force = Params.booleanQuery(ctx, "force").orElse(false);
        RemoveResult result = controllers.remove(id, force, admin);
        if (result instanceof RemoveResult.Removed) {
            http.responses().noContent(ctx);
            return;
        }
        if (result instanceof RemoveResult.NotFound) {
            throw notFound(id);
        }
        if (result instanceof RemoveResult.HasActiveTransactions active) {
            throw new ApiError(
                    409,
                    "INVALID_STATE",
                    "Controller " + id + " has " + active.count()
                            + " locker(s) holding an active transaction: release them first, or remove with ?force=true "
                            + "(which releases them)",
                    Map.of("controllerId", id.toString(), "activeTransactions", Integer.toString(active.count())));
        }
        throw unmapped(result);
    }

    private void adjustLockerCount(Context ctx, Actor admin) {
        ControllerId id = controllerId(ctx);
        LockerCountRequest body = http.bodies().read(ctx, LockerCountRequest.class);
        if (body.lockerCount() == null) {
            throw ApiError.invalidField("lockerCount", "lockerCount is required");
        }
        AdjustResult result = controllers.adjustLockerCount(id, body.lockerCount(), admin);
        if (result instanceof AdjustResult.Adjusted adjusted) {
            http.responses().ok(ctx, AdjustLockerCountResponse.from(adjusted));
            return;
        }
        if (result instanceof AdjustResult.NotFound) {
            throw notFound(id);
        }
        if (result instanceof AdjustResult.HasActiveTransactions active) {
            throw new ApiError(
                    409,
                    "INVALID_STATE",
                    active.count() + " of the lockers to remove hold an active " + "transaction: release them first",
                    Map.of("controllerId", id.toString(), "activeTransactions", Integer.toString(active.count())));
        }
        if (result instanceof AdjustResult.OutOfRange range) {
            throw ApiError.invalidField("lockerCount", "lockerCount must be 1-" + range.max() + " for this board");
        }
        if (result instanceof AdjustResult.NotForRemote notForRemote) {
            throw notForRemote(id, notForRemote.message());
        }
        throw unmapped(result);
    }

    private ControllerView changed(ChangeResult result, ControllerId id, BoardEndpoint endpoint) {
        if (result instanceof ChangeResult.Changed changed) {
            return changed.controller();
        }
        if (result instanceof ChangeResult.NotFound) {
            throw notFound(id);
        }
        if (result instanceof ChangeResult.EndpointInUse inUse) {
            throw endpointInUse(endpoint, inUse.existing());
        }
        if (result instanceof ChangeResult.NotForRemote notForRemote) {
            throw notForRemote(id, notForRemote.message());
        }
        throw unmapped(result);
    }

    private ControllerDetailsResponse details(ControllerView view) {
        return ControllerDetailsResponse.from(
                view,
                lockers.list(new LockerFilter(null, null, view.controller().id())));
    }

    private static ApiError notForRemote(ControllerId id, String message) {
        return new ApiError(409, "INVALID_STATE", message, Map.of("controllerId", id.toString()));
    }

    private static ApiError endpointInUse(BoardEndpoint endpoint, ControllerId existing) {
        String message = endpoint.transport() instanceof Transport.Bikeep location
                ? "Bikeep location " + location.locationId() + " is already added"
                : "The bus " + endpoint.transport().busKey() + " already has a controller at board address "
                        + endpoint.boardAddress() + " or one speaking another protocol than "
                        + endpoint.protocol().id();
        return existing == null
                ? new ApiError(409, "INVALID_STATE", message, Map.of())
                : new ApiError(
                        409,
                        "INVALID_STATE",
                        message + " (controller " + existing + ")",
                        Map.of("existingControllerId", existing.toString()));
    }

    private static ControllerId controllerId(Context ctx) {
        return ControllerId.of(Params.positiveId(ctx, "controllerId"));
    }

    static ApiError notFound(ControllerId id) {
        return ApiError.notFound(
                "CONTROLLER_NOT_FOUND", "Controller " + id + " does not exist", Map.of("controllerId", id.toString()));
    }

    private static IllegalStateException unmapped(Object result) {
        return new IllegalStateException("unmapped result " + result.getClass().getName());
    }
}
