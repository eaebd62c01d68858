package dev.harbor.application.fakes;

import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.domain.rfid.RfidCardId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote site's cloud in memory: locations, their allowlists and cards, cards it refuses, and a
 * switch that takes it off line. Counts every call that would have gone over the network.
 */
public final class InMemoryRemoteSite implements RemoteSites, RemoteAllowlists {

    private record Allowlist(
            String id, String locationId, String name, Map<String, Card> cards, Map<String, String> refused) {}

    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final Map<String, Allowlist> allowlists = new LinkedHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean offline;

    public synchronized String addLocation(String type, String name, int devices) {
        String id = UUID.randomUUID().toString();
        String label = "#" + (1234 + locations.size());
        locations.put(
                id,
                new Location(
                        id, type, label + " " + name, label, "online", new DeviceCounts(devices, devices, devices)));
        return id;
    }

    public synchronized String addAllowlist(String locationId, String name) {
        if (!locations.containsKey(locationId)) {
            throw new IllegalArgumentException("no location " + locationId);
        }
        String id = UUID.randomUUID().toString();
        allowlists.put(id, new Allowlist(id, locationId, name, new LinkedHashMap<>(), new LinkedHashMap<>()));
        return id;
    }

    public synchronized void refuseCards(String allowlistId, Set<String> cardIds, String message) {
        Allowlist allowlist = allowlists.get(allowlistId);
        allowlist.refused().clear();
        cardIds.forEach(id -> allowlist.refused().put(id, message));
    }

    public void goOffline(boolean offline) {
        this.offline = offline;
    }

    /** How many calls reached the site (or would have, had it been on line). */
    public int calls() {
        return calls.get();
    }

    @Override
    public synchronized List<Location> locations() {
        call();
        return List.copyOf(locations.values());
    }

    @Override
    public synchronized List<RemoteAllowlists.Allowlist> allowlists(String locationId) {
        call();
        if (!locations.containsKey(locationId)) {
            throw RemoteSiteFailures.notFound("location", locationId);
        }
        return allowlists.values().stream()
                .filter(a -> a.locationId().equals(locationId))
                .map(a -> new RemoteAllowlists.Allowlist(a.id(), a.name(), "Allowlist " + a.name()))
                .toList();
    }

    @Override
    public synchronized List<Card> cards(String allowlistId) {
        call();
        return List.copyOf(existing(allowlistId).cards().values());
    }

    @Override
    public synchronized BatchResult add(String allowlistId, List<NewCard> cards) {
        call();
        Allowlist allowlist = existing(allowlistId);
        List<RfidCardId> applied = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (NewCard card : cards) {
            String id = card.cardId().value();
            if (allowlist.refused().containsKey(id)) {
                failed.add(new Failure(id, allowlist.refused().get(id)));
                continue;
            }
            allowlist
                    .cards()
                    .put(
                            id,
                            new Card(
                                    id,
                                    card.status() == null ? "ACTIVE" : card.status(),
                                    card.expiresAt(),
                                    card.comment()));
            applied.add(card.cardId());
        }
        return new BatchResult(applied, failed);
    }

    @Override
    public synchronized BatchResult remove(String allowlistId, List<RfidCardId> cards) {
        call();
        Allowlist allowlist = existing(allowlistId);
        List<RfidCardId> applied = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (RfidCardId card : cards) {
            if (allowlist.refused().containsKey(card.value())) {
                failed.add(new Failure(card.value(), allowlist.refused().get(card.value())));
                continue;
            }
            allowlist.cards().remove(card.value());
            applied.add(card);
        }
        return new BatchResult(applied, failed);
    }

    private void call() {
        calls.incrementAndGet();
        if (offline) {
            throw RemoteSiteFailures.unreachable();
        }
    }

    private Allowlist existing(String allowlistId) {
        Allowlist allowlist = allowlists.get(allowlistId);
        if (allowlist == null) {
            throw RemoteSiteFailures.notFound("allowlist", allowlistId);
        }
        return allowlist;
    }
}
