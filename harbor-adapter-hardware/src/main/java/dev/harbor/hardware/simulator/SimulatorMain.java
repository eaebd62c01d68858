package dev.harbor.hardware.simulator;

import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs simulated boards so a person can point a gateway at them.
 *
 * <pre>
 * java -cp … dev.harbor.hardware.simulator.SimulatorMain --protocol kerong-cu16 --tcp 5000
 * java -cp … dev.harbor.hardware.simulator.SimulatorMain --protocol xor8a --address 1 --locks 24 --socat /tmp/harbor-pty
 * java -cp … dev.harbor.hardware.simulator.SimulatorMain --protocol kerong-cu48 --pty /dev/pts/7 --pace
 * </pre>
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    /**
     * The command line, read and checked.
     *
     * @param given    every option as given, for where to serve the bus ({@code --tcp}, {@code --pty}, …)
     * @param settings the simulated boards' timing, paced at {@code baud} when {@code --pace} is given
     */
    public record Options(
            Protocol protocol,
            int address,
            int locks,
            int boards,
            int baud,
            SimulatorSettings settings,
            Map<String, String> given) {}

    /** The same command line as the gateway jar's {@code simulate-board}. */
    public static void main(String[] args) {
        System.exit(SimulateBoardCommand.commandLine(new SimulateBoardCommand()).execute(args));
    }

    static List<AutoCloseable> run(Options parsed, PrintWriter out) throws Exception {
        Protocol protocol = parsed.protocol();
        int address = parsed.address();
        int locks = parsed.locks();
        int boardCount = parsed.boards();
        int baud = parsed.baud();
        Map<String, String> options = parsed.given();
        SimulatedBus bus = new SimulatedBus("main", parsed.settings());
        for (int i = 0; i < boardCount; i++) {
            bus.addBoard(protocol, address + i, locks, ProtocolOptions.DEFAULTS);
        }
        List<AutoCloseable> running = new ArrayList<>();
        String where;
        if (options.containsKey("tcp")) {
            String bind = options.getOrDefault("bind", "127.0.0.1");
            TcpBoardSimulator server = TcpBoardSimulator.start(
                    bus, java.net.InetAddress.getByName(bind), Integer.parseInt(options.get("tcp")));
            running.add(server);
            where = "tcp " + bind + ":" + server.port();
            if (options.containsKey("announce")) {
                java.net.InetAddress announceOn = java.net.InetAddress.getByName(options.get("announce"));
                for (int i = 0; i < boardCount; i++) {
                    running.add(dev.harbor.hardware.mdns.LockControllerAnnouncer.start(
                            announceOn,
                            new dev.harbor.hardware.mdns.LockControllerAnnouncer.Board(
                                    "Simulated " + protocol.id() + " board " + (address + i),
                                    server.port(),
                                    protocol,
                                    address + i,
                                    locks)));
                }
                where += ", announced by mDNS on " + announceOn.getHostAddress();
            }
        } else if (options.containsKey("pty")) {
            running.add(SerialBoardSimulator.open(bus, options.get("pty"), baud));
            where = "pty " + options.get("pty") + " (point the gateway at the other end of the pair)";
        } else if (options.containsKey("socat")) {
            Path dir = Files.createDirectories(Path.of(options.get("socat")));
            SocatPtyPair pair = SocatPtyPair.start(dir.resolve("gateway"), dir.resolve("board"));
            running.add(pair);
            running.add(0, SerialBoardSimulator.open(bus, pair.boardSide().toString(), baud));
            where = "serial " + pair.gatewaySide() + " (baud " + baud + ")";
        } else {
            throw new IllegalArgumentException("one of --tcp, --pty or --socat is required");
        }
        out.printf(
                "simulating %d %s board(s) from address %d with %d locks each on %s%n",
                boardCount, protocol.id(), address, locks, where);
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(SimulatorMain::closeQuietly)));
        return running;
    }

    /**
     * Reads the command line. Defaults are the protocol's: its lowest board address and its
     * factory baud rate (19200 for Kerong boards, 9600 for xor8a).
     *
     * @throws IllegalArgumentException naming what is wrong (a malformed or unknown option too)
     */
    public static Options parse(String[] args) {
        SimulateBoardCommand command = new SimulateBoardCommand();
        try {
            new CommandLine(command).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.options();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
