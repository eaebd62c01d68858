package dev.harbor.http.admin;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.allowlist.ChangeAllowlistCards;
import dev.harbor.application.allowlist.ChangeAllowlistCards.ChangeCardsCommand;
import dev.harbor.application.allowlist.ChangeAllowlistCards.ChangeResult;
import dev.harbor.application.allowlist.ChangeAllowlistCards.TypedCard;
import dev.harbor.application.allowlist.ListRemoteLocations;
import dev.harbor.application.allowlist.Listing;
import dev.harbor.application.allowlist.QueryAllowlists;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.Params;
import dev.harbor.http.internal.RemoteDetails;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code /bikeep/…} for admins (bikeep.md): the Bikeep locations, their RFID allowlists and the
 * cards on them. A failure of Bikeep's is an {@code Error} body with its {@code correlation_id} in
 * {@code details.bikeepCorrelationId}.
 */
final class RemoteSiteHandlers {

    private static final NotFound LOCATION_NOT_FOUND =
            new NotFound("LOCATION_NOT_FOUND", "Bikeep location", "locationId");
    private static final NotFound ALLOWLIST_NOT_FOUND =
            new NotFound("ALLOWLIST_NOT_FOUND", "Bikeep allowlist", "allowlistId");

    static final String SETTING = "HARBOR_BIKEEP_CLIENT_ID";
    static final String CORRELATION_ID = RemoteDetails.CORRELATION_ID;

    private final ListRemoteLocations locations;
    private final QueryAllowlists allowlists;
    private final ChangeAllowlistCards cards;
    private final HttpTools http;

    RemoteSiteHandlers(
            ListRemoteLocations locations, QueryAllowlists allowlists, ChangeAllowlistCards cards, HttpTools http) {
        this.locations = locations;
        this.allowlists = allowlists;
        this.cards = cards;
        this.http = http;
    }

    void register(RoutesConfig routes) {
        routes.get("/bikeep/locations", http.admin().require(this::locations));
        routes.get("/bikeep/locations/{locationId}/allowlists", http.admin().require(this::allowlists));
        routes.get("/bikeep/allowlists/{allowlistId}/cards", http.admin().require(this::cards));
        routes.post("/bikeep/allowlists/{allowlistId}/cards", http.admin().require(this::changeCards));
    }

    private void locations(Context ctx, Actor admin) {
        http.responses().ok(ctx, listed(locations.locations(), RemoteLocationResponse::from, null, null));
    }

    private void allowlists(Context ctx, Actor admin) {
        String locationId = ctx.pathParam("locationId");
        http.responses()
                .ok(
                        ctx,
                        listed(
                                allowlists.allowlists(locationId),
                                AllowlistResponse::from,
                                LOCATION_NOT_FOUND,
                                locationId));
    }

    private void cards(Context ctx, Actor admin) {
        String allowlistId = ctx.pathParam("allowlistId");
        http.responses()
                .ok(
                        ctx,
                        listed(
                                allowlists.cards(allowlistId),
                                AllowlistCardResponse::from,
                                ALLOWLIST_NOT_FOUND,
                                allowlistId));
    }

    private void changeCards(Context ctx, Actor admin) {
        String allowlistId = ctx.pathParam("allowlistId");
        CardChangeRequest body = http.bodies().read(ctx, CardChangeRequest.class);
        List<TypedCard> typed = body.cards() == null
                ? null
                : body.cards().stream()
                        .map(c -> c == null ? null : new TypedCard(c.cardId(), c.status(), c.expiresAt(), c.comment()))
                        .toList();
        ChangeResult result = cards.change(ChangeCardsCommand.typed(allowlistId, body.operation(), typed), admin);
        if (result instanceof ChangeResult.Changed changed) {
            http.responses().json(ctx, changed.allApplied() ? 200 : 207, CardChangeResponse.from(changed));
            return;
        }
        if (result instanceof ChangeResult.IntegrationOff) {
            throw integrationOff();
        }
        if (result instanceof ChangeResult.Failed failed) {
            throw failure(failed.problem(), ALLOWLIST_NOT_FOUND, allowlistId);
        }
        throw new IllegalStateException(
                "unmapped allowlist change result " + result.getClass().getName());
    }

    /** Which 404 a Bikeep "not found" becomes on a route, and how to name the id. */
    private record NotFound(String code, String what, String idField) {}

    private static <T, R> List<R> listed(Listing<T> listing, Function<T, R> response, NotFound notFound, String id) {
        if (listing instanceof Listing.Listed<T> listed) {
            return listed.items().stream().map(response).toList();
        }
        if (listing instanceof Listing.IntegrationOff<T>) {
            throw integrationOff();
        }
        if (listing instanceof Listing.Failed<T> failed) {
            throw failure(failed.problem(), notFound, id);
        }
        throw new IllegalStateException("unmapped listing " + listing.getClass().getName());
    }

    private static ApiError integrationOff() {
        return new ApiError(
                409,
                "INVALID_STATE",
                "The Bikeep integration is off: set HARBOR_BIKEEP_CLIENT_ID and HARBOR_BIKEEP_CLIENT_SECRET",
                Map.of("setting", SETTING));
    }

    /**
     * @param notFound null where Bikeep not knowing something can only be its own fault (the list of
     *     locations): then it is reported as unavailable
     */
    private static ApiError failure(RemoteProblem problem, NotFound notFound, String id) {
        Map<String, String> details = new TreeMap<>();
        problem.correlationId().ifPresent(correlation -> details.put(CORRELATION_ID, Params.echo(correlation)));
        if (notFound != null) {
            details.put(notFound.idField(), Params.echo(id));
        }
        if (problem.kind() == RemoteProblem.Kind.NOT_FOUND && notFound != null) {
            return ApiError.notFound(
                    notFound.code(), notFound.what() + " " + Params.echo(id) + " does not exist", details);
        }
        if (problem.kind() == RemoteProblem.Kind.REFUSED) {
            return ApiError.invalid("Bikeep refused the request", details);
        }
        return new ApiError(503, "CONTROLLER_UNAVAILABLE", "Bikeep cannot be reached now; try again later", details);
    }
}
