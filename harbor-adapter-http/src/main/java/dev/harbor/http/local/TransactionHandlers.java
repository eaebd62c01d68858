package dev.harbor.http.local;

import dev.harbor.application.locker.OpenLocker;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.QueryTransactions;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.domain.transaction.TransactionId;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.OpenResults;
import dev.harbor.http.internal.Params;
import dev.harbor.http.internal.RemoteDetails;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /transactions}: create, list, get, release, open. */
final class TransactionHandlers {

    private final CreateTransaction create;
    private final QueryTransactions query;
    private final ReleaseTransaction release;
    private final OpenLocker open;
    private final HttpTools http;

    TransactionHandlers(
            CreateTransaction create,
            QueryTransactions query,
            ReleaseTransaction release,
            OpenLocker open,
            HttpTools http) {
        this.create = create;
        this.query = query;
        this.release = release;
        this.open = open;
        this.http = http;
    }

    void register(RoutesConfig routes) {
        routes.get("/transactions", this::list);
        routes.post("/transactions", this::create);
        routes.get("/transactions/{transactionId}", this::get);
        routes.delete("/transactions/{transactionId}", this::release);
        routes.post("/transactions/{transactionId}/open", this::open);
    }

    private void list(Context ctx) {
        http.responses()
                .ok(ctx, query.active().stream().map(TransactionResponse::from).toList());
    }

    private void create(Context ctx) {
        CreateTransactionRequest body = http.bodies().read(ctx, CreateTransactionRequest.class);
        CreateTransaction.Result result = create.create(
                new CreateTransaction.Command(new TransactionId(body.transactionId()), body.lockerType()),
                http.clients().actor(ctx));
        if (result instanceof CreateTransaction.Result.Created created) {
            http.responses().json(ctx, 201, TransactionResponse.from(created.transaction()));
        } else if (result instanceof CreateTransaction.Result.AlreadyExists existing) {
            http.responses().json(ctx, 409, TransactionResponse.from(existing.existing()));
        } else if (result instanceof CreateTransaction.Result.NoAvailableLocker) {
            throw new ApiError(
                    503,
                    "NO_AVAILABLE_LOCKERS",
                    body.lockerType() == null
                            ? "No locker is available"
                            : "No locker of type " + body.lockerType() + " is available",
                    body.lockerType() == null ? Map.of() : Map.of("lockerType", body.lockerType()));
        } else if (result instanceof CreateTransaction.Result.UnknownLockerType unknown) {
            throw unknownLockerType(unknown.slug());
        } else if (result instanceof CreateTransaction.Result.ControllerUnavailable unavailable) {
            throw new ApiError(
                    503,
                    "CONTROLLER_UNAVAILABLE",
                    unavailable.message(),
                    Map.of("transactionId", body.transactionId()));
        } else {
            throw new IllegalStateException("unmapped result " + result);
        }
    }

    private void get(Context ctx) {
        TransactionId id = Params.transactionId(ctx);
        TransactionResponse found =
                query.find(id).map(TransactionResponse::from).orElseThrow(() -> notFound(id));
        http.responses().ok(ctx, found);
    }

    private void release(Context ctx) {
        TransactionId id = Params.transactionId(ctx);
        ReleaseTransaction.Outcome outcome = release.release(id, http.clients().actor(ctx));
        if (outcome instanceof ReleaseTransaction.Outcome.Released) {
            http.responses().noContent(ctx);
        } else if (outcome instanceof ReleaseTransaction.Outcome.NotFound) {
            throw notFound(id);
        } else if (outcome instanceof ReleaseTransaction.Outcome.ControllerUnavailable unavailable) {
            throw new ApiError(
                    503,
                    "CONTROLLER_UNAVAILABLE",
                    unavailable.message() + "; the transaction is kept",
                    RemoteDetails.with(
                            Map.of("transactionId", id.value()), unavailable.reason(), unavailable.problem()));
        } else {
            throw new IllegalStateException("unmapped outcome " + outcome);
        }
    }

    private void open(Context ctx) {
        TransactionId id = Params.transactionId(ctx);
        OpenResult result = open.openForTransaction(id, http.clients().actor(ctx));
        if (result instanceof OpenResult.Opened opened) {
            http.responses().ok(ctx, LockerOperationResponse.from(opened));
        } else {
            throw OpenResults.failure(result, Map.of("transactionId", id.value()));
        }
    }

    private static ApiError notFound(TransactionId id) {
        return ApiError.notFound(
                "TRANSACTION_NOT_FOUND",
                "Transaction " + id.value() + " does not exist",
                Map.of("transactionId", id.value()));
    }

    private static ApiError unknownLockerType(String slug) {
        return ApiError.invalid("Unknown locker type " + Params.echo(slug), Map.of("lockerType", Params.echo(slug)));
    }
}
