package dev.harbor.http.internal;

import dev.harbor.application.RemoteProblem;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the remote site (Bikeep) said of a failure, in an {@code Error}'s details (bikeep.md): its
 * {@code reason} for a command that ended in {@code ERROR}, and the {@code correlation_id} of a call
 * it failed, to quote when asking its operator.
 */
public final class RemoteDetails {

    public static final String CORRELATION_ID = "bikeepCorrelationId";
    public static final String REASON = "reason";

    private RemoteDetails() {}

    /**
     * {@code details} plus {@code reason} and {@code bikeepCorrelationId} where known.
     *
     * @param reason the remote site's reason, or {@code null}
     * @param problem why the remote site could not be asked, or {@code null}
     */
    public static Map<String, String> with(Map<String, String> details, String reason, RemoteProblem problem) {
        Map<String, String> all = new TreeMap<>(details);
        if (reason != null) {
            all.put(REASON, Params.echo(reason));
        }
        if (problem != null) {
            problem.correlationId().ifPresent(id -> all.put(CORRELATION_ID, Params.echo(id)));
        }
        return all;
    }
}
