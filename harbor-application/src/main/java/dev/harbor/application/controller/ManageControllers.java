package dev.harbor.application.controller;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.rule.DisplayName;
import dev.harbor.domain.rule.InvalidValueException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The life cycle of lock controllers (admin-api.md): add one with its lockers, change it, swap a
 * dead board, grow or shrink its bank, remove it. Every change is audited.
 */
public interface ManageControllers {

    List<ControllerView> list();

    Optional<ControllerView> find(ControllerId id);

    AddResult add(AddCommand command, Actor actor);

    /**
     * Exactly one of {@code bankTypeId} and {@code lockerCount} is given for a board; neither for
     * a remote location (Bikeep), whose devices decide its lockers.
     */
    record AddCommand(
            String name,
            BoardEndpoint endpoint,
            BankTypeId bankTypeId,
            Integer lockerCount,
            DiscoveredVia discoveredVia) {
        public AddCommand {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(discoveredVia, "discoveredVia");
            DisplayName.requireValid("name", name);
            if (endpoint.protocol().isRemote()) {
                if (bankTypeId != null || lockerCount != null) {
                    throw new InvalidValueException(
                            lockerCount != null ? "lockerCount" : "bankTypeId",
                            "A " + endpoint.protocol().id() + " location's devices decide its lockers: give neither "
                                    + "bankTypeId nor lockerCount");
                }
            } else if ((bankTypeId == null) == (lockerCount == null)) {
                throw new InvalidValueException(
                        "bankTypeId",
                        "Give exactly one of bankTypeId (lockers as the bank type lays them out) and "
                                + "lockerCount (lockers of the default type)");
            }
            if (lockerCount != null) {
                endpoint.protocol().requireLockCount("lockerCount", lockerCount);
            }
        }

        /** The same command for the board at {@code endpoint}. */
        public AddCommand withEndpoint(BoardEndpoint endpoint) {
            return new AddCommand(name, endpoint, bankTypeId, lockerCount, discoveredVia);
        }
    }

    sealed interface AddResult {
        record Added(ControllerView controller) implements AddResult {}

        /**
         * Another controller answers at that bus and address. {@code existing} is {@code null} when
         * the database refused a registration that raced this one past the service's own check.
         */
        record EndpointInUse(ControllerId existing) implements AddResult {}

        record UnknownBankType(BankTypeId id) implements AddResult {}

        /** The bank type has more lockers than the board's protocol drives. */
        record TooManyLockers(int lockers, int max) implements AddResult {}

        /** A remote location was asked for, and that integration (Bikeep) is not configured. */
        record RemoteSiteOff(String message) implements AddResult {}

        /**
         * The remote site does not know the location, or it has no locker or dock to drive.
         *
         * @param problem the remote site's answer, {@code null} when it answered and the location is empty
         */
        record UnknownLocation(String locationId, String message, RemoteProblem problem) implements AddResult {}

        /** The remote site could not be reached or refused the call: nothing was added. */
        record RemoteUnavailable(String message, RemoteProblem problem) implements AddResult {}
    }

    /** Changes name and/or endpoint; {@code null} leaves a field as it is. */
    ChangeResult update(ControllerId id, String name, BoardEndpoint endpoint, Actor actor);

    /** A failed board was swapped: same lockers, states and transactions, new endpoint. */
    ChangeResult replace(ControllerId id, BoardEndpoint endpoint, Actor actor);

    sealed interface ChangeResult {
        record Changed(ControllerView controller) implements ChangeResult {}

        record NotFound() implements ChangeResult {}

        /** As {@link AddResult.EndpointInUse}: {@code existing} is {@code null} when only the database saw the clash. */
        record EndpointInUse(ControllerId existing) implements ChangeResult {}

        /** A remote location has no board to move or swap (its name may change). */
        record NotForRemote(String message) implements ChangeResult {}
    }

    RemoveResult remove(ControllerId id, boolean force, Actor actor);

    sealed interface RemoveResult {
        record Removed(int releasedTransactions) implements RemoveResult {}

        record NotFound() implements RemoveResult {}

        record HasActiveTransactions(int count) implements RemoveResult {}
    }

    AdjustResult adjustLockerCount(ControllerId id, int lockerCount, Actor actor);

    sealed interface AdjustResult {
        record Adjusted(
                ControllerId id, int previousCount, int lockerCount, List<LockerId> added, List<LockerId> removed)
                implements AdjustResult {}

        record NotFound() implements AdjustResult {}

        record HasActiveTransactions(int count) implements AdjustResult {}

        record OutOfRange(int max) implements AdjustResult {}

        /** A remote location's devices decide its locker count. */
        record NotForRemote(String message) implements AdjustResult {}
    }
}
