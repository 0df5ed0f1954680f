DROP INDEX "webhook_events_processing_by_chat";--> statement-breakpoint
CREATE INDEX "webhook_events_processing_by_chat" ON "webhook_events" USING btree ("chat_id","claimed_at") WHERE "webhook_events"."status" = 'processing';
--> statement-breakpoint
-- A long-lived connection runs the claim and the finish on generic plans, planned once from the
-- statistics; before autovacuum has looked at a new burst every index of the inbox looks tiny,
-- and the plans tie. Seen in the drain on PostgreSQL (5,000 waiting readings of 50 people):
-- - "is one of this chat's events being processed?" walked all of the chat's waiting events
--   through the index of unfinished events (99 entries, 103 pages a claim). It now asks in the
--   order of the index of events being processed, which now holds the claim's time too, so
--   that index answers it with no sort: a plan through the other one would have to sort.
-- - the finish found its event through the whole index of events being processed, every
--   event finished since the last vacuum included (56 pages), not through the primary key.
--   Its test of the claim is written so that no partial index can serve it, which leaves the
--   primary key.
-- Both functions keep their arguments and answers.
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
    -- In the index's order, newest claim first: no plan can answer this by walking the chat's
    -- waiting events instead.
    SELECT 1 FROM webhook_events b
    WHERE b.chat_id = p_chat AND b.status = 'processing'
      AND b.claimed_at > now() - make_interval(secs => p_lease_seconds)
    ORDER BY b.claimed_at DESC
    LIMIT 1
  ), next AS (
    SELECT n.webhook_event_id FROM webhook_events n
    WHERE n.chat_id = p_chat
      AND (n.status = 'pending'
        OR (n.status = 'processing' AND n.attempts < p_max_attempts
          AND n.claimed_at <= now() - make_interval(secs => p_lease_seconds)))
      AND n.occurred_at <= (
        SELECT f.occurred_at FROM webhook_events f
        WHERE f.chat_id = p_chat
          AND (f.status = 'pending'
            OR (f.status = 'processing' AND f.attempts < p_max_attempts
              AND f.claimed_at <= now() - make_interval(secs => p_lease_seconds)))
        ORDER BY f.occurred_at
        LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM busy)
    ORDER BY n.occurred_at, n.webhook_event_id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
  )
  UPDATE webhook_events e
  SET status = 'processing', claimed_at = now(), claimed_by = p_worker, attempts = e.attempts + 1,
    -- Counted once, at the first claim; a replay keeps that answer.
    sender_earlier = coalesce(e.sender_earlier, least(p_sender_cap, coalesce(
      -- Back from this event through the sender's minute, newest first, to the nearest one
      -- already counted: its count, plus the steps back to it.
      (SELECT back.steps + back.counted FROM (
        SELECT s.sender_earlier AS counted,
          row_number() OVER (ORDER BY s.occurred_at DESC, s.webhook_event_id DESC) AS steps
        FROM webhook_events s
        WHERE s.sender_id = e.sender_id
          AND s.occurred_at >= to_timestamp(floor(extract(epoch FROM e.occurred_at) / 60) * 60)
          AND s.occurred_at <= e.occurred_at
          AND (s.occurred_at < e.occurred_at
            OR (s.occurred_at = e.occurred_at AND s.webhook_event_id < e.webhook_event_id))
        ORDER BY s.occurred_at DESC, s.webhook_event_id DESC
        LIMIT p_sender_cap) back
       WHERE back.counted IS NOT NULL
       LIMIT 1),
      -- None counted within reach: count them, up to the cap.
      (SELECT count(*)::int FROM (
        SELECT 1 FROM webhook_events s
        WHERE s.sender_id = e.sender_id
          AND s.occurred_at >= to_timestamp(floor(extract(epoch FROM e.occurred_at) / 60) * 60)
          AND s.occurred_at <= e.occurred_at
          AND (s.occurred_at < e.occurred_at
            OR (s.occurred_at = e.occurred_at AND s.webhook_event_id < e.webhook_event_id))
        LIMIT p_sender_cap) earlier))))
  FROM next WHERE e.webhook_event_id = next.webhook_event_id
  RETURNING e.webhook_event_id, e.chat_id, e.received_at, e.attempts, e.payload, e.applied_at,
    e.reply,
    -- Any one will do; asked in the index's order so that the index answers it, never a scan
    -- of the table.
    (SELECT true FROM webhook_events o
      WHERE o.chat_id = e.chat_id AND o.status = 'pending'
        AND o.webhook_event_id <> e.webhook_event_id
      ORDER BY o.occurred_at
      LIMIT 1) IS NOT NULL,
    e.sender_earlier;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION finish_webhook_event(p_id text, p_worker text, p_status text,
  p_error text)
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
  WHERE webhook_event_id = p_id
    -- Same meaning as "claimed_by = p_worker AND status = 'processing'", in a form that implies
    -- no partial index's condition: the event is found by its primary key.
    AND (claimed_by, status) IS NOT DISTINCT FROM (p_worker, 'processing');
  RETURN FOUND;
END
$$;
