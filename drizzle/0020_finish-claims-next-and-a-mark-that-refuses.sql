-- Two round trips fewer per event.
--
-- Finishing an event and claiming its chat's next one were two statements; a worker always did
-- the second right after the first. finish_and_claim_next does both in one call. The claim is the
-- same as claim_next_event's (per-chat lock, a live worker's claim keeps others out, the sender's
-- count for the minute), so per-chat order holds as before.
CREATE FUNCTION finish_and_claim_next(p_id text, p_worker text, p_status text, p_error text,
  p_chat text, p_lease_seconds int, p_max_attempts int, p_sender_cap int)
RETURNS TABLE (webhook_event_id text, chat_id text, received_at timestamptz, attempts smallint,
  payload jsonb, applied_at timestamptz, reply jsonb, more boolean, sender_earlier int)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM finish_webhook_event(p_id, p_worker, p_status, p_error);
  RETURN QUERY SELECT * FROM claim_next_event(p_chat, p_worker, p_lease_seconds, p_max_attempts,
    p_sender_cap);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION finish_and_claim_next(text, text, text, text, text, int, int, int)
  FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION finish_and_claim_next(text, text, text, text, text, int, int, int)
  TO home_log_app;
--> statement-breakpoint
-- Marking an event's writes applied, in the transaction that commits them, refused with an error
-- when an earlier attempt already did. An update that matched nothing had to be read back before
-- the transaction could go on; an error instead aborts the transaction by itself, so the mark,
-- the audit entries and the COMMIT go to the server together and the COMMIT turns into a
-- rollback when the mark is refused. SQLSTATE HL001 tells the application which error it is.
CREATE FUNCTION mark_event_applied(p_id text, p_reply jsonb)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE webhook_events SET applied_at = now(), reply = coalesce(p_reply, reply)
  WHERE webhook_event_id = p_id AND applied_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'webhook event % was applied before', p_id USING ERRCODE = 'HL001';
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION mark_event_applied(text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION mark_event_applied(text, jsonb) TO home_log_app;
