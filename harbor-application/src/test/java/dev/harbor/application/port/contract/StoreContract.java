package dev.harbor.application.port.contract;

import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.ControllerStore.NewController;
import dev.harbor.application.port.ControllerStore.NewLocker;
import dev.harbor.application.port.ControllerStore.Registered;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every port contract needs: a fresh, empty set of stores before each test, and a few ways
 * to put lockers in them. An implementation's test subclasses a contract and says how to open and
 * close its stores.
 */
public abstract class StoreContract {

    protected static final Instant T0 = Instant.parse("2026-02-20T22:56:40.123Z");

    protected Stores stores;

    private final AtomicInteger buses = new AtomicInteger();

    /** Stores over empty data, not shared with any other test. */
    protected abstract Stores openStores();

    /** Releases what {@link #openStores()} opened. */
    protected void closeStores() {}

    @BeforeEach
    final void open() {
        stores = openStores();
    }

    @AfterEach
    final void close() {
        closeStores();
    }

    protected LockerType lockerType(String slug) {
        return stores.layout()
                .upsertLockerType(
                        new LockerType(new LockerTypeId(1), slug, "Type " + slug, null, null, null, null, T0));
    }

    protected static NewController newController(String name, BoardEndpoint endpoint) {
        return new NewController(name, endpoint, null, DiscoveredVia.MANUAL, T0);
    }

    /** A simulated xor8a board on a bus of its own. */
    protected BoardEndpoint freshEndpoint() {
        return new BoardEndpoint(
                Protocol.XOR8A, new Transport.Simulated("bus-" + buses.incrementAndGet()), 1, ProtocolOptions.DEFAULTS);
    }

    /** A Bikeep location: no board, the location id is the whole endpoint. */
    protected static BoardEndpoint bikeepLocation(String locationId) {
        return new BoardEndpoint(Protocol.BIKEEP, new Transport.Bikeep(locationId), 0, ProtocolOptions.DEFAULTS);
    }

    /** A Bikeep location registered with one locker per device, in the order given. */
    protected Registered locationWith(String locationId, ExternalDevice... devices) {
        LockerTypeId type = stores.layout()
                .lockerTypeBySlug("bike-locker")
                .orElseGet(() -> lockerType("bike-locker"))
                .id();
        List<NewLocker> lockers = new ArrayList<>();
        for (ExternalDevice device : devices) {
            lockers.add(new NewLocker(type, device));
        }
        return stores.controllers()
                .register(newController("Station " + locationId, bikeepLocation(locationId)), lockers, free(T0));
    }

    protected Registered controllerWith(int lockers) {
        LockerTypeId type = stores.layout()
                .lockerTypeBySlug("medium")
                .orElseGet(() -> lockerType("medium"))
                .id();
        return stores.controllers()
                .add(
                        newController("Tower " + buses.get(), freshEndpoint()),
                        Collections.nCopies(lockers, type),
                        DeviceStatus.initial(T0));
    }

    /** That many free lockers, on as many controllers as it takes. */
    protected List<LockerId> freeLockers(int count) {
        List<LockerId> ids = new ArrayList<>();
        while (ids.size() < count) {
            int batch = Math.min(Protocol.XOR8A.maxLocks(), count - ids.size());
            controllerWith(batch).lockers().forEach(l -> ids.add(l.id()));
        }
        return ids;
    }

    protected static DeviceStatus booked(TransactionId id, Instant at) {
        return new DeviceStatus(DeviceState.BOOKED, at, null, id.value(), null, null, null);
    }

    protected static DeviceStatus free(Instant at) {
        return DeviceStatus.initial(at);
    }

    protected static TransactionId tx(String id) {
        return new TransactionId(id);
    }

    protected ControllerStore controllers() {
        return stores.controllers();
    }
}
