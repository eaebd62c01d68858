package dev.harbor.application.layout;

import dev.harbor.application.Actor;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database in line with the layout at start-up: locker and bank types are inserted or
 * updated, controllers named in the layout are added once (with their lockers) and follow later
 * endpoint changes of the file. Controllers added over the Admin API are left alone, and nothing
 * that holds a transaction is ever removed here.
 */
final class LayoutLoader implements LoadLayout {

    private static final Logger log = LoggerFactory.getLogger(LayoutLoader.class);
    /** The store assigns real ids; upserts match by slug or name and ignore this one. */
    private static final long UNASSIGNED_ID = Long.MAX_VALUE;

    private final LayoutStore layoutStore;
    private final ControllerStore controllers;
    private final ManageControllers manageControllers;
    private final Clock clock;

    LayoutLoader(
            LayoutStore layoutStore, ControllerStore controllers, ManageControllers manageControllers, Clock clock) {
        this.layoutStore = layoutStore;
        this.controllers = controllers;
        this.manageControllers = manageControllers;
        this.clock = clock;
    }

    @Override
    public void load(Layout layout) {
        List<String> problems = LayoutCheck.problems(layout);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the layout is invalid:\n  - " + String.join("\n  - ", problems));
        }
        Instant now = clock.instant();
        Map<String, LockerTypeId> typeIds = new HashMap<>();
        // A type stored as the layout defines it is not written again: a restart with an unchanged
        // layout (nearly every start) then writes nothing, and waits for no writer thread.
        for (Layout.LockerTypeSpec spec : layout.lockerTypes()) {
            LockerType wanted = new LockerType(
                    new LockerTypeId(UNASSIGNED_ID),
                    spec.slug(),
                    spec.name(),
                    spec.description(),
                    spec.widthMm(),
                    spec.heightMm(),
                    spec.depthMm(),
                    now);
            LockerType stored = layoutStore.lockerTypes().stream()
                    .filter(type -> sameDefinition(type, wanted))
                    .findFirst()
                    .orElseGet(() -> layoutStore.upsertLockerType(wanted));
            typeIds.put(spec.slug(), stored.id());
        }
        Map<String, BankTypeId> bankIds = new HashMap<>();
        for (Layout.BankTypeSpec spec : layout.bankTypes()) {
            List<BankType.Association> associations = new ArrayList<>();
            for (int i = 0; i < spec.lockerTypes().size(); i++) {
                associations.add(new BankType.Association(
                        i + 1, typeIds.get(spec.lockerTypes().get(i))));
            }
            BankType wanted = new BankType(
                    new BankTypeId(UNASSIGNED_ID), spec.name(), spec.description(), spec.isDebug(), associations, now);
            BankType stored = layoutStore.bankTypes().stream()
                    .filter(type -> sameDefinition(type, wanted))
                    .findFirst()
                    .orElseGet(() -> layoutStore.upsertBankType(wanted));
            bankIds.put(spec.name(), stored.id());
        }
        for (Layout.ControllerSpec spec : layout.controllers()) {
            Optional<Controller> existing = controllers.findAll().stream()
                    .filter(c -> c.name().equals(spec.name()))
                    .findFirst();
            if (existing.isEmpty()) {
                ManageControllers.AddResult result = manageControllers.add(
                        new ManageControllers.AddCommand(
                                spec.name(),
                                spec.endpoint(),
                                spec.bankType() == null ? null : bankIds.get(spec.bankType()),
                                null,
                                DiscoveredVia.LAYOUT),
                        Actor.SYSTEM);
                if (result instanceof ManageControllers.AddResult.RemoteUnavailable unavailable) {
                    // Bikeep being down must not keep our own boards from starting: the location is
                    // added at the next start.
                    log.warn(
                            "The layout's Bikeep location {} is not added now: {}", spec.name(), unavailable.message());
                } else if (!(result instanceof ManageControllers.AddResult.Added)) {
                    throw new IllegalArgumentException(
                            "the layout's controller " + spec.name() + " cannot be added: " + result);
                }
            } else if (!existing.get().endpoint().satisfies(spec.endpoint())) {
                log.info("Layout moves controller {} to {}", spec.name(), spec.endpoint());
                manageControllers.replace(existing.get().id(), spec.endpoint(), Actor.SYSTEM);
            }
        }
    }

    /** Everything an upsert would write, the stored id and creation time aside. */
    private static boolean sameDefinition(LockerType stored, LockerType wanted) {
        return stored.slug().equals(wanted.slug())
                && stored.name().equals(wanted.name())
                && Objects.equals(stored.description(), wanted.description())
                && Objects.equals(stored.widthMm(), wanted.widthMm())
                && Objects.equals(stored.heightMm(), wanted.heightMm())
                && Objects.equals(stored.depthMm(), wanted.depthMm());
    }

    private static boolean sameDefinition(BankType stored, BankType wanted) {
        return stored.friendlyName().equals(wanted.friendlyName())
                && Objects.equals(stored.description(), wanted.description())
                && stored.isDebug() == wanted.isDebug()
                && Set.copyOf(stored.associations()).equals(Set.copyOf(wanted.associations()))
                && stored.associations().size() == wanted.associations().size();
    }
}
