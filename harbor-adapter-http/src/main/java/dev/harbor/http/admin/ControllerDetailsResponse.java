package dev.harbor.http.admin;

import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.controller.ControllerView;
import dev.harbor.application.locker.LockerView;
import dev.harbor.http.local.LockerResponse;
import java.time.Instant;
import java.util.List;

/** {@code ControllerDetails} = {@code Controller} + its lockers (the Local API's {@code Locker}) + stats. */
public record ControllerDetailsResponse(
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
        ControllerResponse.Options options,
        List<LockerResponse> lockers,
        Stats stats) {

    /** Counted since the gateway started driving the board; not kept across restarts. */
    public record Stats(long opens, long failures, String lastError, Instant lastErrorAt) {

        static Stats from(ControllerRuntime.Snapshot snapshot) {
            return new Stats(snapshot.opens(), snapshot.failures(), snapshot.lastError(), snapshot.lastErrorAt());
        }
    }

    public static ControllerDetailsResponse from(ControllerView view, List<LockerView> lockers) {
        ControllerResponse c = ControllerResponse.from(view);
        return new ControllerDetailsResponse(
                c.controllerId(),
                c.name(),
                c.protocol(),
                c.transport(),
                c.boardAddress(),
                c.bankTypeId(),
                c.lockerCount(),
                c.online(),
                c.health(),
                c.lastSeenAt(),
                c.discoveredVia(),
                c.createdAt(),
                c.options(),
                lockers.stream().map(LockerResponse::from).toList(),
                Stats.from(view.runtime()));
    }
}
