package dev.harbor.application.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.transaction.CreateTransaction.Result;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransactionServiceTest {

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final TransactionService service = (TransactionService) fixture.core.createTransaction();

    private Result create(String id, String type) {
        return service.create(new CreateTransaction.Command(new TransactionId(id), type));
    }

    @Test
    void creating_a_transaction_books_a_free_locker_for_it_without_opening_a_door() {
        Result result = create("order-1", null);

        assertThat(result).isInstanceOf(Result.Created.class);
        TransactionView created = ((Result.Created) result).transaction();
        Locker locker = fixture.db.lockerStore().find(created.lockerId()).orElseThrow();
        assertThat(locker.device().state()).isEqualTo(DeviceState.BOOKED);
        assertThat(locker.device().holder()).isEqualTo("order-1");
        assertThat(locker.device().timeoutAt())
                .as("a Harbor booking never expires")
                .isNull();
        assertThat(created.createdAt()).isEqualTo(fixture.clock.instant());
        assertThat(created.openCount()).isZero();
        assertThat(fixture.board.opens()).isEmpty();
    }

    @Test
    void creating_the_same_transaction_twice_returns_the_existing_one() {
        TransactionView first = ((Result.Created) create("order-1", null)).transaction();

        Result second = create("order-1", "large");

        assertThat(second).isEqualTo(new Result.AlreadyExists(first));
        assertThat(service.active()).hasSize(1);
    }

    @Test
    void a_locker_type_restricts_the_choice_to_lockers_of_that_type() {
        Set<Long> large = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            TransactionView view = ((Result.Created) create("big-" + i, "large")).transaction();
            assertThat(view.lockerTypeSlug()).isEqualTo("large");
            large.add(view.lockerId().value());
        }
        assertThat(large).hasSize(2);

        assertThat(create("big-2", "large")).isInstanceOf(Result.NoAvailableLocker.class);
        assertThat(create("small-0", "small")).isInstanceOf(Result.Created.class);
    }

    @Test
    void an_unknown_locker_type_is_refused_and_nothing_is_booked() {
        assertThat(create("order-1", "huge")).isEqualTo(new Result.UnknownLockerType("huge"));
        assertThat(fixture.allLockers()).allMatch(l -> l.device().state() == DeviceState.UNLOCKED);
    }

    @Test
    void when_every_locker_is_taken_the_next_create_gets_no_available_locker() {
        for (int i = 0; i < 4; i++) {
            assertThat(create("t-" + i, null)).isInstanceOf(Result.Created.class);
        }

        assertThat(create("t-4", null)).isInstanceOf(Result.NoAvailableLocker.class);
    }

    @Test
    void an_existing_id_is_answered_with_its_transaction_even_when_no_locker_is_free() {
        for (int i = 0; i < 4; i++) {
            create("t-" + i, null);
        }

        assertThat(create("t-0", null)).isInstanceOf(Result.AlreadyExists.class);
    }

    @Test
    void lockers_out_of_service_are_never_handed_out() {
        fixture.allLockers().stream()
                .filter(l -> l.bankLockerNumber() != 4)
                .forEach(l -> fixture.core
                        .updateServiceState()
                        .update(l.id(), ServiceState.outOfService(ReasonCode.MAINTENANCE, null), Actor.SYSTEM));

        TransactionView view = ((Result.Created) create("t-1", null)).transaction();

        assertThat(view.lockerId()).isEqualTo(fixture.locker(4).id());
        assertThat(create("t-2", null)).isInstanceOf(Result.NoAvailableLocker.class);
    }

    @Test
    void lockers_of_a_controller_that_does_not_answer_are_never_handed_out() {
        fixture.sensing.statusFailed(fixture.controller, "no reply", fixture.clock.instant());

        assertThat(create("t-1", null)).isInstanceOf(Result.NoAvailableLocker.class);
    }

    @Test
    void releasing_a_transaction_frees_its_locker_and_ends_the_transaction() {
        TransactionView view = ((Result.Created) create("order-1", null)).transaction();
        fixture.clock.advance(Duration.ofMinutes(5));

        assertThat(service.release(new TransactionId("order-1")))
                .isInstanceOf(ReleaseTransaction.Outcome.Released.class);

        Locker locker = fixture.db.lockerStore().find(view.lockerId()).orElseThrow();
        assertThat(locker.device().state()).isEqualTo(DeviceState.UNLOCKED);
        assertThat(locker.device().holder()).isNull();
        assertThat(service.find(new TransactionId("order-1"))).isEmpty();
        assertThat(service.active()).isEmpty();
        assertThat(fixture.board.opens()).as("a release touches no door").isEmpty();
    }

    @Test
    void releasing_an_unknown_or_already_released_transaction_reports_it() {
        create("order-1", null);
        service.release(new TransactionId("order-1"));

        assertThat(service.release(new TransactionId("order-1")))
                .isInstanceOf(ReleaseTransaction.Outcome.NotFound.class);
        assertThat(service.release(new TransactionId("never"))).isInstanceOf(ReleaseTransaction.Outcome.NotFound.class);
    }

    @Test
    void creating_is_audited_with_who_asked_the_transaction_its_locker_and_the_outcome() {
        Actor frontDesk = Actor.clientKey("front-desk");
        TransactionView created = ((Result.Created) service.create(command("order-1", null), frontDesk)).transaction();
        service.create(command("order-1", null), frontDesk);
        service.create(command("order-2", "huge"), Actor.admin("alice"));
        service.create(command("order-3", "<script>"), Actor.admin("alice"));

        assertThat(audit("transaction.create"))
                .containsExactly(
                        "admin:alice transaction order-3 INVALID_REQUEST unknown locker type (not a slug)",
                        "admin:alice transaction order-2 INVALID_REQUEST unknown locker type huge",
                        "key:front-desk transaction order-1 ALREADY_EXISTS locker " + created.lockerId(),
                        "key:front-desk transaction order-1 OK locker " + created.lockerId());
    }

    @Test
    void a_create_that_finds_no_free_locker_is_audited_as_refused() {
        for (int i = 0; i < 4; i++) {
            create("t-" + i, null);
        }

        service.create(command("t-4", "small"), Actor.client("192.0.2.7"));

        assertThat(audit("transaction.create"))
                .first()
                .isEqualTo("client:192.0.2.7 transaction t-4 NO_AVAILABLE_LOCKERS of type small");
    }

    @Test
    void releasing_is_audited_with_who_asked_the_transaction_its_locker_and_the_outcome() {
        TransactionView view = ((Result.Created) create("order-1", null)).transaction();

        service.release(new TransactionId("order-1"), Actor.clientKey("kiosk"));
        service.release(new TransactionId("order-1"), Actor.clientKey("kiosk"));

        assertThat(audit("transaction.release"))
                .containsExactly(
                        "key:kiosk transaction order-1 TRANSACTION_NOT_FOUND null",
                        "key:kiosk transaction order-1 OK locker " + view.lockerId());
    }

    @Test
    void a_use_case_called_by_the_embedding_application_is_audited_as_the_embedder() {
        create("order-1", null);
        service.release(new TransactionId("order-1"));

        assertThat(fixture.db.auditTrail().recent(10, null))
                .filteredOn(entry -> entry.action().startsWith("transaction."))
                .extracting(AuditTrail.Entry::actor)
                .containsExactly("embedder", "embedder");
    }

    private static CreateTransaction.Command command(String id, String type) {
        return new CreateTransaction.Command(new TransactionId(id), type);
    }

    /** The entries of one action, newest first, as "actor target outcome detail". */
    private java.util.List<String> audit(String action) {
        return fixture.db.auditTrail().recent(100, null).stream()
                .filter(e -> e.action().equals(action))
                .map(e -> e.actor() + " " + e.target() + " " + e.outcome() + " " + e.detail())
                .toList();
    }

    @Test
    void a_released_id_is_not_reused_for_a_new_transaction() {
        TransactionView first = ((Result.Created) create("order-1", null)).transaction();
        service.release(new TransactionId("order-1"));

        Result again = create("order-1", null);

        assertThat(again).isInstanceOf(Result.AlreadyExists.class);
        assertThat(((Result.AlreadyExists) again).existing().lockerId()).isEqualTo(first.lockerId());
        assertThat(service.active()).isEmpty();
    }

    @Test
    void active_transactions_are_listed_oldest_first_with_their_locker_type() {
        create("first", "small");
        fixture.clock.advance(Duration.ofSeconds(1));
        create("second", "large");

        assertThat(service.active())
                .extracting(v -> v.transactionId().value(), TransactionView::lockerTypeSlug)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("first", "small"),
                        org.assertj.core.groups.Tuple.tuple("second", "large"));
    }
}
