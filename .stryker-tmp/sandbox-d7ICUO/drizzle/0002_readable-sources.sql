-- Reading rows are checked by the SELECT policy once per row. Asking app_source_role() for each
-- of thousands of rows of one meter (a year of readings for a chart) costs ~30 ms; the set of
-- sources the actor may read is computed once per query instead (an InitPlan, via the
-- sub-select) and each row is a cheap array membership. Same rule as before: owner, personal
-- grant, or a share of the group the message came from.
CREATE FUNCTION app_readable_sources() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(visible.id), '{}') FROM (
    SELECT s.id FROM sources s WHERE s.owner_id = app_user_id()
    UNION SELECT a.source_id FROM access a WHERE a.user_id = app_user_id()
    UNION SELECT g.source_id FROM group_shares g WHERE g.chat_id = app_chat_id()
  ) AS visible(id)
$$;
--> statement-breakpoint
DROP POLICY readings_select ON readings;
--> statement-breakpoint
CREATE POLICY readings_select ON readings FOR SELECT TO home_log_app
  USING (source_id = ANY ((SELECT app_readable_sources())::uuid[]));
