package dev.harbor.http;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.allowlist.AllowlistView;
import dev.harbor.application.allowlist.CardView;
import dev.harbor.application.allowlist.ChangeAllowlistCards;
import dev.harbor.application.allowlist.ListRemoteLocations;
import dev.harbor.application.allowlist.Listing;
import dev.harbor.application.allowlist.QueryAllowlists;
import dev.harbor.application.allowlist.RemoteLocationView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Bikeep location and allowlist use cases, every outcome scripted by a test. */
final class FakeAllowlists implements ListRemoteLocations, QueryAllowlists, ChangeAllowlistCards {

    static final String LOCATION = "b2c3d4e5-0000-4000-8000-000000000001";
    static final String ALLOWLIST = "a1b2c3d4-0000-4000-8000-000000000002";

    /** When set, every read answers it instead of the canned items. */
    RemoteProblem readProblem;

    boolean off;
    ChangeResult changeResult;
    final List<ChangeCardsCommand> changes = new ArrayList<>();
    Actor lastActor;

    @Override
    public Listing<RemoteLocationView> locations() {
        return answer(List.of(new RemoteLocationView(
                LOCATION,
                "BIKE_LOCKERS",
                "#1234 Office A",
                "#1234",
                "online",
                new RemoteLocationView.Devices(4, 3, 4),
                Optional.empty())));
    }

    @Override
    public Listing<AllowlistView> allowlists(String locationId) {
        return answer(List.of(new AllowlistView(ALLOWLIST, "Staff", null)));
    }

    @Override
    public Listing<CardView> cards(String allowlistId) {
        return answer(List.of(
                new CardView("04a2b3c4d5e6f7", "ACTIVE", null, "Employee badge - John"),
                new CardView("04b3c4d5e6f7a8", "ACTIVE", Instant.parse("2026-06-30T23:59:59Z"), null)));
    }

    @Override
    public ChangeResult change(ChangeCardsCommand command, Actor actor) {
        changes.add(command);
        lastActor = actor;
        if (off) {
            return new ChangeResult.IntegrationOff();
        }
        if (changeResult != null) {
            return changeResult;
        }
        return new ChangeResult.Changed(
                command.cards().stream().map(c -> c.cardId().value()).toList(), List.of());
    }

    private <T> Listing<T> answer(List<T> items) {
        if (off) {
            return new Listing.IntegrationOff<>();
        }
        if (readProblem != null) {
            return new Listing.Failed<>(readProblem);
        }
        return new Listing.Listed<>(items);
    }
}
