package dev.harbor.hardware.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real multicast, but never on this machine's network: the scan runs in a child JVM inside a
 * network namespace this test creates ({@code unshare -n}, only {@code lo}). When the namespace
 * cannot be created the test fails; it never falls back to the real network. The scan window is
 * {@code -Dharbor.mdns.test.windowMs} (default 4000).
 */
class JmdnsControllerDiscoveryNamespaceTest {

    private static final long WINDOW_MS = Long.getLong("harbor.mdns.test.windowMs", 4000);
    private static final String SETUP = "set -e; ip link set lo up; ip link set lo multicast on; "
            + "ip route add 224.0.0.0/4 dev lo; exec \"$0\" -cp \"$1\" " + MdnsNamespaceProbe.class.getName() + " \"$2\"";

    @Test
    void the_gateway_finds_an_announced_lock_controller_and_is_itself_found_inside_a_private_network_namespace()
            throws Exception {
        Path unshare = executable("unshare");
        executable("ip");
        List<String> unshareArgs = namespaceFlags(unshare);

        List<String> command = new ArrayList<>(unshareArgs);
        command.addAll(List.of("sh", "-c", SETUP,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"),
                Long.toString(WINDOW_MS)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process died; its exit code tells
            }
        });
        reader.start();
        if (!child.waitFor(WINDOW_MS * 2 + 60_000, TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            fail("the mDNS probe did not finish in time");
        }
        reader.join(5_000);
        List<String> lines = output.toString().lines().toList();
        System.out.println(output);

        assertThat(child.exitValue()).as("probe exit code; output:%n%s", output).isZero();
        assertThat(lines).as("output:%n%s", output)
                .contains("FOUND Tower B bridge|127.0.0.1|5000|kerong-cu16|1|16")
                .contains("GATEWAY Harbor test gateway|7070|0.1.0|gw-test|/")
                .contains("DONE")
                .anyMatch(line -> line.contains("Ignoring mDNS lock controller announcement 'Bogus board'"))
                .noneMatch(line -> line.contains("Bogus board") && line.startsWith("FOUND"));
    }

    private static Path executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("'" + name + "' is not installed: the mDNS test needs it to create a private network "
                + "namespace and refuses to run on the real network");
    }

    /** {@code unshare -n} as root, else a user namespace too ({@code -rn}); fails when neither works. */
    private static List<String> namespaceFlags(Path unshare) throws Exception {
        for (List<String> flags : List.of(List.of("-n"), List.of("-r", "-n"))) {
            List<String> probe = new ArrayList<>();
            probe.add(unshare.toString());
            probe.addAll(flags);
            probe.addAll(List.of("sh", "-c", "ip link set lo up && ip link set lo multicast on"));
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                List<String> command = new ArrayList<>();
                command.add(unshare.toString());
                command.addAll(flags);
                return command;
            }
            process.destroyForcibly();
        }
        return Optional.<List<String>>empty().orElseGet(() -> fail(
                "cannot create a private network namespace here (tried 'unshare -n' and 'unshare -rn'); "
                        + "the mDNS test refuses to run on the real network"));
    }
}
