package com.example.locker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harbor.application.locker.OpenResult;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLockerTest {

    @TempDir
    Path dataDir;

    @Test
    void harbor_by_its_coordinates_books_a_locker_and_opens_it() {
        OpenResult opened = EmbeddedLocker.bookAndOpen(dataDir).orElseThrow();

        assertInstanceOf(OpenResult.Opened.class, opened, opened.toString());
        assertTrue(Files.exists(dataDir.resolve("harbor.db")), "the transaction is kept in the application's data folder");
    }

    @Test
    void no_class_reaches_the_application_twice() throws IOException {
        Map<String, List<String>> origins = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            for (String className : classesIn(Path.of(entry))) {
                origins.computeIfAbsent(className, c -> new ArrayList<>()).add(entry);
            }
        }
        List<String> twice = origins.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " in " + e.getValue())
                .sorted()
                .toList();
        assertEquals(List.of(), twice.subList(0, Math.min(twice.size(), 20)));
    }

    @Test
    void the_only_logging_configuration_is_the_applications_own() throws IOException {
        List<URL> configurations = Collections.list(getClass().getClassLoader().getResources("logback.xml"));

        assertEquals(1, configurations.size(), configurations.toString());
        assertTrue(configurations.get(0).getPath().contains("embedding/target/classes"), configurations.toString());
        // The runnable jar configures Logback in code through this service; a library must not.
        assertEquals(
                List.of(),
                Collections.list(getClass().getClassLoader().getResources(
                        "META-INF/services/ch.qos.logback.classic.spi.Configurator")));
    }

    @Test
    void the_readme_shows_this_example() throws IOException {
        Path readme = Path.of("..", "..", "README.md");
        String shown = Files.readString(readme);
        String source = Files.readString(Path.of("src/main/java/com/example/locker/EmbeddedLocker.java"));

        for (String line : List.of(
                "SimulatedBuses simulated = new SimulatedBuses(SimulatorSettings.DEFAULTS);",
                "BusLinkFactory.serialAndTcp().or(simulated.linkFactory())))",
                ".create(new CreateTransaction.Command(new TransactionId(\"order-1138\"), \"medium\"));",
                "return Optional.of(harbor.openLocker().openForTransaction(created.transaction().transactionId()));",
                "import dev.harbor.app.Harbor;",
                "<artifactId>harbor-bom</artifactId>")) {
            assertTrue(shown.contains(line), "README.md shows " + line);
            assertTrue(source.contains(line) || line.contains("harbor-bom"), "the example has " + line);
        }
    }

    /** The classes a class-path entry holds: multi-release variants and module descriptors aside. */
    private static List<String> classesIn(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                return files.map(f -> entry.relativize(f).toString().replace(File.separatorChar, '/'))
                        .filter(EmbeddedLockerTest::isPlainClass)
                        .toList();
            }
        }
        if (!entry.toString().endsWith(".jar") || !Files.exists(entry)) {
            return List.of();
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.stream().map(ZipEntry::getName).filter(EmbeddedLockerTest::isPlainClass).toList();
        }
    }

    private static boolean isPlainClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }
}
