package dev.harbor.hardware.mdns;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command inside a private network namespace with only {@code lo} up and multicast routed
 * to it, so mDNS tests never send a packet on this machine's real network. When no namespace can
 * be made the test fails; it never falls back to the real network.
 */
public final class PrivateNetworkNamespace {

    /** Brings {@code lo} up with multicast, then runs {@code "$@"}. */
    private static final String SETUP =
            "set -e; ip link set lo up; ip link set lo multicast on; " + "ip route add 224.0.0.0/4 dev lo; exec \"$@\"";

    private PrivateNetworkNamespace() {}

    /** The full command line that runs {@code command} inside a fresh namespace. */
    public static List<String> wrap(List<String> command) throws Exception {
        Path unshare = executable("unshare");
        executable("ip");
        List<String> wrapped = new ArrayList<>(namespaceFlags(unshare));
        wrapped.addAll(List.of("sh", "-c", SETUP, "namespace"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** A Java main class of the current class path, as a command for {@link #wrap}. */
    public static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** What a command run in a namespace printed (stdout and stderr), and how it ended. */
    public record Outcome(int exitCode, String output) {
        public List<String> lines() {
            return output.lines().toList();
        }
    }

    /** Runs {@code command} inside a fresh namespace; fails the test when it does not end in time. */
    public static Outcome run(List<String> command, java.time.Duration timeout) throws Exception {
        Process child =
                new ProcessBuilder(wrap(command)).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(
                        new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException ignored) {
                // the process died; its exit code tells
            }
        });
        reader.start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            reader.join(5_000);
            return fail("the command in the network namespace did not finish within " + timeout + ":%n" + output);
        }
        reader.join(5_000);
        return new Outcome(child.exitValue(), output.toString());
    }

    static Path executable(String name) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
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
            Process process =
                    new ProcessBuilder(probe).redirectErrorStream(true).start();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                List<String> command = new ArrayList<>();
                command.add(unshare.toString());
                command.addAll(flags);
                return command;
            }
            process.destroyForcibly();
        }
        return fail("cannot create a private network namespace here (tried 'unshare -n' and 'unshare -rn'); "
                + "the mDNS test refuses to run on the real network");
    }
}
