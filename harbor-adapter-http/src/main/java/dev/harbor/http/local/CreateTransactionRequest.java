package dev.harbor.http.local;

/** Body of {@code POST /transactions}; both fields are checked by the handler. */
public record CreateTransactionRequest(String transactionId, String lockerType) {}
