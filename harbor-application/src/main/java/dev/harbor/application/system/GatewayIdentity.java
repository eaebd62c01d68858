package dev.harbor.application.system;

import java.time.Instant;

/** What the gateway is, fixed for the life of the process. */
public record GatewayIdentity(String gatewayId, String version, Instant startedAt, String storage) {}
