-- Security that drizzle-kit cannot express: the application role, its grants, row-level security
-- policies, and the append-only, hash-chained audit log. Written by hand; applied in order after
-- 0000_initial like any generated migration.

-- 1. The role every application transaction runs as (`SET LOCAL ROLE` in withActor). It owns
--    nothing, so row-level security applies to it; the table owner is used only for migrations
--    and for audit verification and export.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'home_log_app') THEN
    CREATE ROLE home_log_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT pg_has_role(current_user, 'home_log_app', 'MEMBER') THEN
    EXECUTE format('GRANT home_log_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO home_log_app;
--> statement-breakpoint
-- Tables without row-level security: identity resolution and the webhook inbox happen before
-- anyone is known; link states are reached by an unguessable token.
GRANT SELECT, INSERT, UPDATE ON users, identities, webhook_events, link_states TO home_log_app;
--> statement-breakpoint
GRANT DELETE ON identities, webhook_events, link_states TO home_log_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON sources, readings, access, group_shares, chat_meters, source_validators,
  reading_confirmations TO home_log_app;
--> statement-breakpoint
-- Column grants: an owner never changes, and a reading's value or time is never edited in place
-- (a fix supersedes the row), whatever the application asks for.
GRANT UPDATE (name, description, unit, kind, meter_number, place, digits, timezone, bill_day,
  archived_at) ON sources TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (superseded_at, deleted_at, deleted_by, deleted_origin) ON readings TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (role) ON access, group_shares TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (min, max, non_decreasing, max_rate_per_day, updated_at) ON source_validators
  TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (resolved_at, resolution) ON reading_confirmations TO home_log_app;
--> statement-breakpoint
GRANT DELETE ON access, group_shares, source_validators TO home_log_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO home_log_app;
--> statement-breakpoint

-- 2. Who is acting. Settings are transaction-local (set_config(..., true)), so a pooled
--    connection never carries one request's identity into the next. Unset means nobody.
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.user_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION app_chat_id() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.chat_id', true), '')
$$;
--> statement-breakpoint

-- The acting user's role on a source, or NULL: owner → admin; else the best of a personal grant
-- and the share of the group the message came from. SECURITY DEFINER so that the policies below
-- can consult access and group_shares without recursing into their own policies.
CREATE FUNCTION app_source_role(p_source uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE
    WHEN s.owner_id = app_user_id() THEN 'admin'
    ELSE (
      SELECT r.role FROM (
        SELECT a.role FROM access a WHERE a.source_id = s.id AND a.user_id = app_user_id()
        UNION ALL
        SELECT g.role FROM group_shares g WHERE g.source_id = s.id AND g.chat_id = app_chat_id()
      ) r
      ORDER BY CASE r.role WHEN 'admin' THEN 3 WHEN 'write' THEN 2 ELSE 1 END DESC
      LIMIT 1
    )
  END
  FROM sources s
  WHERE s.id = p_source
$$;
--> statement-breakpoint

-- The number a chat uses for a source: the existing one, or the next free one. SECURITY DEFINER
-- because the highest number in use may belong to a meter the caller can no longer see.
CREATE FUNCTION app_chat_meter_number(p_chat_key text, p_source uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  found integer;
BEGIN
  IF app_source_role(p_source) IS NULL THEN
    RAISE EXCEPTION 'no access to source %', p_source USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('chat_meters:' || p_chat_key));
  SELECT number INTO found FROM chat_meters WHERE chat_key = p_chat_key AND source_id = p_source;
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  SELECT COALESCE(MAX(number), 0) + 1 INTO found FROM chat_meters WHERE chat_key = p_chat_key;
  INSERT INTO chat_meters (chat_key, number, source_id) VALUES (p_chat_key, found, p_source);
  RETURN found;
END $$;
--> statement-breakpoint

-- 3. Row-level security. Policies name the application role only; the owner (migrations,
--    audit verification) is not subject to them.
ALTER TABLE sources ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sources_select ON sources FOR SELECT TO home_log_app
  USING (owner_id = app_user_id() OR app_source_role(id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY sources_insert ON sources FOR INSERT TO home_log_app
  WITH CHECK (owner_id = app_user_id());
--> statement-breakpoint
CREATE POLICY sources_update ON sources FOR UPDATE TO home_log_app
  USING (app_source_role(id) = 'admin') WITH CHECK (app_source_role(id) = 'admin');
--> statement-breakpoint

ALTER TABLE source_validators ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY source_validators_select ON source_validators FOR SELECT TO home_log_app
  USING (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY source_validators_insert ON source_validators FOR INSERT TO home_log_app
  WITH CHECK (app_source_role(source_id) = 'admin');
--> statement-breakpoint
CREATE POLICY source_validators_update ON source_validators FOR UPDATE TO home_log_app
  USING (app_source_role(source_id) = 'admin') WITH CHECK (app_source_role(source_id) = 'admin');
--> statement-breakpoint
CREATE POLICY source_validators_delete ON source_validators FOR DELETE TO home_log_app
  USING (app_source_role(source_id) = 'admin');
--> statement-breakpoint

ALTER TABLE readings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY readings_select ON readings FOR SELECT TO home_log_app
  USING (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
-- A reading is always signed by the acting user; read-only members cannot add one.
CREATE POLICY readings_insert ON readings FOR INSERT TO home_log_app
  WITH CHECK (entered_by = app_user_id() AND app_source_role(source_id) IN ('write', 'admin'));
--> statement-breakpoint
-- Writers retire (fix, undo, delete) their own readings; admins anyone's.
CREATE POLICY readings_update ON readings FOR UPDATE TO home_log_app
  USING (app_source_role(source_id) = 'admin'
    OR (app_source_role(source_id) = 'write' AND entered_by = app_user_id()))
  WITH CHECK (app_source_role(source_id) = 'admin'
    OR (app_source_role(source_id) = 'write' AND entered_by = app_user_id()));
--> statement-breakpoint

ALTER TABLE access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY access_select ON access FOR SELECT TO home_log_app
  USING (user_id = app_user_id() OR app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY access_insert ON access FOR INSERT TO home_log_app
  WITH CHECK (app_source_role(source_id) = 'admin');
--> statement-breakpoint
CREATE POLICY access_update ON access FOR UPDATE TO home_log_app
  USING (app_source_role(source_id) = 'admin') WITH CHECK (app_source_role(source_id) = 'admin');
--> statement-breakpoint
-- Admins revoke; anyone may give up their own access.
CREATE POLICY access_delete ON access FOR DELETE TO home_log_app
  USING (app_source_role(source_id) = 'admin' OR user_id = app_user_id());
--> statement-breakpoint

ALTER TABLE group_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY group_shares_select ON group_shares FOR SELECT TO home_log_app
  USING (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY group_shares_insert ON group_shares FOR INSERT TO home_log_app
  WITH CHECK (app_source_role(source_id) = 'admin');
--> statement-breakpoint
CREATE POLICY group_shares_update ON group_shares FOR UPDATE TO home_log_app
  USING (app_source_role(source_id) = 'admin') WITH CHECK (app_source_role(source_id) = 'admin');
--> statement-breakpoint
-- Admins unshare; when LINE says the bot left a group (no user acts), that group's shares end.
CREATE POLICY group_shares_delete ON group_shares FOR DELETE TO home_log_app
  USING (app_source_role(source_id) = 'admin'
    OR (app_user_id() IS NULL AND chat_id = app_chat_id()));
--> statement-breakpoint

ALTER TABLE chat_meters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY chat_meters_select ON chat_meters FOR SELECT TO home_log_app
  USING (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY chat_meters_insert ON chat_meters FOR INSERT TO home_log_app
  WITH CHECK (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint

ALTER TABLE reading_confirmations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reading_confirmations_own ON reading_confirmations FOR ALL TO home_log_app
  USING (user_id = app_user_id())
  WITH CHECK (user_id = app_user_id() AND app_source_role(source_id) IN ('write', 'admin'));
--> statement-breakpoint

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- People see what they did, and admins what happened to their meters.
CREATE POLICY audit_log_select ON audit_log FOR SELECT TO home_log_app
  USING (actor_id = app_user_id()
    OR (source_id IS NOT NULL AND app_source_role(source_id) = 'admin'));
--> statement-breakpoint
-- An entry is signed by whoever is acting (NULL only for events no user caused).
CREATE POLICY audit_log_insert ON audit_log FOR INSERT TO home_log_app
  WITH CHECK (actor_id IS NOT DISTINCT FROM app_user_id());
--> statement-breakpoint

-- 4. The audit log: append-only, hash-chained. Each row's hash covers its content and the
--    previous row's hash; audit_chain_head holds the tip, so that removing the newest rows is
--    detected too. The head row is locked by each insert, which also serialises the chain.
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION audit_row_hash(
  p_prev_hash text, p_seq bigint, p_at timestamptz, p_actor_id uuid, p_chat_key text,
  p_action text, p_subject_type text, p_subject_id text, p_source_id uuid,
  p_before jsonb, p_after jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    p_prev_hash, p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    p_actor_id, p_chat_key, p_action, p_subject_type, p_subject_id, p_source_id, p_before, p_after
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.at := now();
  NEW.prev_hash := head.hash;
  NEW.hash := audit_row_hash(NEW.prev_hash, NEW.seq, NEW.at, NEW.actor_id, NEW.chat_key,
    NEW.action, NEW.subject_type, NEW.subject_id, NEW.source_id, NEW.before, NEW.after);
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Row triggers do not fire on TRUNCATE; it needs its own statement-level trigger.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint

-- Walks the chain in order; names the first row that is missing, altered or out of place.
CREATE FUNCTION audit_verify()
RETURNS TABLE (ok boolean, rows_checked bigint, first_bad_seq bigint, problem text)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
DECLARE
  r audit_log%ROWTYPE;
  head audit_chain_head%ROWTYPE;
  expected_seq bigint := 1;
  expected_prev text := '';
  checked bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY seq LOOP
    IF r.seq <> expected_seq THEN
      RETURN QUERY SELECT false, checked, expected_seq, format('row %s is missing', expected_seq);
      RETURN;
    END IF;
    IF r.prev_hash <> expected_prev THEN
      RETURN QUERY SELECT false, checked, r.seq, 'prev_hash does not match the previous row'::text;
      RETURN;
    END IF;
    IF r.hash <> audit_row_hash(r.prev_hash, r.seq, r.at, r.actor_id, r.chat_key, r.action,
        r.subject_type, r.subject_id, r.source_id, r.before, r.after) THEN
      RETURN QUERY SELECT false, checked, r.seq, 'row content does not match its hash'::text;
      RETURN;
    END IF;
    expected_prev := r.hash;
    expected_seq := r.seq + 1;
    checked := checked + 1;
  END LOOP;
  SELECT * INTO head FROM audit_chain_head WHERE id = 1;
  IF head.seq <> checked OR head.hash <> expected_prev THEN
    RETURN QUERY SELECT false, checked, expected_seq,
      format('the chain ends at row %s but its head says %s', checked, head.seq);
    RETURN;
  END IF;
  RETURN QUERY SELECT true, checked, NULL::bigint, NULL::text;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_verify() FROM PUBLIC;
