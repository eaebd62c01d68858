package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.assembly.HarborCore;
import dev.harbor.application.auth.AuthSettings;
import dev.harbor.application.fakes.SaltedSha256PasswordHasher;
import dev.harbor.application.layout.Layout;
import dev.harbor.application.locker.ScriptedLockBoard;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.DatabaseBackups;
import dev.harbor.application.port.ErrorReporter;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.HostSystem;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceTimeouts;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What one create and release of a transaction costs the database, counted below the pool while
 * the real use cases run over the real stores: each round trip to a database server is time the
 * cycle waits (issue 13 asks for at most four per cycle), and each commit is a flush to disk.
 */
abstract class TransactionCycleRoundTrips {

    /** One durable write for the create and one for the release, audit entries included. */
    private static final int MOST_COMMITS_PER_CYCLE = 2;

    /** The database under test, its pools' connections taken from {@code around} the driver's source. */
    protected abstract Database open(UnaryOperator<DataSource> around);

    /** The most statements, commits and rollbacks one cycle may send. */
    protected abstract int mostRoundTripsPerCycle();

    @Test
    void one_create_and_release_cycle_stays_within_its_round_trips_and_commits() {
        RoundTrips roundTrips = new RoundTrips();
        try (Database database = open(roundTrips::around)) {
            HarborCore core = core(database);
            // The first cycle warms the pool's connections and the statements; the second is counted.
            cycle(core, "warm-up");

            List<String> sent = roundTrips.during(() -> cycle(core, "order-1"));
            System.out.println(database.storageName() + ": one cycle took " + sent.size() + " round trips");
            sent.forEach(call -> System.out.println("  " + call));

            assertThat(sent)
                    .as("what one cycle sent to the database")
                    .hasSizeLessThanOrEqualTo(mostRoundTripsPerCycle());
            assertThat(sent)
                    .as("the commits of one cycle: explicit ones and writes in auto-commit")
                    .filteredOn(RoundTrips::commits)
                    .hasSizeLessThanOrEqualTo(MOST_COMMITS_PER_CYCLE);
            assertThat(database.auditTrail().recent(2, null))
                    .extracting(e -> e.action() + " " + e.target() + " " + e.outcome())
                    .containsExactly(
                            "transaction.release transaction order-1 OK", "transaction.create transaction order-1 OK");
        }
    }

    @Test
    void a_restart_with_the_same_layout_and_nothing_to_forget_commits_nothing() {
        RoundTrips roundTrips = new RoundTrips();
        try (Database database = open(roundTrips::around)) {
            database.settingsStore().gatewayId("gateway-1");
            core(database);

            // What a start does again (the standalone server asks for the gateway id first): it
            // finds everything as it left it, so it only reads.
            List<String> sent = roundTrips.during(() -> {
                assertThat(database.settingsStore().gatewayId("another")).isEqualTo("gateway-1");
                core(database);
            });

            assertThat(sent).as("what the restart sent").isNotEmpty();
            assertThat(sent).as("its commits").filteredOn(RoundTrips::commits).isEmpty();
        }
    }

    private static void cycle(HarborCore core, String id) {
        TransactionId transaction = new TransactionId(id);
        assertThat(core.createTransaction().create(new CreateTransaction.Command(transaction, "small")))
                .isInstanceOf(CreateTransaction.Result.Created.class);
        assertThat(core.releaseTransaction().release(transaction))
                .isInstanceOf(ReleaseTransaction.Outcome.Released.class);
    }

    private static HarborCore core(Database database) {
        ScriptedLockBoard board = new ScriptedLockBoard();
        HarborCore core = new HarborCore(new HarborCore.Parts(
                new HarborCore.Stores(
                        database.lockerStore(),
                        database.transactionStore(),
                        database.controllerStore(),
                        database.layoutStore(),
                        database.settingsStore(),
                        database.externalDeviceStore(),
                        database.auditTrail(),
                        database.adminUserStore(),
                        database.sessionStore(),
                        database.loginFailureStore(),
                        database.webhookDeliveries(),
                        database.remoteCommandLog(),
                        database.storageName(),
                        database::isUp,
                        DatabaseBackups.NONE),
                observer -> board,
                Clock.systemUTC(),
                new HarborCore.Identity("gateway-1", "test"),
                RuntimeSettings.defaults("Harbor"),
                DeviceTimeouts.DEFAULTS,
                Duration.ofMillis(1),
                HostSystem.UNKNOWN,
                ControllerDiscovery.DISABLED,
                (level, limit, since) -> List.of(),
                level -> {},
                ErrorReporter.DISABLED,
                WebhookVerifier.REFUSE_ALL,
                new HarborCore.Administration(
                        new SaltedSha256PasswordHasher(), AuthSettings.DEFAULTS, () -> {}, Duration.ZERO),
                Optional.empty(),
                GatewayMetrics.NOOP));
        core.start(new Layout(
                List.of(
                        new Layout.LockerTypeSpec("small", "Small", null, null, null, null),
                        new Layout.LockerTypeSpec("large", "Large", null, null, null, null)),
                List.of(new Layout.BankTypeSpec("Four", null, false, List.of("small", "small", "large", "large"))),
                List.of(new Layout.ControllerSpec(
                        "Tower",
                        new BoardEndpoint(
                                Protocol.KERONG_CU16, new Transport.Simulated("bus-1"), 0, ProtocolOptions.DEFAULTS),
                        "Four"))));
        return core;
    }
}
