package dev.harbor.application.locker;

/**
 * Where the door-open policy reads its numbers, once per open, so a change through
 * {@code PATCH /system} applies to the next open. The runtime settings answer it.
 */
@FunctionalInterface
public interface CurrentDoorOpenSettings {

    DoorOpenSettings doorOpenSettings();

    /** Always the same numbers: for tests, benchmarks and tools without runtime settings. */
    static CurrentDoorOpenSettings fixed(DoorOpenSettings settings) {
        java.util.Objects.requireNonNull(settings, "settings");
        return () -> settings;
    }
}
