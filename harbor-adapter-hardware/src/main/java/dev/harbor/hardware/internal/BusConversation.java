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
    /**
     * Parking wakes 50-150 µs late (the kernel's timer slack and the wake-up itself), more on a busy
     * machine, and every such delay before a request or after a reply's last byte lengthens each
     * exchange of an open-all. So the last stretch of a wait whose end is known is spun instead.
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
    /** How long after the earliest moment a reply can be complete the line is still watched without parking. */
    private static final long CATCH_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private static final int CAPACITY = 512;

    private final BusLink link;
    private final BusLockBoardSettings settings;
    private long lineQuietSince = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    /**
     * After a failed exchange a late or partial reply may still be on its way: the next request
     * waits until the line has been heard quiet for a whole gap, or that reply would be taken for
     * the next request's answer.
     */
    private boolean lineUnheard = false;

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
        // When the reply's missing bytes can have arrived at the earliest, on a line of known byte time.
        boolean completionKnown = false;
        long completeAt = 0;
        boolean answered = false;
        FrameScan.Found<T> candidate = null;
        String rejected = null;
        try {
            while (true) {
                attempt.checkNotCancelled();
                long now = System.nanoTime();
                long quietFor = now - lastByteAt;
                if (candidate != null && quietFor >= settings.frameEndGap().toNanos()) {
                    answered = true;
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
                        answered = true;
                        return candidate.value();
                    }
                    throw new BoardCommunicationException(
                            length == 0
                                    ? "no reply to " + Frames.hex(request) + " from " + link.describe()
                                    : "incomplete reply to " + Frames.hex(request) + ": "
                                            + Frames.hex(buffer, 0, length)
                                            + (rejected == null ? "" : " (" + rejected + ")"));
                }
                long slice = Math.min(left, SLICE_NANOS);
                int read = completionKnown
                        ? readNear(completeAt, buffer, length, slice, attempt)
                        : link.read(buffer, length, CAPACITY - length, slice);
                if (read == 0) {
                    continue;
                }
                length += read;
                lastByteAt = System.nanoTime();
                completionKnown = false;
                FrameScan<T> scan = scanner.scan(buffer, length);
                if (scan instanceof FrameScan.Found<T> found) {
                    if (found.endCertain()) {
                        answered = true;
                        return found.value();
                    }
                    candidate = found;
                } else if (scan instanceof FrameScan.Pending<T> pending) {
                    rejected = pending.rejected();
                    if (pending.missing() > 0 && link.nanosPerByte() > 0) {
                        completionKnown = true;
                        completeAt = lastByteAt + pending.missing() * link.nanosPerByte();
                    }
                }
                if (length == CAPACITY) {
                    throw new BoardCommunicationException(
                            "no valid reply in " + CAPACITY + " bytes of noise on " + link.describe());
                }
            }
        } catch (IOException e) {
            throw new BoardCommunicationException(e.getMessage(), e);
        } finally {
            // After a reply the line has been quiet since its last byte, not since it was parsed (or
            // since the frame-end gap proved it complete): the quiet gap runs from there. After a
            // failure nothing is known about the line, so it runs from now.
            lineQuietSince = answered ? lastByteAt : System.nanoTime();
            lineUnheard = !answered;
        }
    }

    /**
     * Reads what has come of a reply that can be complete at {@code completeAt}: parks until shortly
     * before, then watches the line without parking until a little after, so its last byte is seen
     * when it comes rather than at the next poll. Later than that the bytes come in bursts (a USB
     * adapter's latency timer) and an ordinary read waits for them.
     */
    private int readNear(long completeAt, byte[] buffer, int length, long maxNanos, Attempt attempt)
            throws IOException {
        long now = System.nanoTime();
        long ahead = completeAt - now;
        if (ahead > SPIN_NANOS) {
            return link.read(buffer, length, CAPACITY - length, Math.min(maxNanos, ahead - SPIN_NANOS));
        }
        if (ahead <= -CATCH_NANOS) {
            return link.read(buffer, length, CAPACITY - length, maxNanos);
        }
        long until = now + Math.min(maxNanos, ahead + CATCH_NANOS);
        do {
            int read = link.read(buffer, length, CAPACITY - length, 0);
            if (read > 0) {
                return read;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() - until < 0 && !attempt.cancelled());
        return 0;
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
        if (lineUnheard) {
            listenUntilQuiet(attempt);
            lineUnheard = false;
            return;
        }
        long until = lineQuietSince + settings.quietGap().toNanos();
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            attempt.checkNotCancelled();
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Reads and drops whatever comes until nothing has come for a whole quiet gap. */
    private void listenUntilQuiet(Attempt attempt) throws BoardCommunicationException {
        byte[] sink = new byte[CAPACITY];
        long gap = settings.quietGap().toNanos();
        long quietFrom = System.nanoTime();
        try {
            long left;
            while ((left = quietFrom + gap - System.nanoTime()) > 0) {
                attempt.checkNotCancelled();
                if (attempt.remainingNanos() <= 0) {
                    throw new BoardCommunicationException(
                            "the line did not fall quiet before the deadline on " + link.describe());
                }
                if (link.read(sink, 0, CAPACITY, Math.min(left, SLICE_NANOS)) > 0) {
                    quietFrom = System.nanoTime();
                }
            }
        } catch (IOException e) {
            throw new BoardCommunicationException(e.getMessage(), e);
        }
        lineQuietSince = quietFrom;
    }
}
