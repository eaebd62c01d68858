package dev.harbor.persistence;

import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.transaction.TransactionId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a separate JVM by {@link SqliteDatabaseTest}: assigns a transaction, says so, and waits
 * to be killed with SIGKILL, never closing the database.
 */
public final class KillNineChild {

    public static void main(String[] args) throws InterruptedException {
        Instant now = Instant.parse("2026-02-20T22:56:40.123Z");
        Database db = Database.sqlite(Path.of(args[0]));
        LockerType type = db.layoutStore()
                .upsertLockerType(new LockerType(new LockerTypeId(1), "medium", "Medium", null, null, null, null, now));
        ControllerStore.Registered controller = db.controllerStore()
                .add(
                        new ControllerStore.NewController(
                                "Tower",
                                new BoardEndpoint(
                                        Protocol.XOR8A, new Transport.Simulated("bus"), 1, ProtocolOptions.DEFAULTS),
                                null,
                                DiscoveredVia.MANUAL,
                                now),
                        List.of(type.id()),
                        DeviceStatus.initial(now));
        Assignment result = db.transactionStore()
                .assign(
                        new TransactionId("order-1138"),
                        List.of(controller.lockers().get(0).id()),
                        new DeviceStatus(DeviceState.BOOKED, now, null, "order-1138", null, null, null),
                        now);
        if (!(result instanceof Assignment.Assigned)) {
            throw new IllegalStateException("expected an assignment, got " + result);
        }
        System.out.println("COMMITTED");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
