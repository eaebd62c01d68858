package dev.harbor.hardware.protocol;

import static dev.harbor.hardware.protocol.KerongFrames.ETX;
import static dev.harbor.hardware.protocol.KerongFrames.STX;

import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.BoardStatus.LockReading;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Protocol 3, Kerong KR-CU48: {@code 02 BOARD LOCK CMD 03 SUM} with 0-based lock numbers. */
public final class KerongCu48Codec implements BoardCodec {

    static final int STATUS = 0x60;
    static final int OPEN = 0x61;
    static final int REPLY = 0x75;
    private static final int DONE = 0x00;
    private static final int REQUEST = 6;
    private static final int OPEN_REPLY = 6;
    private static final int STATUS_FRAME = 18;
    public static final int MAX_LOCKS = 48;

    private final ProtocolOptions options;

    public KerongCu48Codec(ProtocolOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Protocol protocol() {
        return Protocol.KERONG_CU48;
    }

    @Override
    public byte[] encode(BoardRequest request) {
        if (request instanceof BoardRequest.ReadLock) {
            throw new IllegalArgumentException("Kerong boards have no single-lock read: read the status of all locks");
        }
        if (request instanceof BoardRequest.OpenLock open) {
            if (open.lock() > MAX_LOCKS) {
                throw new IllegalArgumentException("a KR-CU48 board has locks 1-48, not " + open.lock());
            }
            return KerongFrames.seal(
                    new byte[] {(byte) STX, (byte) open.board(), (byte) (open.lock() - 1), (byte) OPEN, 0, 0});
        }
        if (request instanceof BoardRequest.ReadStatus) {
            return KerongFrames.seal(new byte[] {(byte) STX, (byte) request.board(), 0, (byte) STATUS, 0, 0});
        }
        throw new IllegalArgumentException("KR-CU48 has no open-all command: open the locks one by one");
    }

    @Override
    public boolean answersOpen() {
        return true;
    }

    /** The open reply only says "done": the lock bits of a status read say whether it released. */
    @Override
    public boolean confirmsOpenByStatus() {
        return true;
    }

    @Override
    public FrameScan<OpenAnswer> scanOpenReply(byte[] bytes, int length, int board, int lock) {
        return FixedLengthFrames.scan(bytes, length, STX, OPEN_REPLY, (b, at) -> {
            if (Frames.u(b[at + 3]) != REPLY) {
                return FixedLengthFrames.reject("not an open reply", b, at, OPEN_REPLY);
            }
            if (!KerongFrames.sumOk(b, at, OPEN_REPLY)) {
                return FixedLengthFrames.reject("bad SUM", b, at, OPEN_REPLY);
            }
            if (Frames.u(b[at + 1]) != board || Frames.u(b[at + 2]) != lock - 1) {
                return FixedLengthFrames.reject(
                        "wrong address echo (expected board " + board + " lock " + lock + ")", b, at, OPEN_REPLY);
            }
            OpenAnswer answer = Frames.u(b[at + 4]) == DONE ? OpenAnswer.DONE : OpenAnswer.REFUSED;
            return new FrameScan.Found<>(answer, at, at + OPEN_REPLY, true);
        });
    }

    @Override
    public FrameScan<BoardStatus> scanStatusReply(byte[] bytes, int length, int board, int lockCount) {
        return FixedLengthFrames.scan(bytes, length, STX, STATUS_FRAME, (b, at) -> {
            if (Frames.u(b[at + 3]) != REPLY || Frames.u(b[at + 16]) != ETX) {
                return FixedLengthFrames.reject("not a status reply", b, at, STATUS_FRAME);
            }
            if (!KerongFrames.sumOk(b, at, STATUS_FRAME)) {
                return FixedLengthFrames.reject("bad SUM", b, at, STATUS_FRAME);
            }
            if (Frames.u(b[at + 1]) != board) {
                return FixedLengthFrames.reject(
                        "wrong address echo (expected board " + board + ")", b, at, STATUS_FRAME);
            }
            Map<Integer, LockReading> locks = new HashMap<>();
            for (int lock = 1; lock <= Math.min(lockCount, MAX_LOCKS); lock++) {
                int index = lock - 1;
                boolean locked = KerongFrames.lockedByBit(options, Frames.bit(b, at + 4 + index / 8, index % 8));
                boolean item = Frames.bit(b, at + 10 + index / 8, index % 8);
                locks.put(lock, new LockReading(!locked, item));
            }
            return new FrameScan.Found<>(new BoardStatus(locks), at, at + STATUS_FRAME, true);
        });
    }

    @Override
    public FrameScan<BoardRequest> scanRequest(byte[] bytes, int length) {
        return FixedLengthFrames.scan(bytes, length, STX, REQUEST, (b, at) -> {
            int cmd = Frames.u(b[at + 3]);
            if (Frames.u(b[at + 4]) != ETX || !KerongFrames.sumOk(b, at, REQUEST) || (cmd != STATUS && cmd != OPEN)) {
                return FixedLengthFrames.reject("bad request", b, at, REQUEST);
            }
            int board = Frames.u(b[at + 1]);
            BoardRequest request = cmd == OPEN
                    ? new BoardRequest.OpenLock(board, Frames.u(b[at + 2]) + 1)
                    : new BoardRequest.ReadStatus(board);
            return new FrameScan.Found<>(request, at, at + REQUEST, true);
        });
    }

    /** The board answers "done" even when the lock then fails to release: the status read tells. */
    @Override
    public Optional<byte[]> encodeOpenReply(int board, int lock, boolean released) {
        byte[] reply = {(byte) STX, (byte) board, (byte) (lock - 1), (byte) REPLY, (byte) DONE, 0};
        reply[5] = (byte) Frames.sum(reply, 0, 5);
        return Optional.of(reply);
    }

    @Override
    public byte[] encodeStatusReply(int board, BoardStatus status, int lockCount) {
        byte[] reply = new byte[STATUS_FRAME];
        reply[0] = (byte) STX;
        reply[1] = (byte) board;
        reply[3] = (byte) REPLY;
        status.locks().forEach((lock, reading) -> {
            if (KerongFrames.bitForLocked(options, !reading.doorOpen())) {
                KerongFrames.setBit(reply, 4, lock - 1);
            }
            if (Boolean.TRUE.equals(reading.itemPresent())) {
                KerongFrames.setBit(reply, 10, lock - 1);
            }
        });
        return KerongFrames.seal(reply);
    }
}
