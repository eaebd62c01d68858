package dev.harbor.application.controller;

import dev.harbor.application.Actor;
import dev.harbor.application.controller.ManageControllers.AddCommand;
import dev.harbor.application.controller.ManageControllers.AddResult;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.health.HealthReading;
import dev.harbor.domain.transaction.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remote locations (Bikeep) as controllers: adding one reads its devices and creates a locker per
 * locker or dock; after that the device sync keeps them current.
 */
public interface RemoteLocations {

    /**
     * Adds the location of {@code command} (its endpoint is remote). The caller has checked that no
     * controller has that location yet, and serialises controller changes.
     */
    AddResult add(AddCommand command, Actor actor, Function<Controller, ControllerView> view);

    /** Starts following a stored location after a start: its devices are read by the next sync. */
    void follow(Controller controller);

    /**
     * The controller was removed: its devices are no longer followed, and those of the
     * transactions its removal ended (with force) are freed upstream.
     */
    void removed(ControllerId id, List<Transaction> released);

    /** The health of a location's gateways as last read; empty when not known. */
    Optional<HealthReading> health(ControllerId id);

    /** No remote site configured. */
    RemoteLocations OFF = new RemoteLocations() {
        @Override
        public AddResult add(AddCommand command, Actor actor, Function<Controller, ControllerView> view) {
            return new AddResult.RemoteSiteOff(
                    "The Bikeep integration is off: the gateway has no Bikeep client credentials");
        }

        @Override
        public void follow(Controller controller) {}

        @Override
        public void removed(ControllerId id, List<Transaction> released) {}

        @Override
        public Optional<HealthReading> health(ControllerId id) {
            return Optional.empty();
        }
    };
}
