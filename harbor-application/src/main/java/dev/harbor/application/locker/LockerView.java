package dev.harbor.application.locker;

import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.locker.Locker;

/** A locker with what the API shows beside it: its type, and the derived flags. */
public record LockerView(Locker locker, LockerType type, boolean operational) {

    public boolean available() {
        return locker.isAvailable(operational);
    }
}
