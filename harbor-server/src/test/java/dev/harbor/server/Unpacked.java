package dev.harbor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The package as built, unpacked with tar as an operator does, so that file modes count. */
final class Unpacked {

    private Unpacked() {}

    /** Unpacks {@code harbor-VERSION.tar.gz} into {@code root} and gives its one top folder. */
    static Path into(Path root) throws Exception {
        Path archive = Path.of(System.getProperty("harbor.package"));
        assertThat(archive).exists();
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", root.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(said).isZero();
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> top = entries.toList();
            assertThat(top).as("one folder at the top of the archive").hasSize(1);
            return top.get(0);
        }
    }
}
