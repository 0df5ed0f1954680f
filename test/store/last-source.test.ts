import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { databaseKinds } from '../helpers/db';
import { householdPerTest } from '../readings/fixture';

// A reading makes its meter the author's last used one (`meter = 4521` then needs no number).
// Most readings go to the meter used last: then the person's row is left as it is, instead of
// a new row version per reading for vacuum to clear.
describe.each(databaseKinds())('the last used meter on %s', (kind) => {
  const home = householdPerTest(kind);

  const kai = async () => {
    const [row] = await home.database.db
      .select({ last: users.lastSourceId, version: sql<string>`${users}.xmin::text` })
      .from(users)
      .where(eq(users.id, home.kai.userId));
    return row!;
  };

  it('is set by a reading, and not written again while it stays the same', async () => {
    expect((await kai()).last).toBeNull();
    await home.add('100', 1);
    const first = await kai();
    expect(first.last).toBe(home.water.id);
    await home.add('110', 2);
    expect(await kai()).toEqual(first);
  });

  it('follows the author to another meter and back', async () => {
    await home.add('100', 1);
    await home.gasUsedLast();
    await home.add('110', 2);
    expect((await kai()).last).toBe(home.water.id);
  });
});
