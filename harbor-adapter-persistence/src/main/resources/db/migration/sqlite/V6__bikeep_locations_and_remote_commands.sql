-- A Bikeep location as a controller, its devices as lockers, and the log of the commands sent to
-- them (spec/bikeep.md). Keep in step with ../postgresql/V6__bikeep_locations_and_remote_commands.sql:
-- the resulting schemas must agree (MigrationDriftTest), though the statements differ, because
-- SQLite cannot change a CHECK constraint in place.

-- controllers: the transport check must admit 'bikeep', so the table is rebuilt (SQLite's recipe;
-- Flyway runs this with foreign keys off, and Database checks them all afterwards). A location's
-- bus key is 'bikeep:<location id>' at board address 0, so the unique (bus_key, board_address)
-- lets each location be added once.
CREATE TABLE controllers_v6 (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               VARCHAR(100) NOT NULL,
    protocol           VARCHAR(32)  NOT NULL,
    transport_type     VARCHAR(16)  NOT NULL,
    serial_port        VARCHAR(255),
    serial_baud_rate   INTEGER,
    tcp_host           VARCHAR(255),
    tcp_port           INTEGER,
    simulated_bus      VARCHAR(255),
    bus_key            VARCHAR(300) NOT NULL,
    board_address      INTEGER      NOT NULL,
    feedback_polarity  VARCHAR(32)  NOT NULL,
    status_byte_order  VARCHAR(32)  NOT NULL,
    bank_type_id       BIGINT REFERENCES bank_types (id),
    discovered_via     VARCHAR(16)  NOT NULL,
    created_at         BIGINT       NOT NULL,
    remote_location_id VARCHAR(100),
    CONSTRAINT controllers_one_board_per_bus_address UNIQUE (bus_key, board_address),
    CONSTRAINT controllers_transport_fields CHECK (
        (transport_type = 'serial' AND serial_port IS NOT NULL AND serial_baud_rate IS NOT NULL
            AND tcp_host IS NULL AND tcp_port IS NULL AND simulated_bus IS NULL AND remote_location_id IS NULL)
        OR (transport_type = 'tcp' AND tcp_host IS NOT NULL AND tcp_port IS NOT NULL
            AND serial_port IS NULL AND serial_baud_rate IS NULL AND simulated_bus IS NULL
            AND remote_location_id IS NULL)
        OR (transport_type = 'simulated' AND simulated_bus IS NOT NULL
            AND serial_port IS NULL AND serial_baud_rate IS NULL AND tcp_host IS NULL AND tcp_port IS NULL
            AND remote_location_id IS NULL)
        OR (transport_type = 'bikeep' AND remote_location_id IS NOT NULL
            AND serial_port IS NULL AND serial_baud_rate IS NULL AND tcp_host IS NULL AND tcp_port IS NULL
            AND simulated_bus IS NULL))
);

INSERT INTO controllers_v6 (
    id, name, protocol, transport_type, serial_port, serial_baud_rate, tcp_host, tcp_port, simulated_bus,
    bus_key, board_address, feedback_polarity, status_byte_order, bank_type_id, discovered_via, created_at)
SELECT id, name, protocol, transport_type, serial_port, serial_baud_rate, tcp_host, tcp_port, simulated_bus,
       bus_key, board_address, feedback_polarity, status_byte_order, bank_type_id, discovered_via, created_at
FROM controllers;

-- The rebuilt table's AUTOINCREMENT must go on from where the old one was, or the id of a removed
-- controller would be handed out again.
UPDATE sqlite_sequence
SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'controllers')
WHERE name = 'controllers_v6' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'controllers');

INSERT INTO sqlite_sequence (name, seq)
SELECT 'controllers_v6', seq FROM sqlite_sequence WHERE name = 'controllers'
  AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'controllers_v6');

DROP TABLE controllers;

ALTER TABLE controllers_v6 RENAME TO controllers;

-- lockers: the remote device a locker stands for; all four NULL for a locker behind our own board.
-- The store writes system and device id together.
ALTER TABLE lockers ADD COLUMN external_system TEXT;
ALTER TABLE lockers ADD COLUMN external_device_id TEXT;
ALTER TABLE lockers ADD COLUMN external_alias TEXT;
ALTER TABLE lockers ADD COLUMN external_code TEXT;

-- A remote device stands behind one locker at most.
CREATE UNIQUE INDEX lockers_one_per_external_device ON lockers (external_system, external_device_id)
    WHERE external_device_id IS NOT NULL;

-- Every command sent to a remote device, written before it is sent (RemoteCommandLog).
-- locker_id has no foreign key on purpose: an entry outlives the lockers of a removed controller,
-- since after a restart it still tells what was sent to the device. transaction_id has none
-- either: the transaction may have been undone.
CREATE TABLE remote_commands (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id VARCHAR(64),
    locker_id      BIGINT      NOT NULL,
    device_id      TEXT        NOT NULL,
    command        VARCHAR(32) NOT NULL,
    purpose        VARCHAR(32) NOT NULL,
    command_id     TEXT,
    state          VARCHAR(16) NOT NULL,
    reason         TEXT,
    created_at     BIGINT      NOT NULL,
    finished_at    BIGINT,
    CONSTRAINT remote_commands_known_states CHECK (
        state IN ('NOT_SENT', 'SENT', 'RECEIVED', 'SUCCESS', 'ERROR'))
);

-- What a restart reads: the few unfinished entries, oldest first, never a scan of the history.
CREATE INDEX remote_commands_unfinished_oldest_first ON remote_commands (created_at, id)
    WHERE finished_at IS NULL;

CREATE INDEX remote_commands_finished_by_age ON remote_commands (finished_at)
    WHERE finished_at IS NOT NULL;
