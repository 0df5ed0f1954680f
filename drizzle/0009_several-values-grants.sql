-- Per-value bounds of a meter with several values per reading are a setting like min and max:
-- the application role may change them (row-level security already limits source_validators
-- to the meter's admins). sources.value_names, sources.required_values and readings.values get
-- no UPDATE grant: a meter's value names never change, and a reading's values are never
-- edited in place (a fix supersedes the row, as for its value).
GRANT UPDATE (value_ranges) ON source_validators TO home_log_app;
