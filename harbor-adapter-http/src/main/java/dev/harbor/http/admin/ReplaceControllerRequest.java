package dev.harbor.http.admin;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /controllers/{controllerId}/replace}: where the new board is. */
public record ReplaceControllerRequest(JsonNode transport, Integer boardAddress) {}
