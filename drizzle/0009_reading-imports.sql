CREATE TABLE "reading_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"chat_key" text NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"rows" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "reading_imports_state_check" CHECK ("reading_imports"."state" in ('waiting', 'ready', 'stored', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "reading_imports" ADD CONSTRAINT "reading_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_imports" ADD CONSTRAINT "reading_imports_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reading_imports_user_idx" ON "reading_imports" USING btree ("user_id","created_at");--> statement-breakpoint
-- Written by hand (drizzle-kit cannot express grants or policies). An import is its person's
-- alone, on a meter they may write to; only its state, rows, expiry and resolution ever change.
GRANT SELECT, INSERT ON reading_imports TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (state, rows, expires_at, resolved_at) ON reading_imports TO home_log_app;
--> statement-breakpoint
ALTER TABLE reading_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reading_imports_own ON reading_imports FOR ALL TO home_log_app
  USING (user_id = app_user_id())
  WITH CHECK (user_id = app_user_id() AND app_source_role(source_id) IN ('write', 'admin'));
--> statement-breakpoint
-- Retention (no user acting) forgets imports a day after they expired: their rows are copies of
-- what someone sent, stored or not, and serve nothing once the import is over.
GRANT DELETE ON reading_imports TO home_log_app;
--> statement-breakpoint
CREATE POLICY reading_imports_forget_select ON reading_imports FOR SELECT TO home_log_app
  USING (app_user_id() IS NULL AND expires_at < now() - interval '1 day');
--> statement-breakpoint
CREATE POLICY reading_imports_forget ON reading_imports FOR DELETE TO home_log_app
  USING (app_user_id() IS NULL AND expires_at < now() - interval '1 day');
