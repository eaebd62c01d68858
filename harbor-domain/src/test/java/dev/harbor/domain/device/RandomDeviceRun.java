package dev.harbor.domain.device;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives a device through many random sequences of commands (from a small pool of holders),
 * hardware events, timeouts and clock jumps, alongside {@link ReferenceDeviceModel}, and hands
 * every step to a check. A failure names the seed and the whole sequence so it can be replayed.
 */
final class RandomDeviceRun {

    static final int SEQUENCES = 1_000;
    private static final int MAX_STEPS = 60;
    private static final String[] HOLDERS = {null, "t1", "t2", "t3"};
    private static final DeviceCommand[] FORCE_COMMANDS =
            Arrays.stream(DeviceCommand.values()).filter(DeviceCommand::isForce).toArray(DeviceCommand[]::new);
    private static final DeviceCommand[] USER_COMMANDS = Arrays.stream(DeviceCommand.values())
            .filter(command -> !command.isForce())
            .toArray(DeviceCommand[]::new);
    private static final Instant START = Instant.parse("2026-02-20T10:00:00Z");

    /** One applied input. {@code history} holds every step of the sequence so far, this one last. */
    record Step(
            DeviceStatus before,
            DeviceInput input,
            Instant now,
            Transition transition,
            ReferenceDeviceModel.Outcome modelOutcome,
            ReferenceDeviceModel model,
            SplittableRandom random,
            List<Step> history) {

        DeviceStatus after() {
            return transition.status();
        }
    }

    @FunctionalInterface
    interface StepCheck {
        void check(Step step);
    }

    private final DeviceStateMachine machine = new DeviceStateMachine(DeviceTimeouts.DEFAULTS);

    void forEveryStep(StepCheck check) {
        long seed = Seeds.seed();
        System.out.println(Seeds.PROPERTY + "=" + seed);
        var seeds = new SplittableRandom(seed);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            runSequence(seed, sequence, seeds.split(), check);
        }
    }

    private void runSequence(long seed, int sequence, SplittableRandom random, StepCheck check) {
        Instant now = START;
        DeviceStatus status = DeviceStatus.initial(now);
        var model = new ReferenceDeviceModel(now);
        var history = new ArrayList<Step>();
        int length = 1 + random.nextInt(MAX_STEPS);
        for (int index = 0; index < length; index++) {
            try {
                now = jumpClock(random, status, now);
                DeviceInput input = randomInput(random, now);
                Transition transition = machine.apply(status, input, now);
                var outcome = model.step(input, now);
                var step = new Step(status, input, now, transition, outcome, model, random, history);
                history.add(step);
                check.check(step);
                status = transition.status();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "seed " + seed + " (replay with -D" + Seeds.PROPERTY + "=" + seed
                                + "), sequence " + sequence + ", step " + index + ":\n" + trace(history)
                                + "\n" + e.getMessage(),
                        e);
            }
        }
    }

    private static Instant jumpClock(SplittableRandom random, DeviceStatus status, Instant now) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return now.plusMillis(random.nextLong(5_000));
        }
        if (kind < 8 && status.timeoutAt() != null && status.timeoutAt().isAfter(now)) {
            return status.timeoutAt().plusMillis(random.nextLong(3_000));
        }
        if (kind == 8 && random.nextBoolean()) {
            return now.plus(Duration.ofHours(2));
        }
        return now;
    }

    private static DeviceInput randomInput(SplittableRandom random, Instant now) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            // Force commands reset most states, so they are rarer: sequences then reach deep states.
            if (random.nextInt(100) < 15) {
                return DeviceInput.command(pick(random, FORCE_COMMANDS));
            }
            DeviceCommand command = pick(random, USER_COMMANDS);
            String holder = pick(random, HOLDERS);
            return command == DeviceCommand.BOOK
                    ? DeviceInput.book(holder, randomExpiry(random, now))
                    : DeviceInput.command(command, holder);
        }
        if (kind < 85) {
            return DeviceInput.event(pick(random, HardwareEvent.values()));
        }
        return DeviceInput.timeout();
    }

    private static BookingExpiry randomExpiry(SplittableRandom random, Instant now) {
        switch (random.nextInt(4)) {
            case 0:
                return BookingExpiry.DEFAULT;
            case 1:
                return BookingExpiry.NEVER;
            case 2:
                return BookingExpiry.at(now.plusSeconds(1 + random.nextInt(7_200)));
            default:
                // Mostly in the future, sometimes already passed: the machine must refuse those.
                return BookingExpiry.at(now.plusSeconds(random.nextInt(-10, 60)));
        }
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String trace(List<Step> history) {
        var text = new StringBuilder();
        for (Step step : history) {
            text.append("  ")
                    .append(step.now())
                    .append("  ")
                    .append(step.before().state())
                    .append(" + ")
                    .append(step.input())
                    .append(" -> ")
                    .append(describe(step.transition()))
                    .append('\n');
        }
        return text.toString();
    }

    private static String describe(Transition transition) {
        if (transition instanceof Transition.Moved moved) {
            return moved.to().toString()
                    + moved.anomalyReason().map(reason -> " anomaly: " + reason).orElse("");
        }
        return transition.getClass().getSimpleName() + ": "
                + ((transition instanceof Transition.Ignored ignored)
                        ? ignored.reason()
                        : ((Transition.Refused) transition).reason());
    }
}
