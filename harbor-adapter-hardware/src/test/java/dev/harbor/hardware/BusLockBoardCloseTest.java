package dev.harbor.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SimulatedBuses;
import dev.harbor.hardware.simulator.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * On shutdown the gateway closes the boards and then the database the observer writes to: a
 * report still being handled after {@code close()} returned would write to a closed database.
 */
class BusLockBoardCloseTest {

    /** Slow like a database write, and notes every call that is still running once close returned. */
    private static final class LateCallRecorder implements BoardObserver {
        final AtomicBoolean closeReturned = new AtomicBoolean();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger callsAfterClose = new AtomicInteger();

        @Override
        public void statusRead(ControllerId controller, BoardStatus status, Instant at) {
            record();
        }

        @Override
        public void statusFailed(ControllerId controller, String reason, Instant at) {
            record();
        }

        private void record() {
            calls.incrementAndGet();
            if (closeReturned.get()) {
                callsAfterClose.incrementAndGet();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closeReturned.get()) {
                callsAfterClose.incrementAndGet();
            }
        }
    }

    @Test
    void once_close_returns_the_observer_is_not_called_even_with_polls_in_flight() throws Exception {
        for (int round = 0; round < 5; round++) {
            LateCallRecorder observer = new LateCallRecorder();
            SimulatedBuses buses = new SimulatedBuses(SimulatorSettings.DEFAULTS);
            BusLockBoard boards = new BusLockBoard(
                    observer,
                    Clock.systemUTC(),
                    BusLockBoardSettings.DEFAULTS.withPollInterval(Duration.ofMillis(2)),
                    BusLinkFactory.serialAndTcp().or(buses.linkFactory()));
            for (int address = 0; address < 4; address++) {
                boards.attach(
                        ControllerId.of(address + 1),
                        new BoardEndpoint(
                                Protocol.KERONG_CU16,
                                new Transport.Simulated("line-" + address % 2),
                                address,
                                ProtocolOptions.DEFAULTS),
                        16);
            }
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (observer.calls.get() < 3 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(observer.calls.get()).as("reports before close").isGreaterThanOrEqualTo(3);

            boards.close();
            observer.closeReturned.set(true);
            Thread.sleep(100);

            assertThat(observer.callsAfterClose.get())
                    .as("observer calls running after close returned, round %d", round)
                    .isZero();
        }
    }
}
