-- The runtime settings become one typed row (id 1) instead of name-value strings. What earlier
-- versions stored under the names below is copied over, then removed from the name-value table,
-- which from now on holds only the gateway's id.
CREATE TABLE runtime_settings (
    id                           SMALLINT PRIMARY KEY CHECK (id = 1),
    name                         TEXT     NOT NULL,
    door_attempt_timeout_ms      BIGINT   NOT NULL,
    door_max_attempts            INTEGER  NOT NULL,
    door_delay_ms                BIGINT   NOT NULL,
    heartbeat_unhealthy_after_ms BIGINT   NOT NULL,
    heartbeat_dead_after_ms      BIGINT   NOT NULL,
    heartbeat_long_dead_after_ms BIGINT   NOT NULL,
    log_level                    TEXT     NOT NULL
);

-- Earlier versions always wrote all eight names together; a partial set is left where it is.
INSERT INTO runtime_settings (
    id, name, door_attempt_timeout_ms, door_max_attempts, door_delay_ms,
    heartbeat_unhealthy_after_ms, heartbeat_dead_after_ms, heartbeat_long_dead_after_ms, log_level)
SELECT 1,
       (SELECT value FROM settings WHERE name = 'name'),
       CAST((SELECT value FROM settings WHERE name = 'doorOpen.attemptTimeoutMs') AS BIGINT),
       CAST((SELECT value FROM settings WHERE name = 'doorOpen.maxAttempts') AS INTEGER),
       CAST((SELECT value FROM settings WHERE name = 'doorOpen.delayMs') AS BIGINT),
       CAST((SELECT value FROM settings WHERE name = 'heartbeat.unhealthyAfterMs') AS BIGINT),
       CAST((SELECT value FROM settings WHERE name = 'heartbeat.deadAfterMs') AS BIGINT),
       CAST((SELECT value FROM settings WHERE name = 'heartbeat.longDeadAfterMs') AS BIGINT),
       (SELECT value FROM settings WHERE name = 'logLevel')
WHERE (SELECT COUNT(*) FROM settings WHERE name IN (
           'name', 'doorOpen.attemptTimeoutMs', 'doorOpen.maxAttempts', 'doorOpen.delayMs',
           'heartbeat.unhealthyAfterMs', 'heartbeat.deadAfterMs', 'heartbeat.longDeadAfterMs',
           'logLevel')) = 8;

DELETE FROM settings
WHERE name IN (
          'name', 'doorOpen.attemptTimeoutMs', 'doorOpen.maxAttempts', 'doorOpen.delayMs',
          'heartbeat.unhealthyAfterMs', 'heartbeat.deadAfterMs', 'heartbeat.longDeadAfterMs',
          'logLevel')
  AND EXISTS (SELECT 1 FROM runtime_settings);
