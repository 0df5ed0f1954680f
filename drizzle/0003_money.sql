CREATE TABLE "paid_bills" (
	"source_id" uuid NOT NULL,
	"period" text NOT NULL,
	"amount" numeric NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paid_bills_source_id_period_pk" PRIMARY KEY("source_id","period"),
	CONSTRAINT "paid_bills_period_check" CHECK ("paid_bills"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "paid_bills_amount_check" CHECK ("paid_bills"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "push_claims" (
	"key" text PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"day" text,
	"kind" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"user_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"day" smallint NOT NULL,
	"time" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_user_id_source_id_pk" PRIMARY KEY("user_id","source_id"),
	CONSTRAINT "reminders_day_check" CHECK ("reminders"."day" between 1 and 31),
	CONSTRAINT "reminders_time_check" CHECK ("reminders"."time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "tariff_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_from" text NOT NULL,
	"value" jsonb NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariff_settings_kind_check" CHECK ("tariff_settings"."kind" in ('rate', 'service', 'minimum', 'adjustment', 'vat')),
	CONSTRAINT "tariff_settings_from_check" CHECK ("tariff_settings"."effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
);
--> statement-breakpoint
CREATE TABLE "usage_alerts" (
	"user_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"threshold" numeric,
	"state" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_alerts_user_id_source_id_pk" PRIMARY KEY("user_id","source_id")
);
--> statement-breakpoint
ALTER TABLE "paid_bills" ADD CONSTRAINT "paid_bills_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_bills" ADD CONSTRAINT "paid_bills_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_claims" ADD CONSTRAINT "push_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_settings" ADD CONSTRAINT "tariff_settings_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_settings" ADD CONSTRAINT "tariff_settings_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_alerts" ADD CONSTRAINT "usage_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_alerts" ADD CONSTRAINT "usage_alerts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "push_claims_one_reminder_a_day" ON "push_claims" USING btree ("user_id","day") WHERE "push_claims"."kind" = 'reminder';--> statement-breakpoint
CREATE INDEX "tariff_settings_source_idx" ON "tariff_settings" USING btree ("source_id","effective_from");