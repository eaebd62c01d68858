-- A Bikeep location as a controller, its devices as lockers, and the log of the commands sent to
-- them (spec/bikeep.md). Keep in step with ../sqlite/V6__bikeep_locations_and_remote_commands.sql:
-- the resulting schemas must agree (MigrationDriftTest), though the statements differ, because
-- SQLite cannot change a CHECK constraint in place.

-- controllers: a location's id, and a transport check that admits 'bikeep'. A location's bus key
-- is 'bikeep:<location id>' at board address 0, so the unique (bus_key, board_address) lets each
-- location be added once.
ALTER TABLE controllers ADD COLUMN remote_location_id VARCHAR(100);

ALTER TABLE controllers DROP CONSTRAINT controllers_transport_fields;

ALTER TABLE controllers ADD CONSTRAINT controllers_transport_fields CHECK (
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
        AND simulated_bus IS NULL));

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
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
