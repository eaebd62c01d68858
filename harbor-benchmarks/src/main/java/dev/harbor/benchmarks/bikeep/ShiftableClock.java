package dev.harbor.benchmarks.bikeep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset the benchmark can move forward: it makes every added Bikeep
 * location due for its sync at the same moment, so one round reads them all (the gateway has no
 * hook to start a sync round, and the locations are added over several seconds).
 */
final class ShiftableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    ShiftableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** Clocks of one family share the offset: a shift moves them all. */
    private ShiftableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    void shift(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new ShiftableClock(offset, zone);
    }
}
