package dev.harbor.application.fakes;

import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.domain.controller.Protocol;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what the use cases reported, for the tests to read. */
public final class RecordingGatewayMetrics implements GatewayMetrics {

    public record DoorOpen(Protocol protocol, OpenOutcome outcome, int attempts, long nanos) {}

    public final List<DoorOpen> doorOpens = new CopyOnWriteArrayList<>();
    public final AtomicInteger polls = new AtomicInteger();
    public final AtomicInteger failedPolls = new AtomicInteger();
    public final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger released = new AtomicInteger();

    @Override
    public void doorOpened(Protocol protocol, OpenOutcome outcome, int attempts, long nanos) {
        doorOpens.add(new DoorOpen(protocol, outcome, attempts, nanos));
    }

    @Override
    public void boardPolled(boolean answered) {
        (answered ? polls : failedPolls).incrementAndGet();
    }

    @Override
    public void transactionCreated() {
        created.incrementAndGet();
    }

    @Override
    public void transactionReleased() {
        released.incrementAndGet();
    }
}
