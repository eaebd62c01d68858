package dev.harbor.application.remote;

import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.ControllerStore.NewLocker;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.RemoteDevices.Kind;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote location's lockers kept in line with its devices as just read: a new device becomes a
 * new locker (the next number, type {@code bike-locker} or {@code bike-dock}), a device gone
 * upstream keeps its locker out of service with {@code DEVICE_REMOVED}, alias and code follow the
 * device, and the device's state goes to the mirror.
 */
final class LocationLockers {

    private static final Logger log = LoggerFactory.getLogger(LocationLockers.class);
    static final String BIKE_LOCKER = "bike-locker";
    static final String BIKE_DOCK = "bike-dock";

    private final ControllerStore controllers;
    private final LockerStore lockers;
    private final LayoutStore layout;
    private final DeviceMirror mirror;
    private final Clock clock;
    private final Set<String> endedUpstream = ConcurrentHashMap.newKeySet();

    LocationLockers(
            ControllerStore controllers, LockerStore lockers, LayoutStore layout, DeviceMirror mirror, Clock clock) {
        this.controllers = controllers;
        this.lockers = lockers;
        this.layout = layout;
        this.mirror = mirror;
        this.clock = clock;
    }

    /** Brings the controller's lockers in line with {@code found}, the location's devices. */
    void reconcile(ControllerId id, List<RemoteDevice> found, Instant now) {
        Map<String, Locker> byDevice = lockers.findByController(id).stream()
                .filter(Locker::isExternal)
                .collect(Collectors.toMap(l -> l.external().deviceId(), l -> l, (a, b) -> a));
        List<RemoteDevice> appeared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RemoteDevice device : found) {
            if (!isDrivable(device)) {
                continue;
            }
            seen.add(device.id());
            Locker locker = byDevice.get(device.id());
            if (locker == null) {
                appeared.add(device);
            } else {
                update(locker, device);
            }
        }
        if (!appeared.isEmpty()) {
            List<Locker> added = controllers.appendLockers(
                    id, appeared.stream().map(this::newLocker).toList(), DeviceStatus.initial(now));
            Map<String, RemoteDevice> devicesById =
                    appeared.stream().collect(Collectors.toMap(RemoteDevice::id, d -> d, (a, b) -> a));
            for (Locker locker : added) {
                mirror.read(locker.id(), devicesById.get(locker.external().deviceId()));
                log.info(
                        "Bikeep device {} appeared upstream: it is locker {}",
                        locker.external().deviceId(),
                        locker.id());
            }
        }
        for (Locker locker : byDevice.values()) {
            if (!seen.contains(locker.external().deviceId())) {
                gone(locker);
            }
        }
    }

    private void update(Locker locker, RemoteDevice device) {
        mirror.read(locker.id(), device);
        ExternalDevice now = ExternalDevice.bikeep(device.id(), device.alias(), device.code());
        if (!now.equals(locker.external())) {
            lockers.updateExternal(locker.id(), now);
        }
        if (locker.service().outOfService() && locker.service().reasonCode() == ReasonCode.DEVICE_REMOVED) {
            lockers.updateService(locker.id(), ServiceState.IN_SERVICE);
            log.info("Bikeep device {} is back upstream: locker {} is in service again", device.id(), locker.id());
        }
        String holder = locker.device().holder();
        // A command of ours in flight (a release's cancel-booking) explains an UNLOCKED device.
        if (holder != null
                && device.state() == DeviceState.UNLOCKED
                && locker.device().state() == DeviceState.BOOKED
                && !mirror.of(locker.id()).commandInFlight()) {
            if (endedUpstream.add(holder)) {
                log.warn(
                        "The booking of transaction {} on Bikeep device {} ended upstream without Harbor; the "
                                + "transaction stays, and its next open sends lock",
                        holder,
                        device.id());
            }
        } else if (holder != null) {
            endedUpstream.remove(holder);
        }
    }

    private void gone(Locker locker) {
        mirror.unreachable(locker.id());
        if (!locker.service().outOfService()) {
            lockers.updateService(
                    locker.id(),
                    ServiceState.outOfService(
                            ReasonCode.DEVICE_REMOVED, "the device is gone from its Bikeep location"));
            log.warn(
                    "Bikeep device {} is gone upstream: locker {} is out of service",
                    locker.external().deviceId(),
                    locker.id());
        }
    }

    Optional<Locker> lockerOf(ControllerId controller, String deviceId) {
        return lockers.findByController(controller).stream()
                .filter(l -> l.isExternal() && l.external().deviceId().equals(deviceId))
                .findFirst();
    }

    NewLocker newLocker(RemoteDevice device) {
        LockerTypeId type = device.kind() == Kind.BIKE_DOCK
                ? lockerType(BIKE_DOCK, "Bike dock")
                : lockerType(BIKE_LOCKER, "Bike locker");
        return new NewLocker(type, ExternalDevice.bikeep(device.id(), device.alias(), device.code()));
    }

    /** The locker type of remote devices, created when first needed and never mixed with our boards' types. */
    private LockerTypeId lockerType(String slug, String name) {
        return layout.lockerTypeBySlug(slug)
                .orElseGet(() -> layout.upsertLockerType(
                        new LockerType(new LockerTypeId(1), slug, name, null, null, null, null, clock.instant())))
                .id();
    }

    static boolean isDrivable(RemoteDevice device) {
        return device.kind() == Kind.LOCKER || device.kind() == Kind.BIKE_DOCK;
    }
}
