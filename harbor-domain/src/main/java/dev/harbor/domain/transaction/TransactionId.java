package dev.harbor.domain.transaction;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.regex.Pattern;

/** A client-chosen transaction id: 1-64 characters of {@code [A-Za-z0-9._:-]} (local-api.md). */
public record TransactionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public TransactionId {
        if (!isValid(value)) {
            throw new InvalidValueException(
                    "transactionId", "transactionId must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
