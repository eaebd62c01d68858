package dev.harbor.application.system;

import dev.harbor.application.Actor;
import java.time.Duration;

/**
 * Reboots the gateway host (admin-api.md, {@code POST /system/reboot}). The reboot runs later on
 * its own thread: first the gateway shuts down cleanly (no transaction lost), then the host's
 * reboot command runs. The caller gets its answer before any of that starts.
 */
public interface RebootGateway {

    RebootResult reboot(Actor actor);

    /** Names the setting in the message that refuses a reboot. */
    String SETTING = "HARBOR_REBOOT_COMMAND";

    sealed interface RebootResult {
        /** No reboot command is configured. */
        record Disabled() implements RebootResult {}

        /** The shutdown starts after {@code delay}; a second request while one is pending changes nothing. */
        record Scheduled(Duration delay) implements RebootResult {}
    }
}
