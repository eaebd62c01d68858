package dev.harbor.application.port;

import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Controllers and the lockers they own. Every change of a controller's bank of lockers is one
 * database transaction: lockers never exist without their controller, and a locker holding an
 * active transaction is never removed unless the caller forces it (which releases it).
 */
public interface ControllerStore {

    List<Controller> findAll();

    Optional<Controller> find(ControllerId id);

    /**
     * Creates the controller and one locker per entry of {@code lockerTypes} (bank locker number
     * = index + 1), all with {@code initial} device status and in service. New ids are never reused.
     *
     * @throws EndpointInUseException when another controller has the same bus and board address
     */
    default Registered add(NewController controller, List<LockerTypeId> lockerTypes, DeviceStatus initial) {
        return register(
                controller, lockerTypes.stream().map(NewLocker::ownBoard).toList(), initial);
    }

    /**
     * As {@link #add}, with each locker's remote device where there is one (a Bikeep location's
     * lockers). The controller's locker count is the number of lockers.
     *
     * @throws EndpointInUseException when another controller has the same bus and board address
     */
    Registered register(NewController controller, List<NewLocker> lockers, DeviceStatus initial);

    /**
     * A locker to create.
     *
     * @param external the remote device it stands for; {@code null} behind one of our boards
     */
    record NewLocker(LockerTypeId lockerTypeId, ExternalDevice external) {

        public NewLocker {
            Objects.requireNonNull(lockerTypeId, "lockerTypeId");
        }

        public static NewLocker ownBoard(LockerTypeId lockerTypeId) {
            return new NewLocker(lockerTypeId, null);
        }
    }

    /**
     * In one database transaction: appends {@code lockers} to the controller's bank (the next bank
     * locker numbers, new ids, {@code initial} status, in service) and raises its locker count to
     * match: a device that appeared in a remote location.
     *
     * @return the lockers created, in bank order; empty when the controller does not exist
     */
    List<Locker> appendLockers(ControllerId id, List<NewLocker> lockers, DeviceStatus initial);

    record NewController(
            String name,
            BoardEndpoint endpoint,
            BankTypeId bankTypeId,
            DiscoveredVia discoveredVia,
            Instant createdAt) {}

    record Registered(Controller controller, List<Locker> lockers) {}

    /**
     * Writes name and endpoint (replacing a board keeps every locker and transaction as they are).
     *
     * @return {@code false} when the controller does not exist
     * @throws EndpointInUseException when another controller has the same bus and board address
     */
    boolean update(Controller controller);

    /**
     * Another controller already answers on the same bus at the same board address. The database
     * enforces this too, so two concurrent registrations cannot both succeed.
     */
    final class EndpointInUseException extends RuntimeException {
        public EndpointInUseException(BoardEndpoint endpoint) {
            super("a controller is already registered at board address " + endpoint.boardAddress() + " on "
                    + endpoint.transport().busKey());
        }
    }

    /**
     * Removes the controller and its lockers. Without {@code force} it removes nothing while any
     * of them holds an active transaction; with it, those transactions are released first.
     */
    Removal remove(ControllerId id, boolean force, Instant now);

    sealed interface Removal {
        record Removed(List<Transaction> releasedTransactions) implements Removal {}

        record Refused(List<Transaction> activeTransactions) implements Removal {}

        record NotFound() implements Removal {}
    }

    /**
     * Grows (new lockers of {@code newLockerType}, new ids) or shrinks (highest bank locker numbers
     * first) the controller's bank, refusing to remove a locker that holds an active transaction.
     */
    Adjustment adjustLockerCount(ControllerId id, int lockerCount, LockerTypeId newLockerType, DeviceStatus initial);

    sealed interface Adjustment {
        record Adjusted(int previousCount, int lockerCount, List<LockerId> added, List<LockerId> removed)
                implements Adjustment {}

        record Refused(List<Transaction> activeTransactions) implements Adjustment {}

        record NotFound() implements Adjustment {}
    }
}
