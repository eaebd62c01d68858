package dev.harbor.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusWorkerTest {

    /** A link that is always there and never says anything: these tests are about the queue. */
    private static final class SilentLink implements BusLink {
        int opens;
        boolean open;

        @Override
        public String describe() {
            return "silent test link";
        }

        @Override
        public void open(long timeoutNanos) {
            opens++;
            open = true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void discardInput() {}

        @Override
        public void write(byte[] frame) {}

        @Override
        public int read(byte[] into, int offset, int max, long maxNanos) throws IOException {
            return 0;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    private final SilentLink link = new SilentLink();
    private final BusWorker worker = new BusWorker("test", link, BusLockBoardSettings.DEFAULTS);

    @AfterEach
    void stop() {
        worker.stop();
    }

    private static Attempt soon() {
        return new Attempt(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void a_queued_open_goes_before_queued_polls() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        worker.submit(BusWorker.Priority.POLL, soon(), (line, attempt) -> {
            started.countDown();
            try {
                busy.await();
            } catch (InterruptedException e) {
                throw new BoardCommunicationException("interrupted", e);
            }
            return ran.add("first poll");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> poll =
                worker.submit(BusWorker.Priority.POLL, soon(), (line, attempt) -> ran.add("second poll"));
        CompletableFuture<Boolean> open =
                worker.submit(BusWorker.Priority.OPEN, soon(), (line, attempt) -> ran.add("open"));

        busy.countDown();
        open.get(5, TimeUnit.SECONDS);
        poll.get(5, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("first poll", "open", "second poll");
    }

    @Test
    void a_communication_failure_closes_the_link_so_the_next_request_reopens_it() throws Exception {
        CompletableFuture<Object> failed = worker.submit(BusWorker.Priority.OPEN, soon(), (line, attempt) -> {
            throw new BoardCommunicationException("garbage");
        });
        assertThat(catchCause(failed)).isInstanceOf(BoardCommunicationException.class);

        worker.submit(BusWorker.Priority.OPEN, soon(), (line, attempt) -> true).get(5, TimeUnit.SECONDS);

        assertThat(link.opens).isEqualTo(2);
    }

    @Test
    void a_request_whose_deadline_passed_in_the_queue_is_never_sent() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> late = worker.submit(
                BusWorker.Priority.OPEN,
                new Attempt(System.nanoTime() - Duration.ofMillis(1).toNanos()),
                (line, attempt) -> ran.add("sent"));

        assertThat(catchCause(late))
                .isInstanceOf(BoardCommunicationException.class)
                .hasMessageContaining("timed out");
        assertThat(ran).isEmpty();
    }

    private static Throwable catchCause(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(5, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the worker did not answer", e);
        }
    }
}
