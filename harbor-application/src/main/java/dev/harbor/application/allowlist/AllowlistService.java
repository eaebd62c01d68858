package dev.harbor.application.allowlist;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.domain.controller.ControllerId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The remote locations, their allowlists and cards, over the remote-site ports. */
final class AllowlistService implements ListRemoteLocations, QueryAllowlists, ChangeAllowlistCards {

    private static final Logger log = LoggerFactory.getLogger(AllowlistService.class);

    private final RemoteSites sites;
    private final RemoteAllowlists allowlists;
    private final Function<String, Optional<ControllerId>> controllerOfLocation;
    private final Auditor auditor;

    AllowlistService(
            RemoteSites sites,
            RemoteAllowlists allowlists,
            Function<String, Optional<ControllerId>> controllerOfLocation,
            Auditor auditor) {
        this.sites = sites;
        this.allowlists = allowlists;
        this.controllerOfLocation = controllerOfLocation;
        this.auditor = auditor;
    }

    @Override
    public Listing<RemoteLocationView> locations() {
        return read(() -> sites.locations().stream()
                .map(l -> new RemoteLocationView(
                        l.id(),
                        l.type(),
                        l.name(),
                        l.label(),
                        l.connection(),
                        new RemoteLocationView.Devices(
                                l.devices().total(),
                                l.devices().available(),
                                l.devices().online()),
                        controllerOfLocation.apply(l.id())))
                .toList());
    }

    @Override
    public Listing<AllowlistView> allowlists(String locationId) {
        RemoteIds.require("locationId", locationId);
        return read(() -> allowlists.allowlists(locationId).stream()
                .map(a -> new AllowlistView(a.id(), a.name(), a.description()))
                .toList());
    }

    @Override
    public Listing<CardView> cards(String allowlistId) {
        RemoteIds.require("allowlistId", allowlistId);
        return read(() -> allowlists.cards(allowlistId).stream()
                .map(c -> new CardView(c.cardId(), c.status(), c.expiresAt(), c.comment()))
                .toList());
    }

    @Override
    public ChangeResult change(ChangeCardsCommand command, Actor actor) {
        String action = "allowlist.cards." + command.operation().name().toLowerCase(java.util.Locale.ROOT);
        String target = "allowlist " + command.allowlistId();
        int count = command.cards().size();
        RemoteAllowlists.BatchResult result;
        try {
            result = command.operation() == Operation.ADD
                    ? allowlists.add(
                            command.allowlistId(),
                            command.cards().stream()
                                    .map(c -> new RemoteAllowlists.NewCard(
                                            c.cardId(), c.status(), c.expiresAt(), c.comment()))
                                    .toList())
                    : allowlists.remove(
                            command.allowlistId(),
                            command.cards().stream().map(Card::cardId).toList());
        } catch (RemoteSiteException e) {
            RemoteProblem problem = problem(e);
            auditor.record(
                    actor,
                    action,
                    target,
                    "FAILED",
                    count + " card(s); remote site " + problem.kind()
                            + problem.correlationId()
                                    .map(id -> ", correlation id " + id)
                                    .orElse(""));
            return new ChangeResult.Failed(problem);
        }
        List<Refused> failed = result.failed().stream()
                .map(f -> new Refused(f.cardId(), f.message()))
                .toList();
        auditor.record(
                actor,
                action,
                target,
                failed.isEmpty() ? "OK" : "PARTIAL",
                count + " card(s): " + result.applied().size() + " applied"
                        + (failed.isEmpty() ? "" : ", " + failed.size() + " refused by the remote site"));
        return new ChangeResult.Changed(
                result.applied().stream().map(id -> id.value()).toList(), failed);
    }

    private static <T> Listing<T> read(Supplier<List<T>> call) {
        try {
            return new Listing.Listed<>(call.get());
        } catch (RemoteSiteException e) {
            return new Listing.Failed<>(problem(e));
        }
    }

    private static RemoteProblem problem(RemoteSiteException e) {
        // The adapter already logged the failure with its correlation id; this names the outcome.
        log.debug("Remote site call failed: {}", e.getMessage());
        return RemoteProblem.of(e);
    }

    /** The integration is off: every call answers so, and nothing is audited because nothing happened. */
    static final class Off implements ListRemoteLocations, QueryAllowlists, ChangeAllowlistCards {

        @Override
        public Listing<RemoteLocationView> locations() {
            return new Listing.IntegrationOff<>();
        }

        @Override
        public Listing<AllowlistView> allowlists(String locationId) {
            RemoteIds.require("locationId", locationId);
            return new Listing.IntegrationOff<>();
        }

        @Override
        public Listing<CardView> cards(String allowlistId) {
            RemoteIds.require("allowlistId", allowlistId);
            return new Listing.IntegrationOff<>();
        }

        @Override
        public ChangeResult change(ChangeCardsCommand command, Actor actor) {
            return new ChangeResult.IntegrationOff();
        }
    }
}
