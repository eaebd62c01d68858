package dev.harbor.hardware.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real multicast, but never on this machine's network: the scan runs in a child JVM inside a
 * network namespace this test creates ({@code unshare -n}, only {@code lo}). When the namespace
 * cannot be created the test fails; it never falls back to the real network. The scan window is
 * {@code -Dharbor.mdns.test.windowMs} (default 4000).
 */
class JmdnsControllerDiscoveryNamespaceTest {

    private static final long WINDOW_MS = Long.getLong("harbor.mdns.test.windowMs", 4000);

    @Test
    void the_gateway_finds_an_announced_lock_controller_and_is_itself_found_inside_a_private_network_namespace()
            throws Exception {
        PrivateNetworkNamespace.Outcome outcome = PrivateNetworkNamespace.run(
                PrivateNetworkNamespace.java(MdnsNamespaceProbe.class.getName(), Long.toString(WINDOW_MS)),
                java.time.Duration.ofMillis(WINDOW_MS * 2 + 60_000));
        String output = outcome.output();
        List<String> lines = outcome.lines();
        System.out.println(output);

        assertThat(outcome.exitCode())
                .as("probe exit code; output:%n%s", output)
                .isZero();
        assertThat(lines)
                .as("output:%n%s", output)
                .contains("FOUND Tower B bridge|127.0.0.1|5000|kerong-cu16|1|16")
                .contains("GATEWAY Harbor test gateway|7070|0.1.0|gw-test|/")
                .contains("DONE")
                .anyMatch(line -> line.contains("Ignoring mDNS lock controller announcement 'Bogus board'"))
                .noneMatch(line -> line.contains("Bogus board") && line.startsWith("FOUND"));
    }
}
