package dev.harbor.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.locker.DoorOpenOutcome;
import dev.harbor.application.locker.DoorOpenPolicy;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SerialBoardSimulator;
import dev.harbor.hardware.simulator.SimulatedBoard;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SimulatedFault;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.hardware.simulator.SocatPtyPair;
import dev.harbor.hardware.simulator.TcpBoardSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The application's door-open policy (Failsafe) over the real driver, a real pty pair and a real socket. */
class DoorOpenPolicyOverRealBoardsTest {

    private static final ControllerId CONTROLLER = ControllerId.of(3);
    private static final DoorOpenPolicy POLICY =
            new DoorOpenPolicy(() -> new DoorOpenSettings(Duration.ofMillis(300), 3, Duration.ofMillis(50)));

    @TempDir
    Path ptys;

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private SimulatedBoard board;
    private BusLockBoard lockBoard;

    @AfterEach
    void closeEverything() throws Exception {
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    private void start(String transport) throws Exception {
        SimulatedBus bus = new SimulatedBus("policy", SimulatorSettings.DEFAULTS.withDoorClosesAfter(null));
        board = bus.addBoard(Protocol.XOR8A, 1, 24, ProtocolOptions.DEFAULTS);
        Transport gatewaySide;
        if (transport.equals("pty")) {
            SocatPtyPair pair = SocatPtyPair.start(ptys.resolve("gateway"), ptys.resolve("board"));
            cleanup.push(pair);
            cleanup.push(SerialBoardSimulator.open(bus, pair.boardSide().toString(), 9600));
            gatewaySide = new Transport.Serial(pair.gatewaySide().toString(), 9600);
        } else {
            TcpBoardSimulator server = TcpBoardSimulator.startOnLoopback(bus, 0);
            cleanup.push(server);
            gatewaySide = new Transport.Tcp("127.0.0.1", server.port());
        }
        lockBoard = new BusLockBoard(
                new RecordingBoardObserver(),
                Clock.systemUTC(),
                BusLockBoardSettings.DEFAULTS.withPollInterval(Duration.ofHours(1)),
                BusLinkFactory.serialAndTcp());
        cleanup.push(lockBoard);
        lockBoard.attach(CONTROLLER, new BoardEndpoint(Protocol.XOR8A, gatewaySide, 1, ProtocolOptions.DEFAULTS), 24);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pty", "tcp"})
    void a_silent_board_is_tried_three_times_and_reported_unreachable(String transport) throws Exception {
        start(transport);
        board.injectFault(SimulatedFault.NO_REPLY);

        DoorOpenOutcome outcome = POLICY.open(lockBoard, CONTROLLER, 1);

        assertThat(outcome).isInstanceOf(DoorOpenOutcome.Unreachable.class);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(board.receivedHex()).containsExactly("8A 01 01 11 9B", "8A 01 01 11 9B", "8A 01 01 11 9B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pty", "tcp"})
    void a_stuck_lock_is_tried_once_and_reported_as_a_hardware_failure(String transport) throws Exception {
        start(transport);
        board.injectLockFault(1, SimulatedFault.LOCK_STUCK);

        DoorOpenOutcome outcome = POLICY.open(lockBoard, CONTROLLER, 1);

        assertThat(outcome).isInstanceOf(DoorOpenOutcome.HardwareFailed.class);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(board.receivedHex()).containsExactly("8A 01 01 11 9B");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"pty, NO_REPLY", "tcp, NO_REPLY", "pty, WRONG_CHECKSUM", "tcp, WRONG_CHECKSUM"})
    void a_fault_on_the_first_attempt_only_opens_on_the_second(String transport, SimulatedFault fault)
            throws Exception {
        start(transport);
        board.injectFault(fault, 1);

        DoorOpenOutcome outcome = POLICY.open(lockBoard, CONTROLLER, 1);

        assertThat(outcome).isEqualTo(new DoorOpenOutcome.Opened(true, 2));
        assertThat(board.isDoorOpen(1)).isTrue();
    }
}
