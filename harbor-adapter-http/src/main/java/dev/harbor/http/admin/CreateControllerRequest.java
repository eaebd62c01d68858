package dev.harbor.http.admin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code CreateControllerRequest}: {@code transport} is read by hand ({@link Transports}) because
 * its {@code port} is a path for serial lines and a number for TCP.
 */
public record CreateControllerRequest(
        String name,
        String protocol,
        JsonNode transport,
        Integer boardAddress,
        Long bankTypeId,
        Integer lockerCount,
        OptionsRequest options) {

    public record OptionsRequest(String feedbackPolarity, String statusByteOrder) {}
}
