-- Failed admin sign-ins per client (spec/admin-api.md: repeated failures are refused for a
-- while), so that a restart does not clear a lockout. The same SQL for SQLite and PostgreSQL.
-- A row means nothing from forget_at on, and is deleted then: the table holds only clients that
-- failed recently. Instants are epoch milliseconds.

CREATE TABLE login_failures (
    client_key   VARCHAR(255) PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    window_start BIGINT,
    locked_until BIGINT,
    lockouts     INTEGER      NOT NULL,
    last_failure BIGINT,
    forget_at    BIGINT       NOT NULL
);

CREATE INDEX login_failures_by_forget_at ON login_failures (forget_at);
