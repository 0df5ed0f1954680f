ALTER TABLE "webhook_events" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "applied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "reply" jsonb;