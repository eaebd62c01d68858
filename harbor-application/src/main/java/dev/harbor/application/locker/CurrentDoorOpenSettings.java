package dev.harbor.application.locker;

/**
 * Where the door-open policy reads its numbers, once per open, so a change through
 * {@code PATCH /system} applies to the next open. The runtime settings answer it.
 */
@FunctionalInterface
public interface CurrentDoorOpenSettings {

    DoorOpenSettings doorOpenSettings();
}
