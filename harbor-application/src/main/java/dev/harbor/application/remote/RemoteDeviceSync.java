package dev.harbor.application.remote;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.controller.ControllerView;
import dev.harbor.application.controller.ManageControllers.AddCommand;
import dev.harbor.application.controller.ManageControllers.AddResult;
import dev.harbor.application.controller.RemoteLocations;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.RemoteDeviceRefresh;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteDevices.Kind;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.health.Health;
import dev.harbor.domain.health.HealthReading;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote locations as controllers: adding one, and the periodic sync that keeps its lockers
 * current with one device-list call per location (spec/bikeep.md). A new device becomes a new
 * locker; a device gone upstream keeps its locker, out of service with {@code DEVICE_REMOVED}; a
 * device taken without Harbor shows its real state and is not available. A location that cannot
 * be read is retried with a growing pause (up to five minutes), logged at most once a minute.
 */
final class RemoteDeviceSync implements RemoteLocations, RemoteDeviceRefresh {

    private static final Logger log = LoggerFactory.getLogger(RemoteDeviceSync.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration ERROR_LOG_EVERY = Duration.ofMinutes(1);

    private final ControllerStore controllers;
    private final LockerStore lockers;
    private final LocationLockers locationLockers;
    private final RemoteDevices devices;
    private final DeviceMirror mirror;
    private final CommandOutcomes outcomes;
    private final ControllerRuntime runtime;
    private final Auditor auditor;
    private final RemoteSiteSettings settings;
    private final Clock clock;
    private final Map<ControllerId, Following> followed = new ConcurrentHashMap<>();
    private final Queue<Refresh> refreshes = new ConcurrentLinkedQueue<>();

    /** A location being followed: where it is, its gateways' health, and its run of failures. */
    private record Following(
            String locationId, HealthReading health, int failures, Instant nextSyncAt, Instant lastErrorLogAt) {}

    private record Refresh(String locationId, String deviceId) {}

    RemoteDeviceSync(
            ControllerStore controllers,
            LockerStore lockers,
            LayoutStore layout,
            RemoteDevices devices,
            DeviceMirror mirror,
            CommandOutcomes outcomes,
            ControllerRuntime runtime,
            Auditor auditor,
            RemoteSiteSettings settings,
            Clock clock) {
        this.controllers = controllers;
        this.lockers = lockers;
        this.locationLockers = new LocationLockers(controllers, lockers, layout, mirror, clock);
        this.devices = devices;
        this.mirror = mirror;
        this.outcomes = outcomes;
        this.runtime = runtime;
        this.auditor = auditor;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public AddResult add(AddCommand command, Actor actor, Function<Controller, ControllerView> view) {
        String locationId = locationOf(command.endpoint().transport());
        List<RemoteDevice> found;
        try {
            found = devices.devices(locationId);
        } catch (RemoteSiteException e) {
            RemoteProblem problem = RemoteProblem.of(e);
            auditor.record(actor, "controller.add", command.name(), "FAILED", "Bikeep location " + locationId);
            if (problem.kind() == RemoteProblem.Kind.NOT_FOUND) {
                return new AddResult.UnknownLocation(
                        locationId, "Bikeep does not know location " + locationId, problem);
            }
            return new AddResult.RemoteUnavailable("Bikeep could not be reached: " + e.getMessage(), problem);
        }
        List<RemoteDevice> drivable =
                found.stream().filter(LocationLockers::isDrivable).toList();
        if (drivable.isEmpty()) {
            return new AddResult.UnknownLocation(
                    locationId, "Bikeep location " + locationId + " has no locker or bike dock to drive", null);
        }
        Instant now = clock.instant();
        ControllerStore.Registered registered;
        try {
            registered = controllers.register(
                    new ControllerStore.NewController(
                            command.name(), command.endpoint(), null, command.discoveredVia(), now),
                    drivable.stream().map(locationLockers::newLocker).toList(),
                    DeviceStatus.initial(now));
        } catch (ControllerStore.EndpointInUseException e) {
            return new AddResult.EndpointInUse(null);
        }
        Controller controller = registered.controller();
        runtime.attached(controller.id(), controller.endpoint().protocol(), now);
        followed.put(controller.id(), new Following(locationId, HealthReading.NEVER_HEARD, 0, now, null));
        apply(controller.id(), found, now);
        auditor.record(
                actor,
                "controller.add",
                "controller " + controller.id(),
                "OK",
                controller.name() + ", Bikeep location " + locationId + ", " + drivable.size() + " devices");
        return new AddResult.Added(view.apply(controller));
    }

    @Override
    public void follow(Controller controller) {
        Instant now = clock.instant();
        runtime.attached(controller.id(), controller.endpoint().protocol(), now);
        runtime.silent(controller.id(), "not read from Bikeep yet", now);
        followed.put(
                controller.id(),
                new Following(locationOf(controller.endpoint().transport()), HealthReading.NEVER_HEARD, 0, now, null));
    }

    @Override
    public void removed(ControllerId id, List<Transaction> released) {
        followed.remove(id);
        // Their transactions ended with the controller: their devices must not stay booked upstream.
        for (Transaction transaction : released) {
            mirror.deviceOf(transaction.lockerId()).ifPresent(device -> outcomes.free(transaction.lockerId(), device));
            mirror.forget(transaction.lockerId());
        }
    }

    @Override
    public Optional<HealthReading> health(ControllerId id) {
        return Optional.ofNullable(followed.get(id)).map(Following::health);
    }

    /** The controller a location was added as. */
    Optional<ControllerId> controllerOf(String locationId) {
        return followed.entrySet().stream()
                .filter(e -> e.getValue().locationId().equals(locationId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public void refresh(String locationId, String deviceId) {
        refreshes.add(new Refresh(locationId, deviceId));
    }

    /**
     * Reads every followed location whose turn has come: one device-list call each.
     *
     * @return how many locations were read successfully
     */
    synchronized int syncDue() {
        Instant now = clock.instant();
        int read = 0;
        RemoteSiteException outage = null;
        for (Map.Entry<ControllerId, Following> e : followed.entrySet()) {
            if (now.isBefore(e.getValue().nextSyncAt())) {
                continue;
            }
            if (outage != null) {
                // Bikeep itself could not be reached a moment ago: the other locations would only
                // wait out the same timeouts and retries, and hold up the command round.
                failed(e.getKey(), e.getValue(), outage, now);
                continue;
            }
            Optional<RemoteSiteException> failure;
            try {
                failure = sync(e.getKey());
            } catch (RuntimeException bug) {
                // One location's surprise (a device already held by another controller, a store
                // failure) must not keep the others from their sync.
                log.error("Syncing Bikeep location {} failed", e.getValue().locationId(), bug);
                Instant next = now.plus(settings.syncInterval());
                followed.computeIfPresent(
                        e.getKey(),
                        (k, f) -> new Following(f.locationId(), f.health(), f.failures(), next, f.lastErrorLogAt()));
                continue;
            }
            if (failure.isEmpty()) {
                read++;
            } else if (failure.get().kind() == RemoteSiteException.Kind.UNAVAILABLE) {
                outage = failure.get();
            }
        }
        return read;
    }

    /** Answers the re-reads webhooks asked for. */
    synchronized void refreshRequested() {
        Refresh refresh;
        while ((refresh = refreshes.poll()) != null) {
            Optional<ControllerId> controller = controllerOf(refresh.locationId());
            if (controller.isEmpty()) {
                continue;
            }
            if (refresh.deviceId() == null) {
                sync(controller.get());
                continue;
            }
            Optional<Locker> locker = locationLockers.lockerOf(controller.get(), refresh.deviceId());
            if (locker.isPresent()) {
                try {
                    mirror.read(locker.get().id(), devices.device(refresh.deviceId()));
                } catch (RemoteSiteException e) {
                    log.debug("Re-reading device {} failed: {}", refresh.deviceId(), e.getMessage());
                }
            }
        }
    }

    /** Reads one location; @return why it could not be read, empty when it was */
    private Optional<RemoteSiteException> sync(ControllerId id) {
        Following following = followed.get(id);
        if (following == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            List<RemoteDevice> found = devices.devices(following.locationId());
            apply(id, found, now);
            return Optional.empty();
        } catch (RemoteSiteException e) {
            failed(id, following, e, now);
            return Optional.of(e);
        }
    }

    private void failed(ControllerId id, Following following, RemoteSiteException e, Instant now) {
        int failures = following.failures() + 1;
        Duration pause = settings.syncInterval().multipliedBy(1L << Math.min(failures - 1, 16));
        if (pause.compareTo(MAX_BACKOFF) > 0) {
            pause = MAX_BACKOFF;
        }
        Instant lastLog = following.lastErrorLogAt();
        boolean logNow = lastLog == null || !now.isBefore(lastLog.plus(ERROR_LOG_EVERY));
        if (logNow) {
            log.error(
                    "Bikeep location {} (controller {}) could not be read ({} time(s) in a row, next try in {} s): {}",
                    following.locationId(),
                    id,
                    failures,
                    pause.toSeconds(),
                    e.getMessage());
        }
        Instant loggedAt = logNow ? now : lastLog;
        Instant next = now.plus(pause);
        followed.computeIfPresent(
                id,
                (k, f) -> new Following(f.locationId(), unheard(f.health(), failures, now), failures, next, loggedAt));
        runtime.silent(id, "Bikeep could not be read: " + e.getMessage(), now);
        lockers.findByController(id).forEach(l -> mirror.unreachable(l.id()));
    }

    /**
     * The gateways' health while the location cannot be read: no longer the last reading.
     * {@code UNHEALTHY} at first, {@code DEAD} from the third failure in a row.
     */
    private static HealthReading unheard(HealthReading last, int failures, Instant now) {
        boolean alive = last.health() == Health.HEALTHY || last.health() == Health.UNHEALTHY;
        if (!alive) {
            return last;
        }
        return failures >= 3 ? new HealthReading(Health.DEAD, now) : new HealthReading(Health.UNHEALTHY, null);
    }

    /** Brings the controller's lockers in line with the devices just read. */
    private void apply(ControllerId id, List<RemoteDevice> found, Instant now) {
        List<RemoteDevice> guards =
                found.stream().filter(d -> d.kind() == Kind.GUARD).toList();
        HealthReading health = guardHealth(guards, now);
        boolean online = guards.stream().anyMatch(RemoteDevice::isOnline);
        followed.computeIfPresent(
                id, (k, f) -> new Following(f.locationId(), health, 0, now.plus(settings.syncInterval()), null));
        // Bikeep answered: that is the controller's last sighting (lastSeenAt), whatever its gateways say.
        runtime.answered(id, now);
        if (!online) {
            runtime.silent(
                    id, guards.isEmpty() ? "the location has no gateway" : "no gateway of the location answers", now);
        }
        locationLockers.reconcile(id, found, now);
    }

    /** The best health among the gateways: the location is reachable while one of them is. */
    private static HealthReading guardHealth(List<RemoteDevice> guards, Instant now) {
        Optional<RemoteDevice> best = guards.stream().min(Comparator.comparing(RemoteDevice::health));
        if (best.isEmpty()) {
            return HealthReading.NEVER_HEARD;
        }
        Health health = best.get().health();
        Instant deadSince = best.get().deadSince();
        if (health == Health.DEAD && deadSince == null) {
            deadSince = now; // Bikeep did not say since when: it is dead as of this read
        }
        return new HealthReading(health, best.get().isOnline() ? null : deadSince);
    }

    private static String locationOf(Transport transport) {
        if (transport instanceof Transport.Bikeep bikeep) {
            return bikeep.locationId();
        }
        throw new IllegalArgumentException("not a remote location: " + transport.type());
    }
}
