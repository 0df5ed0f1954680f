-- Custom SQL migration file, put your code below! --
-- Every SELECT policy that asked app_source_role() row by row now asks app_readable_sources()
-- once per query (an InitPlan, through the sub-select), as readings_select has since 0002. A
-- policy is checked for every row a query scans, not only the rows it returns: listing a
-- person's meters ran app_source_role() once for every meter of every household in the
-- database, so each message got slower as the bot gained users. The rule is unchanged: the two
-- functions name the same four ways to a meter (owner, personal grant, a share of the group the
-- message came from, a share of one's own group in the one-to-one chat). sources keeps its
-- owner test so that INSERT … RETURNING sees the new meter, which the InitPlan, computed at the
-- start of the statement, cannot.
DROP POLICY sources_select ON sources;
--> statement-breakpoint
CREATE POLICY sources_select ON sources FOR SELECT TO home_log_app
  USING (owner_id = app_user_id() OR id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
DROP POLICY source_validators_select ON source_validators;
--> statement-breakpoint
CREATE POLICY source_validators_select ON source_validators FOR SELECT TO home_log_app
  USING (source_id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
DROP POLICY access_select ON access;
--> statement-breakpoint
CREATE POLICY access_select ON access FOR SELECT TO home_log_app
  USING (user_id = app_user_id() OR source_id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
DROP POLICY group_shares_select ON group_shares;
--> statement-breakpoint
CREATE POLICY group_shares_select ON group_shares FOR SELECT TO home_log_app
  USING (source_id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
DROP POLICY chat_meters_select ON chat_meters;
--> statement-breakpoint
CREATE POLICY chat_meters_select ON chat_meters FOR SELECT TO home_log_app
  USING (source_id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
DROP POLICY tariff_settings_select ON tariff_settings;
--> statement-breakpoint
CREATE POLICY tariff_settings_select ON tariff_settings FOR SELECT TO home_log_app
  USING (source_id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
DROP POLICY paid_bills_select ON paid_bills;
--> statement-breakpoint
CREATE POLICY paid_bills_select ON paid_bills FOR SELECT TO home_log_app
  USING (source_id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
DROP POLICY reading_photos_select ON reading_photos;
--> statement-breakpoint
CREATE POLICY reading_photos_select ON reading_photos FOR SELECT TO home_log_app
  USING (source_id = ANY ((SELECT app_readable_sources())::uuid[]));
--> statement-breakpoint
-- The audit log holds every household's entries: an admin's own meters are picked out by the
-- readable set first, so the role is asked only for rows of meters the person can see at all.
DROP POLICY audit_log_select ON audit_log;
--> statement-breakpoint
CREATE POLICY audit_log_select ON audit_log FOR SELECT TO home_log_app
  USING (actor_id = app_user_id()
    OR (source_id = ANY ((SELECT app_readable_sources())::uuid[])
      AND app_source_role(source_id) = 'admin'));
