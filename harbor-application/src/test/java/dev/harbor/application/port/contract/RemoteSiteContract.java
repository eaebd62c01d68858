package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteAllowlists.BatchResult;
import dev.harbor.application.port.RemoteAllowlists.Card;
import dev.harbor.application.port.RemoteAllowlists.NewCard;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.domain.rfid.RfidCardId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RemoteSites} and {@link RemoteAllowlists}: the in-memory fake and the
 * Bikeep adapter (against the Bikeep cloud simulator) both pass it.
 */
public abstract class RemoteSiteContract {

    protected static final RfidCardId JOHN = RfidCardId.parse("04a2b3c4d5e6f7");
    protected static final RfidCardId JANE = RfidCardId.parse("04b3c4d5e6f7a8");
    protected static final RfidCardId BLOCKED = RfidCardId.parse("04c4d5e6f7a8b9");
    private static final Instant EXPIRES = Instant.parse("2026-06-30T23:59:59Z");

    /** A remote site under test, and the levers a test needs on it. */
    protected interface Site extends AutoCloseable {
        RemoteSites sites();

        RemoteAllowlists allowlists();

        /** @param type {@code BIKE_LOCKERS} or {@code BIKE_DOCKS}; @return the location id */
        String addLocation(String type, String name, int devices);

        /** @return the allowlist id */
        String addAllowlist(String locationId, String name);

        /** From now on the cloud refuses these cards, item by item, with {@code message}. */
        void refuseCards(String allowlistId, Set<String> cardIds, String message);

        /** From now on the cloud cannot be reached. */
        void goOffline();

        @Override
        void close();
    }

    protected abstract Site openSite();

    private Site site;
    private String location;
    private String staff;

    @BeforeEach
    void open() {
        site = openSite();
        location = site.addLocation("BIKE_LOCKERS", "Office A", 2);
        staff = site.addAllowlist(location, "Staff");
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    public void locations_are_listed_with_their_type_name_and_device_counts() {
        String docks = site.addLocation("BIKE_DOCKS", "Station B", 3);

        List<RemoteSites.Location> locations = site.sites().locations();

        assertThat(locations).extracting(RemoteSites.Location::id).containsExactlyInAnyOrder(location, docks);
        RemoteSites.Location b =
                locations.stream().filter(l -> l.id().equals(docks)).findFirst().orElseThrow();
        assertThat(b.type()).isEqualTo("BIKE_DOCKS");
        assertThat(b.name()).contains("Station B");
        assertThat(b.devices().total()).isEqualTo(3);
        assertThat(b.connection()).isNotBlank();
    }

    @Test
    public void a_locations_allowlists_are_listed_and_another_locations_are_not() {
        String other = site.addLocation("BIKE_DOCKS", "Station B", 1);
        site.addAllowlist(other, "Visitors");

        assertThat(site.allowlists().allowlists(location))
                .singleElement()
                .satisfies(a -> assertThat(a.id()).isEqualTo(staff))
                .satisfies(a -> assertThat(a.name()).isEqualTo("Staff"));
    }

    @Test
    public void an_unknown_location_is_not_found_with_a_correlation_id() {
        RemoteSiteException e = catchThrowableOfType(
                RemoteSiteException.class, () -> site.allowlists().allowlists("no-such-location"));

        assertThat(e.kind()).isEqualTo(RemoteSiteException.Kind.NOT_FOUND);
        assertThat(e.correlationId()).isPresent();
    }

    @Test
    public void added_cards_are_listed_with_status_expiry_and_comment_and_a_removed_card_is_gone() {
        BatchResult added = site.allowlists()
                .add(
                        staff,
                        List.of(
                                new NewCard(JOHN, "ACTIVE", null, "Employee badge - John"),
                                new NewCard(JANE, "ACTIVE", EXPIRES, "Contractor badge - Jane (temp)")));

        assertThat(added.applied()).containsExactly(JOHN, JANE);
        assertThat(added.failed()).isEmpty();
        assertThat(site.allowlists().cards(staff))
                .containsExactlyInAnyOrder(
                        new Card(JOHN.value(), "ACTIVE", null, "Employee badge - John"),
                        new Card(JANE.value(), "ACTIVE", EXPIRES, "Contractor badge - Jane (temp)"));

        BatchResult removed = site.allowlists().remove(staff, List.of(JOHN));

        assertThat(removed.applied()).containsExactly(JOHN);
        assertThat(site.allowlists().cards(staff)).extracting(Card::cardId).containsExactly(JANE.value());
    }

    @Test
    public void adding_a_card_that_is_there_replaces_it() {
        site.allowlists().add(staff, List.of(new NewCard(JOHN, "ACTIVE", null, "old")));

        site.allowlists().add(staff, List.of(new NewCard(JOHN, "ACTIVE", EXPIRES, "new")));

        assertThat(site.allowlists().cards(staff)).containsExactly(new Card(JOHN.value(), "ACTIVE", EXPIRES, "new"));
    }

    @Test
    public void refused_cards_come_back_as_failures_and_the_others_stay_applied() {
        site.refuseCards(staff, Set.of(BLOCKED.value()), "card is blocked");

        BatchResult result = site.allowlists()
                .add(
                        staff,
                        List.of(
                                new NewCard(JOHN, null, null, null),
                                new NewCard(BLOCKED, null, null, null),
                                new NewCard(JANE, null, null, null)));

        assertThat(result.applied()).containsExactly(JOHN, JANE);
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.cardId()).isEqualTo(BLOCKED.value());
            assertThat(f.message()).contains("card is blocked");
        });
        assertThat(site.allowlists().cards(staff))
                .extracting(Card::cardId)
                .containsExactlyInAnyOrder(JOHN.value(), JANE.value());
    }

    @Test
    public void an_unknown_allowlist_is_not_found_for_reads_and_changes() {
        assertThat(catchThrowableOfType(
                                RemoteSiteException.class,
                                () -> site.allowlists().cards("no-such-allowlist"))
                        .kind())
                .isEqualTo(RemoteSiteException.Kind.NOT_FOUND);
        assertThat(catchThrowableOfType(
                                RemoteSiteException.class,
                                () -> site.allowlists()
                                        .add("no-such-allowlist", List.of(new NewCard(JOHN, null, null, null))))
                        .kind())
                .isEqualTo(RemoteSiteException.Kind.NOT_FOUND);
    }

    @Test
    public void a_site_that_cannot_be_reached_is_unavailable() {
        site.sites().locations();
        site.goOffline();

        assertThat(catchThrowableOfType(
                                RemoteSiteException.class, () -> site.sites().locations())
                        .kind())
                .isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
        assertThat(catchThrowableOfType(
                                RemoteSiteException.class,
                                () -> site.allowlists().add(staff, List.of(new NewCard(JOHN, null, null, null))))
                        .kind())
                .isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
    }
}
