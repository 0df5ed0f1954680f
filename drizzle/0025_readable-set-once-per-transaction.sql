-- The meters a person may read (app_readable_sources) are worked out once per transaction
-- instead of once per statement. Every SELECT policy asks for the set, so an event's transaction
-- asked about ten times (a reading: the chat's meters, the neighbours' four parts, the insert's
-- number, the undo log...), each time a SECURITY DEFINER call that switches search_path and
-- runs a four-way UNION: measured under load, 0.5 ms of PostgreSQL's time per reading, a sixth
-- of it.
--
-- The set is kept in two transaction-local settings: the key it was worked out for (the actor's
-- user and chat, which withActor sets at the start of the transaction) and the set itself. A
-- change to anything the set depends on (sources, access, group_shares, group_members) forgets
-- it, by a statement trigger, so a transaction that shares a meter and then reads it sees the
-- share at once. A change committed by another transaction after this one first asked is seen
-- by this one's next transaction, not by its later statements: the access check of one
-- transaction reads the access of its first statement. Transactions here last milliseconds.
--
-- Who may set these settings may also set app.user_id, which is the trust placed in the
-- application's connection already: the cache adds no way round row-level security.
-- Never empty: a setting a session has used reads '' once its transaction is over.
CREATE FUNCTION app_readable_key() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT pg_catalog.concat('user:', pg_catalog.current_setting('app.user_id', true),
    ' chat:', pg_catalog.current_setting('app.chat_id', true))
$$;
--> statement-breakpoint
-- The body app_readable_sources had, plus remembering its answer for the transaction.
CREATE FUNCTION app_readable_sources_now() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  found uuid[];
BEGIN
  SELECT coalesce(array_agg(visible.id), '{}') INTO found FROM (
    SELECT s.id FROM sources s WHERE s.owner_id = app_user_id()
    UNION SELECT a.source_id FROM access a WHERE a.user_id = app_user_id()
    UNION SELECT g.source_id FROM group_shares g WHERE g.chat_id = app_chat_id()
    UNION SELECT g.source_id FROM group_shares g
      JOIN group_members m ON m.chat_id = g.chat_id AND m.user_id = app_user_id()
      WHERE app_chat_id() IS NULL
  ) AS visible(id);
  PERFORM set_config('app.readable', found::text, true);
  PERFORM set_config('app.readable_key', app_readable_key(), true);
  RETURN found;
END
$$;
--> statement-breakpoint
-- A plain SQL function (no SECURITY DEFINER, no SET clause, every name qualified): a call that
-- finds the set remembered costs two setting reads, not a definer's switch of search_path.
CREATE OR REPLACE FUNCTION app_readable_sources() RETURNS uuid[]
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN pg_catalog.current_setting('app.readable_key', true)
      OPERATOR(pg_catalog.=) public.app_readable_key()
    THEN pg_catalog.current_setting('app.readable', true)::uuid[]
    ELSE public.app_readable_sources_now()
  END
$$;
--> statement-breakpoint
CREATE FUNCTION app_readable_forget() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('app.readable_key', '', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sources_forget_readable AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sources
  FOR EACH STATEMENT EXECUTE FUNCTION app_readable_forget();
--> statement-breakpoint
CREATE TRIGGER access_forget_readable AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON access
  FOR EACH STATEMENT EXECUTE FUNCTION app_readable_forget();
--> statement-breakpoint
CREATE TRIGGER group_shares_forget_readable
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_shares
  FOR EACH STATEMENT EXECUTE FUNCTION app_readable_forget();
--> statement-breakpoint
CREATE TRIGGER group_members_forget_readable
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_members
  FOR EACH STATEMENT EXECUTE FUNCTION app_readable_forget();
