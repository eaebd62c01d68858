package dev.harbor.application.audit;

import dev.harbor.application.Actor;
import dev.harbor.application.port.AuditTrail;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one audit entry per administrative change, and logs it. */
public final class Auditor {

    private static final Logger log = LoggerFactory.getLogger("audit");

    private final AuditTrail trail;
    private final Clock clock;

    public Auditor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String target, String outcome, String detail) {
        trail.record(new AuditTrail.Entry(clock.instant(), actor.name(), action, target, outcome, detail));
        log.info("{} {} {} -> {}{}", actor.name(), action, target, outcome, detail == null ? "" : " (" + detail + ")");
    }
}
