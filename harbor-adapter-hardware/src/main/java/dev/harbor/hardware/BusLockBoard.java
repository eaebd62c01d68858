package dev.harbor.hardware;

import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockBoardException;
import dev.harbor.application.port.OpenConfirmation;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.internal.AttachedBoards;
import dev.harbor.hardware.link.BusLinkFactory;
import java.time.Clock;
import java.time.Duration;

/**
 * The {@link LockBoard} for boards on a bus: serial (jSerialComm), TCP, or whatever else the
 * {@link BusLinkFactory} it is handed can reach. Each bus has one request queue and one worker
 * thread; opens go before background polls.
 *
 * <pre>{@code
 * BusLockBoard boards = new BusLockBoard(observer, Clock.systemUTC(), BusLockBoardSettings.DEFAULTS,
 *         BusLinkFactory.serialAndTcp());
 * boards.attach(ControllerId.of(1), new BoardEndpoint(Protocol.KERONG_CU16,
 *         new Transport.Serial("/dev/ttyUSB0", 19200), 0, ProtocolOptions.DEFAULTS), 16);
 * OpenConfirmation opened = boards.open(ControllerId.of(1), 7, Duration.ofSeconds(20));
 * }</pre>
 *
 * Controllers with a {@code Transport.Simulated} endpoint need a simulator's factory, for example
 * {@code BusLinkFactory.serialAndTcp().or(simulatedBuses.linkFactory())}; keep the
 * {@code SimulatedBuses} to close doors or inject faults. Close the board on shutdown: polls stop,
 * queued requests fail, ports close, and the observer is not called again.
 */
public final class BusLockBoard implements LockBoard, AutoCloseable {

    private final AttachedBoards boards;

    /** Boards on the buses {@code links} can reach; attaching one on any other transport is refused. */
    public BusLockBoard(BoardObserver observer, Clock clock, BusLockBoardSettings settings, BusLinkFactory links) {
        this.boards = new AttachedBoards(observer, clock, settings, links);
    }

    @Override
    public void attach(ControllerId controller, BoardEndpoint endpoint, int lockCount) {
        boards.attach(controller, endpoint, lockCount);
    }

    @Override
    public void detach(ControllerId controller) {
        boards.detach(controller);
    }

    @Override
    public OpenConfirmation open(ControllerId controller, int lockNumber, Duration deadline) throws LockBoardException {
        return boards.open(controller, lockNumber, deadline);
    }

    @Override
    public BoardStatus readStatus(ControllerId controller, Duration deadline) throws LockBoardException {
        return boards.readStatus(controller, deadline);
    }

    @Override
    public void close() {
        boards.close();
    }
}
