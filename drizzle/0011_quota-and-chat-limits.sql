CREATE TABLE "quota_notices" (
	"user_id" uuid NOT NULL,
	"month" text NOT NULL,
	"source_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"held_at" timestamp with time zone DEFAULT now() NOT NULL,
	"told_at" timestamp with time zone,
	"told_event" text,
	CONSTRAINT "quota_notices_user_id_month_pk" PRIMARY KEY("user_id","month")
);
--> statement-breakpoint
ALTER TABLE "quota_notices" ADD CONSTRAINT "quota_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Like push_claims, this is the push scheduler's bookkeeping (ids and a month, nothing anyone
-- wrote): no row-level security, the scheduler writes it for whoever a held push concerned.
-- A note is never deleted or re-opened by the application: only marked told.
GRANT SELECT, INSERT ON quota_notices TO home_log_app;
--> statement-breakpoint
GRANT UPDATE (source_ids, told_at, told_event) ON quota_notices TO home_log_app;
--> statement-breakpoint
CREATE TABLE "flood_notices" (
	"sender_id" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"chat_id" text NOT NULL,
	"event_id" text NOT NULL,
	"reply_token" text,
	"received_at" timestamp with time zone NOT NULL,
	"language" text,
	"listed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"others" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "flood_notices_sender_id_window_start_pk" PRIMARY KEY("sender_id","window_start")
);
--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "sender_id" text;--> statement-breakpoint
CREATE INDEX "flood_notices_due" ON "flood_notices" USING btree ("window_end");--> statement-breakpoint
CREATE INDEX "webhook_events_by_sender" ON "webhook_events" USING btree ("sender_id","occurred_at") WHERE "webhook_events"."sender_id" is not null;--> statement-breakpoint
-- Like the webhook inbox, this is kept before anyone is known (a LINE user id, a chat and what
-- was not processed): no row-level security. Rows are deleted once told.
GRANT SELECT, INSERT, UPDATE, DELETE ON flood_notices TO home_log_app;
