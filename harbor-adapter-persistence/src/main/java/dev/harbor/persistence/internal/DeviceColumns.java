package dev.harbor.persistence.internal;

import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A {@link DeviceStatus} is stored component by component in the {@code lockers} table. This is
 * the one place that knows the mapping: a new component means a migration and a line in each
 * method below.
 */
public final class DeviceColumns {

    /** {@code col = :prefixcol, ...} for an UPDATE's SET clause. */
    public static String assignments(String prefix) {
        return "device_state = :" + prefix + "state, device_changed_at = :" + prefix + "changedAt, "
                + "device_timeout_at = :" + prefix + "timeoutAt, holder = :" + prefix + "holder, "
                + "device_pending_state = :" + prefix + "pendingState, device_return_state = :" + prefix
                + "returnState, "
                + "device_booking_expires_at = :" + prefix + "bookingExpiresAt";
    }

    /** A WHERE condition true only when every stored component equals the bound one (nulls too). */
    public static String equalTo(String prefix) {
        return "device_state = :" + prefix + "state AND device_changed_at = :" + prefix + "changedAt"
                + " AND device_timeout_at IS NOT DISTINCT FROM :" + prefix + "timeoutAt"
                + " AND holder IS NOT DISTINCT FROM :" + prefix + "holder"
                + " AND device_pending_state IS NOT DISTINCT FROM :" + prefix + "pendingState"
                + " AND device_return_state IS NOT DISTINCT FROM :" + prefix + "returnState"
                + " AND device_booking_expires_at IS NOT DISTINCT FROM :" + prefix + "bookingExpiresAt";
    }

    /** The column list and the matching named parameters, for an INSERT. */
    public static final String NAMES = "device_state, device_changed_at, device_timeout_at, holder, "
            + "device_pending_state, device_return_state, device_booking_expires_at";

    public static String parameters(String prefix) {
        return ":" + prefix + "state, :" + prefix + "changedAt, :" + prefix + "timeoutAt, :" + prefix + "holder, :"
                + prefix + "pendingState, :" + prefix + "returnState, :" + prefix + "bookingExpiresAt";
    }

    public static <S extends SqlStatement<S>> S bind(S statement, String prefix, DeviceStatus status) {
        return statement
                .bind(prefix + "state", status.state().name())
                .bind(prefix + "changedAt", Columns.millis(status.changedAt()))
                .bind(prefix + "timeoutAt", Columns.millis(status.timeoutAt()))
                .bind(prefix + "holder", status.holder())
                .bind(prefix + "pendingState", name(status.pendingState()))
                .bind(prefix + "returnState", name(status.returnState()))
                .bind(prefix + "bookingExpiresAt", Columns.millis(status.bookingExpiresAt()));
    }

    public static DeviceStatus read(ResultSet rs) throws SQLException {
        return new DeviceStatus(
                Columns.enumValue(rs, "device_state", DeviceState.class),
                Columns.instant(rs, "device_changed_at"),
                Columns.instant(rs, "device_timeout_at"),
                rs.getString("holder"),
                Columns.enumValue(rs, "device_pending_state", DeviceState.class),
                Columns.enumValue(rs, "device_return_state", DeviceState.class),
                Columns.instant(rs, "device_booking_expires_at"));
    }

    private static String name(DeviceState state) {
        return state == null ? null : state.name();
    }

    private DeviceColumns() {}
}
