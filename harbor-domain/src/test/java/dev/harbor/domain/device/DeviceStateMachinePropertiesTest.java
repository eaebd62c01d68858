package dev.harbor.domain.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.domain.device.RandomDeviceRun.Step;
import dev.harbor.domain.device.Transition.Moved;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties over {@value RandomDeviceRun#SEQUENCES} random sequences each. Every failure message
 * starts with the seed; replay it with {@code -Dharbor.seed=<seed>}.
 */
class DeviceStateMachinePropertiesTest {

    private static final Set<DeviceState> ALWAYS_WITH_DEADLINE =
            EnumSet.of(DeviceState.ALLOCATED, DeviceState.LOCKING, DeviceState.UNLOCKING);

    private final DeviceStateMachine machine = new DeviceStateMachine(DeviceTimeouts.DEFAULTS);
    private final RandomDeviceRun run = new RandomDeviceRun();

    @Test
    void every_step_matches_the_reference_model_and_only_makes_moves_the_table_lists() {
        run.forEveryStep(step -> {
            var model = step.model();
            DeviceStatus after = step.after();

            assertThat(kindOf(step.transition())).as("outcome").isEqualTo(step.modelOutcome());
            assertThat(after.state()).as("state").isEqualTo(model.state);
            assertThat(after.holder()).as("holder").isEqualTo(model.holder);
            assertThat(after.timeoutAt()).as("timeoutAt").isEqualTo(model.deadline);
            assertThat(after.changedAt()).as("changedAt").isEqualTo(model.changedAt);
            if (step.transition() instanceof Moved moved) {
                assertThat(moved.anomalyReason().isPresent()).as("anomaly").isEqualTo(model.anomaly);
                assertThat(DeviceTransitionGrid.targets(
                                step.before().state(), DeviceTransitionGrid.nameOf(step.input())))
                        .as("moves the table allows from " + step.before().state() + " on " + step.input())
                        .contains(after.state());
            }
        });
    }

    @Test
    void every_state_with_a_deadline_is_left_once_the_deadline_has_passed() {
        run.forEveryStep(step -> {
            DeviceStatus status = step.after();
            if (ALWAYS_WITH_DEADLINE.contains(status.state())) {
                assertThat(status.timeoutAt())
                        .as(status.state() + " has a deadline")
                        .isNotNull();
            }
            if (status.timeoutAt() == null) {
                return;
            }
            Instant due = latest(step.now(), status.timeoutAt())
                    .plusMillis(step.random().nextLong(10_000));

            Transition timedOut = machine.apply(status, DeviceInput.timeout(), due);
            DeviceStatus settled = machine.statusAt(status, due.plus(Duration.ofDays(1)));

            assertThat(timedOut).as("timeout at " + due).isInstanceOf(Moved.class);
            assertThat(timedOut.status().state()).isNotEqualTo(status.state());
            assertThat(settled.isDue(due.plus(Duration.ofDays(1))))
                    .as("still due after expiry: " + settled)
                    .isFalse();
        });
    }

    @Test
    void a_timeout_before_the_deadline_changes_nothing() {
        run.forEveryStep(step -> {
            DeviceStatus status = step.after();
            if (status.timeoutAt() == null || !status.timeoutAt().isAfter(step.now())) {
                return;
            }
            Instant early = status.timeoutAt().minusMillis(1 + step.random().nextLong(1_000));

            assertThat(machine.apply(status, DeviceInput.timeout(), early).status())
                    .isSameAs(status);
            assertThat(machine.expireIfDue(status, early)).isEmpty();
        });
    }

    @Test
    void a_device_is_never_held_by_two_holders() {
        run.forEveryStep(step -> {
            if (step.transition() instanceof Moved moved) {
                boolean throughUnlocked = moved.from().state() == DeviceState.UNLOCKED
                        || moved.to().state() == DeviceState.UNLOCKED;
                assertThat(throughUnlocked
                                || Objects.equals(
                                        moved.from().holder(), moved.to().holder()))
                        .as("holder changed from " + moved.from().holder() + " to "
                                + moved.to().holder() + " without passing through UNLOCKED")
                        .isTrue();
            }
            // Since the device last left UNLOCKED, every status has had one and the same holder.
            var history = step.history();
            String sessionHolder = null;
            boolean inSession = false;
            for (Step earlier : history) {
                DeviceStatus status = earlier.after();
                if (status.state() == DeviceState.UNLOCKED) {
                    assertThat(status.holder()).as("UNLOCKED has no holder").isNull();
                    inSession = false;
                } else if (!inSession) {
                    inSession = true;
                    sessionHolder = status.holder();
                } else {
                    assertThat(status.holder()).as("holder within one session").isEqualTo(sessionHolder);
                }
            }
        });
    }

    @Test
    void force_unlock_always_ends_at_unlocked_with_no_holder() {
        run.forEveryStep(step -> {
            Instant later = step.now().plusMillis(step.random().nextLong(100_000));

            DeviceStatus released = machine.apply(step.after(), DeviceInput.command(DeviceCommand.FORCE_UNLOCK), later)
                    .status();

            assertThat(released.state()).isEqualTo(DeviceState.UNLOCKED);
            assertThat(released.holder()).isNull();
            assertThat(released.isHeld()).isFalse();
        });
    }

    @Test
    void refused_and_ignored_inputs_never_change_the_status() {
        run.forEveryStep(step -> {
            if (!(step.transition() instanceof Moved)) {
                assertThat(step.after()).isSameAs(step.before());
            }
        });
    }

    private static ReferenceDeviceModel.Outcome kindOf(Transition transition) {
        if (transition instanceof Moved) {
            return ReferenceDeviceModel.Outcome.MOVED;
        }
        if (transition instanceof Transition.Ignored) {
            return ReferenceDeviceModel.Outcome.IGNORED;
        }
        if (transition instanceof Transition.Refused) {
            return ReferenceDeviceModel.Outcome.REFUSED;
        }
        throw new AssertionError("a new Transition case needs a mapping here: " + transition);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
