CREATE TABLE "group_members" (
	"chat_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_members_chat_id_user_id_pk" PRIMARY KEY("chat_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_members_user_idx" ON "group_members" USING btree ("user_id");--> statement-breakpoint
-- Written by hand (drizzle-kit cannot express grants, policies or functions). A person's
-- memberships are theirs to see; the bot records one as the person writes in the group, and
-- forgets a group's members when LINE says someone (no acting user) left, or the bot did.
GRANT SELECT, INSERT, DELETE ON group_members TO home_log_app;
--> statement-breakpoint
ALTER TABLE group_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY group_members_select ON group_members FOR SELECT TO home_log_app
  USING (user_id = app_user_id() OR (app_user_id() IS NULL AND chat_id = app_chat_id()));
--> statement-breakpoint
CREATE POLICY group_members_insert ON group_members FOR INSERT TO home_log_app
  WITH CHECK (user_id = app_user_id() AND chat_id = app_chat_id());
--> statement-breakpoint
CREATE POLICY group_members_delete ON group_members FOR DELETE TO home_log_app
  USING (user_id = app_user_id() OR (app_user_id() IS NULL AND chat_id = app_chat_id()));
--> statement-breakpoint
-- The acting user's role on a source: as before (owner, personal grant, the share of the group
-- the message came from), and in the one-to-one chat (no group set) also the shares of the
-- groups the user is a member of. A group share is read or write, never admin.
CREATE OR REPLACE FUNCTION app_source_role(p_source uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE
    WHEN s.owner_id = app_user_id() THEN 'admin'
    ELSE (
      SELECT r.role FROM (
        SELECT a.role FROM access a WHERE a.source_id = s.id AND a.user_id = app_user_id()
        UNION ALL
        SELECT g.role FROM group_shares g WHERE g.source_id = s.id AND g.chat_id = app_chat_id()
        UNION ALL
        SELECT g.role FROM group_shares g
          JOIN group_members m ON m.chat_id = g.chat_id AND m.user_id = app_user_id()
          WHERE g.source_id = s.id AND app_chat_id() IS NULL
      ) r
      ORDER BY CASE r.role WHEN 'admin' THEN 3 WHEN 'write' THEN 2 ELSE 1 END DESC
      LIMIT 1
    )
  END
  FROM sources s
  WHERE s.id = p_source
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_readable_sources() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(visible.id), '{}') FROM (
    SELECT s.id FROM sources s WHERE s.owner_id = app_user_id()
    UNION SELECT a.source_id FROM access a WHERE a.user_id = app_user_id()
    UNION SELECT g.source_id FROM group_shares g WHERE g.chat_id = app_chat_id()
    UNION SELECT g.source_id FROM group_shares g
      JOIN group_members m ON m.chat_id = g.chat_id AND m.user_id = app_user_id()
      WHERE app_chat_id() IS NULL
  ) AS visible(id)
$$;
