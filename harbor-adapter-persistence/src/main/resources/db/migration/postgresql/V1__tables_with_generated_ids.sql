-- Tables whose ids the database generates. PostgreSQL: identity columns (GENERATED ALWAYS, so
-- nobody inserts an id by hand; a sequence never hands one out twice). Keep in step with
-- ../sqlite/V1__tables_with_generated_ids.sql: only the id columns differ.

CREATE TABLE locker_types (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        VARCHAR(64)  NOT NULL UNIQUE,
    name        TEXT         NOT NULL,
    description TEXT,
    width_mm    INTEGER CHECK (width_mm > 0),
    height_mm   INTEGER CHECK (height_mm > 0),
    depth_mm    INTEGER CHECK (depth_mm > 0),
    created_at  BIGINT       NOT NULL
);

CREATE TABLE bank_types (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name TEXT    NOT NULL UNIQUE,
    description   TEXT,
    is_debug      BOOLEAN NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE controllers (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    protocol          VARCHAR(32)  NOT NULL,
    transport_type    VARCHAR(16)  NOT NULL,
    serial_port       VARCHAR(255),
    serial_baud_rate  INTEGER,
    tcp_host          VARCHAR(255),
    tcp_port          INTEGER,
    simulated_bus     VARCHAR(255),
    bus_key           VARCHAR(300) NOT NULL,
    board_address     INTEGER      NOT NULL,
    feedback_polarity VARCHAR(32)  NOT NULL,
    status_byte_order VARCHAR(32)  NOT NULL,
    bank_type_id      BIGINT REFERENCES bank_types (id),
    discovered_via    VARCHAR(16)  NOT NULL,
    created_at        BIGINT       NOT NULL,
    CONSTRAINT controllers_one_board_per_bus_address UNIQUE (bus_key, board_address),
    CONSTRAINT controllers_transport_fields CHECK (
        (transport_type = 'serial' AND serial_port IS NOT NULL AND serial_baud_rate IS NOT NULL
            AND tcp_host IS NULL AND tcp_port IS NULL AND simulated_bus IS NULL)
        OR (transport_type = 'tcp' AND tcp_host IS NOT NULL AND tcp_port IS NOT NULL
            AND serial_port IS NULL AND serial_baud_rate IS NULL AND simulated_bus IS NULL)
        OR (transport_type = 'simulated' AND simulated_bus IS NOT NULL
            AND serial_port IS NULL AND serial_baud_rate IS NULL AND tcp_host IS NULL AND tcp_port IS NULL))
);

-- A locker's device status is stored component by component (dev.harbor.domain.device.DeviceStatus),
-- so that compare-and-set can compare every one of them in SQL.
CREATE TABLE lockers (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    controller_id             BIGINT      NOT NULL REFERENCES controllers (id),
    bank_locker_number        INTEGER     NOT NULL CHECK (bank_locker_number >= 1),
    locker_type_id            BIGINT      NOT NULL REFERENCES locker_types (id),
    device_state              VARCHAR(16) NOT NULL,
    device_changed_at         BIGINT      NOT NULL,
    device_timeout_at         BIGINT,
    holder                    VARCHAR(64),
    device_pending_state      VARCHAR(16),
    device_return_state       VARCHAR(16),
    device_booking_expires_at BIGINT,
    out_of_service            BOOLEAN     NOT NULL,
    reason_code               VARCHAR(32),
    reason                    VARCHAR(500),
    door_open                 BOOLEAN,
    CONSTRAINT lockers_one_per_bank_number UNIQUE (controller_id, bank_locker_number),
    CONSTRAINT lockers_known_states CHECK (
        device_state IN ('UNLOCKED', 'ALLOCATED', 'BOOKED', 'LOCKING', 'LOCKED', 'UNLOCKING')),
    CONSTRAINT lockers_free_means_unheld CHECK (device_state <> 'UNLOCKED' OR holder IS NULL),
    CONSTRAINT lockers_out_of_service_has_reason CHECK (NOT out_of_service OR reason_code IS NOT NULL)
);

CREATE TABLE audit_trail (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      BIGINT NOT NULL,
    actor   TEXT   NOT NULL,
    action  TEXT   NOT NULL,
    target  TEXT,
    outcome TEXT   NOT NULL,
    detail  TEXT
);
