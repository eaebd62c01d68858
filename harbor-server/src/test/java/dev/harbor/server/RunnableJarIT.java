package dev.harbor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as built: {@code java -jar harbor-server/target/harbor.jar} with
 * nothing configured starts a gateway that serves the demo lockers, and stops cleanly on SIGTERM.
 */
class RunnableJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private static Path jar() {
        Path jar = Path.of(System.getProperty("harbor.jar"));
        assertThat(jar).exists();
        return jar;
    }

    @Test
    void the_runnable_jar_starts_a_demo_gateway_logs_json_with_its_own_configuration_and_stops_on_sigterm()
            throws Exception {
        try (ServerProcess gateway = ServerProcess.start(
                workDir,
                Map.of("HARBOR_LOG_FORMAT", "json"),
                List.of(ServerProcess.java(), "-jar", jar().toString()))) {
            JsonNode lockers = JSON.readTree(gateway.get("/lockers").body());
            assertThat(lockers.size()).isEqualTo(32);
            assertThat(gateway.get("/openapi.json").statusCode()).isEqualTo(200);
            assertThat(workDir.resolve("data").resolve("harbor.db"))
                    .as("the default data folder is ./data")
                    .exists();

            assertThat(gateway.stop())
                    .as("an orderly stop, not a death by signal (143)")
                    .isZero();
            assertThat(gateway.printed()).contains("Harbor stopped").doesNotContain("Exception");
            for (String line : gateway.output()) {
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.has("timestamp") && entry.has("level") && entry.has("logger"))
                        .as(line)
                        .isTrue();
                assertThat(entry.path("level").asText())
                        .as("Jetty's DEBUG lines are held back by the gateway's logging: " + line)
                        .isNotEqualTo("DEBUG");
            }
        }
    }

    @Test
    void the_runnable_jar_checks_a_configuration_without_creating_anything() throws Exception {
        try (ServerProcess check = ServerProcess.start(
                workDir,
                Map.of("HARBOR_HTTP_PORT", "eighty"),
                List.of(ServerProcess.java(), "-jar", jar().toString(), "check-config"))) {
            assertThat(check.awaitExit()).isEqualTo(1);
            assertThat(check.printed()).contains("HARBOR_HTTP_PORT: not a whole number: eighty");
        }
        try (var files = Files.list(workDir)) {
            assertThat(files).as("nothing created").isEmpty();
        }
    }

    @Test
    void an_operators_own_logback_file_replaces_the_gateways_logging() throws Exception {
        Path ownFile = workDir.resolve("logback.xml");
        Files.writeString(ownFile, """
                <configuration>
                  <appender name="OWN" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>OPERATOR|%level|%msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OWN"/></root>
                </configuration>
                """);
        try (ServerProcess gateway = ServerProcess.start(
                workDir,
                Map.of(),
                List.of(ServerProcess.java(), "-Dlogback.configurationFile=" + ownFile, "-jar", jar().toString()))) {
            assertThat(gateway.get("/lockers").statusCode()).isEqualTo(200);
            assertThat(gateway.stop()).isZero();
            assertThat(gateway.output())
                    .as("every line in the operator's format")
                    .isNotEmpty()
                    .allMatch(line -> line.startsWith("OPERATOR|"));
        }
    }

    @Test
    void the_runnable_jar_was_shaded_from_the_thin_jar_with_the_logging_configuration_only() throws Exception {
        // A second package without clean used to shade the already shaded jar: the "original" jar
        // the shade plugin keeps then held every class of every dependency.
        Path original = jar().resolveSibling("original-harbor.jar");
        try (JarFile thin = new JarFile(original.toFile());
                JarFile runnable = new JarFile(jar().toFile())) {
            assertThat(thin.stream().map(ZipEntry::getName)).noneMatch(name -> name.endsWith(".class"));
            ZipEntry configurator = runnable.getEntry("META-INF/services/ch.qos.logback.classic.spi.Configurator");
            assertThat(configurator).as("the gateway's logging, set up in code").isNotNull();
            assertThat(new String(runnable.getInputStream(configurator).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("dev.harbor.app.logging.GatewayLogging");
            assertThat(runnable.getEntry("dev/harbor/app/cli/HarborCommand.class"))
                    .isNotNull();
            assertThat(runnable.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.harbor.app.cli.HarborCommand");
        }
    }
}
