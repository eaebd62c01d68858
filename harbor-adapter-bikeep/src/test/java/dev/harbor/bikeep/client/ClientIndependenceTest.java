package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client is usable without Harbor: its sources know nothing of Harbor's domain or application. */
class ClientIndependenceTest {

    @Test
    void the_client_imports_neither_harbor_domain_nor_harbor_application() throws IOException {
        Path sources = Path.of("src/main/java/dev/harbor/bikeep/client");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readString(file))
                    .as(file.toString())
                    .doesNotContain("dev.harbor.domain")
                    .doesNotContain("dev.harbor.application")
                    .doesNotContain("dev.harbor.bikeep.simulator");
        }
    }
}
