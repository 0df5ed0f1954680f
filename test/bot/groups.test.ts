import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, readings, sources, users } from '../../src/db/schema';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

describe('in a family group', () => {
  let h: Harness;
  let mom: Person;
  let dad: Person;
  let shy: Person;
  let family: FakeGroup;

  beforeAll(async () => {
    h = await startHarness();
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'th' }));
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    // Someone who has not agreed to share their profile: LINE leaves out their user id.
    shy = person(h, h.platform.addUser({ displayName: 'Shy', consented: false }));
    family = h.platform.addGroup({
      name: 'Family',
      members: [mom.user.userId, dad.user.userId, shy.user.userId],
    });
    // What every test below may rely on, whatever order they run in: the group's meter 1 and
    // Mom's first reading of it.
    await dad.say('add meter Electric kWh', group());
    await mom.say('มิเตอร์ 1 = 4521', group());
  });
  afterAll(async () => {
    await h?.close();
  });

  const group = () => ({ group: family.groupId });
  const values = async () =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .orderBy(asc(readings.number))
    ).map((r) => r.value);

  it('greets the group when it is added', async () => {
    const hello = await exchange(h, [h.platform.events.join({ groupId: family.groupId })]);
    expect(hello.text).toMatch(/Home Log/);
  });

  it('creates a meter for the group and lets members report it, recording who did', async () => {
    const created = await dad.say('add meter Water m3', group());
    expect(created.text).toContain('Created meter 2 "Water"');
    expect(created.text).toContain('Everyone in this group can report it.');
    const stored = await mom.say('มิเตอร์ 2 = 10', group());
    expect(stored.text).toMatch(/บันทึกมิเตอร์ 2 "Water": 10/);
    const water = await h.database.db
      .select({ value: readings.value, name: users.displayName })
      .from(readings)
      .innerJoin(users, eq(users.id, readings.enteredBy))
      .innerJoin(sources, eq(sources.id, readings.sourceId))
      .where(eq(sources.name, 'Water'));
    expect(water).toEqual([{ value: '10', name: 'Mom' }]);
  });

  it('creates a user for a member who never wrote to the bot, from the group member profile', async () => {
    const [identity] = await h.database.db
      .select({ name: identities.displayName })
      .from(identities)
      .where(eq(identities.providerUserId, mom.user.userId));
    expect(identity?.name).toBe('Mom');
  });

  it.each([
    'I paid 500',
    'ok',
    'ไปกินข้าวกัน',
    '555',
    '4521',
    'total = 500 baht',
    'lunch 120',
    'x'.repeat(10_000),
  ])('stays silent on chatter: %s', async (chatter) => {
    const before = await values();
    const answer = await dad.say(chatter, group());
    expect(answer.messages).toEqual([]);
    expect(await values()).toEqual(before);
  });

  it('answers when mentioned, even without a command', async () => {
    const answer = await dad.say('@Home Log hello', {
      ...group(),
      mention: {
        mentionees: [{ index: 0, length: 9, type: 'user', userId: h.platform.botUserId }],
      },
    });
    expect(answer.text).toMatch(/What I understand/);
  });

  it('understands a command after a mention of the bot', async () => {
    const answer = await dad.say('@Home Log meter 1 = 4600', {
      ...group(),
      mention: {
        mentionees: [{ index: 0, length: 9, type: 'user', userId: h.platform.botUserId }],
      },
    });
    expect(answer.text).toMatch(/Recorded meter 1 "Electric": 4,600 kWh/);
  });

  it('explains why it cannot record a reading from someone LINE did not name', async () => {
    const before = await values();
    const answer = await shy.say('meter 1 = 4700', group());
    expect(answer.text).toMatch(/LINE didn't tell me who sent that|LINE ไม่ได้บอกว่าใครส่ง/);
    expect(await values()).toEqual(before);
  });

  it('still lets that person read what the group shares', async () => {
    const answer = await shy.say('history meter 1', group());
    expect(answer.text).toMatch(/#1 4,521 kWh/);
  });

  it('answers a grammar mistake that names a real meter', async () => {
    const answer = await dad.say('Electric = 4,52', group());
    expect(answer.text).toMatch(/not a number I can store/);
  });

  it('lists the meters shared in the group', async () => {
    const answer = await dad.say('meters', group());
    // The newest reading of meter 1: 4,521, or 4,600 when the mention test has run before.
    const [newest] = await h.database.db
      .select({ value: readings.value })
      .from(readings)
      .innerJoin(sources, eq(sources.id, readings.sourceId))
      .where(eq(sources.name, 'Electric'))
      .orderBy(desc(readings.takenAt))
      .limit(1);
    const shown = Number(newest!.value).toLocaleString('en-US');
    expect(answer.text).toContain(
      `Meters shared in this group:\n1. Electric (kWh): last ${shown} kWh`,
    );
  });
});
