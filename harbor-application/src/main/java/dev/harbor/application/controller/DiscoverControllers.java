package dev.harbor.application.controller;

import dev.harbor.application.Actor;
import dev.harbor.application.port.ControllerDiscovery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A manual mDNS scan for network lock controllers (admin-api.md, {@code POST /controllers/scan}).
 * Each board found is marked {@code alreadyKnown} when a stored TCP controller has the same host,
 * port and board address; with {@code add}, the unknown ones are registered as controllers.
 */
public interface DiscoverControllers {

    /** Scans for at most {@code window}, and adds the boards not known yet when {@code add} is set. */
    ScanResult scan(Duration window, boolean add, Actor actor);

    /** A board as its mDNS announcement describes it; {@code protocol} is the announced id, maybe unknown. */
    record FoundBoard(String name, String host, int port, String protocol, int boardAddress, int locks) {

        static FoundBoard of(ControllerDiscovery.Found found) {
            return new FoundBoard(
                    found.name(), found.host(), found.port(), found.protocol(), found.boardAddress(), found.locks());
        }
    }

    record Discovered(FoundBoard found, boolean alreadyKnown) {
        public Discovered {
            Objects.requireNonNull(found, "found");
        }
    }

    /** Why a board that was found could not be added (its announcement is unusable, or it clashes). */
    record Skipped(FoundBoard found, String reason) {}

    sealed interface ScanResult {
        /** mDNS is not configured. */
        record Disabled() implements ScanResult {}

        record Scanned(List<Discovered> discovered, List<ControllerView> added, List<Skipped> skipped)
                implements ScanResult {
            public Scanned {
                discovered = List.copyOf(discovered);
                added = List.copyOf(added);
                skipped = List.copyOf(skipped);
            }
        }
    }
}
