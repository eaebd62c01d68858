package com.example.locker;

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
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Harbor inside another program: book a medium locker for an order and open its door. */
public final class EmbeddedLocker {

    private EmbeddedLocker() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        System.out.println(bookAndOpen(dataDir).map(Object::toString).orElse("no medium locker free"));
    }

    /** What opening the booked locker gave, or empty when no locker could be booked. */
    public static Optional<OpenResult> bookAndOpen(Path dataDir) {
        // The demo layout's boards are simulated: their buses come from the simulator, real ones from jSerialComm or TCP.
        SimulatedBuses simulated = new SimulatedBuses(SimulatorSettings.DEFAULTS);
        try (Database database = Database.sqlite(dataDir);
                Harbor harbor = Harbor.builder()
                        .stores(HarborStores.of(database))
                        .lockBoard(observer -> new BusLockBoard(observer, Clock.systemUTC(), BusLockBoardSettings.DEFAULTS,
                                BusLinkFactory.serialAndTcp().or(simulated.linkFactory())))
                        .layout(DemoLayout.create())
                        .build()) {
            harbor.start();
            CreateTransaction.Result result = harbor.createTransaction()
                    .create(new CreateTransaction.Command(new TransactionId("order-1138"), "medium"));
            if (result instanceof CreateTransaction.Result.Created created) {
                return Optional.of(harbor.openLocker().openForTransaction(created.transaction().transactionId()));
            }
            return Optional.empty();
        }
    }
}
