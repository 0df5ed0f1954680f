CREATE TABLE "photo_requests" (
	"user_id" uuid NOT NULL,
	"chat_key" text NOT NULL,
	"source_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	CONSTRAINT "photo_requests_user_id_chat_key_pk" PRIMARY KEY("user_id","chat_key")
);
--> statement-breakpoint
CREATE TABLE "reading_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reading_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "reading_photos_content_type_check" CHECK ("reading_photos"."content_type" in ('image/jpeg', 'image/png')),
	CONSTRAINT "reading_photos_size_check" CHECK ("reading_photos"."size" = octet_length("reading_photos"."bytes"))
);
--> statement-breakpoint
ALTER TABLE "photo_requests" ADD CONSTRAINT "photo_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_requests" ADD CONSTRAINT "photo_requests_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_photos" ADD CONSTRAINT "reading_photos_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_photos" ADD CONSTRAINT "reading_photos_reading_id_readings_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."readings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_photos" ADD CONSTRAINT "reading_photos_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reading_photos_origin_unique" ON "reading_photos" USING btree ("origin");--> statement-breakpoint
CREATE INDEX "reading_photos_by_reading" ON "reading_photos" USING btree ("source_id","number","added_at");--> statement-breakpoint
-- Written by hand (drizzle-kit cannot express grants, policies or storage). JPEG and PNG are
-- compressed already: keep the bytes out of line without trying to compress them again.
ALTER TABLE reading_photos ALTER COLUMN bytes SET STORAGE EXTERNAL;
--> statement-breakpoint
-- A photo follows its meter's roles: whoever may read the meter may see it, a writer may add
-- one (signed as themselves), and nobody changes or removes one through the application.
GRANT SELECT, INSERT ON reading_photos TO home_log_app;
--> statement-breakpoint
ALTER TABLE reading_photos ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reading_photos_select ON reading_photos FOR SELECT TO home_log_app
  USING (app_source_role(source_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY reading_photos_insert ON reading_photos FOR INSERT TO home_log_app
  WITH CHECK (added_by = app_user_id() AND app_source_role(source_id) IN ('write', 'admin'));
--> statement-breakpoint
-- A waiting `photo #12` is its author's alone, and only a writer of the meter can leave one.
GRANT SELECT, INSERT, UPDATE, DELETE ON photo_requests TO home_log_app;
--> statement-breakpoint
ALTER TABLE photo_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY photo_requests_own ON photo_requests FOR ALL TO home_log_app
  USING (user_id = app_user_id())
  WITH CHECK (user_id = app_user_id() AND app_source_role(source_id) IN ('write', 'admin'));
