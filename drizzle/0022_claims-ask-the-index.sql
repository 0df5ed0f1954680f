-- Two questions of the claim read far more than they need:
-- * whether the chat has more waiting: on PostgreSQL an EXISTS that the planner, seeing many
--   waiting events in its statistics, answered by reading the table from its start, where the
--   finished events of the past weeks lie: the whole inbox at every claim (470 pages in
--   test/store/inbox-periodic-reads.test.ts). It is now the chat's first other waiting event in
--   the order of the index of unfinished events, which only that index answers cheaply.
-- * whether one of the chat's events is being processed: every unfinished event of the chat was
--   fetched to look at its status. A tiny index of the events being processed answers it.
-- claim_next_event keeps its arguments and answer, so instances of the previous version keep
-- working during a deploy.
CREATE INDEX "webhook_events_processing_by_chat" ON "webhook_events" USING btree ("chat_id") WHERE "webhook_events"."status" = 'processing';--> statement-breakpoint
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
    -- Any one will do; asked in the index's order so that the index answers it, never a scan
    -- of the table.
    (SELECT true FROM webhook_events o
      WHERE o.chat_id = e.chat_id AND o.status = 'pending'
        AND o.webhook_event_id <> e.webhook_event_id
      ORDER BY o.occurred_at
      LIMIT 1) IS NOT NULL,
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
