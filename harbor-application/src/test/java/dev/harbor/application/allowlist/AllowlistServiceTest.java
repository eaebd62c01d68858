package dev.harbor.application.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.allowlist.ChangeAllowlistCards.ChangeCardsCommand;
import dev.harbor.application.allowlist.ChangeAllowlistCards.ChangeResult;
import dev.harbor.application.allowlist.ChangeAllowlistCards.Operation;
import dev.harbor.application.allowlist.ChangeAllowlistCards.TypedCard;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.fakes.InMemoryDatabase;
import dev.harbor.application.fakes.InMemoryRemoteSite;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.domain.rule.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AllowlistServiceTest {

    private static final Actor ADMIN = Actor.admin("alice");
    private static final Instant EXPIRES = Instant.parse("2026-06-30T23:59:59Z");

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final InMemoryRemoteSite remote = new InMemoryRemoteSite();
    private final AllowlistUseCases useCases = AllowlistUseCases.over(
            remote,
            remote,
            locationId -> java.util.Optional.empty(),
            new Auditor(db.auditTrail(), new MutableClock(Instant.parse("2026-12-01T10:00:00Z"))));
    private String location;
    private String staff;

    @BeforeEach
    void site() {
        location = remote.addLocation("BIKE_LOCKERS", "Office A", 4);
        staff = remote.addAllowlist(location, "Staff");
    }

    private static ChangeCardsCommand add(String allowlist, String... cardIds) {
        return ChangeCardsCommand.typed(
                allowlist,
                Operation.ADD,
                List.of(cardIds).stream()
                        .map(id -> new TypedCard(id, "ACTIVE", EXPIRES, "badge"))
                        .toList());
    }

    @Test
    void locations_are_listed_and_none_is_a_controller_yet() {
        Listing<RemoteLocationView> listing = useCases.locations().locations();

        assertThat(((Listing.Listed<RemoteLocationView>) listing).items())
                .singleElement()
                .satisfies(view -> {
                    assertThat(view.locationId()).isEqualTo(location);
                    assertThat(view.type()).isEqualTo("BIKE_LOCKERS");
                    assertThat(view.devices()).isEqualTo(new RemoteLocationView.Devices(4, 4, 4));
                    assertThat(view.controllerId()).isEmpty();
                });
    }

    @Test
    void a_locations_allowlists_and_an_allowlists_cards_are_listed() {
        useCases.change().change(add(staff, "04:A2:B3"), ADMIN);

        assertThat(((Listing.Listed<AllowlistView>) useCases.query().allowlists(location)).items())
                .containsExactly(new AllowlistView(staff, "Staff", "Allowlist Staff"));
        assertThat(((Listing.Listed<CardView>) useCases.query().cards(staff)).items())
                .containsExactly(new CardView("04a2b3", "ACTIVE", EXPIRES, "badge"));
    }

    @Test
    void typed_card_ids_reach_the_site_normalized() {
        ChangeResult result = useCases.change().change(add(staff, "04:A2:B3:C4", "0a-0B", "FF 00"), ADMIN);

        assertThat(((ChangeResult.Changed) result).applied()).containsExactly("04a2b3c4", "0a0b", "ff00");
        assertThat(((ChangeResult.Changed) result).allApplied()).isTrue();
    }

    @Test
    void a_batch_with_any_bad_card_is_refused_whole_before_anything_is_sent() {
        int before = remote.calls();

        assertThatThrownBy(() -> add(staff, "04a2", "04a", "zz"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidValueException.Problem::field)
                                .containsExactly("cards[1].cardId", "cards[2].cardId"));
        assertThat(remote.calls()).isEqualTo(before);
    }

    @Test
    void cards_the_site_refuses_come_back_beside_the_applied_ones() {
        remote.refuseCards(staff, Set.of("0b0b"), "card is blocked");

        ChangeResult.Changed changed =
                (ChangeResult.Changed) useCases.change().change(add(staff, "0a0a", "0B:0B", "0c0c"), ADMIN);

        assertThat(changed.applied()).containsExactly("0a0a", "0c0c");
        assertThat(changed.failed()).containsExactly(new ChangeAllowlistCards.Refused("0b0b", "card is blocked"));
    }

    @Test
    void remove_takes_the_cards_off_the_list() {
        useCases.change().change(add(staff, "0a0a", "0b0b"), ADMIN);

        useCases.change()
                .change(
                        ChangeCardsCommand.typed(
                                staff, Operation.REMOVE, List.of(new TypedCard("0A:0A", null, null, null))),
                        ADMIN);

        assertThat(((Listing.Listed<CardView>) useCases.query().cards(staff)).items())
                .extracting(CardView::cardId)
                .containsExactly("0b0b");
    }

    @Test
    void every_change_is_audited_with_the_count_and_the_allowlist_but_never_a_card_id() {
        remote.refuseCards(staff, Set.of("0b0b"), "card is blocked");
        useCases.change().change(add(staff, "0a0a", "0b0b", "0c0c"), ADMIN);
        remote.goOffline(true);
        useCases.change().change(add(staff, "0d0d"), ADMIN);

        List<AuditTrail.Entry> entries = db.auditTrail().recent(10, null);
        assertThat(entries)
                .extracting(
                        AuditTrail.Entry::actor,
                        AuditTrail.Entry::action,
                        AuditTrail.Entry::target,
                        AuditTrail.Entry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "admin:alice", "allowlist.cards.add", "allowlist " + staff, "FAILED"),
                        org.assertj.core.groups.Tuple.tuple(
                                "admin:alice", "allowlist.cards.add", "allowlist " + staff, "PARTIAL"));
        assertThat(entries.get(1).detail()).contains("3 card(s)", "2 applied", "1 refused");
        assertThat(entries.get(0).detail()).contains("1 card(s)", "UNAVAILABLE");
        assertThat(entries.toString()).doesNotContain("0a0a", "0b0b", "0c0c", "0d0d");
    }

    @Test
    void an_unknown_allowlist_is_not_found() {
        Listing<CardView> listing = useCases.query().cards("nope");
        ChangeResult change = useCases.change().change(add("nope", "0a0a"), ADMIN);

        assertThat(((Listing.Failed<CardView>) listing).problem().kind()).isEqualTo(RemoteProblem.Kind.NOT_FOUND);
        assertThat(((Listing.Failed<CardView>) listing).problem().correlationId())
                .isPresent();
        assertThat(((ChangeResult.Failed) change).problem().kind()).isEqualTo(RemoteProblem.Kind.NOT_FOUND);
    }

    @Test
    void a_site_that_cannot_be_reached_is_unavailable() {
        remote.goOffline(true);

        assertThat(((Listing.Failed<RemoteLocationView>) useCases.locations().locations())
                        .problem()
                        .kind())
                .isEqualTo(RemoteProblem.Kind.UNAVAILABLE);
    }

    @Test
    void without_a_remote_site_every_use_case_says_the_integration_is_off() {
        UseCaseFixture fixture = new UseCaseFixture();

        assertThat(fixture.core.listRemoteLocations().locations()).isInstanceOf(Listing.IntegrationOff.class);
        assertThat(fixture.core.queryAllowlists().allowlists(location)).isInstanceOf(Listing.IntegrationOff.class);
        assertThat(fixture.core.queryAllowlists().cards(staff)).isInstanceOf(Listing.IntegrationOff.class);
        assertThat(fixture.core.changeAllowlistCards().change(add(staff, "0a0a"), ADMIN))
                .isInstanceOf(ChangeResult.IntegrationOff.class);
        assertThat(fixture.db.auditTrail().recent(10, null))
                .extracting(AuditTrail.Entry::action)
                .noneMatch(action -> action.startsWith("allowlist"));
    }

    @Test
    void a_command_needs_an_allowlist_and_an_operation() {
        List<TypedCard> one = List.of(new TypedCard("0a0a", null, null, null));
        assertThatThrownBy(() -> ChangeCardsCommand.typed(" ", Operation.ADD, one))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("allowlistId"));
        assertThatThrownBy(() -> ChangeCardsCommand.typed(staff, null, one))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("operation"));
        assertThatThrownBy(() -> ChangeCardsCommand.typed(staff, Operation.ADD, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cards"));
    }

    @Test
    void an_id_longer_than_200_characters_is_refused_before_anything_is_sent() {
        int before = remote.calls();

        assertThatThrownBy(() -> useCases.query().cards("a".repeat(201)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("allowlistId"));
        assertThatThrownBy(() -> useCases.query().allowlists(""))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("locationId"));
        assertThat(remote.calls()).isEqualTo(before);
    }
}
