-- One create + release cycle of Harbor's transaction flow in the fewest round trips PostgreSQL
-- allows: two statements, each its own transaction (autocommit), as the gateway's create and
-- release are two requests. pgbench counts one transaction per run of this file, so its tps is
-- cycles per second. Run by harbor-benchmarks/run-http-floors.sh with
--   pgbench -n -M prepared -c 16 -D run=<unique> -D n=0 -f cycle-minimal.sql
-- on a copy of the gateway's lockers and transactions tables (search_path set to the copy).
-- :n counts the cycles of one client (pgbench keeps a client's variables from one run of the
-- script to the next), so the transaction id is unique without a round trip to make one.
\set n :n + 1
-- create: take the first free locker nobody else is taking (SKIP LOCKED), book it for the
-- transaction and insert the transaction, from the row the UPDATE returned.
WITH taken AS (
    UPDATE lockers
       SET device_state = 'BOOKED',
           device_changed_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
           device_timeout_at = NULL,
           holder = concat('pgb', :run::bigint, '-', :client_id::int, '-', :n::bigint),
           device_pending_state = NULL,
           device_return_state = NULL,
           device_booking_expires_at = NULL
     WHERE id = (SELECT id FROM lockers
                  WHERE device_state = 'UNLOCKED' AND holder IS NULL AND NOT out_of_service
                  ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
 RETURNING id, holder, device_changed_at)
INSERT INTO transactions (id, locker_id, created_at, open_count, released_at)
SELECT holder, id, device_changed_at, 0, NULL FROM taken;
-- release: end the active transaction and free its locker, from the locker id the UPDATE returned.
WITH ended AS (
    UPDATE transactions
       SET released_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint
     WHERE id = concat('pgb', :run::bigint, '-', :client_id::int, '-', :n::bigint) AND released_at IS NULL
 RETURNING locker_id, released_at)
UPDATE lockers
   SET device_state = 'UNLOCKED',
       device_changed_at = ended.released_at,
       device_timeout_at = NULL,
       holder = NULL,
       device_pending_state = NULL,
       device_return_state = NULL,
       device_booking_expires_at = NULL
  FROM ended
 WHERE lockers.id = ended.locker_id;
