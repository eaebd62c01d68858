package dev.harbor.http.local;

/** Body of {@code PATCH /lockers/{lockerId}}. */
public record ServiceStateRequest(Boolean outOfService, String reasonCode, String reason) {}
