package dev.harbor.application.locker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.locker.ScriptedLockBoard.CommunicationFails;
import dev.harbor.application.locker.ScriptedLockBoard.Hangs;
import dev.harbor.application.locker.ScriptedLockBoard.HardwareFails;
import dev.harbor.application.locker.ScriptedLockBoard.Opens;
import dev.harbor.domain.controller.ControllerId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DoorOpenPolicyTest {

    private static final ControllerId CONTROLLER = ControllerId.of(1);
    /** Short numbers: the branches are the point, not the 20 s / 1 s of production. */
    private static final DoorOpenSettings SHORT =
            new DoorOpenSettings(Duration.ofMillis(200), 3, Duration.ofMillis(10));

    private final ScriptedLockBoard board = new ScriptedLockBoard();
    private final AtomicReference<DoorOpenSettings> settings = new AtomicReference<>(SHORT);
    private final DoorOpenPolicy policy = new DoorOpenPolicy(settings::get);

    @Test
    void a_board_that_answers_at_once_opens_in_one_attempt() {
        board.then(new Opens(true));

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 7);

        assertThat(outcome).isEqualTo(new DoorOpenOutcome.Opened(true, 1));
        assertThat(board.opens()).singleElement().satisfies(call -> {
            assertThat(call.lockNumber()).isEqualTo(7);
            assertThat(call.deadline()).isEqualTo(SHORT.attemptTimeout());
        });
    }

    @Test
    void a_communication_failure_is_retried_and_the_next_attempt_can_succeed() {
        board.then(new CommunicationFails("no reply")).then(new Opens(null));

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 1);

        assertThat(outcome).isEqualTo(new DoorOpenOutcome.Opened(null, 2));
        assertThat(board.opens()).hasSize(2);
    }

    @Test
    void communication_failures_on_every_attempt_end_unreachable_after_max_attempts() {
        board.then(new CommunicationFails("bad checksum"));

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 1);

        assertThat(outcome).isInstanceOf(DoorOpenOutcome.Unreachable.class);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(((DoorOpenOutcome.Unreachable) outcome).message()).contains("bad checksum");
        assertThat(board.opens()).hasSize(3);
    }

    @Test
    void a_hardware_fault_is_never_retried() {
        board.then(new HardwareFails("lock 1 still locked")).then(new Opens(true));

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 1);

        assertThat(outcome).isEqualTo(new DoorOpenOutcome.HardwareFailed("lock 1 still locked", 1));
        assertThat(board.opens()).hasSize(1);
    }

    @Test
    void a_hardware_fault_after_a_communication_failure_stops_the_retries() {
        board.then(new CommunicationFails("no reply"))
                .then(new HardwareFails("stuck"))
                .then(new Opens(true));

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 1);

        assertThat(outcome).isEqualTo(new DoorOpenOutcome.HardwareFailed("stuck", 2));
    }

    @Test
    void an_attempt_that_exceeds_its_timeout_is_cut_off_and_retried() {
        board.then(new Hangs()).then(new Opens(true));

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 1);

        assertThat(outcome).isEqualTo(new DoorOpenOutcome.Opened(true, 2));
    }

    @Test
    void a_board_that_never_answers_ends_unreachable_after_max_attempts() {
        board.then(new Hangs());

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 1);

        assertThat(outcome).isInstanceOf(DoorOpenOutcome.Unreachable.class);
        assertThat(outcome.attempts()).isEqualTo(3);
    }

    @Test
    void changed_settings_apply_to_the_next_open() {
        board.then(new CommunicationFails("no reply"));
        settings.set(new DoorOpenSettings(Duration.ofMillis(200), 5, Duration.ofMillis(5)));

        DoorOpenOutcome outcome = policy.open(board, CONTROLLER, 1);

        assertThat(outcome.attempts()).isEqualTo(5);
    }

    @Test
    void the_default_numbers_are_those_of_the_spec() {
        assertThat(DoorOpenSettings.DEFAULTS.attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(DoorOpenSettings.DEFAULTS.maxAttempts()).isEqualTo(3);
        assertThat(DoorOpenSettings.DEFAULTS.delay()).isEqualTo(Duration.ofSeconds(1));
    }
}
