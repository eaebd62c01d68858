package dev.harbor.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLink;
import dev.harbor.hardware.protocol.FrameScan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A reply that comes after its request timed out must not be taken for the next request's answer,
 * even when it is still on its way (in a relay, a USB adapter) while the next request starts.
 */
class BusConversationLateReplyTest {

    /** One byte is a whole reply: the byte itself. */
    private static final BusConversation.ReplyScanner<Integer> ONE_BYTE = (bytes, length) ->
            length == 0 ? FrameScan.nothingYet() : new FrameScan.Found<>(bytes[0] & 0xFF, 0, 1, true);

    @Test
    void a_reply_still_in_flight_after_a_timeout_is_dropped_and_the_next_request_gets_its_own_answer()
            throws Exception {
        ScriptedLink link = new ScriptedLink();
        BusConversation conversation = new BusConversation(link, BusLockBoardSettings.DEFAULTS);

        Throwable timedOut = catchThrowable(
                () -> conversation.exchange(new byte[] {1}, ONE_BYTE, attemptOf(TimeUnit.MILLISECONDS.toNanos(20))));
        assertThat(timedOut).isInstanceOf(BoardCommunicationException.class);

        // The answer to request 1 is on its way: discarding input now does not reach it, the next read does.
        link.inFlight = 0x11;
        link.answers.add(0x22);
        int answer = conversation.exchange(new byte[] {2}, ONE_BYTE, attemptOf(TimeUnit.SECONDS.toNanos(2)));

        assertThat(answer)
                .as("the answer to request 2, not the late one to request 1")
                .isEqualTo(0x22);
        assertThat(link.written).containsExactly(1, 2);
    }

    private static Attempt attemptOf(long nanos) {
        return new Attempt(System.nanoTime() + nanos);
    }

    /**
     * Answers each written request with the next of {@link #answers}; a byte put {@link #inFlight}
     * becomes readable at the next read, whatever was discarded before it.
     */
    private static final class ScriptedLink implements BusLink {
        final Deque<Integer> answers = new ArrayDeque<>();
        final List<Integer> written = new ArrayList<>();
        private final Deque<Integer> readable = new ArrayDeque<>();
        Integer inFlight;

        @Override
        public String describe() {
            return "scripted";
        }

        @Override
        public void open(long timeoutNanos) {}

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void discardInput() {
            readable.clear();
        }

        @Override
        public void write(byte[] frame) {
            written.add((int) frame[0]);
            if (!answers.isEmpty()) {
                readable.add(answers.poll());
            }
        }

        @Override
        public int read(byte[] into, int offset, int max, long maxNanos) {
            if (inFlight != null) {
                readable.addFirst(inFlight);
                inFlight = null;
            }
            if (readable.isEmpty() || max == 0) {
                LockSupport.parkNanos(Math.min(maxNanos, TimeUnit.MILLISECONDS.toNanos(1)));
                return 0;
            }
            into[offset] = (byte) (int) readable.poll();
            return 1;
        }

        @Override
        public void close() {}
    }
}
