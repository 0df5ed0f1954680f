import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, readings, sources, users, webhookEvents } from '../../src/db/schema';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// PostgreSQL text and jsonb cannot hold U+0000: one such character used to fail the insert of
// the whole webhook body with a 500, and every other event in it with it.
describe('control characters in a webhook never break the batch', () => {
  let h: Harness;

  /** Malee (English, meter 1 "Water") and Somchai (Thai, meter 1 "ไฟฟ้า"), new for each test. */
  const pair = async () => {
    const malee = person(h, h.platform.addUser({ displayName: 'Malee', language: 'en' }));
    const somchai = person(h, h.platform.addUser({ displayName: 'Somchai', language: 'th' }));
    await malee.say('add meter Water m3');
    await somchai.say('เพิ่มมิเตอร์ ไฟฟ้า kWh');
    return { malee, somchai };
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The values stored on these people's meters, sorted. */
  const values = async (...people: Person[]) =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .innerJoin(sources, eq(sources.id, readings.sourceId))
        .innerJoin(identities, eq(identities.userId, sources.ownerId))
        .where(
          and(
            eq(identities.provider, 'line'),
            inArray(
              identities.providerUserId,
              people.map((p) => p.user.userId),
            ),
          ),
        )
        .orderBy(asc(readings.id))
    )
      .map((r) => r.value)
      .sort();

  it('answers 200, and processes the clean event beside the one with NUL', async () => {
    const { malee, somchai } = await pair();
    const eventsBefore = await h.database.db.$count(webhookEvents);
    const answer = await exchange(h, [
      h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 100\u0000' }),
      h.platform.events.text({ userId: somchai.user.userId, text: 'มิเตอร์ 1 = 4521' }),
    ]);
    expect(await h.database.db.$count(webhookEvents)).toBe(eventsBefore + 2);
    expect(await values(malee, somchai)).toEqual(['100', '4521']);
    expect(answer.text).toContain('Recorded meter 1 "Water": 100 m³');
    expect(answer.text).toContain('4,521 kWh');
  });

  it('refuses a number broken by a control character, with an explanation in each language', async () => {
    const { malee, somchai } = await pair();
    const en = await malee.say('meter 1 = 1\u000050');
    expect(en.text).toContain('There is extra text after the number');
    const th = await somchai.say('มิเตอร์ 1 = 45\u000722');
    expect(th.text).toContain('มีข้อความเกินหลังตัวเลข');
    expect(await values(malee, somchai)).toEqual([]);
  });

  it('keeps a note without its control characters', async () => {
    const { malee } = await pair();
    const answer = await malee.say('meter 1 = 120 # tap\u0000 fixed\u001b');
    expect(answer.text).toContain('Note: tap fixed');
  });

  it('stores a person whose LINE name has NUL in it, and answers them', async () => {
    const odd = person(h, h.platform.addUser({ displayName: 'Na\u0000ree', language: 'en' }));
    const answer = await odd.say('whoami');
    expect(answer.text).toContain('Na ree');
    const names = (await h.database.db.select({ name: users.displayName }).from(users)).map(
      (u) => u.name,
    );
    expect(names).toContain('Na ree');
  });

  it('survives NUL in ids and an impossible timestamp, and still handles the next event', async () => {
    const { malee, somchai } = await pair();
    const broken = {
      ...h.platform.events.text({ userId: malee.user.userId, text: 'meters' }),
      webhookEventId: 'evt\u0000\ud800',
      timestamp: 1e20,
    };
    const answer = await exchange(h, [
      broken,
      h.platform.events.text({ userId: somchai.user.userId, text: 'มิเตอร์' }),
    ]);
    expect(answer.text).toContain('Your meters:');
    expect(answer.text).toContain('มิเตอร์ของคุณ');
  });
});
