// @ts-nocheck
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, readings, users } from '../../src/db/schema';
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
    const created = await dad.say('add meter Electric kWh', group());
    expect(created.text).toContain(
      'Created meter 1 "Electric" (kWh). Everyone in this group can report it.',
    );
    const stored = await mom.say('มิเตอร์ 1 = 4521', group());
    expect(stored.text).toMatch(/บันทึกมิเตอร์ 1 "Electric": 4,521 kWh/);
    const [reading] = await h.database.db
      .select({ value: readings.value, name: users.displayName })
      .from(readings)
      .innerJoin(users, eq(users.id, readings.enteredBy));
    expect(reading).toEqual({ value: '4521', name: 'Mom' });
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
    expect(answer.text).toMatch(/#2 4,600 kWh/);
  });

  it('answers a grammar mistake that names a real meter', async () => {
    const answer = await dad.say('Electric = 4,52', group());
    expect(answer.text).toMatch(/not a number I can store/);
  });

  it('lists the meters shared in the group', async () => {
    const answer = await dad.say('meters', group());
    expect(answer.text).toMatch(
      /Meters shared in this group:\n1\. Electric \(kWh\): last 4,600 kWh/,
    );
  });
});
