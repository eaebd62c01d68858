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

/**
 * Protocol 2, Kerong KR-CU16 / KR-CU12: {@code 02 ADDR CMD [DATA…] 03 SUM} with the board number in
 * the high nibble of {@code ADDR} and the lock index in the low nibble.
 */
public final class KerongCu16Codec implements BoardCodec {

    static final int STATUS = 0x30;
    static final int OPEN = 0x31;
    static final int OPEN_ALL = 0x33;
    static final int STATUS_REPLY = 0x35;
    private static final int REQUEST = 5;
    private static final int STATUS_FRAME = 9;
    public static final int MAX_LOCKS = 16;

    private final ProtocolOptions options;

    public KerongCu16Codec(ProtocolOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Protocol protocol() {
        return Protocol.KERONG_CU16;
    }

    @Override
    public byte[] encode(BoardRequest request) {
        if (request instanceof BoardRequest.ReadLock) {
            throw new IllegalArgumentException("Kerong boards have no single-lock read: read the status of all locks");
        }
        if (request instanceof BoardRequest.OpenLock open) {
            if (open.lock() > MAX_LOCKS) {
                throw new IllegalArgumentException("a KR-CU16 board has locks 1-16, not " + open.lock());
            }
            return request(open.board(), open.lock() - 1, OPEN);
        }
        if (request instanceof BoardRequest.OpenAll) {
            return request(request.board(), 0, OPEN_ALL);
        }
        return request(request.board(), 0, STATUS);
    }

    /** The board may stay silent after an open: confirm by reading the status. */
    @Override
    public boolean answersOpen() {
        return false;
    }

    @Override
    public boolean confirmsOpenByStatus() {
        return true;
    }

    @Override
    public FrameScan<OpenAnswer> scanOpenReply(byte[] bytes, int length, int board, int lock) {
        // answersOpen() is false: a caller that scans for an open reply anyway has a bug.
        throw new IllegalStateException("KR-CU16 sends no open reply: confirm the open by a status read");
    }

    @Override
    public FrameScan<BoardStatus> scanStatusReply(byte[] bytes, int length, int board, int lockCount) {
        return FixedLengthFrames.scan(bytes, length, STX, STATUS_FRAME, (b, at) -> {
            if (Frames.u(b[at + 2]) != STATUS_REPLY || Frames.u(b[at + 7]) != ETX) {
                return FixedLengthFrames.reject("not a status reply", b, at, STATUS_FRAME);
            }
            if (!KerongFrames.sumOk(b, at, STATUS_FRAME)) {
                return FixedLengthFrames.reject("bad SUM", b, at, STATUS_FRAME);
            }
            if (Frames.u(b[at + 1]) >> 4 != board) {
                return FixedLengthFrames.reject(
                        "wrong address echo (expected board " + board + ")", b, at, STATUS_FRAME);
            }
            Map<Integer, LockReading> locks = new HashMap<>();
            for (int lock = 1; lock <= Math.min(lockCount, MAX_LOCKS); lock++) {
                int index = lock - 1;
                boolean locked = KerongFrames.lockedByBit(options, Frames.bit(b, at + 3 + index / 8, index % 8));
                boolean item = Frames.bit(b, at + 5 + index / 8, index % 8);
                locks.put(lock, new LockReading(!locked, item));
            }
            return new FrameScan.Found<>(new BoardStatus(locks), at, at + STATUS_FRAME, true);
        });
    }

    @Override
    public FrameScan<BoardRequest> scanRequest(byte[] bytes, int length) {
        return FixedLengthFrames.scan(bytes, length, STX, REQUEST, (b, at) -> {
            int cmd = Frames.u(b[at + 2]);
            if (Frames.u(b[at + 3]) != ETX
                    || !KerongFrames.sumOk(b, at, REQUEST)
                    || (cmd != STATUS && cmd != OPEN && cmd != OPEN_ALL)) {
                return FixedLengthFrames.reject("bad request", b, at, REQUEST);
            }
            int board = Frames.u(b[at + 1]) >> 4;
            int lockIndex = Frames.u(b[at + 1]) & 0x0F;
            BoardRequest request = switch (cmd) {
                case OPEN -> new BoardRequest.OpenLock(board, lockIndex + 1);
                case OPEN_ALL -> new BoardRequest.OpenAll(board);
                default -> new BoardRequest.ReadStatus(board);
            };
            return new FrameScan.Found<>(request, at, at + REQUEST, true);
        });
    }

    @Override
    public Optional<byte[]> encodeOpenReply(int board, int lock, boolean released) {
        return Optional.empty();
    }

    @Override
    public byte[] encodeStatusReply(int board, BoardStatus status, int lockCount) {
        byte[] reply = new byte[STATUS_FRAME];
        reply[0] = (byte) STX;
        reply[1] = (byte) ((board & 0x0F) << 4);
        reply[2] = (byte) STATUS_REPLY;
        status.locks().forEach((lock, reading) -> {
            if (KerongFrames.bitForLocked(options, !reading.doorOpen())) {
                KerongFrames.setBit(reply, 3, lock - 1);
            }
            if (Boolean.TRUE.equals(reading.itemPresent())) {
                KerongFrames.setBit(reply, 5, lock - 1);
            }
        });
        return KerongFrames.seal(reply);
    }

    private static byte[] request(int board, int lockIndex, int cmd) {
        return KerongFrames.seal(new byte[] {(byte) STX, (byte) ((board << 4) | lockIndex), (byte) cmd, 0, 0});
    }
}
