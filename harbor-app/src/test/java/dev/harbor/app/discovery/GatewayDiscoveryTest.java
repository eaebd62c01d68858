package dev.harbor.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.hardware.mdns.PrivateNetworkNamespace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway's mDNS scan finds a network lock controller announced by the board simulator's TCP
 * mode and adds it with its lockers. Everything runs in a private network namespace this test
 * creates, bound to 127.0.0.1: multicast never leaves the machine.
 */
class GatewayDiscoveryTest {

    private static final long WINDOW_MS = Long.getLong("harbor.mdns.test.windowMs", 4000);

    @Test
    void a_scan_finds_and_adds_an_announced_network_lock_controller() throws Exception {
        PrivateNetworkNamespace.Outcome outcome = PrivateNetworkNamespace.run(
                PrivateNetworkNamespace.java(GatewayDiscoveryProbe.class.getName(), Long.toString(WINDOW_MS)),
                Duration.ofMillis(WINDOW_MS + 90_000));
        List<String> lines = outcome.lines();
        assertThat(outcome.exitCode()).as("probe output:%n%s", outcome.output()).isZero();
        assertThat(lines).as("probe output:%n%s", outcome.output()).contains("DONE");

        String port = line(lines, "SIMULATOR_PORT ");
        JsonNode scan = new ObjectMapper().readTree(line(lines, "SCAN 200 "));
        assertThat(scan.get("discovered")).anySatisfy(found -> {
            assertThat(found.get("name").asText()).isEqualTo("Bike shed");
            assertThat(found.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(found.get("port").asText()).isEqualTo(port);
            assertThat(found.get("protocol").asText()).isEqualTo("xor8a");
            assertThat(found.get("alreadyKnown").asBoolean()).isFalse();
        });
        assertThat(scan.get("added")).singleElement().satisfies(controller -> {
            assertThat(controller.get("discoveredVia").asText()).isEqualTo("MDNS");
            assertThat(controller.get("lockerCount").asInt()).isEqualTo(8);
            assertThat(controller.get("transport").get("type").asText()).isEqualTo("tcp");
        });
        JsonNode lockers = new ObjectMapper().readTree(line(lines, "LOCKERS "));
        assertThat(lockers.size()).as("32 demo lockers and 8 found ones").isEqualTo(40);
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no line starting with '" + prefix + "' in:\n" + String.join("\n", lines)));
    }
}
