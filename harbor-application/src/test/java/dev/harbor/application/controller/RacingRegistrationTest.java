package dev.harbor.application.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.controller.ManageControllers.AddCommand;
import dev.harbor.application.controller.ManageControllers.AddResult;
import dev.harbor.application.controller.ManageControllers.ChangeResult;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.health.HeartbeatThresholds;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.Locker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Another gateway on the same database registers a board between this service's own check and
 * its write: only the store's unique index sees the clash, and the caller still gets a result.
 */
class RacingRegistrationTest {

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final ControllerService service = new ControllerService(
            new UnseenControllers(fixture.db.controllerStore()),
            fixture.db.layoutStore(),
            fixture.board,
            new ControllerRuntime(),
            RemoteLocations.OFF,
            fixture.auditor,
            () -> HeartbeatThresholds.DEFAULTS,
            fixture.clock);

    @Test
    void an_add_refused_only_by_the_store_is_endpoint_in_use_without_a_known_controller() {
        AddResult result = service.add(
                new AddCommand("Twin", UseCaseFixture.endpoint("bus-1", 0), null, 4, DiscoveredVia.MANUAL),
                Actor.admin("tech"));

        assertThat(result).isEqualTo(new AddResult.EndpointInUse(null));
    }

    @Test
    void a_move_refused_only_by_the_store_is_endpoint_in_use_without_a_known_controller() {
        ControllerId other = ((AddResult.Added) service.add(
                        new AddCommand("Other", UseCaseFixture.endpoint("bus-2", 0), null, 4, DiscoveredVia.MANUAL),
                        Actor.admin("tech")))
                .controller()
                .controller()
                .id();

        ChangeResult result = service.replace(other, UseCaseFixture.endpoint("bus-1", 0), Actor.admin("tech"));

        assertThat(result).isEqualTo(new ChangeResult.EndpointInUse(null));
    }

    /** A store whose list does not show the controllers yet, as if they were written a moment ago elsewhere. */
    private record UnseenControllers(ControllerStore store) implements ControllerStore {

        @Override
        public List<Controller> findAll() {
            return List.of();
        }

        @Override
        public Optional<Controller> find(ControllerId id) {
            return store.find(id);
        }

        @Override
        public Registered register(NewController controller, List<NewLocker> lockers, DeviceStatus initial) {
            return store.register(controller, lockers, initial);
        }

        @Override
        public List<Locker> appendLockers(ControllerId id, List<NewLocker> lockers, DeviceStatus initial) {
            return store.appendLockers(id, lockers, initial);
        }

        @Override
        public boolean update(Controller controller) {
            return store.update(controller);
        }

        @Override
        public Removal remove(ControllerId id, boolean force, Instant now) {
            return store.remove(id, force, now);
        }

        @Override
        public Adjustment adjustLockerCount(
                ControllerId id, int lockerCount, LockerTypeId newLockerType, DeviceStatus initial) {
            return store.adjustLockerCount(id, lockerCount, newLockerType, initial);
        }
    }
}
