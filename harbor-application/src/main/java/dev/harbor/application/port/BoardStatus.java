package dev.harbor.application.port;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One status read of a board: the reading of each lock, keyed by lock number from 1.
 */
public record BoardStatus(Map<Integer, LockReading> locks) {

    /**
     * @param doorOpen    {@code true} when the lock's feedback says open (unlatched)
     * @param itemPresent the item sensor, {@code null} when the board has none
     */
    public record LockReading(boolean doorOpen, Boolean itemPresent) {}

    public BoardStatus {
        Objects.requireNonNull(locks, "locks");
        locks = Collections.unmodifiableMap(new TreeMap<>(locks));
    }
}
