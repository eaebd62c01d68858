package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each case runs {@link SqliteNativeLibraryProbe} in a fresh JVM, as a start of the gateway would. */
class SqliteNativeLibraryTest {

    @TempDir
    Path cache;

    @Test
    void the_first_start_unpacks_the_library_and_the_driver_loads_it_from_the_cache() throws Exception {
        List<String> printed = probe();

        Path library = unpacked(printed);
        assertThat(library).startsWith(cache).isRegularFile();
        assertThat(printed).contains("mapped " + library.toRealPath()).anyMatch(line -> line.startsWith("sqlite 3."));
    }

    @Test
    void a_later_start_loads_the_same_file_without_writing_it_again() throws Exception {
        Path library = unpacked(probe());
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, longAgo);

        List<String> again = probe();

        assertThat(unpacked(again)).isEqualTo(library);
        assertThat(Files.getLastModifiedTime(library)).as("not written again").isEqualTo(longAgo);
        assertThat(Files.readString(library.resolveSibling(SqliteNativeLibrary.SOURCE_FILE)))
                .as("which of the jar's libraries it is, so a later start need not ask the driver")
                .startsWith("/org/sqlite/native/")
                .endsWith("/" + library.getFileName());
        assertThat(again).contains("mapped " + library.toRealPath());
    }

    @Test
    void a_library_cut_short_is_written_again_whole() throws Exception {
        Path library = unpacked(probe());
        long whole = Files.size(library);
        try (FileChannel file = FileChannel.open(library, StandardOpenOption.WRITE)) {
            file.truncate(whole / 2);
        }

        List<String> again = probe();

        assertThat(Files.size(library)).isEqualTo(whole);
        assertThat(again).contains("mapped " + library.toRealPath()).anyMatch(line -> line.startsWith("sqlite 3."));
        try (var left = Files.walk(cache)) {
            assertThat(left).noneMatch(path -> path.toString().endsWith(".part"));
        }
    }

    @Test
    void an_operators_own_library_path_is_left_to_the_driver() throws Exception {
        List<String> printed = probe("-Dorg.sqlite.lib.path=/nowhere");

        assertThat(printed).contains("unpacked nothing").anyMatch(line -> line.startsWith("sqlite 3."));
        try (var written = Files.list(cache)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void a_cache_that_cannot_be_written_leaves_the_driver_to_unpack_its_own_copy() throws Exception {
        Path notAFolder = Files.writeString(cache.resolve("file"), "in the way");

        List<String> printed = probe(List.of(), notAFolder.resolve("cache"));

        assertThat(printed).contains("unpacked nothing").anyMatch(line -> line.startsWith("sqlite 3."));
    }

    private List<String> probe(String... jvmOptions) throws IOException, InterruptedException {
        return probe(List.of(jvmOptions), cache);
    }

    private static List<String> probe(List<String> jvmOptions, Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                SqliteNativeLibraryProbe.class.getName(),
                folder.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static Path unpacked(List<String> printed) {
        return printed.stream()
                .filter(line -> line.startsWith("unpacked /"))
                .map(line -> Path.of(line.substring("unpacked ".length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing unpacked: " + printed));
    }
}
