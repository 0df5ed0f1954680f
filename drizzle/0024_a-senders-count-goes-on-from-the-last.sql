-- The claim counted every event the sender had sent earlier in the event's clock minute (up to
-- the per-person limit), for each event claimed: a person who sends n messages in a minute
-- cost n²/2 index entries and row fetches once the limit is raised high. Measured on PGlite in
-- the bench (50 people each sending a few hundred messages a minute, the limit at 99,999): 535
-- rows fetched per event claimed, and 5,000 queued readings drained at 88 a second after the
-- bench's other sections; 67 rows and 150 a second with this.
-- The count is now kept with the event (sender_earlier, set at its first claim), and a claim
-- counts back only to the nearest earlier event of the minute that has one: usually the
-- sender's previous message, one step back. With every earlier event counted as it is claimed,
-- the answer is the same as a full count. Two differences, both documented in
-- docs/operations.md: an event that arrives after a later one of the same person was claimed
-- is not counted for the events claimed after it; and a replayed event keeps the count of its
-- first claim instead of counting again.
-- The sender's index gains the id, the order the claim walks back in: without it, ties at an
-- instant were sorted, and the sort read at least 32 rows before giving the first.
-- claim_next_event keeps its arguments and answer, so instances of the previous version keep
-- working during a deploy.
DROP INDEX "webhook_events_by_sender";--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "sender_earlier" integer;--> statement-breakpoint
CREATE INDEX "webhook_events_by_sender" ON "webhook_events" USING btree ("sender_id","occurred_at","webhook_event_id") WHERE "webhook_events"."sender_id" is not null;
--> statement-breakpoint
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
