import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineUsersWithLanguage } from '../../src/store/line-audience';
import { exchange } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Who `npm run line:setup` links to which menu: active people, by their language.

describe('the rich menu audience', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists active LINE users with their language, leaving out those who left', async () => {
    const ploy = h.platform.addUser({ displayName: 'Ploy', language: 'th' });
    const john = h.platform.addUser({ displayName: 'John', language: 'en' });
    const gone = h.platform.addUser({ displayName: 'Gone', language: 'en' });
    for (const user of [ploy, john, gone]) {
      await exchange(h, [h.platform.events.follow({ userId: user.userId })]);
    }
    await exchange(h, [h.platform.events.unfollow({ userId: gone.userId })]);

    const people = await lineUsersWithLanguage(h.deps.database.db);
    expect(people).toEqual(
      expect.arrayContaining([
        { lineUserId: ploy.userId, language: 'th' },
        { lineUserId: john.userId, language: 'en' },
      ]),
    );
    expect(people.map((p) => p.lineUserId)).not.toContain(gone.userId);
  });
});
