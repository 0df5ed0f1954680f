-- The claiming functions return one row at most, but a set-returning function is planned as a
-- thousand rows unless it says otherwise. The claim that brings its sender joins that row to
-- identities and users, and for a thousand rows the planner hashed every LINE identity and read
-- every user, on each claim: three pages per person who ever wrote to the bot, whenever the
-- people tables' statistics lag behind them (a new install, people arriving faster than the
-- next analyse). Declared as one row, the sender is found by index.
ALTER FUNCTION claim_next_event(text, text, int, int, int) ROWS 1;
--> statement-breakpoint
ALTER FUNCTION finish_and_claim_next(text, text, text, text, text, int, int, int) ROWS 1;
