package dev.harbor.hardware.protocol;

import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.BoardStatus.LockReading;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.ProtocolOptions.FeedbackPolarity;
import dev.harbor.domain.controller.ProtocolOptions.StatusByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Protocol 1, the "8A/80" XOR family: five-byte frames {@code HEAD BOARD LOCK FUNC BCC}. */
public final class Xor8aCodec implements BoardCodec {

    static final int OPEN_HEAD = 0x8A;
    static final int READ_HEAD = 0x80;
    static final int OPEN_FUNC = 0x11;
    static final int READ_FUNC = 0x33;
    private static final int FEEDBACK_SET = 0x11;
    private static final int FEEDBACK_CLEAR = 0x00;
    private static final int FRAME = 5;

    private final ProtocolOptions options;

    public Xor8aCodec(ProtocolOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Protocol protocol() {
        return Protocol.XOR8A;
    }

    @Override
    public byte[] encode(BoardRequest request) {
        if (request instanceof BoardRequest.OpenLock open) {
            return frame(OPEN_HEAD, open.board(), open.lock(), OPEN_FUNC);
        }
        if (request instanceof BoardRequest.OpenAll all) {
            return frame(OPEN_HEAD, all.board(), 0, OPEN_FUNC);
        }
        if (request instanceof BoardRequest.ReadLock read) {
            return frame(READ_HEAD, read.board(), read.lock(), READ_FUNC);
        }
        return frame(READ_HEAD, request.board(), 0, READ_FUNC);
    }

    @Override
    public boolean answersOpen() {
        return true;
    }

    @Override
    public boolean confirmsOpenByStatus() {
        return false;
    }

    @Override
    public FrameScan<OpenAnswer> scanOpenReply(byte[] bytes, int length, int board, int lock) {
        return FixedLengthFrames.scan(bytes, length, OPEN_HEAD, FRAME, (b, at) -> {
            if (Frames.xor(b, at, at + 4) != Frames.u(b[at + 4])) {
                return FixedLengthFrames.reject("bad BCC", b, at, FRAME);
            }
            if (Frames.u(b[at + 1]) != board || Frames.u(b[at + 2]) != lock) {
                return FixedLengthFrames.reject(
                        "wrong address echo (expected board " + board + " lock " + lock + ")", b, at, FRAME);
            }
            int feedback = Frames.u(b[at + 3]);
            if (feedback != FEEDBACK_SET && feedback != FEEDBACK_CLEAR) {
                return FixedLengthFrames.reject("unknown feedback byte", b, at, FRAME);
            }
            boolean locked = lockedByFeedback(feedback == FEEDBACK_SET);
            return new FrameScan.Found<>(locked ? OpenAnswer.STILL_LOCKED : OpenAnswer.RELEASED, at, at + FRAME, true);
        });
    }

    /**
     * The read-all reply is {@code 80 BOARD S.. 33 BCC} with a board-dependent number of status
     * bytes, so a candidate's end is never certain: the longest valid frame wins once the line is quiet.
     */
    @Override
    public FrameScan<BoardStatus> scanStatusReply(byte[] bytes, int length, int board, int lockCount) {
        int minStatusBytes = Math.max(1, (lockCount + 7) / 8);
        String rejected = null;
        for (int at = 0; at < length; at++) {
            if (Frames.u(bytes[at]) != READ_HEAD || at + 2 + minStatusBytes + 2 > length) {
                continue;
            }
            int end = longestValidEnd(bytes, at, length, minStatusBytes);
            if (end < 0) {
                if (containsFunctionByte(bytes, at + 2 + minStatusBytes, length)) {
                    rejected = "bad BCC in " + Frames.hex(bytes, at, length);
                }
                continue;
            }
            if (Frames.u(bytes[at + 1]) != board) {
                rejected = "wrong address echo (expected board " + board + ") in " + Frames.hex(bytes, at, end);
                continue;
            }
            return new FrameScan.Found<>(decodeStatus(bytes, at + 2, end - 2, lockCount), at, end, false);
        }
        return new FrameScan.Pending<>(rejected);
    }

    private static int longestValidEnd(byte[] bytes, int at, int length, int minStatusBytes) {
        int found = -1;
        for (int func = at + 2 + minStatusBytes; func + 1 < length; func++) {
            if (Frames.u(bytes[func]) == READ_FUNC && Frames.xor(bytes, at, func + 1) == Frames.u(bytes[func + 1])) {
                found = func + 2;
            }
        }
        return found;
    }

    private static boolean containsFunctionByte(byte[] bytes, int from, int length) {
        for (int i = from; i + 1 < length; i++) {
            if (Frames.u(bytes[i]) == READ_FUNC) {
                return true;
            }
        }
        return false;
    }

    private BoardStatus decodeStatus(byte[] bytes, int from, int to, int lockCount) {
        int groups = to - from;
        Map<Integer, LockReading> locks = new HashMap<>();
        for (int lock = 1; lock <= lockCount; lock++) {
            int group = (lock - 1) / 8;
            int index = options.statusByteOrder() == StatusByteOrder.HIGHEST_FIRST ? groups - 1 - group : group;
            boolean locked = lockedByFeedback(Frames.bit(bytes, from + index, (lock - 1) % 8));
            locks.put(lock, new LockReading(!locked, null));
        }
        return new BoardStatus(locks);
    }

    @Override
    public FrameScan<BoardRequest> scanRequest(byte[] bytes, int length) {
        String rejected = null;
        for (int at = 0; at < length; at++) {
            int head = Frames.u(bytes[at]);
            if (head != OPEN_HEAD && head != READ_HEAD) {
                continue;
            }
            if (at + FRAME > length) {
                return new FrameScan.Pending<>(rejected);
            }
            int func = Frames.u(bytes[at + 3]);
            boolean shapeOk = head == OPEN_HEAD ? func == OPEN_FUNC : func == READ_FUNC;
            if (!shapeOk || Frames.xor(bytes, at, at + 4) != Frames.u(bytes[at + 4])) {
                rejected = "bad request " + Frames.hex(bytes, at, at + FRAME);
                continue;
            }
            int board = Frames.u(bytes[at + 1]);
            int lock = Frames.u(bytes[at + 2]);
            BoardRequest request;
            if (head == READ_HEAD) {
                request = lock == 0 ? new BoardRequest.ReadStatus(board) : new BoardRequest.ReadLock(board, lock);
            } else if (lock == 0) {
                request = new BoardRequest.OpenAll(board);
            } else {
                request = new BoardRequest.OpenLock(board, lock);
            }
            return new FrameScan.Found<>(request, at, at + FRAME, true);
        }
        return new FrameScan.Pending<>(rejected);
    }

    @Override
    public Optional<byte[]> encodeOpenReply(int board, int lock, boolean released) {
        boolean feedbackSet = lockedByFeedback(true) != released;
        return Optional.of(frame(OPEN_HEAD, board, lock, feedbackSet ? FEEDBACK_SET : FEEDBACK_CLEAR));
    }

    /** Boards of up to 24 channels answer with three status bytes, even an 8-channel one (7-byte reply). */
    public static int statusBytesFor(int lockCount) {
        return Math.max(3, (lockCount + 7) / 8);
    }

    @Override
    public byte[] encodeStatusReply(int board, BoardStatus status, int lockCount) {
        int groups = statusBytesFor(lockCount);
        byte[] reply = new byte[groups + 4];
        reply[0] = (byte) READ_HEAD;
        reply[1] = (byte) board;
        status.locks().forEach((lock, reading) -> {
            int group = (lock - 1) / 8;
            int index = options.statusByteOrder() == StatusByteOrder.HIGHEST_FIRST ? groups - 1 - group : group;
            boolean bitSet = lockedByFeedback(true) == !reading.doorOpen();
            if (bitSet) {
                reply[2 + index] |= (byte) (1 << ((lock - 1) % 8));
            }
        });
        reply[groups + 2] = (byte) READ_FUNC;
        reply[groups + 3] = (byte) Frames.xor(reply, 0, groups + 3);
        return reply;
    }

    /** Whether a set feedback bit (or {@code 11} byte) means locked under this controller's polarity. */
    private boolean lockedByFeedback(boolean set) {
        return options.feedbackPolarity() == FeedbackPolarity.SET_MEANS_LOCKED ? set : !set;
    }

    private static byte[] frame(int head, int board, int lock, int func) {
        byte[] frame = {(byte) head, (byte) board, (byte) lock, (byte) func, 0};
        frame[4] = (byte) Frames.xor(frame, 0, 4);
        return frame;
    }
}
