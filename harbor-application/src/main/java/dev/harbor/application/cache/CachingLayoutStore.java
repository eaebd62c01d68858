package dev.harbor.application.cache;

import dev.harbor.application.port.LayoutStore;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.List;
import java.util.Optional;

/**
 * Locker and bank types change only when the layout is loaded, through this store: they are
 * read once and read again after each upsert.
 */
final class CachingLayoutStore implements LayoutStore {

    private final LayoutStore database;
    private volatile List<LockerType> lockerTypes;
    private volatile List<BankType> bankTypes;

    CachingLayoutStore(LayoutStore database) {
        this.database = database;
        reload();
    }

    private synchronized void reload() {
        lockerTypes = database.lockerTypes();
        bankTypes = database.bankTypes();
    }

    @Override
    public List<LockerType> lockerTypes() {
        return lockerTypes;
    }

    @Override
    public Optional<LockerType> lockerType(LockerTypeId id) {
        return lockerTypes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public Optional<LockerType> lockerTypeBySlug(String slug) {
        return lockerTypes.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    @Override
    public List<BankType> bankTypes() {
        return bankTypes;
    }

    @Override
    public Optional<BankType> bankType(BankTypeId id) {
        return bankTypes.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    @Override
    public synchronized LockerType upsertLockerType(LockerType type) {
        LockerType stored = database.upsertLockerType(type);
        reload();
        return stored;
    }

    @Override
    public synchronized BankType upsertBankType(BankType type) {
        BankType stored = database.upsertBankType(type);
        reload();
        return stored;
    }
}
