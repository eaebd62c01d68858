package dev.harbor.application.transaction;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.locker.LockerAvailability;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.domain.device.DeviceStateMachine;
import java.time.Clock;

/**
 * The transaction use cases, built over the driven ports. It exists because the application is
 * assembled in another package: the service behind these ports stays package-private, and the
 * assembly sees only what it hands out.
 */
public record TransactionUseCases(CreateTransaction create, QueryTransactions query, ReleaseTransaction release) {

    public static TransactionUseCases over(
            TransactionStore transactions,
            LockerStore lockers,
            LayoutStore layout,
            LockerAvailability availability,
            RemoteBookings remote,
            DeviceStateMachine machine,
            Auditor auditor,
            Clock clock) {
        TransactionService service =
                new TransactionService(transactions, lockers, layout, availability, remote, machine, auditor, clock);
        return new TransactionUseCases(service, service, service);
    }

    /** The same use cases, telling {@code metrics} of each transaction created and released. */
    public TransactionUseCases measuredBy(GatewayMetrics metrics) {
        CreateTransaction measuredCreate = (command, actor) -> {
            CreateTransaction.Result result = create.create(command, actor);
            if (result instanceof CreateTransaction.Result.Created) {
                metrics.transactionCreated();
            }
            return result;
        };
        ReleaseTransaction measuredRelease = (id, actor) -> {
            ReleaseTransaction.Outcome outcome = release.release(id, actor);
            if (outcome instanceof ReleaseTransaction.Outcome.Released) {
                metrics.transactionReleased();
            }
            return outcome;
        };
        return new TransactionUseCases(measuredCreate, query, measuredRelease);
    }
}
