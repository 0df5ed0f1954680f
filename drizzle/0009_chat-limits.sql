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
