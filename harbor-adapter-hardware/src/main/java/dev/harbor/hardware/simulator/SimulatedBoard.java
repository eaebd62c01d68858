package dev.harbor.hardware.simulator;

import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.BoardStatus.LockReading;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.hardware.protocol.BoardCodec;
import dev.harbor.hardware.protocol.BoardRequest;
import dev.harbor.hardware.protocol.Frames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One simulated lock board: the state of each lock (door open or closed, item inside), the faults
 * injected into it, and every request frame it received. Opening a lock opens its door; the door
 * closes again after {@link SimulatorSettings#doorClosesAfter()} or when told with {@link #closeDoor}.
 * Thread-safe: tests and the demo change it while a gateway talks to it.
 */
public final class SimulatedBoard {

    private static final byte[] GARBAGE = {(byte) 0xFF, 0x00, 0x55};

    private final Protocol protocol;
    private final int address;
    private final int lockCount;
    private final BoardCodec codec;
    private final Supplier<SimulatorSettings> settings;
    private final boolean[] doorOpen;
    private final long[] doorClosesAtNanos;
    private final boolean[] itemPresent;
    private final List<byte[]> received = new ArrayList<>();
    private final List<InjectedFault> boardFaults = new ArrayList<>();
    private final Map<Integer, List<InjectedFault>> lockFaults = new HashMap<>();
    private boolean busy;

    private static final class InjectedFault {
        final SimulatedFault fault;
        int remaining;

        InjectedFault(SimulatedFault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    SimulatedBoard(
            Protocol protocol,
            int address,
            int lockCount,
            ProtocolOptions options,
            Supplier<SimulatorSettings> settings) {
        this.protocol = protocol;
        this.address = protocol.requireAddress(address);
        this.lockCount = protocol.requireLockCount("locks", lockCount);
        this.codec = BoardCodec.of(protocol, options);
        this.settings = settings;
        this.doorOpen = new boolean[lockCount + 1];
        this.doorClosesAtNanos = new long[lockCount + 1];
        this.itemPresent = new boolean[lockCount + 1];
    }

    public Protocol protocol() {
        return protocol;
    }

    public int address() {
        return address;
    }

    public int lockCount() {
        return lockCount;
    }

    public synchronized boolean isDoorOpen(int lock) {
        checkLock(lock);
        settleDoor(lock);
        return doorOpen[lock];
    }

    /** Someone pushed the door shut: the lock latches again. */
    public synchronized void closeDoor(int lock) {
        checkLock(lock);
        doorOpen[lock] = false;
        doorClosesAtNanos[lock] = 0;
    }

    public synchronized void setItemPresent(int lock, boolean present) {
        checkLock(lock);
        itemPresent[lock] = present;
    }

    /** Injects a fault into every request to this board until {@link #clearFaults()}. */
    public void injectFault(SimulatedFault fault) {
        injectFault(fault, Integer.MAX_VALUE);
    }

    /** Injects a fault into the next {@code times} requests it affects. */
    public synchronized void injectFault(SimulatedFault fault, int times) {
        boardFaults.add(new InjectedFault(fault, times));
    }

    /** Injects a fault into requests addressing this lock (its opens) until {@link #clearFaults()}. */
    public void injectLockFault(int lock, SimulatedFault fault) {
        injectLockFault(lock, fault, Integer.MAX_VALUE);
    }

    public synchronized void injectLockFault(int lock, SimulatedFault fault, int times) {
        checkLock(lock);
        lockFaults.computeIfAbsent(lock, l -> new ArrayList<>()).add(new InjectedFault(fault, times));
    }

    public synchronized void clearFaults() {
        boardFaults.clear();
        lockFaults.clear();
    }

    /** Power-cycles the board: faults cleared, busy state left, locks keep their state. */
    public synchronized void reset() {
        clearFaults();
        busy = false;
    }

    /** Every valid request frame addressed to this board, oldest first. */
    public synchronized List<byte[]> receivedFrames() {
        return received.stream().map(byte[]::clone).toList();
    }

    /** {@link #receivedFrames()} as the spec writes them, e.g. {@code 8A 01 01 11 9B}. */
    public List<String> receivedHex() {
        return receivedFrames().stream().map(Frames::hex).toList();
    }

    public synchronized BoardStatus status() {
        Map<Integer, LockReading> locks = new HashMap<>();
        for (int lock = 1; lock <= lockCount; lock++) {
            settleDoor(lock);
            locks.put(lock, new LockReading(doorOpen[lock], itemPresent[lock]));
        }
        return new BoardStatus(locks);
    }

    synchronized Optional<PlannedReply> handle(byte[] frame, BoardRequest request) {
        received.add(frame.clone());
        if (busy) {
            return Optional.empty();
        }
        int lock = request instanceof BoardRequest.OpenLock open ? open.lock() : 0;
        if (lock > lockCount) {
            return Optional.empty();
        }
        if (take(lock, SimulatedFault.BUSY)) {
            busy = true;
            return Optional.empty();
        }
        Optional<byte[]> reply = execute(request, lock);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(shape(reply.get(), request, lock));
    }

    private Optional<byte[]> execute(BoardRequest request, int lock) {
        if (request instanceof BoardRequest.OpenLock) {
            boolean released = !take(lock, SimulatedFault.LOCK_STUCK);
            if (released) {
                pulse(lock);
            }
            return codec.encodeOpenReply(address, lock, released);
        }
        if (request instanceof BoardRequest.OpenAll) {
            for (int each = 1; each <= lockCount; each++) {
                if (!take(each, SimulatedFault.LOCK_STUCK)) {
                    pulse(each);
                }
            }
            return codec.encodeOpenReply(address, 0, true);
        }
        if (request instanceof BoardRequest.ReadStatus) {
            return Optional.of(codec.encodeStatusReply(address, status(), lockCount));
        }
        return Optional.empty();
    }

    private PlannedReply shape(byte[] reply, BoardRequest request, int lock) {
        SimulatorSettings timing = settings.get();
        long delay = timing.replyDelay().toNanos();
        List<byte[]> chunks = List.of(reply);
        long pause = 0;
        if (take(lock, SimulatedFault.NO_REPLY)) {
            chunks = List.of();
        } else if (take(lock, SimulatedFault.LATE_REPLY)) {
            delay += timing.lateReplyDelay().toNanos();
        } else if (take(lock, SimulatedFault.WRONG_CHECKSUM)) {
            byte[] corrupt = reply.clone();
            corrupt[corrupt.length - 1] ^= 0x5A;
            chunks = List.of(corrupt);
        } else if (take(lock, SimulatedFault.GARBAGE_PREFIX)) {
            byte[] noisy = new byte[GARBAGE.length + 2 + reply.length];
            System.arraycopy(GARBAGE, 0, noisy, 0, GARBAGE.length);
            noisy[GARBAGE.length] = reply[0];
            noisy[GARBAGE.length + 1] = (byte) 0xEE;
            System.arraycopy(reply, 0, noisy, GARBAGE.length + 2, reply.length);
            chunks = List.of(noisy);
        } else if (take(lock, SimulatedFault.TRUNCATED_FRAME)) {
            chunks = List.of(Arrays.copyOf(reply, reply.length - 2));
        } else if (take(lock, SimulatedFault.WRONG_ADDRESS)) {
            chunks = List.of(fromOtherBoard(request, lock));
        } else if (take(lock, SimulatedFault.SPLIT_REPLY)) {
            int third = Math.max(1, reply.length / 3);
            chunks = List.of(
                    Arrays.copyOfRange(reply, 0, third),
                    Arrays.copyOfRange(reply, third, 2 * third),
                    Arrays.copyOfRange(reply, 2 * third, reply.length));
            pause = timing.splitPause().toNanos();
        }
        return new PlannedReply(delay, chunks, pause);
    }

    private byte[] fromOtherBoard(BoardRequest request, int lock) {
        int other = address == protocol.minAddress() ? address + 1 : address - 1;
        if (request instanceof BoardRequest.ReadStatus) {
            return codec.encodeStatusReply(other, status(), lockCount);
        }
        return codec.encodeOpenReply(other, lock, true).orElseThrow();
    }

    private void pulse(int lock) {
        doorOpen[lock] = true;
        Duration closesAfter = settings.get().doorClosesAfter();
        doorClosesAtNanos[lock] = closesAfter == null ? 0 : System.nanoTime() + Math.max(1, closesAfter.toNanos());
    }

    private void settleDoor(int lock) {
        if (doorOpen[lock] && doorClosesAtNanos[lock] != 0 && System.nanoTime() - doorClosesAtNanos[lock] >= 0) {
            doorOpen[lock] = false;
            doorClosesAtNanos[lock] = 0;
        }
    }

    /** Consumes one use of the fault if it is injected for this lock or for the whole board. */
    private boolean take(int lock, SimulatedFault fault) {
        return takeFrom(lockFaults.getOrDefault(lock, List.of()), fault) || takeFrom(boardFaults, fault);
    }

    private static boolean takeFrom(List<InjectedFault> faults, SimulatedFault fault) {
        for (InjectedFault injected : faults) {
            if (injected.fault == fault && injected.remaining > 0) {
                if (injected.remaining != Integer.MAX_VALUE) {
                    injected.remaining--;
                }
                return true;
            }
        }
        return false;
    }

    private void checkLock(int lock) {
        if (lock < 1 || lock > lockCount) {
            throw new IllegalArgumentException("lock " + lock + " is not on this " + lockCount + "-lock board");
        }
    }
}
