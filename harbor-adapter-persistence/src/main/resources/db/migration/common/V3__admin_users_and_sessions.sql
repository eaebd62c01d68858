-- Admin users and their sessions. Only hashes are stored: a bcrypt hash of each password and
-- the SHA-256 of each session token, so a copy of the database hands out no credentials.

CREATE TABLE admin_users (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash TEXT        NOT NULL
);

CREATE TABLE admin_sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    username   VARCHAR(64) NOT NULL REFERENCES admin_users (username) ON DELETE CASCADE,
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL
);

CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires_at);
