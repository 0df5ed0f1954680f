-- Custom SQL migration file, put your code below! --
-- claim_webhook_event (0005) plus, for the claimed event, how many events of the same sender
-- came earlier in the same clock minute (by LINE's timestamp), counted up to p_sender_cap: what
-- the per-person limit in chat needs, in the claim's round trip instead of a statement of its
-- own. The minute is cut from the epoch (not in the session's time zone), as the application
-- cuts it. claim_webhook_event stays for instances of the previous version during a deploy.
CREATE FUNCTION claim_next_event(p_chat text, p_worker text, p_lease_seconds int,
  p_max_attempts int, p_sender_cap int)
RETURNS TABLE (webhook_event_id text, chat_id text, received_at timestamptz, attempts smallint,
  payload jsonb, applied_at timestamptz, reply jsonb, more boolean, sender_earlier int)
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
REVOKE ALL ON FUNCTION claim_next_event(text, text, int, int, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION claim_next_event(text, text, int, int, int) TO home_log_app;
