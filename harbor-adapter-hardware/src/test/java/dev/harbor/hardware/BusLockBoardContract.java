package dev.harbor.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.LockHardwareFault;
import dev.harbor.application.port.OpenConfirmation;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SimulatedBoard;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SimulatedBuses;
import dev.harbor.hardware.simulator.SimulatedFault;
import dev.harbor.hardware.simulator.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every transport must do with the real {@link BusLockBoard} against the board simulator:
 * subclassed for a socat pty pair (jSerialComm), a TCP socket and the in-process bus.
 */
abstract class BusLockBoardContract {

    static final ControllerId CONTROLLER = ControllerId.of(1);
    static final Duration DEADLINE = Duration.ofMillis(300);
    static final BusLockBoardSettings SETTINGS = BusLockBoardSettings.DEFAULTS
            .withPollInterval(Duration.ofHours(1))
            .withReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
    static final SimulatorSettings SIMULATOR = SimulatorSettings.DEFAULTS
            .withLateReplyDelay(Duration.ofMillis(500))
            .withDoorClosesAfter(null);

    /** What the spec says goes on the wire for an open of lock 1, and for a status read. */
    record SpecFrames(int address, String openLock1, String readStatus) {
        List<String> openAndConfirm(Protocol protocol) {
            return protocol == Protocol.XOR8A ? List.of(openLock1) : List.of(openLock1, readStatus);
        }
    }

    static SpecFrames specFrames(Protocol protocol) {
        return switch (protocol) {
            case XOR8A -> new SpecFrames(1, "8A 01 01 11 9B", "80 01 00 33 B2");
            case KERONG_CU16 -> new SpecFrames(0, "02 00 31 03 36", "02 00 30 03 35");
            case KERONG_CU48 -> new SpecFrames(0, "02 00 00 61 03 66", "02 00 00 60 03 65");
            case BIKEEP -> throw new IllegalArgumentException("a Bikeep location has no wire");
        };
    }

    enum Expected {
        OPENS,
        COMMUNICATION_ERROR,
        HARDWARE_FAULT
    }

    /** Every fault has a mapping, so a new fault without one does not compile. */
    static Expected expectedFor(SimulatedFault fault) {
        return switch (fault) {
            case GARBAGE_PREFIX, SPLIT_REPLY -> Expected.OPENS;
            case LOCK_STUCK -> Expected.HARDWARE_FAULT;
            case NO_REPLY, LATE_REPLY, WRONG_CHECKSUM, TRUNCATED_FRAME, WRONG_ADDRESS, BUSY ->
                Expected.COMMUNICATION_ERROR;
        };
    }

    static Stream<Arguments> everyFaultOfEveryProtocol() {
        return Protocol.boards().stream()
                .flatMap(
                        protocol -> Arrays.stream(SimulatedFault.values()).map(fault -> Arguments.of(protocol, fault)));
    }

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    protected final SimulatedBuses inProcessBuses = new SimulatedBuses(SIMULATOR);
    protected final RecordingBoardObserver observer = new RecordingBoardObserver();
    protected BusLockBoard lockBoard;
    protected SimulatedBoard board;
    protected SimulatedBus bus;

    /** Serves the bus on this contract's transport and says how the gateway reaches it. */
    abstract Transport serve(SimulatedBus bus) throws Exception;

    SimulatedBus newBus() {
        return new SimulatedBus("contract", SIMULATOR);
    }

    void closeAfter(AutoCloseable closeable) {
        cleanup.push(closeable);
    }

    @AfterEach
    void closeEverything() throws Exception {
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    Transport start(Protocol protocol, int lockCount) throws Exception {
        bus = newBus();
        board = bus.addBoard(protocol, specFrames(protocol).address(), lockCount, ProtocolOptions.DEFAULTS);
        Transport transport = serve(bus);
        lockBoard = new BusLockBoard(
                observer,
                Clock.systemUTC(),
                SETTINGS,
                BusLinkFactory.serialAndTcp().or(inProcessBuses.linkFactory()));
        closeAfter(lockBoard);
        lockBoard.attach(
                CONTROLLER,
                new BoardEndpoint(protocol, transport, specFrames(protocol).address(), ProtocolOptions.DEFAULTS),
                lockCount);
        return transport;
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = "BIKEEP", mode = EnumSource.Mode.EXCLUDE)
    void opening_a_lock_sends_the_spec_frames_and_reports_the_door_open(Protocol protocol) throws Exception {
        start(protocol, 16);

        OpenConfirmation confirmation = lockBoard.open(CONTROLLER, 1, DEADLINE);

        assertThat(confirmation).isEqualTo(new OpenConfirmation(true));
        assertThat(board.isDoorOpen(1)).isTrue();
        assertThat(board.isDoorOpen(2)).isFalse();
        assertThat(board.receivedHex())
                .containsExactlyElementsOf(specFrames(protocol).openAndConfirm(protocol));
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = "BIKEEP", mode = EnumSource.Mode.EXCLUDE)
    void reading_the_status_reports_every_lock_and_the_item_sensors(Protocol protocol) throws Exception {
        start(protocol, 16);
        lockBoard.open(CONTROLLER, 3, DEADLINE);
        board.setItemPresent(2, true);

        BoardStatus status = lockBoard.readStatus(CONTROLLER, DEADLINE);

        assertThat(status.locks()).hasSize(16);
        assertThat(status.locks().get(3).doorOpen()).isTrue();
        assertThat(status.locks().get(1).doorOpen()).isFalse();
        if (protocol == Protocol.XOR8A) {
            assertThat(status.locks().get(2).itemPresent())
                    .as("xor8a boards have no item sensor")
                    .isNull();
        } else {
            assertThat(status.locks().get(2).itemPresent()).isTrue();
            assertThat(status.locks().get(1).itemPresent()).isFalse();
        }
        assertThat(board.receivedHex()).last().isEqualTo(specFrames(protocol).readStatus());
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = "BIKEEP", mode = EnumSource.Mode.EXCLUDE)
    void a_door_closed_at_the_board_reads_as_closed(Protocol protocol) throws Exception {
        start(protocol, 16);
        lockBoard.open(CONTROLLER, 5, DEADLINE);

        board.closeDoor(5);

        assertThat(lockBoard.readStatus(CONTROLLER, DEADLINE).locks().get(5).doorOpen())
                .isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyFaultOfEveryProtocol")
    void each_fault_maps_to_its_outcome_and_the_next_open_works(Protocol protocol, SimulatedFault fault)
            throws Exception {
        start(protocol, 16);
        board.injectFault(fault, 1);

        Throwable failure = catchThrowable(() -> lockBoard.open(CONTROLLER, 1, DEADLINE));

        switch (expectedFor(fault)) {
            case OPENS ->
                assertThat(failure).as("the gateway copes with %s", fault).isNull();
            case COMMUNICATION_ERROR -> assertThat(failure).isInstanceOf(BoardCommunicationException.class);
            case HARDWARE_FAULT ->
                assertThat(failure).isInstanceOf(LockHardwareFault.class).hasMessageContaining("still locked");
        }
        assertThat(board.receivedHex()).first().isEqualTo(specFrames(protocol).openLock1());

        board.reset();
        if (fault == SimulatedFault.LATE_REPLY) {
            assertThat(bus.awaitRepliesSent(1, Duration.ofSeconds(2)))
                    .as("the late reply came")
                    .isTrue();
        }
        board.closeDoor(1);
        int before = board.receivedHex().size();

        assertThat(lockBoard.open(CONTROLLER, 1, DEADLINE)).isEqualTo(new OpenConfirmation(true));
        assertThat(board.receivedHex().subList(before, board.receivedHex().size()))
                .containsExactlyElementsOf(specFrames(protocol).openAndConfirm(protocol));
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = "BIKEEP", mode = EnumSource.Mode.EXCLUDE)
    void a_fault_on_one_lock_leaves_the_others_working(Protocol protocol) throws Exception {
        start(protocol, 16);
        board.injectLockFault(2, SimulatedFault.LOCK_STUCK);

        assertThatThrownBy(() -> lockBoard.open(CONTROLLER, 2, DEADLINE)).isInstanceOf(LockHardwareFault.class);
        assertThat(lockBoard.open(CONTROLLER, 3, DEADLINE).doorOpen()).isTrue();
        assertThat(board.isDoorOpen(2)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = "BIKEEP", mode = EnumSource.Mode.EXCLUDE)
    void an_interrupted_open_stops_its_attempt_and_frees_the_bus(Protocol protocol) throws Exception {
        start(protocol, 16);
        board.injectFault(SimulatedFault.NO_REPLY);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread opener = new Thread(() -> {
            failure.set(catchThrowable(() -> lockBoard.open(CONTROLLER, 1, Duration.ofSeconds(30))));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        opener.start();
        while (board.receivedHex().isEmpty()) {
            Thread.sleep(5);
        }
        opener.interrupt();
        opener.join(5_000);
        board.reset();

        assertThat(failure.get()).isInstanceOf(BoardCommunicationException.class);
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(lockBoard.open(CONTROLLER, 2, Duration.ofSeconds(2)).doorOpen())
                .as("the bus is free long before the interrupted attempt's 30 s deadline")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = "BIKEEP", mode = EnumSource.Mode.EXCLUDE)
    void a_detached_controller_cannot_be_opened(Protocol protocol) throws Exception {
        start(protocol, 16);

        lockBoard.detach(CONTROLLER);

        assertThatThrownBy(() -> lockBoard.open(CONTROLLER, 1, DEADLINE))
                .isInstanceOf(BoardCommunicationException.class)
                .hasMessageContaining("not attached");
    }
}
