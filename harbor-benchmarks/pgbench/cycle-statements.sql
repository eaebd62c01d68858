-- The same cycle as cycle-minimal.sql, one statement per round trip: the create is one database
-- transaction of two statements (take the locker with UPDATE … RETURNING, insert the
-- transaction), the release another (end the transaction with UPDATE … RETURNING, free its
-- locker). pgbench sends BEGIN and COMMIT as round trips of their own, so this is 8 round trips
-- per cycle; PgJDBC sends BEGIN with the first statement, so a JDBC client doing exactly this
-- makes 6. Run like cycle-minimal.sql; pgbench counts one transaction per run of this file.
\set n :n + 1
BEGIN;
UPDATE lockers
   SET device_state = 'BOOKED',
       device_changed_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
       device_timeout_at = NULL,
       holder = concat('pgs', :run::bigint, '-', :client_id::int, '-', :n::bigint),
       device_pending_state = NULL,
       device_return_state = NULL,
       device_booking_expires_at = NULL
 WHERE id = (SELECT id FROM lockers
              WHERE device_state = 'UNLOCKED' AND holder IS NULL AND NOT out_of_service
              ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id AS taken_id, device_changed_at AS taken_at \gset
INSERT INTO transactions (id, locker_id, created_at, open_count, released_at)
VALUES (concat('pgs', :run::bigint, '-', :client_id::int, '-', :n::bigint), :taken_id::bigint, :taken_at::bigint, 0, NULL);
COMMIT;
BEGIN;
UPDATE transactions
   SET released_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint
 WHERE id = concat('pgs', :run::bigint, '-', :client_id::int, '-', :n::bigint) AND released_at IS NULL
RETURNING locker_id AS ended_locker, released_at AS ended_at \gset
UPDATE lockers
   SET device_state = 'UNLOCKED',
       device_changed_at = :ended_at::bigint,
       device_timeout_at = NULL,
       holder = NULL,
       device_pending_state = NULL,
       device_return_state = NULL,
       device_booking_expires_at = NULL
 WHERE id = :ended_locker::bigint;
COMMIT;
