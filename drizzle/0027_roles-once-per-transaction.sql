-- A person's role on a meter (app_source_role) comes from the same transaction-local record as
-- the meters they may read (drizzle/0025): a reading's transaction asked for roles three times
-- (the chat's meters, the checks on inserting the reading and its undo entry), each a SECURITY
-- DEFINER call with a switch of search_path and a four-way UNION, and listing a chat's meters
-- asked once per meter. Now the first question of a transaction works out the readable meters
-- and the role on each in one query, and the rest read the record. The same statement triggers
-- forget it when sources, access, group_shares or group_members change.
--
-- A role is the best of: owner (admin), a personal grant, the share of the group the message
-- came from, and in the one-to-one chat (no app.chat_id) the shares of the groups the person is
-- a member of. The readable meters are those with any role.
CREATE OR REPLACE FUNCTION app_readable_sources_now() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  found uuid[];
  roles jsonb;
BEGIN
  SELECT coalesce(array_agg(best.id), '{}'), coalesce(jsonb_object_agg(best.id, best.role), '{}')
  INTO found, roles
  FROM (
    SELECT held.id,
      (array_agg(held.role
        ORDER BY CASE held.role WHEN 'admin' THEN 3 WHEN 'write' THEN 2 ELSE 1 END DESC))[1]
        AS role
    FROM (
      SELECT s.id, 'admin'::text AS role FROM sources s WHERE s.owner_id = app_user_id()
      UNION ALL SELECT a.source_id, a.role FROM access a WHERE a.user_id = app_user_id()
      UNION ALL SELECT g.source_id, g.role FROM group_shares g WHERE g.chat_id = app_chat_id()
      UNION ALL SELECT g.source_id, g.role FROM group_shares g
        JOIN group_members m ON m.chat_id = g.chat_id AND m.user_id = app_user_id()
        WHERE app_chat_id() IS NULL
    ) AS held(id, role)
    GROUP BY held.id
  ) AS best;
  PERFORM set_config('app.readable', found::text, true);
  PERFORM set_config('app.roles', roles::text, true);
  PERFORM set_config('app.readable_key', app_readable_key(), true);
  RETURN found;
END
$$;
--> statement-breakpoint
-- A question before any other in the transaction: work the record out, then read it.
CREATE FUNCTION app_source_role_now(p_source uuid) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM app_readable_sources_now();
  RETURN current_setting('app.roles', true)::jsonb ->> p_source::text;
END
$$;
--> statement-breakpoint
-- Plain SQL with every name qualified, like app_readable_sources (drizzle/0025).
CREATE OR REPLACE FUNCTION app_source_role(p_source uuid) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN pg_catalog.current_setting('app.readable_key', true)
      OPERATOR(pg_catalog.=) public.app_readable_key()
    THEN pg_catalog.current_setting('app.roles', true)::pg_catalog.jsonb
      OPERATOR(pg_catalog.->>) p_source::pg_catalog.text
    ELSE public.app_source_role_now(p_source)
  END
$$;
