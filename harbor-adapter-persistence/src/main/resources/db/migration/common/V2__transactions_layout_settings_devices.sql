-- Same SQL for SQLite and PostgreSQL. Timestamps are epoch milliseconds (BIGINT).

CREATE TABLE bank_type_lockers (
    bank_type_id       BIGINT  NOT NULL REFERENCES bank_types (id) ON DELETE CASCADE,
    bank_locker_number INTEGER NOT NULL CHECK (bank_locker_number >= 1),
    locker_type_id     BIGINT  NOT NULL REFERENCES locker_types (id),
    PRIMARY KEY (bank_type_id, bank_locker_number)
);

-- A transaction id is the primary key and rows are never deleted, so an id is never reused.
-- locker_id has no foreign key on purpose: released transactions stay as history after their
-- locker was removed with its controller.
CREATE TABLE transactions (
    id          VARCHAR(64) PRIMARY KEY,
    locker_id   BIGINT      NOT NULL,
    created_at  BIGINT      NOT NULL,
    open_count  INTEGER     NOT NULL DEFAULT 0 CHECK (open_count >= 0),
    released_at BIGINT
);

-- The database itself forbids handing one locker to two active transactions.
CREATE UNIQUE INDEX transactions_one_active_per_locker ON transactions (locker_id) WHERE released_at IS NULL;

CREATE INDEX transactions_active_oldest_first ON transactions (created_at, id) WHERE released_at IS NULL;

-- ... and one holder (a transaction id) holding two lockers.
CREATE UNIQUE INDEX lockers_one_per_holder ON lockers (holder) WHERE holder IS NOT NULL;

CREATE INDEX audit_trail_newest_first ON audit_trail (at, id);

CREATE TABLE settings (
    name  VARCHAR(100) PRIMARY KEY,
    value TEXT         NOT NULL
);

CREATE TABLE external_devices (
    device_id        TEXT   PRIMARY KEY,
    device_type      TEXT,
    status           TEXT,
    software_version TEXT,
    details          TEXT,
    received_at      BIGINT NOT NULL
);
