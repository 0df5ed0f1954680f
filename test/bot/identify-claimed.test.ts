import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify } from '../../src/bot/identify';
import { withActor } from '../../src/db/actor';
import type { Deps } from '../../src/deps';
import { quotaMonth } from '../../src/domain/billing/quota';
import { createLineUser, type User } from '../../src/store/users';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// The claim of an event brings its sender (store/webhook-events.ts): identify takes that instead
// of looking them up, unless the quota month turned between the claim and now.
describe('identify with the sender the claim brought', () => {
  let database: TestDatabase;
  let malee: User;
  const now = new Date(Date.UTC(2026, 11, 4, 12));
  let deps: Deps;
  const event = {
    type: 'message',
    source: { type: 'user', userId: 'U-malee' },
    message: { type: 'text', text: 'help' },
  } as unknown as webhook.Event;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    ({ user: malee } = await withActor(database.db, { userId: null }, ({ tx }) =>
      createLineUser(tx, {
        lineUserId: 'U-malee',
        displayName: 'Malee',
        pictureUrl: null,
        language: 'th',
        timezone: 'Asia/Bangkok',
      }),
    ));
    deps = { database, clock: () => now, config: {} } as unknown as Deps;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('takes the sender the claim found this month, without looking again', async () => {
    // Marked so that only the claim's copy could have given it.
    const claimedCopy = { ...malee, displayName: 'Malee, as claimed' };
    const sender = await identify(deps, event, {
      create: true,
      eventId: 'E1',
      claimed: { month: quotaMonth(now), found: { user: claimedCopy, pausedNoteOwed: true } },
    });
    expect(sender).toEqual({
      user: claimedCopy,
      pausedNoteOwed: { month: quotaMonth(now), owed: true },
    });
  });

  it('looks again when the quota month turned since the claim', async () => {
    const claimedCopy = { ...malee, displayName: 'Malee, as claimed' };
    const sender = await identify(deps, event, {
      create: true,
      eventId: 'E2',
      claimed: { month: '2026-11', found: { user: claimedCopy, pausedNoteOwed: true } },
    });
    expect(sender?.user.displayName).toBe('Malee');
    expect(sender?.pausedNoteOwed).toEqual({ month: quotaMonth(now), owed: false });
  });

  it('finds the person created after the claim instead of creating them twice', async () => {
    const sender = await identify(deps, event, {
      create: true,
      eventId: 'E3',
      claimed: { month: quotaMonth(now), found: null },
    });
    expect(sender?.user.id).toBe(malee.id);
  });
});
