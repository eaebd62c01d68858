package dev.harbor.hardware.simulator;

import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.hardware.protocol.BoardCodec;
import dev.harbor.hardware.protocol.BoardRequest;
import dev.harbor.hardware.protocol.Frames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The simulated boards hanging on one line (an RS-485 bus), all speaking one protocol. Serve it on a
 * pty ({@link SerialBoardSimulator}), a TCP port ({@link TcpBoardSimulator}) or in process
 * ({@link #connectInProcess()}).
 */
public final class SimulatedBus {

    private final String name;
    private final Map<Integer, SimulatedBoard> boards = new ConcurrentHashMap<>();
    private final List<byte[]> received = new ArrayList<>();
    private volatile SimulatorSettings settings;
    private volatile Protocol protocol;
    private int repliesSent;

    public SimulatedBus(String name, SimulatorSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public String name() {
        return name;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public void useSettings(SimulatorSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
    }

    /**
     * Adds a board, or returns the one already at that address when it has as many locks. One with
     * another number of locks is replaced by a fresh board of the new size (its bank was resized
     * through the Admin API; the simulated doors start closed again).
     *
     * @throws IllegalArgumentException when the bus speaks another protocol
     */
    public synchronized SimulatedBoard addBoard(
            Protocol boardProtocol, int address, int lockCount, ProtocolOptions options) {
        if (protocol != null && protocol != boardProtocol) {
            throw new IllegalArgumentException(
                    "bus " + name + " speaks " + protocol.id() + ", not " + boardProtocol.id());
        }
        SimulatedBoard existing = boards.get(address);
        if (existing != null && existing.lockCount() == lockCount) {
            return existing;
        }
        SimulatedBoard board = new SimulatedBoard(boardProtocol, address, lockCount, options, this::settings);
        boards.put(address, board);
        protocol = boardProtocol;
        return board;
    }

    public Optional<SimulatedBoard> board(int address) {
        return Optional.ofNullable(boards.get(address));
    }

    /** Every valid request frame seen on the line, whatever board it addressed, oldest first. */
    public synchronized List<String> receivedHex() {
        return received.stream().map(Frames::hex).toList();
    }

    /** Waits until {@code count} replies in total have been sent on this bus. */
    public synchronized boolean awaitRepliesSent(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (repliesSent < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public synchronized int repliesSent() {
        return repliesSent;
    }

    /** A gateway-side connection to this bus inside the JVM, served by its own simulator thread. */
    public InProcessLine connectInProcess() {
        InProcessLine line = new InProcessLine();
        LineSession.start(this, line.boardEnd(), "harbor-sim-" + name);
        return line;
    }

    Optional<BoardCodec> requestCodec() {
        Protocol current = protocol;
        return current == null ? Optional.empty() : Optional.of(BoardCodec.of(current, ProtocolOptions.DEFAULTS));
    }

    Optional<PlannedReply> handle(byte[] frame, BoardRequest request) {
        synchronized (this) {
            received.add(frame.clone());
        }
        SimulatedBoard board = boards.get(request.board());
        return board == null ? Optional.empty() : board.handle(frame, request);
    }

    synchronized void replySent() {
        repliesSent++;
        notifyAll();
    }
}
