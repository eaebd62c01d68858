package dev.harbor.application.audit;

import dev.harbor.application.Actor;
import dev.harbor.application.port.AuditTrail;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one audit entry per administrative change, or has a store write it with the change, and logs it. */
public final class Auditor {

    private static final Logger log = LoggerFactory.getLogger("audit");

    private final AuditTrail trail;
    private final Clock clock;

    public Auditor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String target, String outcome, String detail) {
        AuditTrail.Entry entry = new AuditTrail.Entry(clock.instant(), actor.name(), action, target, outcome, detail);
        trail.record(entry);
        log(entry);
    }

    /**
     * The entry for a change that a store writes together with the change itself, saving the
     * database a transaction of its own; once written, {@link #written} logs it.
     */
    public AuditTrail.LockerChange lockerChange(Actor actor, String action, String target) {
        return new AuditTrail.LockerChange(clock.instant(), actor.name(), action, target);
    }

    /** Logs an entry that a store has already written with its change. */
    public void written(AuditTrail.Entry entry) {
        log(entry);
    }

    private static void log(AuditTrail.Entry entry) {
        log.info(
                "{} {} {} -> {}{}",
                entry.actor(),
                entry.action(),
                entry.target(),
                entry.outcome(),
                entry.detail() == null ? "" : " (" + entry.detail() + ")");
    }
}
