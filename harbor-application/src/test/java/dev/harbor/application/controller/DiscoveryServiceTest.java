package dev.harbor.application.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.controller.DiscoverControllers.ScanResult;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryServiceTest {

    private static final Actor ADMIN = Actor.admin("admin");

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final FakeDiscovery discovery = new FakeDiscovery();
    private final DiscoveryService service = new DiscoveryService(discovery, fixture.controllers, fixture.auditor);

    @Test
    void a_scan_without_mdns_configured_is_refused_and_browses_nothing() {
        discovery.enabled = false;

        assertThat(service.scan(Duration.ofSeconds(3), true, ADMIN)).isEqualTo(new ScanResult.Disabled());
        assertThat(discovery.windows).isEmpty();
    }

    @Test
    void a_board_with_the_host_port_and_address_of_a_stored_tcp_controller_is_already_known() {
        addTcp("Known", "10.0.0.7", 5000, 3);
        discovery.found.add(found("Known", "10.0.0.7", 5000, 3));
        discovery.found.add(found("Other address", "10.0.0.7", 5000, 4));
        discovery.found.add(found("Other port", "10.0.0.7", 5001, 3));

        ScanResult.Scanned scanned = (ScanResult.Scanned) service.scan(Duration.ofMillis(1500), false, ADMIN);

        assertThat(discovery.windows).containsExactly(Duration.ofMillis(1500));
        assertThat(scanned.discovered())
                .extracting(DiscoverControllers.Discovered::alreadyKnown)
                .containsExactly(true, false, false);
        assertThat(scanned.added()).isEmpty();
    }

    @Test
    void a_scan_without_add_changes_nothing() {
        discovery.found.add(found("New", "10.0.0.8", 5000, 1));
        int before = fixture.controllers.list().size();

        service.scan(Duration.ofSeconds(1), false, ADMIN);

        assertThat(fixture.controllers.list()).hasSize(before);
    }

    @Test
    void a_scan_with_add_registers_the_unknown_boards_with_their_lockers_as_found_by_mdns() {
        addTcp("Known", "10.0.0.7", 5000, 3);
        discovery.found.add(found("Known", "10.0.0.7", 5000, 3));
        discovery.found.add(found("New", "10.0.0.8", 5000, 1));

        ScanResult.Scanned scanned = (ScanResult.Scanned) service.scan(Duration.ofSeconds(1), true, ADMIN);

        assertThat(scanned.added()).hasSize(1);
        Controller added = scanned.added().get(0).controller();
        assertThat(added.name()).isEqualTo("New");
        assertThat(added.discoveredVia()).isEqualTo(DiscoveredVia.MDNS);
        assertThat(added.endpoint().transport()).isEqualTo(new Transport.Tcp("10.0.0.8", 5000));
        assertThat(added.endpoint().protocol()).isEqualTo(Protocol.XOR8A);
        assertThat(added.lockerCount()).isEqualTo(8);
        assertThat(fixture.allLockers().stream().filter(l -> l.controllerId().equals(added.id())))
                .hasSize(8);
        assertThat(fixture.db.auditTrail().recent(10, null))
                .extracting(AuditTrail.Entry::action)
                .contains("controller.add", "controller.scan");
    }

    @Test
    void a_board_with_an_unusable_announcement_is_skipped_with_a_reason() {
        discovery.found.add(new ControllerDiscovery.Found("Odd", "10.0.0.9", 5000, "no-such-protocol", 1, 8));
        discovery.found.add(new ControllerDiscovery.Found("Far", "10.0.0.9", 5001, "xor8a", 99, 8));

        ScanResult.Scanned scanned = (ScanResult.Scanned) service.scan(Duration.ofSeconds(1), true, ADMIN);

        assertThat(scanned.added()).isEmpty();
        assertThat(scanned.skipped()).hasSize(2);
        assertThat(scanned.skipped().get(0).reason()).contains("no-such-protocol");
        assertThat(scanned.skipped().get(1).reason()).contains("board address 99");
    }

    private void addTcp(String name, String host, int port, int address) {
        ManageControllers.AddResult result = fixture.controllers.add(
                new ManageControllers.AddCommand(
                        name,
                        new BoardEndpoint(
                                Protocol.XOR8A, new Transport.Tcp(host, port), address, ProtocolOptions.DEFAULTS),
                        null,
                        4,
                        DiscoveredVia.MANUAL),
                ADMIN);
        assertThat(result).isInstanceOf(ManageControllers.AddResult.Added.class);
    }

    private static ControllerDiscovery.Found found(String name, String host, int port, int address) {
        return new ControllerDiscovery.Found(name, host, port, "xor8a", address, 8);
    }

    private static final class FakeDiscovery implements ControllerDiscovery {
        boolean enabled = true;
        final List<Found> found = new ArrayList<>();
        final List<Duration> windows = new ArrayList<>();

        @Override
        public boolean isEnabled() {
            return enabled;
        }

        @Override
        public List<Found> scan(Duration window) {
            windows.add(window);
            return List.copyOf(found);
        }

        @Override
        public void reannounce() {}
    }
}
