import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { withSender } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';
import { pagesTouched } from '../helpers/pages';

// The claim brings its event's sender by joining the claiming function's row to identities and
// users. The planner took the function for a thousand rows (its default), and so hashed every
// LINE identity and read every user for each claim: in the drain, 102 of the claim's 156 pages
// with 50 people, and a cost that grows with every person who ever wrote to the bot. The
// functions are declared to return one row (drizzle/0029): the sender is found by index.
// The people here have no statistics yet, as after an install or while people arrive faster
// than the next analyse: that is when the hash was chosen.
describe.each(databaseKinds())('a claim finds its sender by index on %s', (kind) => {
  let database: TestDatabase;
  const PEOPLE = 2_000;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execute(sql`
      with made as (
        insert into users (display_name, timezone)
        select 'Person ' || i, 'Asia/Bangkok' from generate_series(1, ${PEOPLE}) as i
        returning id, display_name)
      insert into identities (user_id, provider, provider_user_id)
      select id, 'line', 'U-' || substr(display_name, 8) from made`);
    await database.db.execute(sql`
      insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, sender_id)
      select 'E' || i, now() - interval '1 minute' + make_interval(secs => i), 'U-' || i,
        'message',
        jsonb_build_object('type', 'message', 'source',
          jsonb_build_object('type', 'user', 'userId', 'U-' || i),
          'message', jsonb_build_object('type', 'text', 'text', 'meter 1 = 1')),
        'U-' || i
      from generate_series(1, 20) as i`);
  });
  afterAll(async () => {
    await database?.close();
  });

  const claimWithSender = (chat: string) =>
    withSender(sql`claim_next_event(${chat}, 'worker-1', 30, 3, 99)`, sql`${'2026-12'}`);

  it(`reads a few pages with ${PEOPLE} people known, not one per person`, async () => {
    const pages = await database.db.transaction((tx) =>
      pagesTouched(tx, claimWithSender('U-2'), claimWithSender('U-1')),
    );
    // Measured: 32-33 pages; 6,060 before, on both databases (three per person).
    expect(pages).toBeLessThan(100);
  });

  it('still brings the sender', async () => {
    const [claimed] = await rows(database.db, claimWithSender('U-3'));
    expect(claimed).toMatchObject({ webhook_event_id: 'E3', display_name: 'Person 3' });
  });
});
