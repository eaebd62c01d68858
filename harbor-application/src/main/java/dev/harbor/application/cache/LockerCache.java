package dev.harbor.application.cache;

import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The lockers as last read from the database, for the API's reads. The database stays the truth:
 * every write goes to it first, and the cache then re-reads the lockers it touched.
 *
 * <p>Each re-read and its update of the map happen under that locker's lock, so a slow re-read
 * can never put an older row over a newer one: whichever re-read runs later also read later.
 * Re-reads of different lockers run side by side; re-reading a whole controller excludes them.
 */
final class LockerCache {

    private final LockerStore database;
    private final ConcurrentSkipListMap<Long, Locker> byId = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<Long, Object> lockerLocks = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock wholeControllers = new ReentrantReadWriteLock();

    LockerCache(LockerStore database) {
        this.database = database;
        reloadAll();
    }

    List<Locker> all() {
        return List.copyOf(byId.values());
    }

    Optional<Locker> find(LockerId id) {
        return Optional.ofNullable(byId.get(id.value()));
    }

    List<Locker> ofController(ControllerId controller) {
        return byId.values().stream()
                .filter(l -> l.controllerId().equals(controller))
                .sorted(Comparator.comparingInt(Locker::bankLockerNumber))
                .toList();
    }

    void reload(LockerId id) {
        wholeControllers.readLock().lock();
        try {
            synchronized (lockerLocks.computeIfAbsent(id.value(), k -> new Object())) {
                database.find(id).ifPresentOrElse(l -> byId.put(id.value(), l), () -> byId.remove(id.value()));
            }
        } finally {
            wholeControllers.readLock().unlock();
        }
    }

    void reload(Collection<LockerId> ids) {
        ids.forEach(this::reload);
    }

    /** After a change of a controller's bank: its lockers are re-read, those gone are dropped. */
    void reloadController(ControllerId controller) {
        wholeControllers.writeLock().lock();
        try {
            List<Locker> fresh = database.findByController(controller);
            // Put before removing, so a reader never sees the controller's lockers missing.
            fresh.forEach(l -> byId.put(l.id().value(), l));
            java.util.Set<Long> kept = new java.util.HashSet<>();
            fresh.forEach(l -> kept.add(l.id().value()));
            byId.values().removeIf(l -> l.controllerId().equals(controller) && !kept.contains(l.id().value()));
        } finally {
            wholeControllers.writeLock().unlock();
        }
    }

    void reloadAll() {
        wholeControllers.writeLock().lock();
        try {
            List<Locker> fresh = database.findAll();
            byId.clear();
            fresh.forEach(l -> byId.put(l.id().value(), l));
        } finally {
            wholeControllers.writeLock().unlock();
        }
    }
}
