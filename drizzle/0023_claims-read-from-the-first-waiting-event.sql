-- Two reads of the claim grew with the backlog, whatever the planner's statistics:
-- * the chat's next event: its waiting events were ordered by time and id, and without fresh
--   statistics (a burst arrives faster than autovacuum looks; PGlite has none) the planner
--   fetched and sorted every one of them (100 pages for a chat 100 events behind). The claim
--   now finds the first waiting instant from the index of unfinished events alone and orders
--   only the events at that instant. An event locked by another transaction at that instant is
--   no longer skipped for a later one of the same chat: that would have broken the chat's order.
-- * the sender's earlier events in the minute, for the per-person limit: the index answered
--   "this sender, this minute" and every row of the minute was fetched to keep the earlier
--   ones, later events included. "No later than this event" is now a bound of the index scan.
-- claim_next_event keeps its arguments and answer, so instances of the previous version keep
-- working during a deploy.
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
        AND s.occurred_at <= e.occurred_at
        AND (s.occurred_at < e.occurred_at
          OR (s.occurred_at = e.occurred_at AND s.webhook_event_id < e.webhook_event_id))
      LIMIT p_sender_cap) earlier);
END
$$;
