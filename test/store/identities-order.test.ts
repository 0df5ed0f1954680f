import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, users } from '../../src/db/schema';
import { identitiesOf } from '../../src/store/identities';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// "accounts" lists the LINE identity first: it comes with the account. PGlite's clock counts
// milliseconds, so a Google account linked within that millisecond has the same created_at.
describe.each(databaseKinds())('a person’s identities on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists LINE first when Google was linked at the same instant, whatever their ids', async () => {
    const [user] = await database.db
      .insert(users)
      .values({ displayName: 'Kai', timezone: 'Asia/Bangkok' })
      .returning();
    const at = new Date('2026-12-01T03:00:00.123Z');
    await database.db.insert(identities).values([
      {
        id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
        userId: user!.id,
        provider: 'line',
        providerUserId: `U${user!.id.replaceAll('-', '')}`,
        createdAt: at,
      },
      {
        id: '00000000-0000-4000-8000-000000000000',
        userId: user!.id,
        provider: 'google',
        providerUserId: `g-${user!.id}`,
        email: 'kai@example.com',
        createdAt: at,
      },
    ]);
    const listed = await database.db.transaction((tx) => identitiesOf(tx, user!.id));
    expect(listed.map((identity) => identity.provider)).toEqual(['line', 'google']);
  });
});
