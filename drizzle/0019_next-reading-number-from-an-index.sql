-- A new reading's number ("#N") is its meter's highest number so far plus one, counted over every
-- row of the meter (fixed and deleted ones too: numbers are never reused). No index answered that:
-- the one on (source_id, number) holds current rows only, and no other starts with source_id for
-- every row. So each stored reading read the whole readings table, every household's rows (42 ms
-- at 100,000 readings on PostgreSQL here; 0.2 ms with the index), and a reading got slower as the
-- database grew. Read backwards, the index gives the highest number first. The same index serves
-- deleting a meter (its readings go with it).
CREATE INDEX "readings_by_source_number" ON "readings" USING btree ("source_id","number");