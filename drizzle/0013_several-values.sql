ALTER TABLE "readings" ADD COLUMN "values" numeric[];--> statement-breakpoint
ALTER TABLE "source_validators" ADD COLUMN "value_ranges" jsonb;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "value_names" text[];--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "required_values" smallint;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_values_check" CHECK ("readings"."values" is null or (cardinality("readings"."values") between 1 and 6 and "readings"."values"[1] = "readings"."value" and array_position("readings"."values", null) is null and not ('NaN' = any("readings"."values")) and not ('Infinity' = any("readings"."values")) and not ('-Infinity' = any("readings"."values"))));--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_value_names_check" CHECK (("sources"."value_names" is null and "sources"."required_values" is null) or (cardinality("sources"."value_names") between 2 and 6 and array_position("sources"."value_names", null) is null and "sources"."required_values" between 1 and cardinality("sources"."value_names") and "sources"."kind" = 'gauge'));--> statement-breakpoint
-- Per-value bounds of a meter with several values per reading are a setting like min and max:
-- the application role may change them (row-level security already limits source_validators
-- to the meter's admins). sources.value_names, sources.required_values and readings.values get
-- no UPDATE grant: a meter's value names never change, and a reading's values are never
-- edited in place (a fix supersedes the row, as for its value).
GRANT UPDATE (value_ranges) ON source_validators TO home_log_app;
