package dev.harbor.application.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixture has already loaded {@code layout("Small", "bus-1")}: one controller "Tower" of four lockers. */
class LayoutLoaderTest {

    private final UseCaseFixture fixture = new UseCaseFixture();
    private final LayoutLoader loader = new LayoutLoader(
            fixture.db.layoutStore(), fixture.db.controllerStore(), fixture.controllers, fixture.clock);

    private static Layout layout(String smallName, String bus) {
        return new Layout(
                List.of(
                        new Layout.LockerTypeSpec("small", smallName, null, null, null, null),
                        new Layout.LockerTypeSpec("large", "Large", null, null, null, null)),
                List.of(new Layout.BankTypeSpec("Four", null, false, List.of("small", "small", "large", "large"))),
                List.of(new Layout.ControllerSpec("Tower", UseCaseFixture.endpoint(bus, 0), "Four")));
    }

    private Controller tower() {
        return fixture.db.controllerStore().findAll().stream()
                .filter(c -> c.name().equals("Tower"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void loading_the_same_layout_again_adds_nothing() {
        loader.load(layout("Small", "bus-1"));

        assertThat(fixture.db.controllerStore().findAll()).hasSize(1);
        assertThat(fixture.allLockers()).hasSize(4);
        assertThat(fixture.db.layoutStore().lockerTypes()).hasSize(2);
        assertThat(fixture.db.layoutStore().bankTypes()).hasSize(1);
    }

    @Test
    void an_unchanged_layout_writes_no_type_again_and_a_changed_type_only_that_one() {
        CountingLayoutStore counting = new CountingLayoutStore(fixture.db.layoutStore());
        LayoutLoader countingLoader =
                new LayoutLoader(counting, fixture.db.controllerStore(), fixture.controllers, fixture.clock);

        countingLoader.load(layout("Small", "bus-1"));
        assertThat(counting.upserts).as("the layout the fixture loaded, again").isEmpty();

        countingLoader.load(layout("Compact", "bus-1"));
        assertThat(counting.upserts).containsExactly("locker type small");
    }

    /** The fixture's layout store, noting each write. */
    private static final class CountingLayoutStore implements LayoutStore {
        private final LayoutStore stored;
        private final List<String> upserts = new ArrayList<>();

        CountingLayoutStore(LayoutStore stored) {
            this.stored = stored;
        }

        @Override
        public List<LockerType> lockerTypes() {
            return stored.lockerTypes();
        }

        @Override
        public Optional<LockerType> lockerType(LockerTypeId id) {
            return stored.lockerType(id);
        }

        @Override
        public Optional<LockerType> lockerTypeBySlug(String slug) {
            return stored.lockerTypeBySlug(slug);
        }

        @Override
        public List<BankType> bankTypes() {
            return stored.bankTypes();
        }

        @Override
        public Optional<BankType> bankType(BankTypeId id) {
            return stored.bankType(id);
        }

        @Override
        public LockerType upsertLockerType(LockerType type) {
            upserts.add("locker type " + type.slug());
            return stored.upsertLockerType(type);
        }

        @Override
        public BankType upsertBankType(BankType type) {
            upserts.add("bank type " + type.friendlyName());
            return stored.upsertBankType(type);
        }
    }

    @Test
    void a_locker_type_is_matched_by_its_slug_and_takes_the_layouts_name() {
        loader.load(layout("Compact", "bus-1"));

        assertThat(fixture.db.layoutStore().lockerTypes())
                .extracting(LockerType::slug, LockerType::name)
                .containsExactlyInAnyOrder(tuple("small", "Compact"), tuple("large", "Large"));
    }

    @Test
    void a_controller_whose_endpoint_changed_in_the_layout_follows_it_and_keeps_its_lockers() {
        loader.load(layout("Small", "bus-2"));

        assertThat(tower().id()).isEqualTo(fixture.controller);
        assertThat(tower().endpoint()).isEqualTo(UseCaseFixture.endpoint("bus-2", 0));
        assertThat(fixture.allLockers()).hasSize(4);
    }

    @Test
    void a_controller_added_over_the_admin_api_is_left_alone() {
        ManageControllers.AddResult added = fixture.controllers.add(
                new ManageControllers.AddCommand(
                        "Annex", UseCaseFixture.endpoint("bus-9", 0), null, 2, DiscoveredVia.MANUAL),
                Actor.admin("tech"));
        assertThat(added).isInstanceOf(ManageControllers.AddResult.Added.class);

        loader.load(layout("Small", "bus-1"));

        assertThat(fixture.db.controllerStore().findAll())
                .extracting(Controller::name)
                .containsExactlyInAnyOrder("Tower", "Annex");
    }

    @Test
    void an_invalid_layout_is_refused_with_its_problems_and_nothing_is_stored() {
        Layout broken = new Layout(
                List.of(new Layout.LockerTypeSpec("tiny", "Tiny", null, null, null, null)),
                List.of(new Layout.BankTypeSpec("Two", null, false, List.of("tiny", "unknown"))),
                List.of(new Layout.ControllerSpec("Side", UseCaseFixture.endpoint("bus-3", 0), "Missing")));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> loader.load(broken))
                .withMessageContaining("the layout is invalid");
        assertThat(fixture.db.layoutStore().lockerTypes())
                .extracting(LockerType::slug)
                .doesNotContain("tiny");
        assertThat(fixture.db.controllerStore().findAll())
                .extracting(Controller::name)
                .containsExactly("Tower");
    }

    @Test
    void a_layout_controller_the_controllers_refuse_stops_the_load() {
        Layout clash = new Layout(
                layout("Small", "bus-1").lockerTypes(),
                layout("Small", "bus-1").bankTypes(),
                List.of(
                        new Layout.ControllerSpec("Tower", UseCaseFixture.endpoint("bus-1", 0), "Four"),
                        new Layout.ControllerSpec("Twin", UseCaseFixture.endpoint("bus-1", 0), "Four")));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> loader.load(clash))
                .withMessageContaining("Twin");
    }

    @Test
    void a_layout_controller_without_a_bus_gets_one_of_its_own_once_and_keeps_it_on_every_load() {
        Layout own = new Layout(
                layout("Small", "bus-1").lockerTypes(),
                layout("Small", "bus-1").bankTypes(),
                List.of(
                        new Layout.ControllerSpec("Tower", UseCaseFixture.endpoint("bus-1", 0), "Four"),
                        new Layout.ControllerSpec("Own", ownBus(0), "Four"),
                        new Layout.ControllerSpec("Other", ownBus(0), "Four")));

        loader.load(own);
        Controller first = named("Own");
        loader.load(own);

        assertThat(first.endpoint().hasUnnamedBus()).isFalse();
        assertThat(((Transport.Simulated) first.endpoint().transport()).bus()).startsWith("sim-");
        assertThat(named("Own").endpoint()).isEqualTo(first.endpoint());
        assertThat(named("Other").endpoint().transport().busKey())
                .isNotEqualTo(first.endpoint().transport().busKey());
        assertThat(fixture.db.controllerStore().findAll()).hasSize(3);
    }

    private static BoardEndpoint ownBus(int address) {
        return new BoardEndpoint(Protocol.KERONG_CU16, Transport.Simulated.ownBus(), address, ProtocolOptions.DEFAULTS);
    }

    private Controller named(String name) {
        return fixture.db.controllerStore().findAll().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
