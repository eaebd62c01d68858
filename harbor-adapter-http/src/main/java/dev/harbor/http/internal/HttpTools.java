package dev.harbor.http.internal;

/** What every group of handlers needs besides its use cases. */
public record HttpTools(JsonResponses responses, RequestBodies bodies, AdminGuard admin) {}
