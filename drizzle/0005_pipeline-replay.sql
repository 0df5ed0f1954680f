ALTER TABLE "webhook_events" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "applied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "reply" jsonb;--> statement-breakpoint
-- Claims the oldest unfinished event of a chat in one round trip (see src/store/webhook-events.ts).
-- The per-chat advisory lock makes the busy check and the claim one step across instances; the
-- UPDATE after it runs with a fresh snapshot (READ COMMITTED, a volatile function), so it sees
-- every claim committed before the lock was granted. The lock ends with the calling statement.
CREATE FUNCTION claim_webhook_event(p_chat text, p_worker text, p_lease_seconds int, p_max_attempts int)
RETURNS TABLE (webhook_event_id text, chat_id text, received_at timestamptz, attempts smallint,
  payload jsonb, applied_at timestamptz, reply jsonb, more boolean)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
BEGIN
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
              AND o.webhook_event_id <> e.webhook_event_id);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION claim_webhook_event(text, text, int, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION claim_webhook_event(text, text, int, int) TO home_log_app;
