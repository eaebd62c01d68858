package dev.harbor.application.transaction;

import dev.harbor.domain.transaction.TransactionId;
import java.util.List;
import java.util.Optional;

/** Reading transactions: only active (not released) ones are visible. */
public interface QueryTransactions {

    /** Active transactions, oldest first. */
    List<TransactionView> active();

    Optional<TransactionView> find(TransactionId id);
}
