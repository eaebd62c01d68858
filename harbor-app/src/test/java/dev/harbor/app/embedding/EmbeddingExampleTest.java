package dev.harbor.app.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.Harbor;
import dev.harbor.app.HarborStores;
import dev.harbor.app.layout.DemoLayout;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.domain.transaction.TransactionId;
import dev.harbor.hardware.BusLockBoard;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SimulatedBuses;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, as written there, must compile and work. */
class EmbeddingExampleTest {

    @TempDir
    Path dataDir;

    @Test
    void the_readme_example_creates_a_transaction_and_opens_its_locker() throws Exception {
        List<OpenResult> opened = new ArrayList<>();
        // --- begin README example (keep in step with README.md "Embedding Harbor") ---
        SimulatedBuses simulated = new SimulatedBuses(SimulatorSettings.DEFAULTS);
        try (Database database = Database.sqlite(dataDir);
                Harbor harbor = Harbor.builder()
                        .stores(HarborStores.of(database))
                        .lockBoard(observer -> new BusLockBoard(
                                observer,
                                Clock.systemUTC(),
                                BusLockBoardSettings.DEFAULTS,
                                BusLinkFactory.serialAndTcp().or(simulated.linkFactory())))
                        .layout(DemoLayout.create())
                        .build()) {
            harbor.start();
            CreateTransaction.Result result = harbor.createTransaction()
                    .create(new CreateTransaction.Command(new TransactionId("order-1138"), "medium"));
            if (result instanceof CreateTransaction.Result.Created created) {
                opened.add(harbor.openLocker()
                        .openForTransaction(created.transaction().transactionId()));
            }
        }
        // --- end README example ---

        assertThat(opened).singleElement().isInstanceOf(OpenResult.Opened.class);
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme)
                .as("README shows this example")
                .contains("harbor.openLocker().openForTransaction(created.transaction().transactionId());")
                .contains("SimulatedBuses simulated = new SimulatedBuses(SimulatorSettings.DEFAULTS);")
                .contains("BusLinkFactory.serialAndTcp().or(simulated.linkFactory())))");
    }
}
