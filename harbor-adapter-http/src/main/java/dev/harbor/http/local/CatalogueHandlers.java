package dev.harbor.http.local;

import dev.harbor.application.layout.QueryCatalogue;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** {@code /locker-types} and {@code /bank-types}: the read-only catalogue of the layout file. */
final class CatalogueHandlers {

    private final QueryCatalogue layout;
    private final HttpTools http;

    CatalogueHandlers(QueryCatalogue layout, HttpTools http) {
        this.layout = layout;
        this.http = http;
    }

    void register(RoutesConfig routes) {
        routes.get("/locker-types", this::lockerTypes);
        routes.get("/locker-types/{idOrSlug}", this::lockerType);
        routes.get("/bank-types", this::bankTypes);
        routes.get("/bank-types/{bankTypeId}", this::bankType);
    }

    private void lockerTypes(Context ctx) {
        http.responses()
                .ok(
                        ctx,
                        layout.lockerTypes().stream()
                                .map(LockerTypeSummary::from)
                                .toList());
    }

    private void lockerType(Context ctx) {
        String raw = ctx.pathParam("idOrSlug");
        Optional<LockerType> found;
        if (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit)) {
            long id = Params.parsePositive(raw)
                    .orElseThrow(() -> ApiError.invalid(
                            "A locker type id must be a positive integer", Map.of("idOrSlug", Params.echo(raw))));
            found = layout.lockerType(new LockerTypeId(id));
        } else if (LockerType.isValidSlug(raw)) {
            found = layout.lockerTypeBySlug(raw);
        } else {
            throw ApiError.invalid("Expected a locker type id or slug", Map.of("idOrSlug", Params.echo(raw)));
        }
        http.responses()
                .ok(
                        ctx,
                        found.map(LockerTypeResponse::from)
                                .orElseThrow(() -> ApiError.notFound(
                                        "LOCKER_TYPE_NOT_FOUND",
                                        "Locker type " + raw + " does not exist",
                                        Map.of("idOrSlug", raw))));
    }

    private void bankTypes(Context ctx) {
        http.responses()
                .ok(ctx, layout.bankTypes().stream().map(BankTypeResponse::from).toList());
    }

    private void bankType(Context ctx) {
        BankTypeId id = new BankTypeId(Params.positiveId(ctx, "bankTypeId"));
        http.responses()
                .ok(
                        ctx,
                        layout.bankType(id)
                                .map(type -> BankTypeWithAssociationsResponse.from(
                                        type,
                                        typeId -> layout.lockerType(typeId)
                                                .orElseThrow(() -> new IllegalStateException(
                                                        "bank type " + id + " names missing locker type " + typeId))))
                                .orElseThrow(() -> ApiError.notFound(
                                        "BANK_TYPE_NOT_FOUND",
                                        "Bank type " + id + " does not exist",
                                        Map.of("bankTypeId", id.toString()))));
    }
}
