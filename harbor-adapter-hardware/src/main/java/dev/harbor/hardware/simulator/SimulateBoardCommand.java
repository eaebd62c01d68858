package dev.harbor.hardware.simulator;

import dev.harbor.domain.controller.Protocol;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The board simulator's command line: {@code simulate-board} of the gateway's jar, and
 * {@link SimulatorMain} on its own. Every option is checked before anything listens: a wrong one
 * is a one-line error and the usage (exit status 2), never a stack trace.
 */
@Command(
        name = "simulate-board",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs simulated lock boards on one bus, served over TCP or a serial line, so a gateway can be"
                    + " pointed at them. Runs until stopped (Ctrl-C).",
            "Example: simulate-board --protocol kerong-cu16 --tcp 5000"
        })
public final class SimulateBoardCommand implements Callable<Integer> {

    /** Holds the simulator up until it should stop; the boards are closed once it returns. */
    @FunctionalInterface
    public interface Waiter {
        void await() throws InterruptedException;
    }

    /** Where the boards are served: exactly one. */
    static final class Where {
        @Option(names = "--tcp", paramLabel = "PORT", description = "listen on TCP PORT (0 = any free port)")
        Integer tcp;

        @Option(names = "--pty", paramLabel = "PATH", description = "serve the board side of an existing pty pair")
        String pty;

        @Option(
                names = "--socat",
                paramLabel = "DIR",
                description = "create a pty pair with socat in DIR; prints the path the gateway opens")
        String socat;
    }

    @Option(
            names = "--protocol",
            required = true,
            paramLabel = "PROTOCOL",
            description = "xor8a, kerong-cu16 or kerong-cu48")
    String protocol;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "with --tcp: the address to listen on (default: ${DEFAULT-VALUE})",
            defaultValue = "127.0.0.1")
    String bind;

    @Option(
            names = "--announce",
            paramLabel = "ADDRESS",
            description = "with --tcp: announce each board as _harbor-lockctl._tcp by mDNS on this interface address"
                    + " (never a wildcard)")
    String announce;

    @Option(
            names = "--address",
            paramLabel = "N",
            description = "the first board's address (default: the protocol's lowest)")
    Integer address;

    @Option(
            names = "--locks",
            paramLabel = "N",
            description = "locks per board (default: 24 for xor8a, else the protocol's most)")
    Integer locks;

    @Option(
            names = "--boards",
            paramLabel = "N",
            description = "N boards at consecutive addresses on the bus (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    int boards;

    @Option(
            names = "--baud",
            paramLabel = "N",
            description = "serial baud rate (default: the protocol's factory setting)")
    Integer baud;

    @Option(names = "--pace", description = "pace replies at the baud rate, as a real wire would")
    boolean pace;

    @Option(
            names = "--reply-delay-ms",
            paramLabel = "N",
            description = "extra delay before each reply (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int replyDelayMs;

    @Option(
            names = "--door-closes-after-ms",
            paramLabel = "N",
            description = "an opened door closes by itself after N ms; 0 = only when told (default: ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int doorClosesAfterMs;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Waiter waiter;

    /** Runs until the process is stopped. */
    public SimulateBoardCommand() {
        this(() -> new CountDownLatch(1).await());
    }

    public SimulateBoardCommand(Waiter waiter) {
        this.waiter = waiter;
    }

    /**
     * A wrong command line: the one-line reason, the synopsis and where to read more, with exit
     * status 2. The full help would bury the reason under a page of options.
     */
    public static final CommandLine.IParameterExceptionHandler SHORT_USAGE = (e, args) -> {
        CommandLine wrong = e.getCommandLine();
        PrintWriter err = wrong.getErr();
        err.println(wrong.getCommandName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.print(wrong.getHelp().fullSynopsis());
        err.println("Run with --help for every option.");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    };

    /** The command line for this command, with failures while running shown as one line (exit status 1). */
    public static CommandLine commandLine(SimulateBoardCommand command) {
        CommandLine line = new CommandLine(command);
        line.setParameterExceptionHandler(SHORT_USAGE);
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println("simulate-board: " + oneLine(e));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return line;
    }

    @Override
    public Integer call() throws Exception {
        SimulatorMain.Options options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<AutoCloseable> running = SimulatorMain.run(options, out);
        try {
            waiter.await();
        } finally {
            for (AutoCloseable started : running) {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
        }
        return CommandLine.ExitCode.OK;
    }

    /**
     * The options, checked against the protocol's rules (addresses, lock counts).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    SimulatorMain.Options options() {
        Protocol board = Protocol.requireBoardId(protocol);
        int first = board.requireAddress(address != null ? address : board.minAddress());
        // xor8a boards come in many sizes up to 50 channels: 24 is a common one.
        int lockCount = board.requireLockCount(
                "locks", locks != null ? locks : board == Protocol.XOR8A ? 24 : board.maxLocks());
        if (boards < 1) {
            throw new IllegalArgumentException("--boards must be at least 1");
        }
        board.requireAddress(first + boards - 1);
        int baudRate = baud != null ? baud : board.factoryBaudRate();
        if (baudRate < 1) {
            throw new IllegalArgumentException("--baud must be a positive number");
        }
        if (replyDelayMs < 0 || doorClosesAfterMs < 0) {
            throw new IllegalArgumentException("--reply-delay-ms and --door-closes-after-ms cannot be negative");
        }
        Map<String, String> given = new HashMap<>();
        if (where.tcp != null) {
            if (where.tcp < 0 || where.tcp > 65_535) {
                throw new IllegalArgumentException("--tcp must be a port number 0-65535, not " + where.tcp);
            }
            given.put("tcp", String.valueOf(where.tcp));
            given.put("bind", bind);
            if (announce != null) {
                given.put("announce", announce);
            }
        } else if (announce != null) {
            throw new IllegalArgumentException("--announce works only with --tcp");
        }
        if (where.pty != null) {
            given.put("pty", where.pty);
        }
        if (where.socat != null) {
            given.put("socat", where.socat);
        }
        if (pace) {
            given.put("pace", "true");
        }
        SimulatorSettings settings = SimulatorSettings.DEFAULTS
                .withReplyDelay(Duration.ofMillis(replyDelayMs))
                .withPacingBaud(pace ? baudRate : 0)
                .withDoorClosesAfter(doorClosesAfterMs == 0 ? null : Duration.ofMillis(doorClosesAfterMs));
        return new SimulatorMain.Options(board, first, lockCount, boards, baudRate, settings, Map.copyOf(given));
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
