package dev.harbor.application.system;

import java.time.Instant;
import java.util.List;

/** Recent log lines and audit entries, newest first. */
public interface SystemLogs {

    int MAX_LIMIT = 1000;

    /**
     * @param minimumLevel that level and above; {@code null} for all
     * @param since        none older; {@code null} for no bound
     */
    List<LogLine> recent(String minimumLevel, int limit, Instant since);
}
