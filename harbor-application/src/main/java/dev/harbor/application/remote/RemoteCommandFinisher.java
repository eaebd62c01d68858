package dev.harbor.application.remote;

import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteCommandLog.Entry;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.device.DeviceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every command in the log that no caller waits on any more (the caller gave up, or the
 * gateway restarted since it was sent) until its outcome is known, then lets
 * {@link CommandOutcomes} finish or undo what it was for. A command whose answer was lost is not
 * sent again: the device is read instead.
 */
final class RemoteCommandFinisher {

    private static final Logger log = LoggerFactory.getLogger(RemoteCommandFinisher.class);
    private static final Duration KEEP_FINISHED = Duration.ofDays(7);

    private final RemoteCommandLog commandLog;
    private final RemoteDevices devices;
    private final DeviceMirror mirror;
    private final CommandRunner runner;
    private final CommandOutcomes outcomes;
    private final Clock clock;
    private Instant lastPrune = Instant.MIN;

    RemoteCommandFinisher(
            RemoteCommandLog commandLog,
            RemoteDevices devices,
            DeviceMirror mirror,
            CommandRunner runner,
            CommandOutcomes outcomes,
            Clock clock) {
        this.commandLog = commandLog;
        this.devices = devices;
        this.mirror = mirror;
        this.runner = runner;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * One round: every unfinished command nobody waits on is read once and settled when its
     * outcome is known.
     *
     * @return how many were settled
     */
    synchronized int finishPending() {
        int settled = 0;
        for (Entry listed : commandLog.unfinished()) {
            if (runner.isOwned(listed)) {
                continue;
            }
            // Read again after the ownership check: a caller finishes its entry before it lets go,
            // so an entry still unfinished now is truly nobody's. The list may be older than that.
            Optional<Entry> current = commandLog.find(listed.id()).filter(e -> !e.isFinished());
            if (current.isEmpty()) {
                continue;
            }
            Entry entry = current.get();
            // Maybe left over from before a restart: its locker is busy until it is settled.
            mirror.commandStarted(entry.lockerId(), entry.id());
            try {
                if (finish(entry)) {
                    settled++;
                }
            } catch (RemoteSiteException e) {
                log.debug(
                        "Command {} of device {} not read yet: {}",
                        entry.commandId(),
                        entry.deviceId(),
                        e.getMessage());
            } catch (RuntimeException e) {
                log.error("Finishing command entry {} failed; it is tried again", entry.id(), e);
            }
        }
        prune();
        return settled;
    }

    private boolean finish(Entry entry) {
        if (entry.commandId() != null) {
            Optional<CommandRecord> record = known(() -> devices.command(entry.commandId()));
            if (record.isPresent()) {
                if (!record.get().state().isFinal()) {
                    return false;
                }
                outcomes.settleLeftOver(entry, record.get());
                return true;
            }
            log.warn(
                    "Bikeep no longer knows command {}; reading device {} instead",
                    entry.commandId(),
                    entry.deviceId());
        }
        Optional<RemoteDevice> read = known(() -> devices.device(entry.deviceId()));
        if (read.isEmpty()) {
            log.warn(
                    "Bikeep no longer knows device {}: its command {} is settled as unknown",
                    entry.deviceId(),
                    entry.id());
            outcomes.settleUnknown(entry, null);
            return true;
        }
        RemoteDevice device = read.get();
        if (device.state() == DeviceState.ALLOCATED) {
            return false; // the device is still taking a command; read it again next round
        }
        log.warn(
                "The outcome of {} for device {} was never known; the device shows {}",
                entry.command().wireName(),
                entry.deviceId(),
                device.state());
        outcomes.settleUnknown(entry, device.state());
        return true;
    }

    /** The answer, or empty when the remote site does not know what was asked (it will not later either). */
    private static <T> Optional<T> known(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (RemoteSiteException e) {
            if (e.kind() == RemoteSiteException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void prune() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(Duration.ofHours(1)) < 0) {
            return;
        }
        lastPrune = now;
        commandLog.pruneFinished(now.minus(KEEP_FINISHED));
    }
}
