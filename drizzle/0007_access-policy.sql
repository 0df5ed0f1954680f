-- Who may widen a meter's audience: sharing into a group and archiving are the owner's alone
-- (a delegated admin manages people's grants and may take any share back, but cannot send the
-- meter into a group the owner never chose, nor hide it from everyone). The bot checks this
-- first; these rules hold even if a bug let a request through.
DROP POLICY group_shares_insert ON group_shares;
--> statement-breakpoint
CREATE POLICY group_shares_insert ON group_shares FOR INSERT TO home_log_app
  WITH CHECK (EXISTS (SELECT 1 FROM sources s WHERE s.id = source_id AND s.owner_id = app_user_id()));
--> statement-breakpoint
DROP POLICY group_shares_update ON group_shares;
--> statement-breakpoint
CREATE POLICY group_shares_update ON group_shares FOR UPDATE TO home_log_app
  USING (EXISTS (SELECT 1 FROM sources s WHERE s.id = source_id AND s.owner_id = app_user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM sources s WHERE s.id = source_id AND s.owner_id = app_user_id()));
--> statement-breakpoint
-- Only the owner archives or restores. An acting user is set only by the application, so the
-- owner role (migrations, audit tools) is not affected.
CREATE FUNCTION sources_archive_by_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.archived_at IS DISTINCT FROM OLD.archived_at
     AND app_user_id() IS NOT NULL AND app_user_id() <> OLD.owner_id THEN
    RAISE EXCEPTION 'only the owner archives a meter' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER sources_archive_by_owner BEFORE UPDATE OF archived_at ON sources
  FOR EACH ROW EXECUTE FUNCTION sources_archive_by_owner();
