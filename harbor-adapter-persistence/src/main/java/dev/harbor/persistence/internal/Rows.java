package dev.harbor.persistence.internal;

import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** Row mappers and bindings shared by the stores. A row the domain refuses fails loudly. */
public final class Rows {

    public static final String LOCKER_COLUMNS = "id, controller_id, bank_locker_number, locker_type_id, "
            + DeviceColumns.NAMES + ", out_of_service, reason_code, reason, door_open, "
            + "external_system, external_device_id, external_alias, external_code";

    public static final RowMapper<Locker> LOCKER = (rs, ctx) -> new Locker(
            LockerId.of(rs.getLong("id")),
            ControllerId.of(rs.getLong("controller_id")),
            rs.getInt("bank_locker_number"),
            new LockerTypeId(rs.getLong("locker_type_id")),
            DeviceColumns.read(rs),
            new ServiceState(
                    rs.getBoolean("out_of_service"),
                    Columns.enumValue(rs, "reason_code", ReasonCode.class),
                    rs.getString("reason")),
            Columns.bool(rs, "door_open"),
            external(rs));

    /** Binds {@code :externalSystem, :externalDeviceId, :externalAlias, :externalCode}; all null for none. */
    public static <S extends SqlStatement<S>> S bindExternal(S statement, ExternalDevice external) {
        return statement
                .bind("externalSystem", external == null ? null : external.system())
                .bind("externalDeviceId", external == null ? null : external.deviceId())
                .bind("externalAlias", external == null ? null : external.alias())
                .bind("externalCode", external == null ? null : external.code());
    }

    private static ExternalDevice external(ResultSet rs) throws SQLException {
        String deviceId = rs.getString("external_device_id");
        return deviceId == null
                ? null
                : new ExternalDevice(
                        rs.getString("external_system"),
                        deviceId,
                        rs.getString("external_alias"),
                        rs.getString("external_code"));
    }

    public static final String TRANSACTION_COLUMNS = "id, locker_id, created_at, open_count, released_at";

    public static final RowMapper<Transaction> TRANSACTION = (rs, ctx) -> new Transaction(
            new TransactionId(rs.getString("id")),
            LockerId.of(rs.getLong("locker_id")),
            Columns.instant(rs, "created_at"),
            rs.getInt("open_count"),
            Columns.instant(rs, "released_at"));

    /** Oldest first; among transactions created in the same millisecond, by id. */
    public static final Comparator<Transaction> OLDEST_FIRST =
            Comparator.comparing(Transaction::createdAt).thenComparing(t -> t.id().value());

    /** The controller columns, prefixed {@code c.}, and its locker count from {@code lockers}. */
    public static final String CONTROLLER_COLUMNS = "c.id, c.name, c.protocol, c.transport_type, c.serial_port, "
            + "c.serial_baud_rate, c.tcp_host, c.tcp_port, c.simulated_bus, c.remote_location_id, c.board_address, c.feedback_polarity, "
            + "c.status_byte_order, c.bank_type_id, c.discovered_via, c.created_at, "
            + "(SELECT COUNT(*) FROM lockers l WHERE l.controller_id = c.id) AS locker_count";

    public static final RowMapper<Controller> CONTROLLER = (rs, ctx) -> {
        long bankTypeId = rs.getLong("bank_type_id");
        BankTypeId bankType = rs.wasNull() ? null : new BankTypeId(bankTypeId);
        return new Controller(
                ControllerId.of(rs.getLong("id")),
                rs.getString("name"),
                endpoint(rs),
                bankType,
                rs.getInt("locker_count"),
                DiscoveredVia.valueOf(rs.getString("discovered_via")),
                Columns.instant(rs, "created_at"));
    };

    /** Binds {@code :protocol, :transportType, ... :remoteLocationId, ... :statusByteOrder} for a controller. */
    public static <S extends SqlStatement<S>> S bindEndpoint(S statement, BoardEndpoint endpoint) {
        Transport transport = endpoint.transport();
        String serialPort = null;
        Integer baudRate = null;
        String tcpHost = null;
        Integer tcpPort = null;
        String simulatedBus = null;
        String remoteLocationId = null;
        if (transport instanceof Transport.Serial) {
            Transport.Serial serial = (Transport.Serial) transport;
            serialPort = serial.port();
            baudRate = serial.baudRate();
        } else if (transport instanceof Transport.Tcp) {
            Transport.Tcp tcp = (Transport.Tcp) transport;
            tcpHost = tcp.host();
            tcpPort = tcp.port();
        } else if (transport instanceof Transport.Simulated) {
            simulatedBus = ((Transport.Simulated) transport).bus();
        } else if (transport instanceof Transport.Bikeep) {
            remoteLocationId = ((Transport.Bikeep) transport).locationId();
        } else {
            throw new IllegalArgumentException("no columns for transport " + transport.type());
        }
        return statement
                .bind("protocol", endpoint.protocol().id())
                .bind("transportType", transport.type())
                .bind("serialPort", serialPort)
                .bind("serialBaudRate", baudRate)
                .bind("tcpHost", tcpHost)
                .bind("tcpPort", tcpPort)
                .bind("simulatedBus", simulatedBus)
                .bind("remoteLocationId", remoteLocationId)
                .bind("busKey", transport.busKey())
                .bind("boardAddress", endpoint.boardAddress())
                .bind("feedbackPolarity", endpoint.options().feedbackPolarity().name())
                .bind("statusByteOrder", endpoint.options().statusByteOrder().name());
    }

    private static BoardEndpoint endpoint(ResultSet rs) throws SQLException {
        String protocolId = rs.getString("protocol");
        Protocol protocol = Protocol.fromId(protocolId)
                .orElseThrow(() -> new IllegalStateException("unknown protocol in the database: " + protocolId));
        String type = rs.getString("transport_type");
        Transport transport;
        switch (type) {
            case "serial":
                transport = new Transport.Serial(rs.getString("serial_port"), rs.getInt("serial_baud_rate"));
                break;
            case "tcp":
                transport = new Transport.Tcp(rs.getString("tcp_host"), rs.getInt("tcp_port"));
                break;
            case "simulated":
                transport = new Transport.Simulated(rs.getString("simulated_bus"));
                break;
            case "bikeep":
                transport = new Transport.Bikeep(rs.getString("remote_location_id"));
                break;
            default:
                throw new IllegalStateException("unknown transport type in the database: " + type);
        }
        ProtocolOptions options = new ProtocolOptions(
                ProtocolOptions.FeedbackPolarity.valueOf(rs.getString("feedback_polarity")),
                ProtocolOptions.StatusByteOrder.valueOf(rs.getString("status_byte_order")));
        return new BoardEndpoint(protocol, transport, rs.getInt("board_address"), options);
    }

    private Rows() {}
}
