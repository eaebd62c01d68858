package dev.harbor.application.locker;

import dev.harbor.domain.controller.ControllerId;

/** Optional filters of the locker list; {@code null} fields do not filter. */
public record LockerFilter(Boolean available, String lockerTypeSlug, ControllerId controllerId) {

    public static final LockerFilter NONE = new LockerFilter(null, null, null);

    public boolean matches(LockerView view) {
        return (available == null || available == view.available())
                && (lockerTypeSlug == null || lockerTypeSlug.equals(view.type().slug()))
                && (controllerId == null || controllerId.equals(view.locker().controllerId()));
    }
}
