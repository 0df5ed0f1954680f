CREATE TABLE "access" (
	"user_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_user_id_source_id_pk" PRIMARY KEY("user_id","source_id"),
	CONSTRAINT "access_role_check" CHECK ("access"."role" in ('read', 'write', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"chat_key" text,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"source_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_meters" (
	"chat_key" text NOT NULL,
	"number" integer NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_meters_chat_key_number_pk" PRIMARY KEY("chat_key","number"),
	CONSTRAINT "chat_meters_number_check" CHECK ("chat_meters"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "group_shares" (
	"chat_id" text NOT NULL,
	"source_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_shares_chat_id_source_id_pk" PRIMARY KEY("chat_id","source_id"),
	CONSTRAINT "group_shares_role_check" CHECK ("group_shares"."role" in ('read', 'write'))
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_user_id" text NOT NULL,
	"email" text,
	"display_name" text,
	"picture_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identities_provider_check" CHECK ("identities"."provider" in ('line', 'google'))
);
--> statement-breakpoint
CREATE TABLE "link_states" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "link_states_purpose_check" CHECK ("link_states"."purpose" in ('google_link'))
);
--> statement-breakpoint
CREATE TABLE "reading_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"chat_key" text NOT NULL,
	"value" numeric NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"note" text,
	"origin" text NOT NULL,
	"verdict" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "reading_confirmations_resolution_check" CHECK ("reading_confirmations"."resolution" is null or "reading_confirmations"."resolution" in ('store', 'rollover', 'replacement', 'typo', 'cancel'))
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"value" numeric NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"quality" text DEFAULT 'actual' NOT NULL,
	"register_event" text,
	"origin" text,
	"supersedes" uuid,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deleted_origin" text,
	CONSTRAINT "readings_quality_check" CHECK ("readings"."quality" in ('actual', 'estimated', 'bill', 'import')),
	CONSTRAINT "readings_register_event_check" CHECK ("readings"."register_event" is null or "readings"."register_event" in ('rollover', 'replacement_final', 'replacement_initial')),
	CONSTRAINT "readings_value_finite" CHECK ("readings"."value" not in ('NaN', 'Infinity', '-Infinity'))
);
--> statement-breakpoint
CREATE TABLE "source_validators" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"min" numeric,
	"max" numeric,
	"non_decreasing" boolean DEFAULT true NOT NULL,
	"max_rate_per_day" numeric,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"unit" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'cumulative' NOT NULL,
	"meter_number" text,
	"place" text,
	"digits" smallint,
	"timezone" text NOT NULL,
	"bill_day" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "sources_kind_check" CHECK ("sources"."kind" in ('cumulative', 'gauge', 'delta')),
	CONSTRAINT "sources_digits_check" CHECK ("sources"."digits" between 1 and 15),
	CONSTRAINT "sources_bill_day_check" CHECK ("sources"."bill_day" between 1 and 31),
	CONSTRAINT "sources_name_check" CHECK (length("sources"."name") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"timezone" text NOT NULL,
	"language" text DEFAULT 'th' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"last_source_id" uuid,
	CONSTRAINT "users_language_check" CHECK ("users"."language" in ('th', 'en'))
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"webhook_event_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"chat_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "webhook_events_status_check" CHECK ("webhook_events"."status" in ('pending', 'processing', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "access" ADD CONSTRAINT "access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access" ADD CONSTRAINT "access_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access" ADD CONSTRAINT "access_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_meters" ADD CONSTRAINT "chat_meters_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_shares" ADD CONSTRAINT "group_shares_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_shares" ADD CONSTRAINT "group_shares_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_states" ADD CONSTRAINT "link_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_confirmations" ADD CONSTRAINT "reading_confirmations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_confirmations" ADD CONSTRAINT "reading_confirmations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_supersedes_readings_id_fk" FOREIGN KEY ("supersedes") REFERENCES "public"."readings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_validators" ADD CONSTRAINT "source_validators_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_last_source_id_sources_id_fk" FOREIGN KEY ("last_source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_source_idx" ON "access" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "audit_log_source_idx" ON "audit_log" USING btree ("source_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_meters_source_unique" ON "chat_meters" USING btree ("chat_key","source_id");--> statement-breakpoint
CREATE INDEX "group_shares_source_idx" ON "group_shares" USING btree ("source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identities_provider_subject_unique" ON "identities" USING btree ("provider","provider_user_id");--> statement-breakpoint
CREATE INDEX "identities_user_idx" ON "identities" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "link_states_user_idx" ON "link_states" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reading_confirmations_origin_unique" ON "reading_confirmations" USING btree ("origin");--> statement-breakpoint
CREATE UNIQUE INDEX "readings_origin_unique" ON "readings" USING btree ("origin");--> statement-breakpoint
CREATE UNIQUE INDEX "readings_deleted_origin_unique" ON "readings" USING btree ("deleted_origin");--> statement-breakpoint
CREATE UNIQUE INDEX "readings_supersedes_unique" ON "readings" USING btree ("supersedes");--> statement-breakpoint
CREATE INDEX "readings_current_by_source_time" ON "readings" USING btree ("source_id","taken_at") WHERE "readings"."superseded_at" is null and "readings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "readings_register_events" ON "readings" USING btree ("source_id","taken_at") WHERE "readings"."register_event" is not null and "readings"."superseded_at" is null and "readings"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "readings_current_number_unique" ON "readings" USING btree ("source_id","number") WHERE "readings"."superseded_at" is null and "readings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "readings_entered_by_idx" ON "readings" USING btree ("entered_by","entered_at");--> statement-breakpoint
CREATE INDEX "sources_owner_idx" ON "sources" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_owner_name_unique" ON "sources" USING btree ("owner_id",lower("name")) WHERE "sources"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "webhook_events_unfinished" ON "webhook_events" USING btree ("chat_id","occurred_at") WHERE "webhook_events"."status" in ('pending', 'processing');