package dev.harbor.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.RecordingBoardObserver.Failed;
import dev.harbor.hardware.RecordingBoardObserver.Read;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SerialBoardSimulator;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.hardware.simulator.SocatPtyPair;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialDeviceComesAndGoesTest {

    private static final ControllerId CONTROLLER = ControllerId.of(7);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path ptys;

    private final RecordingBoardObserver observer = new RecordingBoardObserver();
    private final SimulatedBus bus = new SimulatedBus("usb", SimulatorSettings.DEFAULTS);

    @Test
    void a_board_on_a_missing_device_attaches_reports_offline_and_comes_back_when_the_device_appears()
            throws Exception {
        bus.addBoard(Protocol.KERONG_CU16, 0, 16, ProtocolOptions.DEFAULTS);
        Path device = ptys.resolve("gateway");
        try (BusLockBoard lockBoard = new BusLockBoard(
                observer,
                Clock.systemUTC(),
                BusLockBoardSettings.DEFAULTS
                        .withPollInterval(Duration.ofMillis(100))
                        .withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                BusLinkFactory.serialAndTcp())) {

            lockBoard.attach(
                    CONTROLLER,
                    new BoardEndpoint(
                            Protocol.KERONG_CU16,
                            new Transport.Serial(device.toString(), 19200),
                            0,
                            ProtocolOptions.DEFAULTS),
                    16);

            Optional<RecordingBoardObserver.Report> offline = observer.await(0, Failed.class::isInstance, WAIT);
            assertThat(offline)
                    .get()
                    .isInstanceOfSatisfying(
                            Failed.class,
                            failed -> assertThat(failed.reason())
                                    .contains(device.toString())
                                    .contains("missing"));
            assertThat(observer.reports()).noneMatch(Read.class::isInstance);

            int beforePlugIn = observer.size();
            try (SocatPtyPair pair = SocatPtyPair.start(device, ptys.resolve("board"));
                    SerialBoardSimulator simulator =
                            SerialBoardSimulator.open(bus, pair.boardSide().toString(), 19200)) {
                assertThat(observer.await(beforePlugIn, Read.class::isInstance, WAIT))
                        .as("back online")
                        .isPresent();
                int beforeUnplug = observer.size();
                pair.close();
                assertThat(observer.await(beforeUnplug, Failed.class::isInstance, WAIT))
                        .as("offline after unplug")
                        .isPresent();
            }

            int beforeReplug = observer.size();
            try (SocatPtyPair pair = SocatPtyPair.start(device, ptys.resolve("board"));
                    SerialBoardSimulator simulator =
                            SerialBoardSimulator.open(bus, pair.boardSide().toString(), 19200)) {
                assertThat(observer.await(beforeReplug, Read.class::isInstance, WAIT))
                        .as("back after replug")
                        .isPresent();
            }
        }
    }
}
