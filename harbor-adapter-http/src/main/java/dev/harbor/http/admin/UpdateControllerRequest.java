package dev.harbor.http.admin;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code PATCH /controllers/{controllerId}}: every field optional, absent ones stay as they are. */
public record UpdateControllerRequest(String name, JsonNode transport, Integer boardAddress) {}
