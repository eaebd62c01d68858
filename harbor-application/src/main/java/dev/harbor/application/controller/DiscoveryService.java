package dev.harbor.application.controller;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link DiscoverControllers} over the {@link ControllerDiscovery} port and {@link ManageControllers}. */
final class DiscoveryService implements DiscoverControllers {

    private final ControllerDiscovery discovery;
    private final ManageControllers controllers;
    private final Auditor auditor;

    DiscoveryService(ControllerDiscovery discovery, ManageControllers controllers, Auditor auditor) {
        this.discovery = discovery;
        this.controllers = controllers;
        this.auditor = auditor;
    }

    @Override
    public ScanResult scan(Duration window, boolean add, Actor actor) {
        if (!discovery.isEnabled()) {
            return new ScanResult.Disabled();
        }
        List<ControllerDiscovery.Found> found = discovery.scan(window);
        List<Controller> known =
                controllers.list().stream().map(ControllerView::controller).toList();
        List<Discovered> discovered = new ArrayList<>();
        List<ControllerView> added = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (ControllerDiscovery.Found board : found) {
            boolean alreadyKnown = known.stream().anyMatch(c -> sameBoard(c, board));
            discovered.add(new Discovered(FoundBoard.of(board), alreadyKnown));
            if (add && !alreadyKnown) {
                AddAttempt attempt = addOne(board, actor);
                if (attempt.added() != null) {
                    added.add(attempt.added());
                } else {
                    skipped.add(new Skipped(FoundBoard.of(board), attempt.skipReason()));
                }
            }
        }
        if (add) {
            auditor.record(
                    actor,
                    "controller.scan",
                    "mDNS",
                    "OK",
                    found.size() + " found, " + added.size() + " added, " + skipped.size() + " skipped");
        }
        return new ScanResult.Scanned(discovered, added, skipped);
    }

    /** Exactly one of the two is set. */
    private record AddAttempt(ControllerView added, String skipReason) {
        static AddAttempt skipped(String reason) {
            return new AddAttempt(null, reason);
        }
    }

    private AddAttempt addOne(ControllerDiscovery.Found board, Actor actor) {
        Optional<Protocol> protocol = Protocol.fromId(board.protocol()).filter(p -> !p.isRemote());
        if (protocol.isEmpty()) {
            return AddAttempt.skipped("unknown protocol " + board.protocol());
        }
        ManageControllers.AddCommand command;
        try {
            BoardEndpoint endpoint = new BoardEndpoint(
                    protocol.get(),
                    new Transport.Tcp(board.host(), board.port()),
                    board.boardAddress(),
                    ProtocolOptions.DEFAULTS);
            command = new ManageControllers.AddCommand(name(board), endpoint, null, board.locks(), DiscoveredVia.MDNS);
        } catch (IllegalArgumentException | NullPointerException e) {
            return AddAttempt.skipped(e.getMessage());
        }
        ManageControllers.AddResult result = controllers.add(command, actor);
        if (result instanceof ManageControllers.AddResult.Added added) {
            return new AddAttempt(added.controller(), null);
        }
        if (result instanceof ManageControllers.AddResult.EndpointInUse inUse) {
            return AddAttempt.skipped(
                    inUse.existing() == null ? "endpoint in use" : "endpoint in use by controller " + inUse.existing());
        }
        return AddAttempt.skipped("refused: " + result);
    }

    /** Host names compare without case; an IP address is compared as written. */
    private static boolean sameBoard(Controller controller, ControllerDiscovery.Found board) {
        return controller.endpoint().transport() instanceof Transport.Tcp tcp
                && tcp.host().toLowerCase(Locale.ROOT).equals(board.host().toLowerCase(Locale.ROOT))
                && tcp.port() == board.port()
                && controller.endpoint().boardAddress() == board.boardAddress();
    }

    private static String name(ControllerDiscovery.Found board) {
        String name = board.name() == null || board.name().isBlank() ? board.host() + ":" + board.port() : board.name();
        return name.length() <= 100 ? name : name.substring(0, 100);
    }
}
