package dev.harbor.application.layout;

import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue the layout defines: locker types and bank types. Read-only for its callers; the
 * layout file is the only writer, at start-up.
 */
public interface QueryCatalogue {

    List<LockerType> lockerTypes();

    Optional<LockerType> lockerType(LockerTypeId id);

    Optional<LockerType> lockerTypeBySlug(String slug);

    List<BankType> bankTypes();

    Optional<BankType> bankType(BankTypeId id);
}
