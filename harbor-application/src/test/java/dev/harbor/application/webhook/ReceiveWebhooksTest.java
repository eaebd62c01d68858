package dev.harbor.application.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.diagnostics.DiagnosticsUseCases;
import dev.harbor.application.fakes.RecordingErrorReporter.Report;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.RemoteDeviceRefresh;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.port.WebhookVerifier.Event;
import dev.harbor.application.port.WebhookVerifier.Verdict;
import dev.harbor.application.webhook.ReceiveWebhooks.Receipt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReceiveWebhooksTest {

    private static final byte[] BODY = "{}".getBytes();
    private static final Instant AT = Instant.parse("2026-12-01T09:58:00Z");
    private static final String HASH = "0123456789abcdef".repeat(4);

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final List<String> refreshed = new ArrayList<>();
    private final RemoteDeviceRefresh refresh =
            (location, device) -> refreshed.add(location + "/" + (device == null ? "*" : device));
    private Verdict verdict = new Verdict.NotAuthentic("no hash");

    private ReceiveWebhooks service(AuditTrail trail) {
        return WebhookUseCases.receive(
                body -> verdict,
                fixture.webhookDeliveries,
                refresh,
                new Auditor(trail, fixture.clock),
                DiagnosticsUseCases.reportErrors(fixture.errorReporter),
                fixture.clock);
    }

    private final ReceiveWebhooks webhooks = service(fixture.db.auditTrail());

    private static Event event(String location, String device) {
        return new Event(location, device, null, null, null, null, AT);
    }

    private void deliver(String type, Event... events) {
        verdict = new Verdict.Authentic(type, HASH, List.of(events));
    }

    /** The audit entries webhooks wrote (the fixture's own set-up writes some too). */
    private List<AuditTrail.Entry> audit() {
        return fixture.db.auditTrail().recent(100, null).stream()
                .filter(entry -> entry.actor().equals("bikeep"))
                .toList();
    }

    @Test
    void a_connection_event_is_accepted_and_asks_for_a_re_read_of_what_it_names() {
        deliver(
                "connection",
                new Event("loc-1", "dev-7", "offline", null, null, null, AT),
                new Event("loc-2", null, "online", null, null, null, null));

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(2));

        assertThat(refreshed).containsExactly("loc-1/dev-7", "loc-2/*");
        assertThat(audit()).isEmpty();
        assertThat(fixture.errorReporter.reports()).isEmpty();
    }

    @Test
    void an_alarm_is_audited_and_reported_with_its_reason_and_category() {
        deliver("alarm", new Event("loc-1", "dev-7", null, "case opened", "vandalism", null, AT));

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(1));

        assertThat(audit()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("bikeep");
            assertThat(entry.action()).isEqualTo("bikeep.alarm");
            assertThat(entry.target()).isEqualTo("device dev-7 at location loc-1");
            assertThat(entry.outcome()).isEqualTo("ALARM");
            assertThat(entry.detail()).contains("case opened", "vandalism");
            assertThat(entry.at()).isEqualTo(fixture.clock.instant());
        });
        assertThat(fixture.errorReporter.reports()).singleElement().satisfies(report -> {
            assertThat(report.error()).isInstanceOf(WebhookAlert.class);
            assertThat(report.error().getMessage()).contains("loc-1", "dev-7", "case opened", "vandalism");
            assertThat(report.context()).isEqualTo("Bikeep webhook alarm");
        });
        assertThat(refreshed).isEmpty();
    }

    @Test
    void a_confirmed_outage_is_reported_but_not_audited() {
        deliver("connection_confirmed", event("loc-3", null));

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(1));

        assertThat(fixture.errorReporter.reports())
                .extracting(r -> r.error().getMessage())
                .singleElement()
                .asString()
                .contains("offline for 2 h+", "location loc-3");
        assertThat(audit()).isEmpty();
        assertThat(refreshed).isEmpty();
    }

    @Test
    void a_status_event_asks_for_a_re_read_of_the_device_and_reports_nothing() {
        deliver("status", new Event("loc-1", "dev-7", null, null, null, "LOCKING timed out", AT));

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(1));

        assertThat(refreshed).containsExactly("loc-1/dev-7");
        assertThat(fixture.errorReporter.reports()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void an_event_of_an_unknown_type_is_accepted_with_no_effect() {
        deliver("battery", event("loc-1", "dev-7"), event("loc-1", "dev-8"));

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(2));

        assertThat(refreshed).isEmpty();
        assertThat(fixture.errorReporter.reports()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void the_same_delivery_again_is_accepted_with_no_event_and_nothing_recorded_twice() {
        deliver("alarm", new Event("loc-1", "dev-7", null, "case opened", "vandalism", null, AT));
        webhooks.receive(BODY);
        fixture.clock.advance(Duration.ofHours(23));

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(0));

        assertThat(audit()).hasSize(1);
        assertThat(fixture.errorReporter.reports()).hasSize(1);
    }

    @Test
    void the_same_delivery_more_than_24_hours_later_is_handled_again_and_old_deliveries_are_forgotten() {
        deliver("alarm", new Event("loc-1", "dev-7", null, "case opened", "vandalism", null, AT));
        webhooks.receive(BODY);
        fixture.clock.advance(Duration.ofHours(24).plusMillis(1));

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(1));

        assertThat(audit()).hasSize(2);
        assertThat(fixture.webhookDeliveries.size()).isEqualTo(1);
    }

    @Test
    void a_delivery_that_is_not_authentic_is_refused_and_nothing_is_recorded() {
        verdict = new Verdict.NotAuthentic("wrong hash");

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Refused());

        assertThat(fixture.webhookDeliveries.size()).isZero();
        assertThat(audit()).isEmpty();
        assertThat(fixture.errorReporter.reports()).isEmpty();
    }

    @Test
    void a_malformed_delivery_is_refused_with_its_reason_and_nothing_is_recorded() {
        verdict = new Verdict.Malformed("data is missing");

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Malformed("data is missing"));

        assertThat(fixture.webhookDeliveries.size()).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    void a_delivery_whose_handling_failed_is_handled_when_it_comes_again() {
        AtomicInteger failures = new AtomicInteger(1);
        AuditTrail flaky = new AuditTrail() {
            @Override
            public void record(Entry entry) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("database down");
                }
                fixture.db.auditTrail().record(entry);
            }

            @Override
            public List<Entry> recent(int limit, Instant since) {
                return fixture.db.auditTrail().recent(limit, since);
            }
        };
        ReceiveWebhooks webhooks = service(flaky);
        deliver("alarm", new Event("loc-1", "dev-7", null, "case opened", "vandalism", null, AT));

        assertThatThrownBy(() -> webhooks.receive(BODY)).hasMessage("database down");

        assertThat(webhooks.receive(BODY)).isEqualTo(new Receipt.Accepted(1));
        assertThat(audit()).hasSize(1);
    }

    @Test
    void the_assembly_hands_out_the_use_case_over_the_verifier_and_stores_it_is_given() {
        fixture.webhookVerifier = body -> new String(body).equals("right")
                ? new Verdict.Authentic(
                        "alarm", HASH, List.of(new Event("loc-1", null, null, "case opened", "vandalism", null, null)))
                : new Verdict.NotAuthentic("wrong");

        assertThat(fixture.core.receiveWebhooks().receive("wrong".getBytes())).isEqualTo(new Receipt.Refused());
        assertThat(fixture.core.receiveWebhooks().receive("right".getBytes())).isEqualTo(new Receipt.Accepted(1));
        assertThat(fixture.core.receiveWebhooks().receive("right".getBytes())).isEqualTo(new Receipt.Accepted(0));

        assertThat(audit()).extracting(AuditTrail.Entry::action).containsExactly("bikeep.alarm");
        assertThat(fixture.errorReporter.reports()).extracting(Report::context).containsExactly("Bikeep webhook alarm");
    }

    @Test
    void a_value_from_the_body_cannot_forge_a_log_line_or_flood_one() {
        assertThat(WebhookService.printable("loc-1\nERROR forged")).isEqualTo("loc-1?ERROR forged");
        assertThat(WebhookService.printable("x".repeat(500))).hasSize(201).endsWith("…");
        assertThat(WebhookService.printable(null)).isEqualTo("-");
    }

    @Test
    void with_no_verifier_configured_every_delivery_is_refused() {
        assertThat(WebhookVerifier.REFUSE_ALL.verify(BODY)).isInstanceOf(Verdict.NotAuthentic.class);
        assertThat(ReceiveWebhooks.REFUSE_ALL.receive(BODY)).isEqualTo(new Receipt.Refused());
    }
}
