package dev.harbor.hardware.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A connected pair of pseudo-terminals made by {@code socat}, each reachable through a symlink:
 * the gateway opens one, a {@link SerialBoardSimulator} the other. Closing kills socat, which
 * removes the links, exactly as a USB adapter being unplugged makes its device vanish.
 */
public final class SocatPtyPair implements AutoCloseable {

    private final Process socat;
    private final Path gatewaySide;
    private final Path boardSide;

    private SocatPtyPair(Process socat, Path gatewaySide, Path boardSide) {
        this.socat = socat;
        this.gatewaySide = gatewaySide;
        this.boardSide = boardSide;
    }

    /** Starts socat and waits (up to 5 s) until both links exist. */
    public static SocatPtyPair start(Path gatewaySide, Path boardSide) throws IOException, InterruptedException {
        Files.createDirectories(gatewaySide.toAbsolutePath().getParent());
        Files.createDirectories(boardSide.toAbsolutePath().getParent());
        Process socat = new ProcessBuilder(
                        "socat",
                        "-d",
                        "-d",
                        "pty,raw,echo=0,link=" + gatewaySide.toAbsolutePath(),
                        "pty,raw,echo=0,link=" + boardSide.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        SocatPtyPair pair = new SocatPtyPair(socat, gatewaySide, boardSide);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(gatewaySide) && Files.exists(boardSide))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                pair.close();
                throw new IOException("socat did not create " + gatewaySide + " and " + boardSide);
            }
            Thread.sleep(10);
        }
        return pair;
    }

    public Path gatewaySide() {
        return gatewaySide;
    }

    public Path boardSide() {
        return boardSide;
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(2, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
            socat.waitFor(2, TimeUnit.SECONDS);
        }
    }
}
