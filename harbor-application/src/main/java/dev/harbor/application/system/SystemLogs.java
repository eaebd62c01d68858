package dev.harbor.application.system;

import java.time.Instant;
import java.util.List;

/** Recent log lines and audit entries, newest first. */
public interface SystemLogs {

    int MAX_LIMIT = 1000;

    /**
     * The earliest {@code since} that means anything: no log line or audit entry is older than
     * the Unix epoch, so an earlier one is the same as no bound.
     */
    Instant EARLIEST_SINCE = Instant.EPOCH;

    /**
     * The latest {@code since} that is looked up: the last moment of year 9999 (the last one an
     * ISO-8601 timestamp without a sign writes). A later one finds nothing.
     */
    Instant LATEST_SINCE = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * @param minimumLevel that level and above; {@code null} for all
     * @param since        none older; {@code null} for no bound. Any instant is accepted: one before
     *                     {@link #EARLIEST_SINCE} is no bound, one after {@link #LATEST_SINCE} finds nothing
     */
    List<LogLine> recent(String minimumLevel, int limit, Instant since);
}
