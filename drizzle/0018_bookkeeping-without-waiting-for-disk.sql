-- Claiming an event, renewing its lease and marking it finished are bookkeeping that a crash
-- may lose without harm: a lost claim is taken again, a lost "done" replays the recorded reply
-- (the documented duplicate attempt). Each is now one statement that commits without waiting
-- for the disk (a transaction-local synchronous_commit = off, set inside the function), so that
-- on PGlite it is one call into the server instead of a transaction of four (begin, setting,
-- statement, commit), and on PostgreSQL its commit no longer waits for a flush. The next commit
-- that does wait (an inbox insert, a handler's transaction) flushes the log up to it.
-- claim_next_event keeps its arguments and answer (0017), so instances of the previous
-- version keep working during a deploy.
CREATE OR REPLACE FUNCTION claim_next_event(p_chat text, p_worker text, p_lease_seconds int,
  p_max_attempts int, p_sender_cap int)
RETURNS TABLE (webhook_event_id text, chat_id text, received_at timestamptz, attempts smallint,
  payload jsonb, applied_at timestamptz, reply jsonb, more boolean, sender_earlier int)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(hashtext('webhook-chat:' || p_chat));
  RETURN QUERY
  WITH busy AS (
    SELECT 1 FROM webhook_events b
    WHERE b.chat_id = p_chat AND b.status = 'processing'
      AND b.claimed_at > now() - make_interval(secs => p_lease_seconds)
    LIMIT 1
  ), next AS (
    SELECT n.webhook_event_id FROM webhook_events n
    WHERE n.chat_id = p_chat
      AND (n.status = 'pending'
        OR (n.status = 'processing' AND n.attempts < p_max_attempts
          AND n.claimed_at <= now() - make_interval(secs => p_lease_seconds)))
      AND NOT EXISTS (SELECT 1 FROM busy)
    ORDER BY n.occurred_at, n.webhook_event_id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
  )
  UPDATE webhook_events e
  SET status = 'processing', claimed_at = now(), claimed_by = p_worker, attempts = e.attempts + 1
  FROM next WHERE e.webhook_event_id = next.webhook_event_id
  RETURNING e.webhook_event_id, e.chat_id, e.received_at, e.attempts, e.payload, e.applied_at,
    e.reply,
    EXISTS (SELECT 1 FROM webhook_events o
            WHERE o.chat_id = e.chat_id AND o.status = 'pending'
              AND o.webhook_event_id <> e.webhook_event_id),
    (SELECT count(*)::int FROM (
      SELECT 1 FROM webhook_events s
      WHERE s.sender_id = e.sender_id
        AND s.occurred_at >= to_timestamp(floor(extract(epoch FROM e.occurred_at) / 60) * 60)
        AND s.occurred_at < to_timestamp(floor(extract(epoch FROM e.occurred_at) / 60) * 60 + 60)
        AND (s.occurred_at < e.occurred_at
          OR (s.occurred_at = e.occurred_at AND s.webhook_event_id < e.webhook_event_id))
      LIMIT p_sender_cap) earlier);
END
$$;
--> statement-breakpoint
-- Finishing: the status, when, the failure's description (by kind only), and what was said in
-- the event cleared (its id, kind and time kept for deduplication). Only the worker holding the
-- claim may: one that lost its lease leaves the row to the new owner. True when it did.
CREATE FUNCTION finish_webhook_event(p_id text, p_worker text, p_status text, p_error text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  UPDATE webhook_events
  SET status = p_status, processed_at = now(), last_error = p_error, reply = NULL,
    payload = jsonb_strip_nulls(jsonb_build_object(
      'type', payload->'type', 'mode', payload->'mode', 'timestamp', payload->'timestamp',
      'webhookEventId', payload->'webhookEventId',
      'message', CASE WHEN jsonb_typeof(payload->'message') = 'object'
        THEN jsonb_build_object('type', payload->'message'->'type') END))
  WHERE webhook_event_id = p_id AND claimed_by = p_worker AND status = 'processing';
  RETURN FOUND;
END
$$;
--> statement-breakpoint
-- The worker is alive: the leases of every event it is processing start again.
CREATE FUNCTION renew_webhook_leases(p_worker text)
RETURNS int
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
DECLARE
  renewed int;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  UPDATE webhook_events SET claimed_at = now()
  WHERE claimed_by = p_worker AND status = 'processing';
  GET DIAGNOSTICS renewed = ROW_COUNT;
  RETURN renewed;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION finish_webhook_event(text, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION finish_webhook_event(text, text, text, text) TO home_log_app;
--> statement-breakpoint
REVOKE ALL ON FUNCTION renew_webhook_leases(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION renew_webhook_leases(text) TO home_log_app;
