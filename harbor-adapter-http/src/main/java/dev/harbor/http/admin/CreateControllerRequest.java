package dev.harbor.http.admin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code CreateControllerRequest}: {@code transport} and {@code options} are handed to the domain's
 * {@link dev.harbor.domain.controller.EndpointFields} as they are (a serial port is a path, a TCP
 * port a number), so one reader decides what a board's endpoint may hold.
 */
public record CreateControllerRequest(
        String name,
        String protocol,
        JsonNode transport,
        Integer boardAddress,
        Long bankTypeId,
        Integer lockerCount,
        JsonNode options) {}
