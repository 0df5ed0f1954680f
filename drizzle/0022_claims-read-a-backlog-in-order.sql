-- The claim read far more than the event it takes:
-- * whether one of the chat's events is being processed: every unfinished event of the chat,
--   fetched to look at its status. Now a probe of a tiny index of the events being processed.
-- * the chat's next event: every unfinished event of the chat, sorted by time and id, because
--   the index ended at the time. With n events waiting in a chat, working it off cost n^2 row
--   visits. The index now holds the claim's order, and the claim reads its first entry.
-- * whether the chat has more waiting: on PostgreSQL an EXISTS that the planner, seeing many
--   pending events in its statistics, answered by reading the table from its start, where the
--   finished events of the past weeks lie: the whole inbox at every claim. It is now the chat's
--   first other waiting event in the index's order, which only the index answers cheaply.
DROP INDEX "webhook_events_unfinished";--> statement-breakpoint
CREATE INDEX "webhook_events_processing_by_chat" ON "webhook_events" USING btree ("chat_id") WHERE "webhook_events"."status" = 'processing';--> statement-breakpoint
CREATE INDEX "webhook_events_unfinished" ON "webhook_events" USING btree ("chat_id","occurred_at","webhook_event_id") WHERE "webhook_events"."status" in ('pending', 'processing');--> statement-breakpoint
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
    -- In the index's order, so that only the index can answer it without sorting the table.
    (SELECT true FROM webhook_events o
      WHERE o.chat_id = e.chat_id AND o.status = 'pending'
        AND o.webhook_event_id <> e.webhook_event_id
      ORDER BY o.occurred_at, o.webhook_event_id
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
