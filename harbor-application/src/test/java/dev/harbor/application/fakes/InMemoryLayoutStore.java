package dev.harbor.application.fakes;

import dev.harbor.application.port.LayoutStore;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link LayoutStore} on an {@link InMemoryDatabase}. */
public final class InMemoryLayoutStore implements LayoutStore {

    private final InMemoryDatabase db;

    InMemoryLayoutStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<LockerType> lockerTypes() {
        synchronized (db) {
            return List.copyOf(db.lockerTypes.values());
        }
    }

    @Override
    public Optional<LockerType> lockerType(LockerTypeId id) {
        synchronized (db) {
            return Optional.ofNullable(db.lockerTypes.get(id.value()));
        }
    }

    @Override
    public Optional<LockerType> lockerTypeBySlug(String slug) {
        synchronized (db) {
            return db.lockerTypes.values().stream()
                    .filter(t -> t.slug().equals(slug))
                    .findFirst();
        }
    }

    @Override
    public List<BankType> bankTypes() {
        synchronized (db) {
            return List.copyOf(db.bankTypes.values());
        }
    }

    @Override
    public Optional<BankType> bankType(BankTypeId id) {
        synchronized (db) {
            return Optional.ofNullable(db.bankTypes.get(id.value()));
        }
    }

    @Override
    public LockerType upsertLockerType(LockerType type) {
        Objects.requireNonNull(type, "type");
        synchronized (db) {
            Optional<LockerType> existing = lockerTypeBySlug(type.slug());
            LockerTypeId id = existing.map(LockerType::id).orElseGet(() -> new LockerTypeId(++db.lastLockerTypeId));
            LockerType stored = new LockerType(
                    id,
                    type.slug(),
                    type.name(),
                    type.description(),
                    type.widthMm(),
                    type.heightMm(),
                    type.depthMm(),
                    existing.map(LockerType::createdAt).orElse(InMemoryDatabase.millis(type.createdAt())));
            db.lockerTypes.put(id.value(), stored);
            return stored;
        }
    }

    @Override
    public BankType upsertBankType(BankType type) {
        Objects.requireNonNull(type, "type");
        synchronized (db) {
            List<LockerTypeId> unknown = type.associations().stream()
                    .map(BankType.Association::lockerTypeId)
                    .distinct()
                    .filter(t -> !db.lockerTypes.containsKey(t.value()))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(
                        "bank type " + type.friendlyName() + " names no locker type " + unknown);
            }
            Optional<BankType> existing = db.bankTypes.values().stream()
                    .filter(b -> b.friendlyName().equals(type.friendlyName()))
                    .findFirst();
            BankTypeId id = existing.map(BankType::id).orElseGet(() -> new BankTypeId(++db.lastBankTypeId));
            BankType stored = new BankType(
                    id,
                    type.friendlyName(),
                    type.description(),
                    type.isDebug(),
                    type.associations().stream()
                            .sorted(Comparator.comparingInt(BankType.Association::bankLockerNumber))
                            .toList(),
                    existing.map(BankType::createdAt).orElse(InMemoryDatabase.millis(type.createdAt())));
            db.bankTypes.put(id.value(), stored);
            return stored;
        }
    }
}
