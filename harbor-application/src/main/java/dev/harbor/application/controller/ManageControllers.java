package dev.harbor.application.controller;

import dev.harbor.application.Actor;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.locker.LockerId;
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

    /** Exactly one of {@code bankTypeId} and {@code lockerCount} is given. */
    record AddCommand(
            String name,
            BoardEndpoint endpoint,
            BankTypeId bankTypeId,
            Integer lockerCount,
            DiscoveredVia discoveredVia) {
        public AddCommand {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(discoveredVia, "discoveredVia");
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("name must be 1-100 characters");
            }
            if ((bankTypeId == null) == (lockerCount == null)) {
                throw new IllegalArgumentException("give exactly one of bankTypeId and lockerCount");
            }
            if (lockerCount != null
                    && (lockerCount < 1 || lockerCount > endpoint.protocol().maxLocks())) {
                throw new IllegalArgumentException("a " + endpoint.protocol().id() + " board drives 1-"
                        + endpoint.protocol().maxLocks() + " lockers");
            }
        }
    }

    sealed interface AddResult {
        record Added(ControllerView controller) implements AddResult {}

        record EndpointInUse(ControllerId existing) implements AddResult {}

        record UnknownBankType(BankTypeId id) implements AddResult {}

        /** The bank type has more lockers than the board's protocol drives. */
        record TooManyLockers(int lockers, int max) implements AddResult {}
    }

    /** Changes name and/or endpoint; {@code null} leaves a field as it is. */
    ChangeResult update(ControllerId id, String name, BoardEndpoint endpoint, Actor actor);

    /** A failed board was swapped: same lockers, states and transactions, new endpoint. */
    ChangeResult replace(ControllerId id, BoardEndpoint endpoint, Actor actor);

    sealed interface ChangeResult {
        record Changed(ControllerView controller) implements ChangeResult {}

        record NotFound() implements ChangeResult {}

        record EndpointInUse(ControllerId existing) implements ChangeResult {}
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
    }
}
