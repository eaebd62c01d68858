package dev.harbor.application.locker;

import dev.harbor.application.Actor;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;

/** Taking a locker out of service, or back; its transaction (if any) is kept. Audited. */
public interface UpdateServiceState {

    /** @return {@code false} when the locker does not exist */
    boolean update(LockerId id, ServiceState service, Actor actor);
}
