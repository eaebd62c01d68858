package dev.harbor.app.cli;

import dev.harbor.app.config.ConfigCheck;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.config.HarborConfig;
import dev.harbor.app.layout.DemoLayout;
import dev.harbor.app.layout.InvalidLayoutException;
import dev.harbor.app.layout.LayoutFile;
import dev.harbor.app.logging.LogFormat;
import dev.harbor.application.layout.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the configuration and the layout it names, and opens nothing: {@code serve} runs it
 * before anything is created, {@code check-config} runs only this.
 */
final class SetupCheck {

    private SetupCheck() {}

    sealed interface Result {
        List<String> warnings();

        /** The log format to write in from the first line, whether the start goes on or not. */
        LogFormat logFormat();
    }

    record Valid(HarborConfig config, Layout layout, List<String> warnings) implements Result {
        @Override
        public LogFormat logFormat() {
            return config.logFormat();
        }
    }

    /** @param problems every problem of the configuration and of the layout, each naming its place */
    record Invalid(List<String> problems, List<String> warnings, LogFormat logFormat) implements Result {

        /** One message: what is wrong, every problem on its own line. */
        String message() {
            return "Harbor cannot start: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
                    + " in the configuration or layout (nothing was started or created):\n  - "
                    + String.join("\n  - ", problems);
        }
    }

    static Result of(Map<String, String> environment) {
        ConfigCheck config = ConfigLoader.check(environment);
        List<String> problems = new ArrayList<>();
        if (config instanceof ConfigCheck.Invalid invalid) {
            problems.addAll(invalid.problems());
        }
        // The layout is read even when the configuration has problems: one attempt names them all.
        Optional<Path> layoutFile = config instanceof ConfigCheck.Valid valid
                ? valid.config().layoutFile()
                : ((ConfigCheck.Invalid) config).layoutFile();
        Layout layout = null;
        try {
            if (layoutFile.isEmpty()) {
                layout = DemoLayout.create();
            } else if (Files.isReadable(layoutFile.get())) {
                layout = LayoutFile.read(layoutFile.get());
            } // else the configuration's problems say that it cannot be read
        } catch (InvalidLayoutException e) {
            e.problems().forEach(p -> problems.add(e.source() + ", " + p));
        }
        if (config instanceof ConfigCheck.Valid valid && problems.isEmpty()) {
            return new Valid(valid.config(), layout, config.warnings());
        }
        LogFormat logFormat = config instanceof ConfigCheck.Invalid invalid ? invalid.logFormat() : LogFormat.TEXT;
        return new Invalid(problems, config.warnings(), logFormat);
    }
}
