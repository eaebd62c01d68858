package dev.harbor.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SimulatedBuses;
import dev.harbor.hardware.simulator.SimulatedFault;
import dev.harbor.hardware.simulator.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two boards on one RS-485 line: while an open waits on a silent board, the polls of the healthy
 * board wait behind it and run out of time without ever being sent. That is no silence of the
 * healthy board, and it must not be reported as one.
 */
class SharedBusPollingTest {

    private static final ControllerId SILENT = ControllerId.of(1);
    private static final ControllerId HEALTHY = ControllerId.of(2);

    @Test
    void a_board_whose_polls_only_waited_behind_another_boards_open_is_not_reported_silent() throws Exception {
        SimulatedBuses buses = new SimulatedBuses(SimulatorSettings.DEFAULTS);
        RecordingBoardObserver observer = new RecordingBoardObserver();
        BusLockBoardSettings settings = BusLockBoardSettings.DEFAULTS
                .withPollInterval(Duration.ofMillis(50))
                .withPollTimeout(Duration.ofSeconds(1));
        try (BusLockBoard board = new BusLockBoard(
                observer,
                Clock.systemUTC(),
                settings,
                BusLinkFactory.serialAndTcp().or(buses.linkFactory()))) {
            board.attach(SILENT, endpoint(0), 16);
            board.attach(HEALTHY, endpoint(1), 16);
            assertThat(observer.await(
                            0,
                            r -> r instanceof RecordingBoardObserver.Read read
                                    && read.controller().equals(HEALTHY),
                            Duration.ofSeconds(5)))
                    .isPresent();
            buses.bus("line").board(0).orElseThrow().injectFault(SimulatedFault.NO_REPLY);
            int before = observer.size();

            try {
                board.open(SILENT, 1, Duration.ofMillis(1500));
            } catch (BoardCommunicationException expected) {
                // the silent board does not answer: that is the point
            }

            // Reports arrive in order on one thread, and a board has one poll in flight at a time: the
            // verdict on the poll that waited behind the open comes before the next read of the board.
            assertThat(observer.await(
                            before,
                            r -> r instanceof RecordingBoardObserver.Read read
                                    && read.controller().equals(HEALTHY),
                            Duration.ofSeconds(5)))
                    .as("the healthy board is read again once the bus is free")
                    .isPresent();
            assertThat(observer.reports().subList(before, observer.size()))
                    .noneMatch(r -> r instanceof RecordingBoardObserver.Failed failed
                            && failed.controller().equals(HEALTHY));
        }
    }

    private static BoardEndpoint endpoint(int address) {
        return new BoardEndpoint(
                Protocol.KERONG_CU16, new Transport.Simulated("line"), address, ProtocolOptions.DEFAULTS);
    }
}
