package dev.harbor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package's {@code systemd/harbor.service}, checked by systemd's own tools. The unit names
 * {@code /opt/harbor}, where the README installs the package; here it points at the unpacked copy,
 * since systemd checks that the command it starts exists.
 */
class SystemdUnitIT {

    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for harbor\\.service: ([0-9.]+)");

    @TempDir
    Path root;

    private Path unit;
    private String shipped;

    @BeforeEach
    void unpack() throws Exception {
        Path home = Unpacked.into(root);
        shipped = Files.readString(home.resolve("systemd/harbor.service"));
        unit = root.resolve("harbor.service");
        Files.writeString(unit, shipped.replace("/opt/harbor/", home + "/"));
    }

    @Test
    void systemd_analyze_verify_finds_nothing_to_say_about_the_unit() throws Exception {
        Run verify = Run.of("systemd-analyze", "verify", unit.toString());

        assertThat(verify.status()).as(verify.output()).isZero();
        // verify exits 0 on an unknown key or a bad value too; it only prints them.
        assertThat(verify.output()).as("systemd-analyze verify printed").isBlank();
    }

    @Test
    void the_unit_runs_hardened_as_the_issue_and_the_readme_say() throws Exception {
        assertThat(shipped)
                .contains("\nDynamicUser=yes\n")
                .contains("\nSupplementaryGroups=dialout\n")
                .contains("\nStateDirectory=harbor\n")
                .contains("\nEnvironment=HARBOR_DATA_DIR=%S/harbor\n")
                .contains("\nProtectSystem=strict\n")
                .contains("\nRestart=on-failure\n");

        Run security = Run.of("systemd-analyze", "security", "--offline=yes", unit.toString());
        Matcher exposure = EXPOSURE.matcher(security.output());
        assertThat(exposure.find()).as(security.output()).isTrue();
        // systemd's scale: below 4.0 is rated "OK"; the unit scores about 2 with a JVM's needs.
        assertThat(Double.parseDouble(exposure.group(1))).as(security.output()).isLessThan(3.0);
    }

    private record Run(int status, String output) {
        static Run of(String... command) throws Exception {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), output);
        }
    }
}
