package dev.harbor.application.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.controller.ManageControllers.AddCommand;
import dev.harbor.application.controller.ManageControllers.AddResult;
import dev.harbor.application.controller.ManageControllers.AdjustResult;
import dev.harbor.application.controller.ManageControllers.ChangeResult;
import dev.harbor.application.controller.ManageControllers.RemoveResult;
import dev.harbor.application.locker.LockerFilter;
import dev.harbor.application.locker.LockerView;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.TransactionView;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.health.Health;
import dev.harbor.domain.health.HealthReading;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerServiceTest {

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final ManageControllers service = fixture.controllers;
    private final Actor technician = Actor.admin("tech");

    private ControllerId addByCount(String bus, int count) {
        AddResult result = service.add(
                new AddCommand("Extra", UseCaseFixture.endpoint(bus, 0), null, count, DiscoveredVia.MANUAL),
                technician);
        return ((AddResult.Added) result).controller().controller().id();
    }

    @Test
    void adding_a_controller_by_count_creates_its_lockers_of_the_default_type() {
        ControllerId id = addByCount("bus-2", 6);

        List<Locker> lockers = fixture.db.lockerStore().findByController(id);
        assertThat(lockers).hasSize(6).extracting(Locker::bankLockerNumber).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(lockers)
                .extracting(Locker::lockerTypeId)
                .containsOnly(fixture.locker(1).lockerTypeId());
    }

    @Test
    void adding_a_board_at_an_endpoint_already_in_use_is_refused_and_creates_nothing() {
        int before = fixture.allLockers().size();

        AddResult result = service.add(
                new AddCommand("Twin", UseCaseFixture.endpoint("bus-1", 0), null, 4, DiscoveredVia.MANUAL), technician);

        assertThat(result).isEqualTo(new AddResult.EndpointInUse(fixture.controller));
        assertThat(fixture.allLockers()).hasSize(before);
    }

    @Test
    void a_board_of_another_protocol_on_the_same_bus_is_refused() {
        AddResult result = service.add(
                new AddCommand(
                        "Other",
                        new dev.harbor.domain.controller.BoardEndpoint(
                                dev.harbor.domain.controller.Protocol.XOR8A,
                                new dev.harbor.domain.controller.Transport.Simulated("bus-1"),
                                5,
                                dev.harbor.domain.controller.ProtocolOptions.DEFAULTS),
                        null,
                        4,
                        DiscoveredVia.MANUAL),
                technician);

        assertThat(result).isEqualTo(new AddResult.EndpointInUse(fixture.controller));
    }

    @Test
    void shrinking_over_active_transactions_is_refused_and_removes_nothing() {
        ControllerId id = addByCount("bus-2", 4);
        fixture.answered(id);
        for (int i = 0; i < 8; i++) {
            fixture.createTransaction("fill-" + i);
        }

        AdjustResult result = service.adjustLockerCount(id, 1, technician);

        assertThat(result).isEqualTo(new AdjustResult.HasActiveTransactions(3));
        assertThat(fixture.db.lockerStore().findByController(id)).hasSize(4);
    }

    @Test
    void growing_adds_lockers_with_new_ids_and_shrinking_removes_the_highest_numbers() {
        ControllerId id = addByCount("bus-2", 2);
        List<Locker> before = fixture.db.lockerStore().findByController(id);

        AdjustResult grown = service.adjustLockerCount(id, 4, technician);
        AdjustResult shrunk = service.adjustLockerCount(id, 3, technician);

        AdjustResult.Adjusted growth = (AdjustResult.Adjusted) grown;
        assertThat(growth.previousCount()).isEqualTo(2);
        assertThat(growth.added())
                .hasSize(2)
                .doesNotContainAnyElementsOf(before.stream().map(Locker::id).toList());
        AdjustResult.Adjusted shrink = (AdjustResult.Adjusted) shrunk;
        assertThat(shrink.removed()).containsExactly(growth.added().get(1));
        assertThat(fixture.db.lockerStore().findByController(id))
                .extracting(Locker::bankLockerNumber)
                .containsExactly(1, 2, 3);
        assertThat(service.adjustLockerCount(id, 17, technician)).isEqualTo(new AdjustResult.OutOfRange(16));
    }

    @Test
    void replacing_a_board_keeps_every_locker_state_and_transaction_and_reattaches_the_new_endpoint() {
        TransactionView transaction = fixture.createTransaction("order-1");
        List<Locker> before = fixture.db.lockerStore().findByController(fixture.controller);

        ChangeResult result = service.replace(fixture.controller, UseCaseFixture.endpoint("bus-9", 3), technician);

        assertThat(result).isInstanceOf(ChangeResult.Changed.class);
        assertThat(((ChangeResult.Changed) result)
                        .controller()
                        .controller()
                        .endpoint()
                        .transport()
                        .busKey())
                .isEqualTo("simulated:bus-9");
        assertThat(fixture.db.lockerStore().findByController(fixture.controller))
                .isEqualTo(before);
        assertThat(fixture.transactions.find(transaction.transactionId())).contains(transaction);
    }

    @Test
    void a_replaced_board_keeps_the_controllers_counters_of_opens_and_failures() {
        fixture.board
                .then(new dev.harbor.application.locker.ScriptedLockBoard.HardwareFails("stuck"))
                .then(new dev.harbor.application.locker.ScriptedLockBoard.Opens(true));
        fixture.core.openLocker().openLocker(fixture.locker(1).id(), technician);
        fixture.core.openLocker().openLocker(fixture.locker(2).id(), technician);

        service.replace(fixture.controller, UseCaseFixture.endpoint("bus-9", 3), technician);

        ControllerRuntime.Snapshot after =
                service.find(fixture.controller).orElseThrow().runtime();
        assertThat(after.opens()).isEqualTo(1);
        assertThat(after.failures()).isEqualTo(1);
        assertThat(after.lastError()).isEqualTo("stuck");
        assertThat(after.lastSeenAt())
                .as("nothing heard from the new board yet")
                .isNull();
    }

    @Test
    void removing_a_controller_with_an_active_transaction_needs_force_which_releases_it() {
        TransactionView transaction = fixture.createTransaction("order-1");

        assertThat(service.remove(fixture.controller, false, technician))
                .isEqualTo(new RemoveResult.HasActiveTransactions(1));
        assertThat(fixture.allLockers()).hasSize(4);

        assertThat(service.remove(fixture.controller, true, technician)).isEqualTo(new RemoveResult.Removed(1));
        assertThat(fixture.allLockers()).isEmpty();
        assertThat(fixture.transactions.find(transaction.transactionId())).isEmpty();
        assertThat(fixture.db.auditTrail().recent(20, null))
                .extracting(e -> e.action())
                .contains("transaction.force-release", "controller.remove");
    }

    @Test
    void a_controller_not_heard_from_since_attach_is_never_healthy_and_classified_from_its_attach_time() {
        ControllerId id = addByCount("bus-2", 2);

        assertThat(service.find(id).orElseThrow().health()).isEqualTo(new HealthReading(Health.UNHEALTHY, null));
        fixture.clock.advance(Duration.ofSeconds(31));
        assertThat(service.find(id).orElseThrow().health().health()).isEqualTo(Health.DEAD);
        assertThat(service.find(id).orElseThrow().runtime().lastSeenAt()).isNull();
    }

    @Test
    void a_controller_just_added_is_offline_and_its_lockers_are_never_handed_out_until_its_board_answers() {
        fillEveryLockerOf(fixture.controller);
        ControllerId id = addByCount("bus-2", 2);

        ControllerView added = service.find(id).orElseThrow();
        assertThat(added.runtime().online()).isFalse();
        assertThat(added.runtime().offlineReason()).isEqualTo(ControllerRuntime.AWAITING_FIRST_ANSWER);
        assertThat(lockersOf(id)).extracting(LockerView::operational).containsOnly(false);
        assertThat(create("new-1")).isInstanceOf(CreateTransaction.Result.NoAvailableLocker.class);

        fixture.answered(id);

        ControllerView answered = service.find(id).orElseThrow();
        assertThat(answered.runtime().online()).isTrue();
        assertThat(answered.health()).isEqualTo(new HealthReading(Health.HEALTHY, null));
        assertThat(lockersOf(id)).extracting(LockerView::operational).containsOnly(true);
        assertThat(create("new-1")).isInstanceOf(CreateTransaction.Result.Created.class);
    }

    @Test
    void the_answer_of_adding_a_controller_says_it_is_offline_and_unhealthy() {
        AddResult result = service.add(
                new AddCommand("Extra", UseCaseFixture.endpoint("bus-2", 0), null, 2, DiscoveredVia.MANUAL),
                technician);

        ControllerView view = ((AddResult.Added) result).controller();
        assertThat(view.runtime().online()).isFalse();
        assertThat(view.runtime().lastSeenAt()).isNull();
        assertThat(view.health().health()).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void a_controller_that_never_answers_stays_offline_after_its_polls_fail() {
        ControllerId id = addByCount("bus-2", 2);

        fixture.sensing.statusFailed(id, "no reply", fixture.clock.instant());

        assertThat(service.find(id).orElseThrow().runtime().online()).isFalse();
        assertThat(lockersOf(id)).extracting(LockerView::operational).containsOnly(false);
    }

    @Test
    void at_start_up_the_controllers_are_offline_and_their_lockers_not_handed_out_until_the_first_poll_answers() {
        UseCaseFixture starting = UseCaseFixture.beforeFirstPoll();

        assertThat(starting.controllers
                        .find(starting.controller)
                        .orElseThrow()
                        .runtime()
                        .online())
                .isFalse();
        assertThat(starting.core.queryLockers().list(LockerFilter.NONE))
                .extracting(LockerView::operational)
                .containsOnly(false);
        assertThat(starting.core
                        .createTransaction()
                        .create(new CreateTransaction.Command(new TransactionId("a"), null)))
                .isInstanceOf(CreateTransaction.Result.NoAvailableLocker.class);

        starting.answered(starting.controller);

        assertThat(starting.core.queryLockers().list(LockerFilter.NONE))
                .extracting(LockerView::operational)
                .containsOnly(true);
        assertThat(starting.core
                        .createTransaction()
                        .create(new CreateTransaction.Command(new TransactionId("a"), null)))
                .isInstanceOf(CreateTransaction.Result.Created.class);
    }

    @Test
    void a_board_that_answers_the_read_at_start_up_is_online_when_the_start_returns() {
        UseCaseFixture started = new UseCaseFixture();

        assertThat(started.controllers
                        .find(started.controller)
                        .orElseThrow()
                        .runtime()
                        .online())
                .isTrue();
        assertThat(started.core.queryLockers().list(LockerFilter.NONE))
                .extracting(LockerView::operational)
                .containsOnly(true);
    }

    @Test
    void a_replaced_board_is_offline_until_the_new_board_answers() {
        fixture.board.then(new dev.harbor.application.locker.ScriptedLockBoard.Opens(true));

        service.replace(fixture.controller, UseCaseFixture.endpoint("bus-9", 3), technician);

        assertThat(service.find(fixture.controller).orElseThrow().runtime().online())
                .isFalse();
        assertThat(lockersOf(fixture.controller))
                .extracting(LockerView::operational)
                .containsOnly(false);
        assertThat(create("t-1")).isInstanceOf(CreateTransaction.Result.NoAvailableLocker.class);

        fixture.answered(fixture.controller);

        assertThat(lockersOf(fixture.controller))
                .extracting(LockerView::operational)
                .containsOnly(true);
        assertThat(create("t-1")).isInstanceOf(CreateTransaction.Result.Created.class);
    }

    @Test
    void controllers_asking_for_a_simulated_bus_of_their_own_each_get_one_stored_under_its_name() {
        BoardEndpoint own =
                new BoardEndpoint(Protocol.KERONG_CU16, Transport.Simulated.ownBus(), 0, ProtocolOptions.DEFAULTS);

        ControllerView first = ((AddResult.Added)
                        service.add(new AddCommand("Own 1", own, null, 2, DiscoveredVia.MANUAL), technician))
                .controller();
        ControllerView second = ((AddResult.Added)
                        service.add(new AddCommand("Own 2", own, null, 2, DiscoveredVia.MANUAL), technician))
                .controller();

        BoardEndpoint stored = fixture.db
                .controllerStore()
                .find(first.controller().id())
                .orElseThrow()
                .endpoint();
        assertThat(stored).isEqualTo(first.controller().endpoint());
        assertThat(stored.hasUnnamedBus()).isFalse();
        assertThat(fixture.board.attached(first.controller().id())).contains(stored);
        assertThat(second.controller().endpoint().transport().busKey())
                .isNotEqualTo(stored.transport().busKey());
    }

    @Test
    void a_board_replaced_by_one_asking_for_a_bus_of_its_own_gets_a_new_named_bus() {
        ChangeResult result = service.replace(
                fixture.controller,
                new BoardEndpoint(Protocol.KERONG_CU16, Transport.Simulated.ownBus(), 2, ProtocolOptions.DEFAULTS),
                technician);

        BoardEndpoint stored = fixture.db
                .controllerStore()
                .find(fixture.controller)
                .orElseThrow()
                .endpoint();
        assertThat(((ChangeResult.Changed) result).controller().controller().endpoint())
                .isEqualTo(stored);
        assertThat(((Transport.Simulated) stored.transport()).bus()).startsWith("sim-");
        assertThat(stored.boardAddress()).isEqualTo(2);
    }

    private List<LockerView> lockersOf(ControllerId id) {
        return fixture.core.queryLockers().list(new LockerFilter(null, null, id));
    }

    private CreateTransaction.Result create(String id) {
        return fixture.core.createTransaction().create(new CreateTransaction.Command(new TransactionId(id), null));
    }

    private void fillEveryLockerOf(ControllerId id) {
        int count = fixture.db.lockerStore().findByController(id).size();
        for (int i = 0; i < count; i++) {
            fixture.createTransaction("fill-" + i);
        }
    }
}
