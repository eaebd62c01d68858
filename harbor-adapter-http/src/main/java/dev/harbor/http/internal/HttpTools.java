package dev.harbor.http.internal;

/**
 * What every group of handlers needs besides its use cases. {@code clients} says who is calling,
 * for the audit trail.
 */
public record HttpTools(JsonResponses responses, RequestBodies bodies, AdminGuard admin, ClientKeyGate clients) {}
