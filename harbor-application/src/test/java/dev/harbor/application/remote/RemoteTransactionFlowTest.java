package dev.harbor.application.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.UseCaseFixture;
import dev.harbor.application.controller.ManageControllers.AddCommand;
import dev.harbor.application.controller.ManageControllers.AddResult;
import dev.harbor.application.fakes.InMemoryRemoteDevices;
import dev.harbor.application.locker.LockerFilter;
import dev.harbor.application.locker.LockerView;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each row of spec/bikeep.md's transaction flow table, through the use cases, against the
 * in-memory remote site whose commands advance one step every few milliseconds.
 */
class RemoteTransactionFlowTest {

    private static final RemoteSiteSettings FAST = new RemoteSiteSettings(
            Duration.ofSeconds(30), Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofDays(1));

    private InMemoryRemoteDevices site;
    private UseCaseFixture fixture;
    private final ScheduledExecutorService stepper = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean finisherRuns = true;

    @AfterEach
    void stop() {
        stepper.shutdownNow();
    }

    private void start(RemoteSiteSettings settings) {
        fixture = UseCaseFixture.withRemoteSite(clock -> site = new InMemoryRemoteDevices(clock), settings);
        stepper.scheduleWithFixedDelay(
                () -> {
                    site.step();
                    // As the gateway does: the finisher runs beside every caller, and must never
                    // take over a command its caller still waits on.
                    if (finisherRuns) {
                        fixture.core.finishRemoteCommands();
                    }
                },
                3,
                3,
                TimeUnit.MILLISECONDS);
    }

    private ControllerId addLocation(int devices) {
        String location = site.addLocation("BIKE_LOCKERS", devices);
        AddResult result = fixture.controllers.add(
                new AddCommand(
                        "Station B",
                        new BoardEndpoint(Protocol.BIKEEP, new Transport.Bikeep(location), 0, ProtocolOptions.DEFAULTS),
                        null,
                        null,
                        DiscoveredVia.MANUAL),
                Actor.SYSTEM);
        assertThat(result).isInstanceOf(AddResult.Added.class);
        return ((AddResult.Added) result).controller().controller().id();
    }

    private List<Locker> lockersOf(ControllerId controller) {
        return fixture.db.lockerStore().findByController(controller);
    }

    private CreateTransaction.Result create(String id) {
        return fixture.core
                .createTransaction()
                .create(new CreateTransaction.Command(new TransactionId(id), "bike-locker"));
    }

    private DeviceState upstream(Locker locker) {
        return site.device(locker.external().deviceId()).state();
    }

    @Test
    void adding_a_location_creates_one_bike_locker_per_device_in_alias_order() {
        start(FAST);
        ControllerId controller = addLocation(3);

        List<Locker> lockers = lockersOf(controller);
        assertThat(lockers).extracting(l -> l.external().alias()).containsExactly("1", "2", "3");
        assertThat(lockers).extracting(Locker::bankLockerNumber).containsExactly(1, 2, 3);
        List<LockerView> views = fixture.core.queryLockers().list(new LockerFilter(null, null, controller));
        assertThat(views)
                .allMatch(LockerView::available)
                .allMatch(v -> v.type().slug().equals("bike-locker"));
    }

    @Test
    void create_books_the_device_and_answers_once_it_is_booked() {
        start(FAST);
        ControllerId controller = addLocation(1);

        CreateTransaction.Result result = create("ride-1");

        assertThat(result).isInstanceOf(CreateTransaction.Result.Created.class);
        Locker locker = lockersOf(controller).get(0);
        assertThat(upstream(locker)).isEqualTo(DeviceState.BOOKED);
        assertThat(locker.device().holder()).isEqualTo("ride-1");
        assertThat(fixture.db.remoteCommandLog().unfinished()).isEmpty();
    }

    @Test
    void a_create_without_a_type_prefers_our_own_boards() {
        start(FAST);
        addLocation(1);

        fixture.createTransaction("parcel-1");

        assertThat(site.commandsReceived()).isZero();
    }

    @Test
    void create_moves_on_to_the_next_device_when_a_booking_fails() {
        start(FAST);
        ControllerId controller = addLocation(3);
        List<Locker> lockers = lockersOf(controller);
        // Two devices are taken upstream behind Harbor's back, before any sync sees it.
        site.send(lockers.get(0).external().deviceId(), DeviceCommand.FORCE_LOCK, null);
        site.send(lockers.get(1).external().deviceId(), DeviceCommand.FORCE_LOCK, null);
        waitUntil(
                () -> upstream(lockers.get(0)) == DeviceState.LOCKED && upstream(lockers.get(1)) == DeviceState.LOCKED);

        CreateTransaction.Result result = create("ride-1");

        assertThat(result).isInstanceOf(CreateTransaction.Result.Created.class);
        assertThat(((CreateTransaction.Result.Created) result).transaction().lockerId())
                .isEqualTo(lockers.get(2).id());
        assertThat(lockersOf(controller).subList(0, 2))
                .noneMatch(l -> l.device().isHeld());
    }

    @Test
    void create_tries_at_most_three_devices_then_answers_unavailable_and_keeps_nothing() {
        start(FAST);
        ControllerId controller = addLocation(4);
        for (Locker locker : lockersOf(controller)) {
            site.send(locker.external().deviceId(), DeviceCommand.FORCE_LOCK, null);
        }
        int before = site.commandsReceived();

        CreateTransaction.Result result = create("ride-1");

        assertThat(result).isInstanceOf(CreateTransaction.Result.ControllerUnavailable.class);
        assertThat(site.commandsReceived() - before).isEqualTo(3);
        assertThat(fixture.core.queryTransactions().find(new TransactionId("ride-1")))
                .isEmpty();
        assertThat(lockersOf(controller)).noneMatch(l -> l.device().isHeld());
    }

    @Test
    void drop_off_sends_lock_and_pick_up_sends_unlock_once_harbor_locked_it() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);

        OpenResult dropOff = fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        assertThat(dropOff).isInstanceOf(OpenResult.Opened.class);
        assertThat(((OpenResult.Opened) dropOff).doorOpen()).isNull();
        waitUntil(() -> upstream(locker) == DeviceState.LOCKED);
        waitUntil(() -> {
            fixture.core.finishRemoteCommands();
            return fixture.db
                            .lockerStore()
                            .find(locker.id())
                            .orElseThrow()
                            .device()
                            .state()
                    == DeviceState.LOCKED;
        });

        OpenResult pickUp = fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        assertThat(pickUp).isInstanceOf(OpenResult.Opened.class);
        assertThat(upstream(locker)).isEqualTo(DeviceState.UNLOCKED);
        assertThat(fixture.core.queryTransactions().find(new TransactionId("ride-1")))
                .isPresent();
    }

    @Test
    void an_open_while_a_command_is_in_flight_answers_busy_and_sends_nothing() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);
        stepper.shutdownNow(); // the next command stays where it is
        site.send(locker.external().deviceId(), DeviceCommand.LOCK, null);
        site.step(); // RECEIVED: the device is LOCKING
        int before = site.commandsReceived();

        OpenResult result = fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        assertThat(result).isInstanceOf(OpenResult.Busy.class);
        assertThat(site.commandsReceived()).isEqualTo(before);
    }

    @Test
    void a_device_locked_without_harbor_is_never_unlocked_for_the_transaction() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);
        site.send(locker.external().deviceId(), DeviceCommand.FORCE_LOCK, null);
        waitUntil(() -> upstream(locker) == DeviceState.LOCKED);

        OpenResult result = fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        assertThat(result).isInstanceOf(OpenResult.Busy.class);
        assertThat(upstream(locker)).isEqualTo(DeviceState.LOCKED);
    }

    @Test
    void releasing_a_booking_sends_cancel_booking_and_frees_the_locker() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");

        ReleaseTransaction.Outcome outcome = fixture.core.releaseTransaction().release(new TransactionId("ride-1"));

        assertThat(outcome).isInstanceOf(ReleaseTransaction.Outcome.Released.class);
        Locker locker = lockersOf(controller).get(0);
        assertThat(upstream(locker)).isEqualTo(DeviceState.UNLOCKED);
        assertThat(locker.device().isHeld()).isFalse();
    }

    @Test
    void releasing_a_locked_device_sends_an_audited_force_unlock() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);
        fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));
        waitUntil(() -> upstream(locker) == DeviceState.LOCKED);

        ReleaseTransaction.Outcome outcome = fixture.core.releaseTransaction().release(new TransactionId("ride-1"));

        assertThat(outcome).isInstanceOf(ReleaseTransaction.Outcome.Released.class);
        assertThat(upstream(locker)).isEqualTo(DeviceState.UNLOCKED);
        assertThat(fixture.db.auditTrail().recent(100, java.time.Instant.EPOCH))
                .anyMatch(e -> e.action().equals("device.force-unlock"));
    }

    @Test
    void releasing_a_device_already_free_upstream_sends_nothing() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);
        site.send(locker.external().deviceId(), DeviceCommand.FORCE_CANCEL_BOOKING, null);
        waitUntil(() -> upstream(locker) == DeviceState.UNLOCKED);
        int before = site.commandsReceived();

        ReleaseTransaction.Outcome outcome = fixture.core.releaseTransaction().release(new TransactionId("ride-1"));

        assertThat(outcome).isInstanceOf(ReleaseTransaction.Outcome.Released.class);
        assertThat(site.commandsReceived()).isEqualTo(before);
    }

    @Test
    void a_release_the_site_cannot_serve_keeps_the_transaction() {
        start(FAST);
        addLocation(1);
        create("ride-1");
        site.goOffline(true);

        ReleaseTransaction.Outcome outcome = fixture.core.releaseTransaction().release(new TransactionId("ride-1"));

        assertThat(outcome).isInstanceOf(ReleaseTransaction.Outcome.ControllerUnavailable.class);
        assertThat(fixture.core.queryTransactions().find(new TransactionId("ride-1")))
                .isPresent();
    }

    @Test
    void a_maintenance_open_sends_force_unlock() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);

        OpenResult result = fixture.core.openLocker().openLocker(locker.id(), Actor.admin("ops"));

        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        assertThat(upstream(locker)).isEqualTo(DeviceState.UNLOCKED);
        assertThat(fixture.db.auditTrail().recent(100, java.time.Instant.EPOCH))
                .anyMatch(e -> e.action().equals("device.force-unlock"));
    }

    @Test
    void an_open_of_an_offline_device_answers_unavailable_without_sending() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);
        site.setDeviceOnline(locker.external().deviceId(), false);
        int before = site.commandsReceived();

        OpenResult result = fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        assertThat(result).isInstanceOf(OpenResult.ControllerUnavailable.class);
        assertThat(((OpenResult.ControllerUnavailable) result).remote()).isNotNull();
        assertThat(site.commandsReceived()).isEqualTo(before);
    }

    @Test
    void open_all_leaves_remote_devices_out() {
        start(FAST);
        addLocation(2);

        var report = fixture.openAll.openAll(Actor.admin("ops"));

        assertThat(report.results()).hasSize(4); // the fixture's own board only
        assertThat(site.commandsReceived()).isZero();
    }

    @Test
    void a_booking_that_lands_after_the_create_gave_up_is_cancelled_and_the_device_freed() {
        start(new RemoteSiteSettings(
                Duration.ofSeconds(30), Duration.ofMillis(5), Duration.ofMillis(1), Duration.ofDays(1)));
        stepper.shutdownNow(); // nothing advances until the create has given up
        ControllerId controller = addLocation(1);
        Locker locker = lockersOf(controller).get(0);

        CreateTransaction.Result result = create("ride-1");
        assertThat(result).isInstanceOf(CreateTransaction.Result.ControllerUnavailable.class);
        site.step();
        site.step(); // the booking lands now: nobody holds it in Harbor

        waitUntil(() -> {
            site.step();
            fixture.core.finishRemoteCommands();
            return upstream(locker) == DeviceState.UNLOCKED
                    && fixture.db.remoteCommandLog().unfinished().isEmpty();
        });
        assertThat(fixture.core.queryTransactions().find(new TransactionId("ride-1")))
                .isEmpty();
        assertThat(lockersOf(controller).get(0).device().isHeld()).isFalse();
    }

    @Test
    void a_lost_answer_is_never_sent_again_and_the_device_is_read_instead() {
        start(FAST);
        ControllerId controller = addLocation(2);
        site.loseNextAnswer();

        CreateTransaction.Result result = create("ride-1");

        // The first device's booking may have landed: it is cancelled, and the second one is booked.
        assertThat(result).isInstanceOf(CreateTransaction.Result.Created.class);
        waitUntil(() -> {
            fixture.core.finishRemoteCommands();
            return fixture.db.remoteCommandLog().unfinished().isEmpty();
        });
        long booked = lockersOf(controller).stream()
                .filter(l -> upstream(l) == DeviceState.BOOKED)
                .count();
        StringBuilder log = new StringBuilder();
        for (long e = 1; e < 12; e++) {
            fixture.db.remoteCommandLog().find(e).ifPresent(x -> log.append(x).append('\n'));
        }
        log.append(fixture.core.queryTransactions().active()).append('\n');
        lockersOf(controller)
                .forEach(l -> log.append(l.id())
                        .append(' ')
                        .append(upstream(l))
                        .append(' ')
                        .append(l.device())
                        .append('\n'));
        assertThat(booked).as(log.toString()).isEqualTo(1);
    }

    @Test
    void the_sync_adds_new_devices_and_retires_removed_ones() {
        start(FAST);
        ControllerId controller = addLocation(2);
        String location = ((Transport.Bikeep) fixture.db
                        .controllerStore()
                        .find(controller)
                        .orElseThrow()
                        .endpoint()
                        .transport())
                .locationId();
        String gone = lockersOf(controller).get(0).external().deviceId();
        site.removeDevice(gone);
        site.addDevice(location, "3");
        fixture.clock.advance(Duration.ofSeconds(31));

        fixture.core.syncRemoteSites();

        List<Locker> lockers = lockersOf(controller);
        assertThat(lockers).hasSize(3);
        assertThat(lockers.get(2).external().alias()).isEqualTo("3");
        assertThat(lockers.get(0).service().reasonCode()).isEqualTo(ReasonCode.DEVICE_REMOVED);
        assertThat(fixture.db.controllerStore().find(controller).orElseThrow().lockerCount())
                .isEqualTo(3);
    }

    @Test
    void when_the_site_is_down_its_lockers_are_not_operational_and_our_boards_still_work() {
        start(FAST);
        ControllerId controller = addLocation(1);
        site.goOffline(true);
        fixture.clock.advance(Duration.ofSeconds(31));

        fixture.core.syncRemoteSites();

        LockerId remote = lockersOf(controller).get(0).id();
        LockerView view = fixture.core.queryLockers().find(remote).orElseThrow();
        assertThat(view.operational()).isFalse();
        assertThat(view.available()).isFalse();
        assertThat(create("ride-1")).isInstanceOf(CreateTransaction.Result.NoAvailableLocker.class);
        assertThat(fixture.createTransaction("parcel-1")).isNotNull();

        site.goOffline(false);
        fixture.clock.advance(Duration.ofMinutes(6));
        fixture.core.syncRemoteSites();
        assertThat(fixture.core.queryLockers().find(remote).orElseThrow().available())
                .isTrue();
    }

    @Test
    void a_device_taken_upstream_shows_its_real_state_and_is_not_available() {
        start(FAST);
        ControllerId controller = addLocation(1);
        Locker locker = lockersOf(controller).get(0);
        site.send(locker.external().deviceId(), DeviceCommand.FORCE_LOCK, null); // an RFID tap
        waitUntil(() -> upstream(locker) == DeviceState.LOCKED);
        fixture.clock.advance(Duration.ofSeconds(31));

        fixture.core.syncRemoteSites();

        LockerView view = fixture.core.queryLockers().find(locker.id()).orElseThrow();
        assertThat(view.state()).isEqualTo(DeviceState.LOCKED);
        assertThat(view.available()).isFalse();
        assertThat(create("ride-1")).isInstanceOf(CreateTransaction.Result.NoAvailableLocker.class);
    }

    @Test
    void a_webhook_naming_a_device_has_it_read_again_at_the_next_round() {
        start(FAST);
        ControllerId controller = addLocation(1);
        Locker locker = lockersOf(controller).get(0);
        site.send(locker.external().deviceId(), DeviceCommand.FORCE_LOCK, null);
        waitUntil(() -> upstream(locker) == DeviceState.LOCKED);
        String location = ((Transport.Bikeep) fixture.db
                        .controllerStore()
                        .find(controller)
                        .orElseThrow()
                        .endpoint()
                        .transport())
                .locationId();

        fixture.webhookVerifier = body -> new WebhookVerifier.Verdict.Authentic(
                "status",
                "hash-1",
                List.of(new WebhookVerifier.Event(
                        location, locker.external().deviceId(), null, null, null, "LOCKED", null)));
        fixture.core.receiveWebhooks().receive("delivery".getBytes());
        fixture.core.finishRemoteCommands();

        assertThat(fixture.core.queryLockers().find(locker.id()).orElseThrow().state())
                .isEqualTo(DeviceState.LOCKED);
    }

    @Test
    void a_location_that_cannot_be_read_turns_unhealthy_then_dead() {
        start(FAST);
        ControllerId controller = addLocation(1);
        assertThat(fixture.controllers.find(controller).orElseThrow().health().health())
                .isEqualTo(dev.harbor.domain.health.Health.HEALTHY);
        site.goOffline(true);

        fixture.clock.advance(Duration.ofSeconds(31));
        fixture.core.syncRemoteSites();
        var first = fixture.controllers.find(controller).orElseThrow();
        for (int i = 0; i < 2; i++) {
            fixture.clock.advance(Duration.ofMinutes(6));
            fixture.core.syncRemoteSites();
        }
        var third = fixture.controllers.find(controller).orElseThrow();

        assertThat(first.runtime().online()).isFalse();
        assertThat(first.health().health()).isEqualTo(dev.harbor.domain.health.Health.UNHEALTHY);
        assertThat(third.health().health()).isEqualTo(dev.harbor.domain.health.Health.DEAD);
    }

    @Test
    void the_listing_shows_a_devices_new_state_once_its_command_settles() {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);

        fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        waitUntil(() -> {
            fixture.core.finishRemoteCommands();
            return fixture.core.queryLockers().find(locker.id()).orElseThrow().state() == DeviceState.LOCKED;
        });
    }

    @Test
    void a_location_is_added_once_and_never_by_a_board_change() {
        start(FAST);
        ControllerId controller = addLocation(1);
        var stored = fixture.db.controllerStore().find(controller).orElseThrow();

        var again = fixture.controllers.add(
                new AddCommand("Again", stored.endpoint(), null, null, DiscoveredVia.MANUAL), Actor.SYSTEM);
        var resized = fixture.controllers.adjustLockerCount(controller, 5, Actor.SYSTEM);
        var replaced = fixture.controllers.replace(controller, stored.endpoint(), Actor.SYSTEM);

        assertThat(again).isInstanceOf(AddResult.EndpointInUse.class);
        assertThat(resized)
                .isInstanceOf(dev.harbor.application.controller.ManageControllers.AdjustResult.NotForRemote.class);
        assertThat(replaced)
                .isInstanceOf(dev.harbor.application.controller.ManageControllers.ChangeResult.NotForRemote.class);
    }

    @Test
    void removing_a_location_with_force_frees_the_devices_of_the_transactions_it_ends() {
        start(FAST);
        ControllerId controller = addLocation(2);
        create("ride-1");
        Locker booked = lockersOf(controller).stream()
                .filter(l -> l.device().isHeld())
                .findFirst()
                .orElseThrow();
        assertThat(upstream(booked)).isEqualTo(DeviceState.BOOKED);

        var removal = fixture.controllers.remove(controller, true, Actor.admin("ops"));

        assertThat(removal).isEqualTo(new dev.harbor.application.controller.ManageControllers.RemoveResult.Removed(1));
        waitUntil(() -> upstream(booked) == DeviceState.UNLOCKED);
        waitUntil(() -> fixture.db.remoteCommandLog().unfinished().isEmpty());
    }

    @Test
    void concurrent_creates_beside_the_finisher_each_get_their_own_booked_device() throws Exception {
        start(FAST);
        ControllerId controller = addLocation(20);
        var pool = Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<CreateTransaction.Result>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "ride-" + i;
                results.add(pool.submit(() -> create(id)));
            }
            java.util.Set<LockerId> lockers = new java.util.HashSet<>();
            for (var result : results) {
                CreateTransaction.Result created = result.get(30, TimeUnit.SECONDS);
                assertThat(created).isInstanceOf(CreateTransaction.Result.Created.class);
                lockers.add(((CreateTransaction.Result.Created) created)
                        .transaction()
                        .lockerId());
            }
            assertThat(lockers).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        waitUntil(() -> fixture.db.remoteCommandLog().unfinished().isEmpty());
        assertThat(lockersOf(controller))
                .allMatch(l -> upstream(l) == DeviceState.BOOKED && l.device().isHeld());
        assertThat(fixture.core.queryTransactions().active()).hasSize(20);
    }

    @Test
    void a_pick_up_right_after_the_bike_is_secured_does_not_wait_for_the_command_round() {
        start(FAST);
        finisherRuns = false; // the round that would settle the lock has not come yet
        ControllerId controller = addLocation(1);
        create("ride-1");
        Locker locker = lockersOf(controller).get(0);
        assertThat(fixture.core.openLocker().openForTransaction(new TransactionId("ride-1")))
                .isInstanceOf(OpenResult.Opened.class);
        waitUntil(() -> upstream(locker) == DeviceState.LOCKED);

        OpenResult pickUp = fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        assertThat(pickUp).isInstanceOf(OpenResult.Opened.class);
        assertThat(upstream(locker)).isEqualTo(DeviceState.UNLOCKED);
    }

    @Test
    void when_bikeep_cannot_be_reached_one_failed_read_stands_for_the_whole_round() {
        start(FAST);
        stepper.shutdownNow();
        ControllerId first = addLocation(1);
        ControllerId second = addLocation(1);
        site.goOffline(true);
        fixture.clock.advance(Duration.ofSeconds(31));
        int before = site.calls();

        fixture.core.syncRemoteSites();

        assertThat(site.calls() - before).isEqualTo(1);
        assertThat(fixture.controllers.find(first).orElseThrow().runtime().online())
                .isFalse();
        assertThat(fixture.controllers.find(second).orElseThrow().runtime().online())
                .isFalse();
    }

    @Test
    void a_second_open_of_the_same_device_while_one_is_under_way_answers_busy_and_sends_nothing() throws Exception {
        start(FAST);
        ControllerId controller = addLocation(1);
        create("ride-1");
        stepper.shutdownNow(); // the first open waits for RECEIVED until its attempt times out
        int before = site.commandsReceived();
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> fixture.core.openLocker().openForTransaction(new TransactionId("ride-1")));
        waitUntil(() -> site.commandsReceived() == before + 1);

        OpenResult second = fixture.core.openLocker().openForTransaction(new TransactionId("ride-1"));

        assertThat(second).isInstanceOf(OpenResult.Busy.class);
        assertThat(first.get(5, TimeUnit.SECONDS)).isNotInstanceOf(OpenResult.Busy.class);
        assertThat(site.commandsReceived()).isEqualTo(before + 1);
        assertThat(lockersOf(controller)).hasSize(1);
    }

    @Test
    void a_device_moved_to_another_added_location_keeps_neither_sync_from_running() {
        start(FAST);
        ControllerId from = addLocation(1);
        ControllerId to = addLocation(1);
        Locker moved = lockersOf(from).get(0);
        String target = ((Transport.Bikeep) fixture.db
                        .controllerStore()
                        .find(to)
                        .orElseThrow()
                        .endpoint()
                        .transport())
                .locationId();
        site.moveDevice(moved.external().deviceId(), target);
        fixture.clock.advance(Duration.ofSeconds(31));

        org.assertj.core.api.Assertions.assertThatCode(() -> fixture.core.syncRemoteSites())
                .doesNotThrowAnyException();

        assertThat(lockersOf(from).get(0).service().reasonCode()).isEqualTo(ReasonCode.DEVICE_REMOVED);
        assertThat(lockersOf(to)).hasSize(1);
    }

    @Test
    void a_location_whose_gateways_are_dead_is_offline_but_was_seen_at_the_last_sync() {
        start(FAST);
        ControllerId controller = addLocation(1);
        String location = ((Transport.Bikeep) fixture.db
                        .controllerStore()
                        .find(controller)
                        .orElseThrow()
                        .endpoint()
                        .transport())
                .locationId();
        String guard = site.devices(location).stream()
                .filter(d -> d.kind() == dev.harbor.application.port.RemoteDevices.Kind.GUARD)
                .findFirst()
                .orElseThrow()
                .id();
        site.setDeviceOnline(guard, false);
        fixture.clock.advance(Duration.ofSeconds(31));

        fixture.core.syncRemoteSites();

        var view = fixture.controllers.find(controller).orElseThrow();
        assertThat(view.runtime().online()).isFalse();
        assertThat(view.runtime().lastSeenAt()).isEqualTo(fixture.clock.instant());
        assertThat(view.health().health()).isEqualTo(dev.harbor.domain.health.Health.DEAD);
    }

    @Test
    void two_technicians_adding_one_location_at_once_get_one_controller_and_one_conflict() throws Exception {
        start(FAST);
        String location = site.addLocation("BIKE_LOCKERS", 2);
        AddCommand command = new AddCommand(
                "Station B",
                new BoardEndpoint(Protocol.BIKEEP, new Transport.Bikeep(location), 0, ProtocolOptions.DEFAULTS),
                null,
                null,
                DiscoveredVia.MANUAL);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> fixture.controllers.add(command, Actor.admin("a")));
            var second = pool.submit(() -> fixture.controllers.add(command, Actor.admin("b")));
            List<AddResult> results = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));

            assertThat(results).filteredOn(r -> r instanceof AddResult.Added).hasSize(1);
            assertThat(results)
                    .filteredOn(r -> r instanceof AddResult.EndpointInUse)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.db.controllerStore().findAll())
                .filteredOn(c -> c.endpoint().protocol() == Protocol.BIKEEP)
                .hasSize(1);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within 5 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
