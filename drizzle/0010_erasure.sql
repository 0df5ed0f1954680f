CREATE TABLE "erasure_requests" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"tapped_at" timestamp with time zone,
	CONSTRAINT "erasure_requests_code_check" CHECK ("erasure_requests"."code" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "person_keys" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_keys" ADD CONSTRAINT "person_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written below: grants, row-level security and the two SECURITY DEFINER entry points of
-- erasure. The application role gets no DELETE on users, sources or readings: the only way it
-- can remove them is erase_my_data(), which erases exactly the acting user (app.user_id) and
-- nothing else, and needs no parameter naming whom.

-- Per-person keys: never granted to the application role. It reaches a key only through
-- app_person_key(), which hands out the key of one person (creating it from the random bytes
-- the application supplies), so that audit fields can be sealed and opened.
ALTER TABLE person_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE FUNCTION app_person_key(p_user uuid, p_new_key text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  found bytea;
BEGIN
  SELECT key INTO found FROM person_keys WHERE user_id = p_user;
  IF found IS NULL AND p_new_key IS NOT NULL AND EXISTS (SELECT 1 FROM users WHERE id = p_user) THEN
    IF length(decode(p_new_key, 'base64')) <> 32 THEN
      RAISE EXCEPTION 'a person key is 32 bytes' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO person_keys (user_id, key) VALUES (p_user, decode(p_new_key, 'base64'))
      ON CONFLICT (user_id) DO NOTHING;
    SELECT key INTO found FROM person_keys WHERE user_id = p_user;
  END IF;
  RETURN encode(found, 'base64');
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_person_key(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_person_key(uuid, text) TO home_log_app;
--> statement-breakpoint

-- Pending "delete my data" requests: each person sees and changes only their own.
GRANT SELECT, INSERT, DELETE ON erasure_requests TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (tapped_at) ON erasure_requests TO home_log_app;
--> statement-breakpoint
ALTER TABLE erasure_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY erasure_requests_own ON erasure_requests FOR ALL TO home_log_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint

-- What erasing the acting user would do to each meter they own: pass it to another admin (heir,
-- the longest-standing admin grant, active people first) or remove it (no heir), with the
-- groups it is shared into (told of the removal).
CREATE FUNCTION erasure_plan()
RETURNS TABLE (source_id uuid, name text, archived boolean, heir_id uuid, heir_name text,
  readings bigint, group_chats text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.id, s.name, s.archived_at IS NOT NULL, h.user_id, h.display_name,
    (SELECT count(*) FROM readings r
      WHERE r.source_id = s.id AND r.superseded_at IS NULL AND r.deleted_at IS NULL),
    ARRAY(SELECT g.chat_id FROM group_shares g WHERE g.source_id = s.id
      ORDER BY g.granted_at, g.chat_id)
  FROM sources s
  LEFT JOIN LATERAL (
    SELECT a.user_id, u.display_name FROM access a JOIN users u ON u.id = a.user_id
    WHERE a.source_id = s.id AND a.role = 'admin' AND a.user_id <> s.owner_id
    ORDER BY u.active DESC, a.granted_at, a.user_id
    LIMIT 1
  ) h ON true
  WHERE s.owner_id = app_user_id()
  ORDER BY s.created_at, s.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION erasure_plan() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION erasure_plan() TO home_log_app;
--> statement-breakpoint

-- Erases the acting user: meters with an heir pass to it (renamed "name (2)" if the heir already
-- has a meter of that name); the others are removed with their readings, prices, bills, shares
-- and numbers. Readings the user entered on meters that stay keep value and time but lose their
-- author and note. Then their chat numbers, their stored webhook events (but p_keep_event, the
-- event being answered, which keeps its id for deduplication and loses its text when it is
-- finished), and the user row with everything that cascades from it: identities, grants,
-- link states, questions, reminders, alerts, push claims, undo log, person key.
-- Returns what was done, with the groups to tell (chat id, meter name, the group's number).
CREATE FUNCTION erase_my_data(p_keep_event text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me uuid := app_user_id();
  plan record;
  line_ids text[];
  passed jsonb := '[]';
  removed jsonb := '[]';
  notices jsonb := '[]';
  new_name text;
  n integer;
  identity_count integer;
  grant_count integer;
  event_count integer;
BEGIN
  IF me IS NULL THEN
    RAISE EXCEPTION 'erase_my_data needs an acting user' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM 1 FROM users WHERE id = me FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the acting user does not exist' USING ERRCODE = 'no_data_found';
  END IF;
  SELECT coalesce(array_agg(provider_user_id), '{}') INTO line_ids
    FROM identities WHERE user_id = me AND provider = 'line';
  SELECT count(*) INTO identity_count FROM identities WHERE user_id = me;
  SELECT count(*) INTO grant_count FROM access WHERE user_id = me;

  FOR plan IN SELECT * FROM erasure_plan() LOOP
    IF plan.heir_id IS NOT NULL THEN
      -- The heir becomes the owner, an implicit admin with no grant row.
      DELETE FROM access WHERE user_id = plan.heir_id AND access.source_id = plan.source_id;
      new_name := plan.name;
      n := 1;
      WHILE NOT plan.archived AND EXISTS (SELECT 1 FROM sources s WHERE s.owner_id = plan.heir_id
          AND s.archived_at IS NULL AND lower(s.name) = lower(new_name)) LOOP
        n := n + 1;
        new_name := left(plan.name, 70) || ' (' || n || ')';
      END LOOP;
      UPDATE sources SET owner_id = plan.heir_id, name = new_name WHERE id = plan.source_id;
      passed := passed || jsonb_build_object('sourceId', plan.source_id, 'to', plan.heir_id);
    ELSE
      notices := notices || coalesce((
        SELECT jsonb_agg(jsonb_build_object('chatId', g.chat_id, 'name', plan.name,
          'number', (SELECT cm.number FROM chat_meters cm WHERE cm.source_id = plan.source_id
            AND cm.chat_key IN ('group:' || g.chat_id, 'room:' || g.chat_id) LIMIT 1)))
        FROM group_shares g WHERE g.source_id = plan.source_id), '[]'::jsonb);
      -- Fixes point back at the rows they replaced (RESTRICT): unlink before removing.
      UPDATE readings SET supersedes = NULL
        WHERE readings.source_id = plan.source_id AND supersedes IS NOT NULL;
      DELETE FROM sources WHERE id = plan.source_id;
      removed := removed || to_jsonb(plan.source_id);
    END IF;
  END LOOP;

  UPDATE readings SET entered_by = NULL, note = NULL WHERE entered_by = me;
  UPDATE readings SET deleted_by = NULL WHERE deleted_by = me;
  UPDATE tariff_settings SET entered_by = NULL WHERE entered_by = me;
  UPDATE paid_bills SET entered_by = NULL WHERE entered_by = me;
  DELETE FROM chat_meters WHERE chat_key = 'user:' || me;
  DELETE FROM webhook_events
    WHERE webhook_event_id IS DISTINCT FROM p_keep_event
      AND (chat_id = ANY (line_ids) OR payload->'source'->>'userId' = ANY (line_ids));
  GET DIAGNOSTICS event_count = ROW_COUNT;
  DELETE FROM users WHERE id = me;

  RETURN jsonb_build_object('identities', identity_count, 'grants', grant_count,
    'events', event_count, 'passed', passed, 'removed', removed, 'notices', notices);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION erase_my_data(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION erase_my_data(text) TO home_log_app;
