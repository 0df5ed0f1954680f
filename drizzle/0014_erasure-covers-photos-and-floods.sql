-- Custom SQL migration file, put your code below! --
-- erase_my_data() again, now that readings can carry photos and the chat limit keeps what a
-- person sent: photos of a removed meter go with it (they point at its readings, RESTRICT, so
-- they must go first), photos the person took go wherever they are kept (the reading stays), and
-- their pending flood notices go. Everything else is as in 0010_erasure.sql.
CREATE OR REPLACE FUNCTION erase_my_data(p_keep_event text) RETURNS jsonb
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
      -- Photos point at their readings (RESTRICT): they go first, with the meter.
      DELETE FROM reading_photos WHERE reading_photos.source_id = plan.source_id;
      DELETE FROM sources WHERE id = plan.source_id;
      removed := removed || to_jsonb(plan.source_id);
    END IF;
  END LOOP;

  -- A photo someone took is theirs (a picture of their home): it goes, even on a meter that
  -- stays with an heir; the reading it was kept with stays.
  DELETE FROM reading_photos WHERE added_by = me;
  -- What they sent over the per-person chat limit and were not yet told about.
  DELETE FROM flood_notices WHERE sender_id = ANY (line_ids);
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
