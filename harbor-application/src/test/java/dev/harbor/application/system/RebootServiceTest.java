package dev.harbor.application.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.fakes.InMemoryDatabase;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.HostSystem;
import dev.harbor.application.system.RebootGateway.RebootResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RebootServiceTest {

    private static final Actor ADMIN = Actor.admin("admin");

    private final AuditTrail trail = new InMemoryDatabase().auditTrail();
    private final Auditor auditor = new Auditor(trail, new MutableClock(Instant.parse("2026-12-01T10:00:00Z")));
    private final List<String> happened = new CopyOnWriteArrayList<>();
    private final CountDownLatch rebooted = new CountDownLatch(1);
    private final FakeHost host = new FakeHost();

    @Test
    void without_a_reboot_command_the_reboot_is_disabled_and_nothing_runs() throws Exception {
        host.canReboot = false;
        RebootService service = new RebootService(host, auditor, () -> happened.add("shutdown"), Duration.ZERO);

        assertThat(service.reboot(ADMIN)).isEqualTo(new RebootResult.Disabled());

        assertThat(rebooted.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(happened).isEmpty();
        assertThat(trail.recent(10, null)).isEmpty();
    }

    @Test
    void a_reboot_answers_at_once_then_shuts_the_gateway_down_and_only_then_runs_the_command() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        RebootService service = new RebootService(
                host,
                auditor,
                () -> {
                    awaitQuietly(answered);
                    happened.add("shutdown");
                },
                Duration.ofMillis(50));

        RebootResult result = service.reboot(ADMIN);
        happened.add("answered");
        answered.countDown();

        assertThat(result).isEqualTo(new RebootResult.Scheduled(Duration.ofMillis(50)));
        assertThat(rebooted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(happened).containsExactly("answered", "shutdown", "reboot");
    }

    @Test
    void the_reboot_is_audited_before_the_shutdown_closes_the_database() throws Exception {
        RebootService service = new RebootService(
                host,
                auditor,
                () -> happened.add("shutdown after " + trail.recent(10, null).size() + " audit entries"),
                Duration.ZERO);

        service.reboot(ADMIN);

        assertThat(rebooted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(happened).startsWith("shutdown after 1 audit entries");
        AuditTrail.Entry entry = trail.recent(10, null).get(0);
        assertThat(entry.actor()).isEqualTo("admin:admin");
        assertThat(entry.action()).isEqualTo("system.reboot");
        assertThat(entry.outcome()).isEqualTo("OK");
    }

    @Test
    void a_failed_shutdown_still_reboots() throws Exception {
        RebootService service = new RebootService(
                host,
                auditor,
                () -> {
                    throw new IllegalStateException("stuck");
                },
                Duration.ZERO);

        service.reboot(ADMIN);

        assertThat(rebooted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_second_request_while_a_reboot_is_pending_does_not_reboot_twice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RebootService service = new RebootService(host, auditor, () -> awaitQuietly(release), Duration.ZERO);

        assertThat(service.reboot(ADMIN)).isInstanceOf(RebootResult.Scheduled.class);
        assertThat(service.reboot(ADMIN)).isInstanceOf(RebootResult.Scheduled.class);
        release.countDown();

        assertThat(rebooted.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(happened).containsExactly("reboot");
        assertThat(trail.recent(10, null)).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class FakeHost implements HostSystem {
        volatile boolean canReboot = true;

        @Override
        public Network readNetwork() {
            return new Network("box", List.of());
        }

        @Override
        public boolean canReboot() {
            return canReboot;
        }

        @Override
        public void reboot() {
            happened.add("reboot");
            rebooted.countDown();
        }
    }
}
