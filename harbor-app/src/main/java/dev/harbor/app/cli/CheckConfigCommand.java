package dev.harbor.app.cli;

import dev.harbor.app.config.HarborConfig;
import dev.harbor.application.layout.Layout;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Reads the configuration and the layout exactly as {@code serve} would, prints every problem, and
 * opens nothing: no database, no port, no board, no file written. For an operator editing the
 * files, or a deployment step before the restart.
 */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        versionProvider = HarborCommand.VersionProvider.class,
        description = {
            "Checks the configuration (HARBOR_* variables and the HARBOR_CONFIG_FILE file) and the layout"
                    + " file it names, prints every problem, and starts nothing.",
            "Exit status: 0 valid, 1 invalid."
        })
final class CheckConfigCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    CheckConfigCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SetupCheck.Result checked = SetupCheck.of(environment);
        checked.warnings().forEach(warning -> err.println("warning: " + warning));
        if (checked instanceof SetupCheck.Invalid invalid) {
            err.println(invalid.message().replaceFirst("^Harbor cannot start: ", "Invalid: "));
            err.flush();
            return ExitStatus.OTHER;
        }
        SetupCheck.Valid valid = (SetupCheck.Valid) checked;
        HarborConfig config = valid.config();
        Layout layout = valid.layout();
        out.println("The configuration is valid: " + config);
        out.println("Layout: " + config.layoutFile().map(Object::toString).orElse("the demo layout") + ", "
                + layout.lockerTypes().size() + " locker types, "
                + layout.bankTypes().size() + " bank types, "
                + layout.controllers().size() + " controllers");
        out.flush();
        return ExitStatus.OK;
    }
}
