package dev.harbor.hardware.simulator;

import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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

    private static final String USAGE = """
            usage: SimulatorMain --protocol xor8a|kerong-cu16|kerong-cu48 (--tcp PORT | --pty PATH | --socat DIR)
                                 [--address N] [--locks N] [--boards N] [--baud N] [--pace]
                                 [--reply-delay-ms N] [--door-closes-after-ms N (0 = until told)]
              --tcp PORT   listen on 127.0.0.1:PORT (add --bind ADDRESS to listen elsewhere)
                           --announce ADDRESS  also announce each board as _harbor-lockctl._tcp by mDNS,
                           bound to that interface address (never a wildcard)
              --pty PATH   serve the board side of an existing pty pair
              --socat DIR  create a pty pair with socat; prints the path the gateway opens
              --boards N   N boards at consecutive addresses from --address on the same bus
            """;

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

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        run(options, System.out);
        new CountDownLatch(1).await();
    }

    static List<AutoCloseable> run(Options parsed, PrintStream out) throws Exception {
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(SimulatorMain::closeQuietly)));
        return running;
    }

    /**
     * Reads the command line. Defaults are the protocol's: its lowest board address and its
     * factory baud rate (19200 for Kerong boards, 9600 for xor8a).
     *
     * @throws IllegalArgumentException naming what is wrong, for the usage message
     */
    public static Options parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("pace")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        if (!options.containsKey("tcp") && !options.containsKey("pty") && !options.containsKey("socat")) {
            throw new IllegalArgumentException("one of --tcp, --pty or --socat is required");
        }
        Protocol protocol = Protocol.requireBoardId(options.get("protocol"));
        int address = protocol.requireAddress(number(options, "address", protocol.minAddress()));
        // xor8a boards come in many sizes up to 50 channels: 24 is a common one.
        int locks = protocol.requireLockCount(
                "locks", number(options, "locks", protocol == Protocol.XOR8A ? 24 : protocol.maxLocks()));
        int boards = number(options, "boards", 1);
        if (boards < 1) {
            throw new IllegalArgumentException("--boards must be at least 1");
        }
        protocol.requireAddress(address + boards - 1);
        int baud = number(options, "baud", protocol.factoryBaudRate());
        long closesAfter = number(options, "door-closes-after-ms", 10_000);
        SimulatorSettings settings = SimulatorSettings.DEFAULTS
                .withReplyDelay(Duration.ofMillis(number(options, "reply-delay-ms", 0)))
                .withPacingBaud(options.containsKey("pace") ? baud : 0)
                .withDoorClosesAfter(closesAfter == 0 ? null : Duration.ofMillis(closesAfter));
        return new Options(protocol, address, locks, boards, baud, settings, Map.copyOf(options));
    }

    private static int number(Map<String, String> options, String name, int otherwise) {
        String text = options.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not " + text);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
