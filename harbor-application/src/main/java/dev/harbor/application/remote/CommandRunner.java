package dev.harbor.application.remote;

import dev.harbor.application.port.CommandOutcomeUnknownException;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteCommandLog.Entry;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.locker.LockerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one command to a remote device the way spec/bikeep.md asks: written to the command log
 * first, sent once (never again after its answer was lost), then polled until it answers what the
 * caller waits for or the caller's patience runs out. The entry is the caller's until it calls
 * {@link #letGo} (after acting on the answer); from then on an unfinished entry is followed by
 * {@link RemoteCommandFinisher}, which would otherwise take a booking its caller is about to
 * confirm for one nobody waits on.
 */
final class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final RemoteDevices devices;
    private final RemoteCommandLog commandLog;
    private final DeviceMirror mirror;
    private final Duration poll;
    private final Clock clock;
    /** Lockers a caller is sending to or waiting on, counted, marked before the log entry exists. */
    private final Map<LockerId, Integer> live = new ConcurrentHashMap<>();

    CommandRunner(RemoteDevices devices, RemoteCommandLog commandLog, DeviceMirror mirror, Duration poll, Clock clock) {
        this.devices = devices;
        this.commandLog = commandLog;
        this.mirror = mirror;
        this.poll = poll;
        this.clock = clock;
    }

    /** What became of a command. */
    sealed interface Run {
        Entry entry();

        /** The command answered what the caller waited for, or reached a final state. */
        record Answered(Entry entry, CommandRecord record) implements Run {}

        /** It provably never reached the remote site; the entry is finished {@code NOT_SENT}. */
        record NotSent(Entry entry, RemoteSiteException problem) implements Run {}

        /** Its outcome is not known yet (answer lost, or no answer in time): the finisher follows it. */
        record Pending(Entry entry, String why) implements Run {}
    }

    /**
     * @param bookingTimeoutAt only for {@code book}
     * @param answered what the caller waits for; a final state always ends the wait
     */
    Run run(
            RemoteCommandLog.NewEntry newEntry,
            Instant bookingTimeoutAt,
            Predicate<CommandRecord> answered,
            Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        // Marked first: the finisher must never see the entry as nobody's, not even for an instant.
        live.merge(newEntry.lockerId(), 1, Integer::sum);
        Entry entry;
        try {
            entry = commandLog.begin(newEntry);
        } catch (RuntimeException | Error e) {
            release(newEntry.lockerId());
            throw e;
        }
        mirror.commandStarted(entry.lockerId(), entry.id());
        try {
            CommandRecord record;
            try {
                record = devices.send(entry.deviceId(), entry.command(), bookingTimeoutAt);
            } catch (CommandOutcomeUnknownException e) {
                log.warn(
                        "The answer to {} for device {} was lost; the device will be read to learn what happened",
                        entry.command().wireName(),
                        entry.deviceId());
                return new Run.Pending(entry, "the remote site's answer was lost");
            } catch (RemoteSiteException e) {
                commandLog.finish(entry.id(), CommandState.NOT_SENT, e.getMessage(), clock.instant());
                mirror.commandEnded(entry.lockerId(), entry.id());
                return new Run.NotSent(entry, e);
            }
            commandLog.sent(entry.id(), record.id());
            entry = withCommandId(entry, record.id());
            while (!(record.state().isFinal() || answered.test(record))) {
                if (System.nanoTime() >= deadline || !sleep()) {
                    return new Run.Pending(entry, "no answer within " + patience.toMillis() + " ms");
                }
                try {
                    record = devices.command(record.id());
                } catch (RemoteSiteException e) {
                    // A read failed: the command itself may be fine. Read again at the next poll.
                    log.debug("Reading command {} failed: {}", record.id(), e.getMessage());
                }
            }
            return new Run.Answered(entry, record);
        } catch (RuntimeException | Error e) {
            release(entry.lockerId());
            throw e;
        }
    }

    /** The caller is done with the run's entry: if it is still unfinished, the finisher takes it on. */
    void letGo(Run run) {
        if (run != null) {
            release(run.entry().lockerId());
        }
    }

    /**
     * Whether a caller is sending to or waiting on this entry's locker: the finisher leaves every
     * entry of that locker alone until the caller is done.
     */
    boolean isOwned(Entry entry) {
        return live.containsKey(entry.lockerId());
    }

    private void release(LockerId lockerId) {
        live.computeIfPresent(lockerId, (k, n) -> n <= 1 ? null : n - 1);
    }

    private boolean sleep() {
        try {
            Thread.sleep(poll.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Entry withCommandId(Entry e, String commandId) {
        return new Entry(
                e.id(),
                e.transactionId(),
                e.lockerId(),
                e.deviceId(),
                e.command(),
                e.purpose(),
                commandId,
                CommandState.SENT,
                e.reason(),
                e.createdAt(),
                e.finishedAt());
    }
}
