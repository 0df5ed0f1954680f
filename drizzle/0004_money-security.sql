-- Money tables: grants and row-level security for the application role (as 0001_security does).
-- Prices are append-only (a change is a new dated row), so tariff settings get no UPDATE.
GRANT SELECT, INSERT ON tariff_settings TO home_log_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON paid_bills TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (amount, entered_by, entered_at) ON paid_bills TO home_log_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON reminders, usage_alerts TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (day, time) ON reminders TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (threshold, state) ON usage_alerts TO home_log_app;
--> statement-breakpoint
-- Push claims are the scheduler's bookkeeping (like the webhook inbox): keys and dates only.
GRANT SELECT, INSERT ON push_claims TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (sent_at) ON push_claims TO home_log_app;
--> statement-breakpoint
ALTER TABLE tariff_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tariff_settings_select ON tariff_settings FOR SELECT TO home_log_app
  USING (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY tariff_settings_insert ON tariff_settings FOR INSERT TO home_log_app
  WITH CHECK (entered_by = app_user_id() AND app_source_role(source_id) = 'admin');
--> statement-breakpoint
ALTER TABLE paid_bills ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY paid_bills_select ON paid_bills FOR SELECT TO home_log_app
  USING (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY paid_bills_insert ON paid_bills FOR INSERT TO home_log_app
  WITH CHECK (entered_by = app_user_id() AND app_source_role(source_id) IN ('write', 'admin'));
--> statement-breakpoint
CREATE POLICY paid_bills_update ON paid_bills FOR UPDATE TO home_log_app
  USING (app_source_role(source_id) IN ('write', 'admin'))
  WITH CHECK (entered_by = app_user_id() AND app_source_role(source_id) IN ('write', 'admin'));
--> statement-breakpoint
-- Reminders and alerts are personal: each person sees and changes only their own, on meters
-- they may read.
ALTER TABLE reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reminders_own ON reminders FOR ALL TO home_log_app
  USING (user_id = app_user_id())
  WITH CHECK (user_id = app_user_id() AND app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
ALTER TABLE usage_alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY usage_alerts_own ON usage_alerts FOR ALL TO home_log_app
  USING (user_id = app_user_id())
  WITH CHECK (user_id = app_user_id() AND app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
-- What the scheduler needs to know before it can act as anyone: every reminder and alert with
-- its recipient's LINE user id. SECURITY DEFINER because no single user may list them all; the
-- scheduler then reads each meter as the person it pushes to, under the policies above.
CREATE FUNCTION app_push_subscriptions()
RETURNS TABLE (kind text, user_id uuid, source_id uuid, line_user_id text, language text,
  timezone text, day smallint, "time" text, threshold text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT 'reminder', r.user_id, r.source_id, i.provider_user_id, u.language, s.timezone, r.day,
    r.time, NULL::text
  FROM reminders r
  JOIN users u ON u.id = r.user_id AND u.active
  JOIN sources s ON s.id = r.source_id AND s.archived_at IS NULL
  JOIN identities i ON i.user_id = r.user_id AND i.provider = 'line'
  UNION ALL
  SELECT 'alert', a.user_id, a.source_id, i.provider_user_id, u.language, s.timezone, NULL,
    NULL, a.threshold::text
  FROM usage_alerts a
  JOIN users u ON u.id = a.user_id AND u.active
  JOIN sources s ON s.id = a.source_id AND s.archived_at IS NULL
  JOIN identities i ON i.user_id = a.user_id AND i.provider = 'line'
$$;
