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
