package dev.harbor.domain.health;

/** How recently a device, controller or Bikeep device was heard from (the seed's heartbeat_v2). */
public enum Health {
    /** Heard from recently. */
    HEALTHY,
    /** Silent for a while (default 15 s). */
    UNHEALTHY,
    /** Silent long enough to count as gone (default 30 s). */
    DEAD,
    /** Gone for a long time (default 2 h). */
    LONG_DEAD
}
