package dev.harbor.hardware.internal;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLink;
import dev.harbor.hardware.protocol.FrameScan;
import dev.harbor.hardware.protocol.Frames;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Request and reply on an open bus link, one at a time: keeps the quiet gap, discards stale input,
 * and reads in short slices so a timed-out or cancelled attempt stops within a slice.
 */
final class BusConversation {

    interface ReplyScanner<T> {
        FrameScan<T> scan(byte[] bytes, int length);
    }

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int CAPACITY = 512;

    private final BusLink link;
    private final BusLockBoardSettings settings;
    private long lineQuietSince = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

    BusConversation(BusLink link, BusLockBoardSettings settings) {
        this.link = link;
        this.settings = settings;
    }

    /** Sends a request and returns the first valid reply, or throws before the attempt's deadline. */
    <T> T exchange(byte[] request, ReplyScanner<T> scanner, Attempt attempt) throws BoardCommunicationException {
        send(request, attempt);
        byte[] buffer = new byte[CAPACITY];
        int length = 0;
        long lastByteAt = System.nanoTime();
        FrameScan.Found<T> candidate = null;
        String rejected = null;
        try {
            while (true) {
                attempt.checkNotCancelled();
                long now = System.nanoTime();
                long quietFor = now - lastByteAt;
                if (candidate != null && quietFor >= settings.frameEndGap().toNanos()) {
                    return candidate.value();
                }
                if (rejected != null
                        && candidate == null
                        && quietFor >= settings.corruptReplyGrace().toNanos()) {
                    throw new BoardCommunicationException("corrupt reply to " + Frames.hex(request) + ": " + rejected);
                }
                long left = attempt.remainingNanos();
                if (left <= 0) {
                    if (candidate != null) {
                        return candidate.value();
                    }
                    throw new BoardCommunicationException(
                            length == 0
                                    ? "no reply to " + Frames.hex(request) + " from " + link.describe()
                                    : "incomplete reply to " + Frames.hex(request) + ": "
                                            + Frames.hex(buffer, 0, length)
                                            + (rejected == null ? "" : " (" + rejected + ")"));
                }
                int read = link.read(buffer, length, CAPACITY - length, Math.min(left, SLICE_NANOS));
                if (read == 0) {
                    continue;
                }
                length += read;
                lastByteAt = System.nanoTime();
                FrameScan<T> scan = scanner.scan(buffer, length);
                if (scan instanceof FrameScan.Found<T> found) {
                    if (found.endCertain()) {
                        return found.value();
                    }
                    candidate = found;
                } else if (scan instanceof FrameScan.Pending<T> pending) {
                    rejected = pending.rejected();
                }
                if (length == CAPACITY) {
                    throw new BoardCommunicationException(
                            "no valid reply in " + CAPACITY + " bytes of noise on " + link.describe());
                }
            }
        } catch (IOException e) {
            throw new BoardCommunicationException(e.getMessage(), e);
        } finally {
            lineQuietSince = System.nanoTime();
        }
    }

    /** Sends a request that may get no reply. */
    void send(byte[] request, Attempt attempt) throws BoardCommunicationException {
        awaitQuietGap(attempt);
        try {
            link.discardInput();
            attempt.checkNotCancelled();
            link.write(request);
        } catch (IOException e) {
            throw new BoardCommunicationException(e.getMessage(), e);
        } finally {
            lineQuietSince = System.nanoTime();
        }
    }

    /** Lets the board work for a while, dropping whatever it says (an optional answer nobody needs). */
    void settle(long nanos, Attempt attempt) throws BoardCommunicationException {
        long until = System.nanoTime() + Math.min(nanos, Math.max(0, attempt.remainingNanos()));
        byte[] sink = new byte[CAPACITY];
        try {
            long left;
            while ((left = until - System.nanoTime()) > 0) {
                attempt.checkNotCancelled();
                link.read(sink, 0, CAPACITY, Math.min(left, SLICE_NANOS));
            }
        } catch (IOException e) {
            throw new BoardCommunicationException(e.getMessage(), e);
        } finally {
            lineQuietSince = System.nanoTime();
        }
    }

    private void awaitQuietGap(Attempt attempt) throws BoardCommunicationException {
        long until = lineQuietSince + settings.quietGap().toNanos();
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            attempt.checkNotCancelled();
            LockSupport.parkNanos(left);
        }
    }
}
