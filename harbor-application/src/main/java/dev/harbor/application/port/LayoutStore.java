package dev.harbor.application.port;

import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.List;
import java.util.Optional;

/**
 * Locker types and bank types: the catalogue the layout file defines. Read-only over the API;
 * written at start-up when the layout is loaded.
 */
public interface LayoutStore {

    List<LockerType> lockerTypes();

    Optional<LockerType> lockerType(LockerTypeId id);

    Optional<LockerType> lockerTypeBySlug(String slug);

    List<BankType> bankTypes();

    Optional<BankType> bankType(BankTypeId id);

    /**
     * Inserts the locker type, or updates the one with the same slug, keeping its id.
     * The id of the argument is ignored.
     */
    LockerType upsertLockerType(LockerType type);

    /**
     * Inserts the bank type, or updates the one with the same friendly name, keeping its id.
     * The id of the argument is ignored.
     */
    BankType upsertBankType(BankType type);
}
