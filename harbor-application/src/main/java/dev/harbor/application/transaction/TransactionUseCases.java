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
            Clock clock,
            GatewayMetrics metrics) {
        TransactionService service = new TransactionService(
                transactions, lockers, layout, availability, remote, machine, auditor, metrics, clock);
        return new TransactionUseCases(service, service, service);
    }
}
