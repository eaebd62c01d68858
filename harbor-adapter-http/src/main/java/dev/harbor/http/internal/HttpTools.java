package dev.harbor.http.internal;

import java.time.Clock;

/** What every group of handlers needs besides its use cases. */
public record HttpTools(JsonResponses responses, RequestBodies bodies, AdminGuard admin, Clock clock) {}
