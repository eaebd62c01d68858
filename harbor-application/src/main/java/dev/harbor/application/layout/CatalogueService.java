package dev.harbor.application.layout;

import dev.harbor.application.port.LayoutStore;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the catalogue from the layout store; the write half of the store stays with the layout loader. */
final class CatalogueService implements QueryCatalogue {

    private final LayoutStore store;

    CatalogueService(LayoutStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<LockerType> lockerTypes() {
        return store.lockerTypes();
    }

    @Override
    public Optional<LockerType> lockerType(LockerTypeId id) {
        return store.lockerType(id);
    }

    @Override
    public Optional<LockerType> lockerTypeBySlug(String slug) {
        return store.lockerTypeBySlug(slug);
    }

    @Override
    public List<BankType> bankTypes() {
        return store.bankTypes();
    }

    @Override
    public Optional<BankType> bankType(BankTypeId id) {
        return store.bankType(id);
    }
}
