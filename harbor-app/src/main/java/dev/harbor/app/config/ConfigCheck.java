package dev.harbor.app.config;

import dev.harbor.app.logging.LogFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What reading the configuration found: a configuration to start with, or every problem that
 * stops the start. Warnings (a variable in the environment that Harbor does not know) come with
 * either: they do not stop the start.
 */
public sealed interface ConfigCheck {

    List<String> warnings();

    record Valid(HarborConfig config, List<String> warnings) implements ConfigCheck {
        public Valid {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param layoutFile the layout named, so it can be checked in the same attempt
     * @param logFormat  the log format asked for, when that value itself is valid (else text): the
     *                   warnings of a start that stops here are logged in it too
     */
    record Invalid(List<String> problems, List<String> warnings, Optional<Path> layoutFile, LogFormat logFormat)
            implements ConfigCheck {
        public Invalid {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }
}
