CREATE TABLE "chat_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "chat_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"chat_key" text NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"detail" jsonb NOT NULL,
	"origin" text NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_origin" text,
	CONSTRAINT "chat_changes_kind_check" CHECK ("chat_changes"."kind" in ('reading.add', 'reading.fix', 'reading.delete', 'reading.replace', 'meter.archive', 'meter.settings'))
);
--> statement-breakpoint
CREATE TABLE "shown_histories" (
	"user_id" uuid NOT NULL,
	"chat_key" text NOT NULL,
	"source_id" uuid NOT NULL,
	"shown_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shown_histories_user_id_chat_key_pk" PRIMARY KEY("user_id","chat_key")
);
--> statement-breakpoint
ALTER TABLE "chat_changes" ADD CONSTRAINT "chat_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_changes" ADD CONSTRAINT "chat_changes_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shown_histories" ADD CONSTRAINT "shown_histories_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shown_histories" ADD CONSTRAINT "shown_histories_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_changes_origin_unique" ON "chat_changes" USING btree ("origin");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_changes_undone_origin_unique" ON "chat_changes" USING btree ("undone_origin");--> statement-breakpoint
CREATE INDEX "chat_changes_by_author" ON "chat_changes" USING btree ("user_id","chat_key","seq");
--> statement-breakpoint
-- Written by hand (drizzle-kit cannot express grants or policies). A person's change log and
-- the history they were last shown are theirs alone: nobody else reads them, nobody else's undo
-- walks them. Only the undo stamp of a change is ever updated.
GRANT SELECT, INSERT ON chat_changes TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (undone_at, undone_origin) ON chat_changes TO home_log_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON shown_histories TO home_log_app;
--> statement-breakpoint
ALTER TABLE chat_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY chat_changes_own ON chat_changes FOR ALL TO home_log_app
  USING (user_id = app_user_id())
  WITH CHECK (user_id = app_user_id() AND app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
ALTER TABLE shown_histories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shown_histories_own ON shown_histories FOR ALL TO home_log_app
  USING (user_id = app_user_id())
  WITH CHECK (user_id = app_user_id() AND app_source_role(source_id) IS NOT NULL);
