package dev.harbor.http.local;

import dev.harbor.application.transaction.TransactionView;
import java.time.Instant;

/** {@code TransactionResponse} (local-api.md): the doc's fields plus {@code lockerType} and {@code openCount}. */
public record TransactionResponse(
        String transactionId, long lockerId, String lockerType, Instant createdAt, int openCount) {

    public static TransactionResponse from(TransactionView view) {
        return new TransactionResponse(
                view.transactionId().value(),
                view.lockerId().value(),
                view.lockerTypeSlug(),
                view.createdAt(),
                view.openCount());
    }
}
