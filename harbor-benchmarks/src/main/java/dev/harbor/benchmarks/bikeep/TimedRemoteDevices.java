package dev.harbor.benchmarks.bikeep;

import dev.harbor.application.port.RemoteDevices;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.device.DeviceCommand;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Bikeep devices port as the gateway uses it, with every call timed: where a sync round or a
 * create spends its time (waiting for Bikeep, or in Harbor) is not visible from outside.
 */
final class TimedRemoteDevices implements RemoteDevices {

    /**
     * One call: its kind ({@code list}, {@code device}, {@code send}, {@code command}), its thread,
     * and when it started and ended ({@link System#nanoTime}).
     */
    record Call(String kind, String thread, long startNanos, long endNanos) {}

    private final RemoteDevices delegate;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    TimedRemoteDevices(RemoteDevices delegate) {
        this.delegate = delegate;
    }

    List<Call> calls(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /** The calls that started and ended within [from, to]. */
    List<Call> callsWithin(long fromNanos, long toNanos) {
        return calls.stream()
                .filter(c -> c.startNanos() >= fromNanos && c.endNanos() <= toNanos)
                .toList();
    }

    void forget() {
        calls.clear();
    }

    @Override
    public List<RemoteDevice> devices(String locationId) {
        long start = System.nanoTime();
        try {
            return delegate.devices(locationId);
        } finally {
            record("list", start);
        }
    }

    @Override
    public RemoteDevice device(String deviceId) {
        long start = System.nanoTime();
        try {
            return delegate.device(deviceId);
        } finally {
            record("device", start);
        }
    }

    @Override
    public CommandRecord send(String deviceId, DeviceCommand command, Instant bookingTimeoutAt) {
        long start = System.nanoTime();
        try {
            return delegate.send(deviceId, command, bookingTimeoutAt);
        } finally {
            record("send", start);
        }
    }

    @Override
    public CommandRecord command(String commandId) {
        long start = System.nanoTime();
        try {
            return delegate.command(commandId);
        } finally {
            record("command", start);
        }
    }

    private void record(String kind, long start) {
        calls.add(new Call(kind, Thread.currentThread().getName(), start, System.nanoTime()));
    }
}
