package dev.harbor.http.admin;

import dev.harbor.application.controller.ControllerView;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ProtocolOptions;
import java.time.Instant;

/**
 * {@code Controller} (admin-api.md), with the protocol {@code options} it was given. A remote
 * location (Bikeep) has no board: {@code boardAddress} and {@code options} are {@code null}, and
 * {@code lockerCount} is the number of its devices Harbor has lockers for.
 */
public record ControllerResponse(
        long controllerId,
        String name,
        String protocol,
        TransportResponse transport,
        Integer boardAddress,
        Long bankTypeId,
        int lockerCount,
        boolean online,
        String health,
        Instant lastSeenAt,
        String discoveredVia,
        Instant createdAt,
        Options options) {

    public record Options(String feedbackPolarity, String statusByteOrder) {

        static Options from(ProtocolOptions options) {
            return new Options(
                    options.feedbackPolarity().name(), options.statusByteOrder().name());
        }
    }

    public static ControllerResponse from(ControllerView view) {
        Controller c = view.controller();
        boolean remote = c.endpoint().protocol().isRemote();
        return new ControllerResponse(
                c.id().value(),
                c.name(),
                c.endpoint().protocol().id(),
                TransportResponse.from(c.endpoint().transport()),
                remote ? null : c.endpoint().boardAddress(),
                c.bankTypeId() == null ? null : c.bankTypeId().value(),
                c.lockerCount(),
                view.runtime().online(),
                view.health().health().name(),
                view.runtime().lastSeenAt(),
                c.discoveredVia().name(),
                c.createdAt(),
                remote ? null : Options.from(c.endpoint().options()));
    }
}
