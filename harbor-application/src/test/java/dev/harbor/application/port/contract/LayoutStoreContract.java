package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.LayoutStore}. */
public abstract class LayoutStoreContract extends StoreContract {

    private static final LockerTypeId IGNORED = new LockerTypeId(999);

    @Test
    public void a_new_locker_type_gets_an_id_and_is_found_by_id_and_by_slug() {
        LockerType medium = stores.layout()
                .upsertLockerType(
                        new LockerType(IGNORED, "medium", "Medium", "Parcels up to 40 cm", 400, 300, 500, T0));

        assertThat(medium)
                .isEqualTo(new LockerType(medium.id(), "medium", "Medium", "Parcels up to 40 cm", 400, 300, 500, T0));
        assertThat(stores.layout().lockerType(medium.id())).contains(medium);
        assertThat(stores.layout().lockerTypeBySlug("medium")).contains(medium);
        assertThat(stores.layout().lockerTypeBySlug("large")).isEmpty();
        assertThat(stores.layout().lockerType(new LockerTypeId(medium.id().value() + 100)))
                .isEmpty();
    }

    @Test
    public void upserting_a_known_slug_updates_it_and_keeps_its_id_and_creation_time() {
        LockerType first =
                stores.layout().upsertLockerType(new LockerType(IGNORED, "bike", "Bike", null, null, null, null, T0));
        LockerType other =
                stores.layout().upsertLockerType(new LockerType(IGNORED, "small", "Small", null, 1, 2, 3, T0));

        LockerType updated = stores.layout()
                .upsertLockerType(new LockerType(
                        IGNORED, "bike", "Bike dock", "E-bikes too", 700, null, 2000, T0.plusSeconds(60)));

        assertThat(updated)
                .isEqualTo(new LockerType(first.id(), "bike", "Bike dock", "E-bikes too", 700, null, 2000, T0));
        assertThat(stores.layout().lockerTypes()).containsExactly(updated, other);
    }

    @Test
    public void a_bank_type_keeps_its_layout_in_bank_locker_order() {
        LockerTypeId small = lockerType("small").id();
        LockerTypeId large = lockerType("large").id();

        BankType bank = stores.layout()
                .upsertBankType(new BankType(
                        new BankTypeId(999),
                        "Tower 3x",
                        "three",
                        true,
                        List.of(
                                new BankType.Association(3, small),
                                new BankType.Association(1, large),
                                new BankType.Association(2, small)),
                        T0));

        BankType expected = new BankType(
                bank.id(),
                "Tower 3x",
                "three",
                true,
                List.of(
                        new BankType.Association(1, large),
                        new BankType.Association(2, small),
                        new BankType.Association(3, small)),
                T0);
        assertThat(bank).isEqualTo(expected);
        assertThat(stores.layout().bankType(bank.id())).contains(expected);
        assertThat(stores.layout().bankTypes()).containsExactly(expected);
        assertThat(stores.layout().bankType(new BankTypeId(bank.id().value() + 100)))
                .isEmpty();
    }

    @Test
    public void upserting_a_known_bank_name_replaces_its_layout_and_keeps_its_id() {
        LockerTypeId small = lockerType("small").id();
        LockerTypeId large = lockerType("large").id();
        BankType first = stores.layout()
                .upsertBankType(new BankType(
                        new BankTypeId(1),
                        "Tower",
                        null,
                        false,
                        List.of(new BankType.Association(1, small), new BankType.Association(2, small)),
                        T0));
        BankType other = stores.layout()
                .upsertBankType(new BankType(
                        new BankTypeId(1), "Wall", null, false, List.of(new BankType.Association(1, large)), T0));

        BankType updated = stores.layout()
                .upsertBankType(new BankType(
                        new BankTypeId(1),
                        "Tower",
                        "rebuilt",
                        true,
                        List.of(new BankType.Association(1, large)),
                        T0.plusSeconds(9)));

        BankType expected =
                new BankType(first.id(), "Tower", "rebuilt", true, List.of(new BankType.Association(1, large)), T0);
        assertThat(updated).isEqualTo(expected);
        assertThat(stores.layout().bankTypes()).containsExactly(expected, other);
    }

    @Test
    public void a_bank_type_naming_an_unknown_locker_type_is_refused() {
        LockerTypeId small = lockerType("small").id();

        assertThatThrownBy(() -> stores.layout()
                        .upsertBankType(new BankType(
                                new BankTypeId(1),
                                "Tower",
                                null,
                                false,
                                List.of(
                                        new BankType.Association(1, small),
                                        new BankType.Association(2, new LockerTypeId(small.value() + 50))),
                                T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.layout().bankTypes()).isEmpty();
    }
}
