// @ts-nocheck
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, readings, sources, users } from '../../src/db/schema';
import { exchange, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

describe('people following and leaving', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const userRow = async (lineUserId: string) => {
    const [row] = await h.database.db
      .select({ user: users })
      .from(identities)
      .innerJoin(users, eq(users.id, identities.userId))
      .where(eq(identities.providerUserId, lineUserId));
    return row?.user;
  };

  it('creates a user from the LINE profile on follow and greets in their language', async () => {
    const ploy = h.platform.addUser({ displayName: 'Ploy', language: 'th' });
    const hello = await exchange(h, [h.platform.events.follow({ userId: ploy.userId })]);
    expect(hello.text).toMatch(/^สวัสดีค่ะ คุณPloy!/);
    expect(hello.choices.map((c) => c.label)).toEqual(['เพิ่มมิเตอร์', 'มิเตอร์ของฉัน', 'ช่วยเหลือ']);
    expect(await userRow(ploy.userId)).toMatchObject({
      displayName: 'Ploy',
      language: 'th',
      active: true,
      timezone: 'Asia/Bangkok',
    });

    const john = h.platform.addUser({ displayName: 'John', language: 'en' });
    const hi = await exchange(h, [h.platform.events.follow({ userId: john.userId })]);
    expect(hi.text).toMatch(/^Hi John! I'm Home Log/);
    expect(await userRow(john.userId)).toMatchObject({ language: 'en' });
  });

  it('marks a user inactive on unfollow, keeps their data, and welcomes them back', async () => {
    const lek = h.platform.addUser({ displayName: 'Lek', language: 'en' });
    const lekChat = person(h, lek);
    await exchange(h, [h.platform.events.follow({ userId: lek.userId })]);
    await lekChat.say('add meter Water m3');
    await lekChat.say('meter 1 = 12.5');

    const bye = await exchange(h, [h.platform.events.unfollow({ userId: lek.userId })]);
    expect(bye.messages).toEqual([]);
    const gone = await userRow(lek.userId);
    expect(gone?.active).toBe(false);
    expect(
      await h.database.db
        .select({ name: sources.name })
        .from(sources)
        .where(eq(sources.ownerId, gone!.id)),
    ).toEqual([{ name: 'Water' }]);
    expect(
      await h.database.db.$count(
        readings,
        eq(
          readings.sourceId,
          (await h.database.db.select().from(sources).where(eq(sources.ownerId, gone!.id)))[0]!.id,
        ),
      ),
    ).toBe(1);

    await exchange(h, [h.platform.events.follow({ userId: lek.userId, isUnblocked: true })]);
    expect((await userRow(lek.userId))?.active).toBe(true);
    expect((await lekChat.say('meters')).text).toMatch(/1\. Water \(m³\): last 12\.5 m³/);
  });
});
