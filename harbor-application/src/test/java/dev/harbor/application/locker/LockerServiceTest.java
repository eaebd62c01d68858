package dev.harbor.application.locker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.locker.ScriptedLockBoard.CommunicationFails;
import dev.harbor.application.locker.ScriptedLockBoard.HardwareFails;
import dev.harbor.application.locker.ScriptedLockBoard.Opens;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.transaction.TransactionView;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.TransactionId;
import org.junit.jupiter.api.Test;

class LockerServiceTest {

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final LockerService service = (LockerService) fixture.core.openLocker();
    private final Actor technician = Actor.admin("tech");

    @Test
    void opening_by_transaction_pulses_its_lock_and_keeps_the_transaction() {
        TransactionView transaction = fixture.createTransaction("order-1");
        Locker locker = fixture.db.lockerStore().find(transaction.lockerId()).orElseThrow();
        fixture.board.then(new Opens(true));

        OpenResult result = service.openForTransaction(new TransactionId("order-1"));

        assertThat(result).isEqualTo(new OpenResult.Opened(locker.id(), true, 1));
        assertThat(fixture.board.opens()).singleElement().satisfies(call -> {
            assertThat(call.controller()).isEqualTo(locker.controllerId());
            assertThat(call.lockNumber()).isEqualTo(locker.bankLockerNumber());
        });
        assertThat(fixture.transactions
                        .find(new TransactionId("order-1"))
                        .orElseThrow()
                        .openCount())
                .isEqualTo(1);
        assertThat(fixture.db.lockerStore().find(locker.id()).orElseThrow().doorOpen())
                .as("the door reading is door sensing's to write, so the opening becomes its DOOR_OPENED")
                .isEqualTo(locker.doorOpen());
    }

    @Test
    void opening_an_unknown_or_released_transaction_is_not_found_and_touches_no_door() {
        fixture.createTransaction("order-1");
        fixture.core.releaseTransaction().release(new TransactionId("order-1"));

        assertThat(service.openForTransaction(new TransactionId("order-1")))
                .isEqualTo(new OpenResult.TransactionNotFound());
        assertThat(service.openForTransaction(new TransactionId("never")))
                .isEqualTo(new OpenResult.TransactionNotFound());
        assertThat(fixture.board.opens()).isEmpty();
    }

    @Test
    void opening_by_transaction_is_audited_with_the_client_the_transaction_and_its_locker() {
        TransactionView transaction = fixture.createTransaction("order-1");
        Actor frontDesk = Actor.clientKey("front-desk");
        fixture.board.then(new Opens(true));

        service.openForTransaction(new TransactionId("order-1"), frontDesk);

        assertThat(fixture.db.auditTrail().recent(10, null)).first().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("key:front-desk");
            assertThat(entry.action()).isEqualTo("transaction.open");
            assertThat(entry.target()).isEqualTo("transaction order-1");
            assertThat(entry.outcome()).isEqualTo("OK");
            assertThat(entry.detail()).startsWith("locker " + transaction.lockerId() + ":");
        });
    }

    @Test
    void a_refused_or_failed_open_by_transaction_is_audited_with_its_code() {
        TransactionView transaction = fixture.createTransaction("order-1");
        Actor client = Actor.client("192.0.2.7");
        fixture.board.then(new HardwareFails("lock still locked"));

        service.openForTransaction(new TransactionId("order-1"), client);
        service.openForTransaction(new TransactionId("never"), client);

        assertThat(fixture.db.auditTrail().recent(10, null))
                .filteredOn(entry -> entry.action().equals("transaction.open"))
                .extracting(AuditTrail.Entry::actor, AuditTrail.Entry::target, AuditTrail.Entry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "client:192.0.2.7", "transaction never", "TRANSACTION_NOT_FOUND"),
                        org.assertj.core.groups.Tuple.tuple(
                                "client:192.0.2.7", "transaction order-1", "HARDWARE_FAULT"));
        assertThat(fixture.db.auditTrail().recent(10, null))
                .filteredOn(entry -> entry.outcome().equals("HARDWARE_FAULT"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.detail())
                        .isEqualTo("locker " + transaction.lockerId() + ": lock still locked"));
    }

    @Test
    void a_maintenance_open_ignores_the_service_flag_and_the_transaction_and_leaves_the_state() {
        TransactionView transaction = fixture.createTransaction("order-1");
        service.update(
                transaction.lockerId(), ServiceState.outOfService(ReasonCode.HARDWARE_FAILURE, "hinge"), technician);
        Locker before = fixture.db.lockerStore().find(transaction.lockerId()).orElseThrow();

        OpenResult result = service.openLocker(transaction.lockerId(), technician);

        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        Locker after = fixture.db.lockerStore().find(transaction.lockerId()).orElseThrow();
        assertThat(after.device()).isEqualTo(before.device());
        assertThat(after.service()).isEqualTo(before.service());
        assertThat(fixture.db.auditTrail().recent(10, null))
                .extracting(AuditTrail.Entry::action)
                .contains("locker.open");
    }

    @Test
    void opening_a_locker_that_does_not_exist_is_not_found() {
        assertThat(service.openLocker(new LockerId(999), technician)).isEqualTo(new OpenResult.LockerNotFound());
    }

    @Test
    void a_lock_that_does_not_release_is_a_hardware_fault_after_one_attempt() {
        Locker locker = fixture.locker(1);
        fixture.board.then(new HardwareFails("lock 1 still locked"));

        OpenResult result = service.openLocker(locker.id(), technician);

        assertThat(result).isEqualTo(new OpenResult.HardwareFault(locker.id(), "lock 1 still locked", 1));
        assertThat(fixture.controllers
                        .find(fixture.controller)
                        .orElseThrow()
                        .runtime()
                        .failures())
                .isEqualTo(1);
    }

    @Test
    void a_board_that_never_answers_makes_the_controller_unavailable_after_every_attempt() {
        Locker locker = fixture.locker(2);
        fixture.board.then(new CommunicationFails("no reply"));

        OpenResult result = service.openLocker(locker.id(), technician);

        assertThat(result).isInstanceOf(OpenResult.ControllerUnavailable.class);
        assertThat(((OpenResult.ControllerUnavailable) result).attempts()).isEqualTo(3);
        assertThat(fixture.board.opens()).hasSize(3);
    }

    @Test
    void taking_a_locker_out_of_service_keeps_its_transaction_and_is_audited() {
        TransactionView transaction = fixture.createTransaction("order-1");

        boolean updated = service.update(
                transaction.lockerId(), ServiceState.outOfService(ReasonCode.VANDALISM, "door bent"), technician);

        assertThat(updated).isTrue();
        LockerView view = service.find(transaction.lockerId()).orElseThrow();
        assertThat(view.locker().service().outOfService()).isTrue();
        assertThat(view.locker().service().reasonCode()).isEqualTo(ReasonCode.VANDALISM);
        assertThat(view.locker().device().holder()).isEqualTo("order-1");
        assertThat(view.available()).isFalse();
        assertThat(fixture.db.auditTrail().recent(10, null)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("admin:tech");
            assertThat(entry.action()).isEqualTo("locker.service-state");
            assertThat(entry.outcome()).isEqualTo("OK");
        });
    }

    @Test
    void back_in_service_a_free_locker_is_available_again() {
        Locker locker = fixture.locker(3);
        service.update(locker.id(), ServiceState.outOfService(ReasonCode.MAINTENANCE, null), technician);
        assertThat(service.find(locker.id()).orElseThrow().available()).isFalse();

        service.update(locker.id(), ServiceState.IN_SERVICE, technician);

        assertThat(service.find(locker.id()).orElseThrow().available()).isTrue();
        assertThat(service.find(locker.id()).orElseThrow().locker().service().reasonCode())
                .isNull();
    }

    @Test
    void updating_a_locker_that_does_not_exist_reports_it() {
        assertThat(service.update(new LockerId(999), ServiceState.IN_SERVICE, technician))
                .isFalse();
    }

    @Test
    void the_list_filters_by_availability_type_and_controller() {
        fixture.createTransaction("order-1");

        assertThat(service.list(LockerFilter.NONE)).hasSize(4);
        assertThat(service.list(new LockerFilter(true, null, null))).hasSize(3);
        assertThat(service.list(new LockerFilter(null, "large", null)))
                .hasSize(2)
                .allMatch(v -> v.type().slug().equals("large"));
        assertThat(service.list(new LockerFilter(null, null, fixture.controller)))
                .hasSize(4);
    }

    @Test
    void door_sensing_turns_a_booked_locker_whose_door_opened_and_closed_into_an_occupied_one() {
        TransactionView transaction = fixture.createTransaction("order-1");
        Locker locker = fixture.db.lockerStore().find(transaction.lockerId()).orElseThrow();
        int number = locker.bankLockerNumber();

        fixture.sensing.statusRead(fixture.controller, status(number, false), fixture.clock.instant());
        fixture.sensing.statusRead(fixture.controller, status(number, true), fixture.clock.instant());
        assertThat(state(locker)).isEqualTo(DeviceState.LOCKING);
        fixture.sensing.statusRead(fixture.controller, status(number, false), fixture.clock.instant());

        Locker after = fixture.db.lockerStore().find(locker.id()).orElseThrow();
        assertThat(after.device().state()).isEqualTo(DeviceState.LOCKED);
        assertThat(after.device().holder()).isEqualTo("order-1");
        assertThat(after.doorOpen()).isFalse();
    }

    @Test
    void a_board_that_answers_again_makes_its_lockers_operational_again() {
        fixture.sensing.statusFailed(fixture.controller, "no reply", fixture.clock.instant());
        assertThat(service.find(fixture.locker(1).id()).orElseThrow().operational())
                .isFalse();

        fixture.sensing.statusRead(fixture.controller, status(1, false), fixture.clock.instant());

        assertThat(service.find(fixture.locker(1).id()).orElseThrow().operational())
                .isTrue();
    }

    private DeviceState state(Locker locker) {
        return fixture.db.lockerStore().find(locker.id()).orElseThrow().device().state();
    }

    /** Every lock closed except {@code open} when {@code doorOpen}. */
    private static dev.harbor.application.port.BoardStatus status(int number, boolean doorOpen) {
        java.util.Map<Integer, dev.harbor.application.port.BoardStatus.LockReading> locks = new java.util.HashMap<>();
        for (int i = 1; i <= 4; i++) {
            locks.put(i, new dev.harbor.application.port.BoardStatus.LockReading(i == number && doorOpen, null));
        }
        return new dev.harbor.application.port.BoardStatus(locks);
    }
}
