-- A worker on PostgreSQL can say it is alive by holding a session-level advisory lock for as long
-- as it runs: PostgreSQL drops a session's locks when its connection closes, which a killed
-- process's connection does at once. Such a worker's id starts with 'lock:'. Its claims are
-- released as soon as its lock is gone, instead of 4 s after their last renewal (the lease,
-- which stays for every other worker, and for a worker that holds its lock but froze).
--
-- The lock's keys: a constant for this use, and the hash of the worker id (two int4 keys, so
-- they cannot meet the one-bigint keys of the migration lock or of the per-chat claim locks).
CREATE OR REPLACE FUNCTION hold_worker_lock(p_worker text) RETURNS void
LANGUAGE sql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
  SELECT pg_advisory_lock(1213484364, hashtext(p_worker));
$$;
--> statement-breakpoint
-- The chats whose events were claimed by a 'lock:' worker that no longer holds its lock: those
-- events wait again (their attempt stays counted: it may be what killed the worker). Claims
-- younger than a second are left alone: a claim is made after the lock is taken, so only a
-- lock lost with its connection (the worker takes it again) could make a fresh claim look dead.
CREATE OR REPLACE FUNCTION release_dead_workers_claims() RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  RETURN QUERY
  UPDATE webhook_events e SET status = 'pending', claimed_by = NULL
  WHERE e.status = 'processing' AND e.claimed_by LIKE 'lock:%'
    AND e.claimed_at <= now() - interval '1 second'
    AND NOT EXISTS (
      SELECT 1 FROM pg_locks l
      WHERE l.locktype = 'advisory' AND l.objsubid = 2 AND l.granted
        AND l.classid = 1213484364
        AND l.objid = (hashtext(e.claimed_by)::bigint & 4294967295)::oid)
  RETURNING e.chat_id;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION hold_worker_lock(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION hold_worker_lock(text) TO home_log_app;
--> statement-breakpoint
REVOKE ALL ON FUNCTION release_dead_workers_claims() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION release_dead_workers_claims() TO home_log_app;
