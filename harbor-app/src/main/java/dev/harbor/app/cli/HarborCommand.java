package dev.harbor.app.cli;

import dev.harbor.app.Version;
import dev.harbor.hardware.simulator.SimulateBoardCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar harbor.jar [command]}: without a command it serves, as it always did.
 * Exit statuses: {@link ExitStatus}.
 */
@Command(
        name = "harbor",
        mixinStandardHelpOptions = true,
        versionProvider = HarborCommand.VersionProvider.class,
        description = "Harbor, a smart-locker gateway. Without a command: serve.",
        exitCodeListHeading = "%nExit statuses:%n",
        exitCodeList = {
            "0:stopped in order (SIGTERM), check-config found the configuration valid, or backup wrote a checked copy",
            "1:any other failure; check-config: the configuration or layout is invalid; backup: nothing copied",
            "2:invalid configuration or layout (nothing was started), or a wrong command line",
            "3:the database cannot be reached or refuses the login",
            "4:the HTTP port is in use or the address cannot be listened on",
            "5:the data directory cannot be created or written"
        })
public final class HarborCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(HarborCommand.class);

    private final ServeCommand serve;

    @Spec
    CommandSpec spec;

    private HarborCommand(ServeCommand serve) {
        this.serve = serve;
    }

    /** Without a command: serve. */
    @Override
    public Integer call() {
        return serve.serve(spec.commandLine().getErr());
    }

    /**
     * The whole command line.
     *
     * @param environment the HARBOR_* variables to read (the process's, or a test's)
     * @param ownsProcess whether {@code serve} may handle SIGTERM and add a shutdown hook
     */
    public static CommandLine commandLine(Map<String, String> environment, boolean ownsProcess) {
        ServeCommand serve = new ServeCommand(environment, ownsProcess);
        CommandLine line = new CommandLine(new HarborCommand(serve))
                .addSubcommand(serve)
                .addSubcommand(new CheckConfigCommand(environment))
                .addSubcommand(new BackupCommand(environment))
                .addSubcommand(new SimulateBoardCommand());
        // After the subcommands are added: picocli copies the handlers to those present.
        line.setParameterExceptionHandler(SimulateBoardCommand.SHORT_USAGE);
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println(failed.getCommandName() + ": " + oneLine(e));
            log.debug("{} failed", failed.getCommandName(), e);
            return ExitStatus.OTHER;
        });
        return line;
    }

    /** Serving leaves the process running; any other outcome ends it with its status. */
    public static void main(String[] args) {
        int status = run(System.getenv(), true, standardError(), args);
        if (status != ExitStatus.OK) {
            System.exit(status);
        }
    }

    /**
     * Runs the command line. Serving (no command, or {@code serve} alone) does not build picocli's
     * model of the commands: that is some 200 classes compiled for Java 5, which the JVM verifies
     * the slow way and cannot keep in a class-data-sharing archive, on the path to the first
     * answer. What it prints and returns is the same as through {@link #commandLine}.
     */
    static int run(Map<String, String> environment, boolean ownsProcess, PrintWriter err, String... args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("serve"))) {
            String name = args.length == 0 ? "harbor" : "serve";
            try {
                return new ServeCommand(environment, ownsProcess).serve(err);
            } catch (RuntimeException e) {
                err.println(name + ": " + oneLine(e));
                err.flush();
                log.debug("{} failed", name, e);
                return ExitStatus.OTHER;
            }
        }
        CommandLine line = commandLine(environment, ownsProcess);
        line.setErr(err);
        return line.execute(args);
    }

    /** Standard error in the encoding picocli would write it in. */
    private static PrintWriter standardError() {
        String encoding = System.getProperty("sun.stderr.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding)
                ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The version of the jar, as the listening line and {@code GET /system} give it. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Harbor " + Version.current()};
        }
    }
}
