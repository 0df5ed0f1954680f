import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identities, readings, sources } from '../../src/db/schema';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// In a group, numbers and bare values mean the group's meters, never the speaker's own ones that
// happen to carry the same number in the one-to-one chat. Each test starts from a family of its
// own, so any one can run alone and in any order.
describe('targets in a group', () => {
  let h: Harness;
  let dad: Person;
  let mom: Person;
  let family: FakeGroup;

  beforeAll(async () => {
    h = await startHarness();
  });
  beforeEach(async () => {
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    family = h.platform.addGroup({ name: 'Family', members: [dad.user.userId, mom.user.userId] });
    // Dad's meter 1 is Electric, meter 2 Water; only Water is shared: the group's meter 1.
    await dad.say('add meter Electric kWh');
    await dad.say('add meter Water m3');
    await dad.say('share meter 2', { group: family.groupId });
  });
  afterAll(async () => {
    await h?.close();
  });

  const group = () => ({ group: family.groupId });
  const mention = (text: string) => ({
    group: family.groupId,
    mention: {
      mentionees: [{ index: 0, length: 4, type: 'user' as const, userId: h.platform.botUserId }],
    },
    text: `@bot ${text}`,
  });
  const valuesOf = async (name: string) =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .innerJoin(sources, eq(sources.id, readings.sourceId))
        .innerJoin(identities, eq(identities.userId, sources.ownerId))
        .where(
          and(
            eq(identities.providerUserId, dad.user.userId),
            eq(sources.name, name),
            isNull(readings.deletedAt),
          ),
        )
        .orderBy(asc(readings.number))
    ).map((r) => r.value);

  it("puts `meter 1 = …` on the group's meter 1, not the speaker's own meter 1", async () => {
    const answer = await dad.say('meter 1 = 50', group());
    expect(answer.text).toMatch(/Water/);
    expect(await valuesOf('Water')).toEqual(['50']);
    expect(await valuesOf('Electric')).toEqual([]);
  });

  it("archives the group's meter 1 when asked in the group", async () => {
    const ask = await dad.say('archive meter 1', group());
    expect(ask.text).toMatch(/^Archive meter 1 "Water"\?/);
    expect((await dad.tap(ask, 'Cancel')).text).not.toMatch(/Archived/);
  });

  it('asks which meter a bare value is for when the group has several', async () => {
    await dad.say('share meter 1', group());
    const m = mention('60');
    const answer = await mom.say(m.text, { group: m.group, mention: m.mention });
    // Group members' profiles carry no language, so the question may come in either; its
    // buttons name both of the group's meters.
    const labels = answer.choices.map((c) => c.label).join(' ');
    expect(labels).toMatch(/Electric/);
    expect(labels).toMatch(/Water/);
    expect(await valuesOf('Water')).toEqual([]);
    expect(await valuesOf('Electric')).toEqual([]);
  });
});
