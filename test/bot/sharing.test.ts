import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  access,
  auditLog,
  groupShares,
  identities,
  readings,
  sources,
  users,
} from '../../src/db/schema';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// One app for the whole file: starting one per test was most of the file's time. Each test has
// a household of its own (new people, groups and meters) and looks only at the rows of its
// household's meters, so any test runs alone and in any order.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The ids of the meters this person owns. */
async function metersOf(owner: Person): Promise<string[]> {
  const owned = await h.database.db
    .select({ id: sources.id })
    .from(sources)
    .innerJoin(identities, eq(identities.userId, sources.ownerId))
    .where(and(eq(identities.provider, 'line'), eq(identities.providerUserId, owner.user.userId)));
  return owned.map((meter) => meter.id);
}

// Each test starts from a fresh household and replays exactly the steps it builds on (the
// `given` helpers).
describe('sharing a meter with the family', () => {
  let dad: Person;
  let mom: Person;
  let son: Person;
  let family: FakeGroup;
  let friends: FakeGroup;
  /** Dad's meters: every share, reading, grant and audit entry a test makes is about them. */
  let meters: string[];

  beforeEach(async () => {
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    son = person(h, h.platform.addUser({ displayName: 'Son', language: 'en' }));
    family = h.platform.addGroup({
      name: 'Family',
      members: [dad.user.userId, mom.user.userId, son.user.userId],
    });
    friends = h.platform.addGroup({ name: 'Friends', members: [dad.user.userId, mom.user.userId] });
    await dad.say('add meter Electric kWh');
    await dad.say('add meter Water m3');
    await dad.say('meter 2 = 100');
    meters = await metersOf(dad);
    expect(meters).toHaveLength(2);
  });

  const inFamily = () => ({ group: family.groupId });
  const mention = (text: string, who: Person) => {
    const at = text.indexOf('@');
    const length = text.slice(at).split(' ')[0]!.length;
    return { mentionees: [{ index: at, length, type: 'user' as const, userId: who.user.userId }] };
  };
  const chatName = (chatId: string) =>
    chatId === family.groupId ? 'family' : chatId === friends.groupId ? 'friends' : chatId;
  const shares = async () =>
    (
      await h.database.db
        .select()
        .from(groupShares)
        .where(inArray(groupShares.sourceId, meters))
        .orderBy(asc(groupShares.grantedAt))
    ).map((s) => `${chatName(s.chatId)}:${s.role}`);
  const audits = async (action: string) =>
    h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), inArray(auditLog.sourceId, meters)))
      .orderBy(asc(auditLog.seq));
  const readingCount = () => h.database.db.$count(readings, inArray(readings.sourceId, meters));
  const grantCount = () => h.database.db.$count(access, inArray(access.sourceId, meters));
  /** Says a text in the family group with its @-mention of `who`, and checks it was understood. */
  const sayMentioning = async (speaker: Person, text: string, who: Person, expected: RegExp) => {
    const answer = await speaker.say(text, { ...inFamily(), mention: mention(text, who) });
    expect(answer.text).toMatch(expected);
    return answer;
  };

  // The steps the tests build on, each checked as it happens.
  const given = {
    waterSharedWithFamily: async () => {
      expect((await dad.say('share meter 2', inFamily())).text).toMatch(/^Shared meter 2/);
    },
    momReported110InFamily: async () => {
      expect((await mom.say('meter 1 = 110', inFamily())).text).toMatch(/Recorded .* 110 m³/);
    },
    familyShareReadOnly: async () => {
      expect((await dad.say('share meter 2 read', inFamily())).text).toMatch(/\(read only\)/);
    },
    momMay: (role: 'write' | 'admin') =>
      sayMentioning(dad, `share Water @Mom ${role}`, mom, new RegExp(`\\(${role}\\)`)),
  };

  it('tells you to share from inside the group', async () => {
    expect((await dad.say('share meter 2')).text).toMatch(/Share a meter from inside the group/);
    expect(await shares()).toEqual([]);
  });

  it("shares one of the speaker's own meters, numbered as in their one-to-one chat, into the group", async () => {
    const answer = await dad.say('share meter 2', inFamily());
    expect(answer.text).toBe(
      'Shared meter 2 "Water" with this group (everyone can report it). Here it is meter 1, e.g. meter 1 = 4521.',
    );
    expect(await shares()).toEqual(['family:write']);
    const [entry] = await audits('share.add');
    expect(entry).toMatchObject({ subjectId: family.groupId, after: { role: 'write' } });
  });

  it('lets group members report it, recording the author', async () => {
    await given.waterSharedWithFamily();
    expect((await mom.say('meter 1 = 110', inFamily())).text).toMatch(
      /Recorded meter 1 "Water": 110 m³/,
    );
    const stored = await h.database.db
      .select({ value: readings.value, by: users.displayName })
      .from(readings)
      .innerJoin(users, eq(users.id, readings.enteredBy))
      .where(inArray(readings.sourceId, meters))
      .orderBy(asc(readings.enteredAt));
    expect(stored).toEqual([
      { value: '100', by: 'Dad' },
      { value: '110', by: 'Mom' },
    ]);
  });

  it('does not let a member share a meter that is not theirs', async () => {
    await given.waterSharedWithFamily();
    expect((await mom.say('share Water', inFamily())).text).toMatch(/There is no "Water" here/);
    expect((await mom.say('share meter 1', inFamily())).text).toMatch(/There is no meter 1 here/);
    expect(await shares()).toEqual(['family:write']);
  });

  it('changes a group share to read only, and members can then only look', async () => {
    await given.waterSharedWithFamily();
    await given.momReported110InFamily();
    expect((await dad.say('share meter 2 read', inFamily())).text).toMatch(/\(read only\)/);
    expect(await shares()).toEqual(['family:read']);
    expect((await mom.say('meter 1 = 120', inFamily())).text).toMatch(
      /You can look at meter 1 "Water", but not change it/,
    );
    expect((await mom.say('history meter 1', inFamily())).text).toMatch(/#2 110 m³/);
    expect(await readingCount()).toBe(2);
    const [change] = await audits('share.change');
    expect(change).toMatchObject({ before: { role: 'write' }, after: { role: 'read' } });
  });

  it('gives one mentioned member a personal role, which also works in the one-to-one chat', async () => {
    await given.waterSharedWithFamily();
    await given.familyShareReadOnly();
    const text = 'share Water @Mom write';
    const answer = await dad.say(text, { ...inFamily(), mention: mention(text, mom) });
    expect(answer.text).toBe('Mom can now report and see meter 2 "Water" (write).');
    expect(
      await h.database.db
        .select({ role: access.role })
        .from(access)
        .where(inArray(access.sourceId, meters)),
    ).toEqual([{ role: 'write' }]);
    // In the group her write role beats the group's read share.
    expect((await mom.say('meter 1 = 120', inFamily())).text).toMatch(
      /Recorded meter 1 "Water": 120 m³/,
    );
    // In her own chat the meter now has a number of its own.
    expect((await mom.say('meters')).text).toMatch(/1\. Water \(m³\): last 120 m³/);
    expect((await mom.say('meter 1 = 125')).text).toMatch(/Recorded meter 1 "Water": 125 m³/);
  });

  it('never lets an admin demote the owner or take his access away', async () => {
    await given.waterSharedWithFamily();
    await given.momMay('write');
    const demote = 'share Water @Dad read';
    // A writer is not even an admin.
    await sayMentioning(mom, demote, dad, /Only an admin of meter 1 "Water" can do that/);
    // An admin is refused because Dad owns the meter.
    await given.momMay('admin');
    const owner = 'Dad owns meter 1 "Water"; the owner always keeps full access.';
    expect((await sayMentioning(mom, demote, dad, /owns/)).text).toBe(owner);
    // In the group, unshare finds the meter by the group's own numbering first.
    expect((await sayMentioning(mom, 'unshare Water @Dad', dad, /owns/)).text).toBe(owner);
    expect(
      await h.database.db
        .select({ name: users.displayName, role: access.role })
        .from(access)
        .innerJoin(users, eq(users.id, access.userId))
        .where(inArray(access.sourceId, meters)),
    ).toEqual([{ name: 'Mom', role: 'admin' }]);
  });

  it('lists who may do what', async () => {
    await given.waterSharedWithFamily();
    await given.familyShareReadOnly();
    await given.momMay('admin');
    const answer = await son.say('access meter 1', inFamily());
    expect(answer.text).toBe(
      'Who may use meter 1 "Water":\nDad: owner (admin)\n#1 Mom: admin\n#2 this group: read',
    );
  });

  it('shows admins the audit trail, and no one else', async () => {
    await given.waterSharedWithFamily();
    await given.momReported110InFamily();
    await given.familyShareReadOnly();
    await given.momMay('write');
    expect((await mom.say('meter 1 = 120', inFamily())).text).toMatch(/Recorded/);
    expect((await mom.say('meter 1 = 125')).text).toMatch(/Recorded/);
    await given.momMay('admin');

    expect((await son.say('audit meter 1', inFamily())).text).toMatch(
      /Only an admin of meter 1 "Water" can do that/,
    );
    const trail = await dad.say('audit Water');
    expect(trail.text).toMatch(/^Recent activity on meter 2 "Water":/);
    expect(trail.text).toMatch(/Dad: changed someone's access \(write → admin\)/);
    expect(trail.text).toMatch(/Mom: recorded #4 125 m³/);
    expect(trail.text).toMatch(/Dad: changed a group's access \(write → read\)/);
  });

  it('takes a personal role back with unshare and a mention', async () => {
    await given.waterSharedWithFamily();
    await given.familyShareReadOnly();
    // Mom has written in the family group, so the bot knows she is a member there.
    await mom.say('meters', inFamily());
    await given.momMay('write');
    expect((await mom.say('meter 1 = 130')).text).toMatch(/Recorded meter 1 "Water": 130 m³/);
    const text = 'unshare Water @Mom';
    expect((await dad.say(text, { ...inFamily(), mention: mention(text, mom) })).text).toBe(
      'Mom no longer has access to meter 1 "Water".',
    );
    expect(await grantCount()).toBe(0);
    // Her own write access is gone; the family group's read share still reaches her own chat
    // (she writes in that group), so she may look but not report.
    expect((await mom.say('meter 1 = 130')).text).toBe(
      'You can look at meter 1 "Water", but not change it. Ask its owner for write access.',
    );
    expect(await readingCount()).toBe(2);
  });

  it('needs LINE to name the mentioned person', async () => {
    await given.waterSharedWithFamily();
    const text = 'share Water @Mom write';
    const answer = await dad.say(text, {
      ...inFamily(),
      mention: { mentionees: [{ index: text.indexOf('@'), length: 4, type: 'user' }] },
    });
    expect(answer.text).toMatch(/LINE did not tell me who @Mom is/);
    expect(await grantCount()).toBe(0);
  });

  it('keeps a number pointing at the same meter after unsharing and sharing again', async () => {
    await given.waterSharedWithFamily();
    await dad.say('share Electric', inFamily());
    expect((await dad.say('meters', inFamily())).text).toMatch(/1\. Water .*\n2\. Electric/);
    expect((await dad.say('unshare meter 1', inFamily())).text).toBe(
      'meter 1 "Water" is no longer shared with this group.',
    );
    expect((await dad.say('meters', inFamily())).text).toMatch(
      /^Meters shared in this group:\n2\. Electric/,
    );
    await dad.say('share Water', inFamily());
    expect((await dad.say('meters', inFamily())).text).toMatch(/1\. Water .*\n2\. Electric/);
  });

  it('does not show a meter shared in one group to another group', async () => {
    await given.waterSharedWithFamily();
    expect((await mom.say('meter 1 = 140', { group: friends.groupId })).text).toMatch(
      /There is no meter 1 here/,
    );
    expect((await mom.say('meters', { group: friends.groupId })).text).toMatch(
      /No meters are shared in this group yet/,
    );
    expect(await readingCount()).toBe(1);
  });

  it("ends the group's shares when the bot is removed from the group, and audits it", async () => {
    await given.waterSharedWithFamily();
    await dad.say('share Electric', inFamily());
    await dad.say('share Water', { group: friends.groupId });
    expect(await shares()).toEqual(['family:write', 'family:write', 'friends:write']);
    const bye = await exchange(h, [h.platform.events.leave({ groupId: family.groupId })]);
    expect(bye.messages).toEqual([]);
    expect(await shares()).toEqual(['friends:write']);
    const ended = await audits('share.end');
    expect(ended).toHaveLength(2);
    expect(ended.every((e) => e.actorId === null && e.subjectId === family.groupId)).toBe(true);
    const stillThere = await h.database.db
      .select()
      .from(groupShares)
      .where(and(eq(groupShares.chatId, family.groupId)));
    expect(stillThere).toEqual([]);
  });
});

describe('an admin who is not the owner', () => {
  let dad: Person;
  let mom: Person;
  let family: FakeGroup;
  let meters: string[];

  beforeAll(async () => {
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    family = h.platform.addGroup({ name: 'Family', members: [dad.user.userId, mom.user.userId] });
    await dad.say('add meter Water m3');
    await dad.say('share Water', { group: family.groupId });
    meters = await metersOf(dad);
  });

  const mention = (text: string, who: Person) => ({
    mentionees: [
      {
        index: text.indexOf('@'),
        length: text.slice(text.indexOf('@')).split(' ')[0]!.length,
        type: 'user' as const,
        userId: who.user.userId,
      },
    ],
  });
  const say = (who: Person, text: string, mentioned: Person) =>
    who.say(text, { group: family.groupId, mention: mention(text, mentioned) });

  it('cannot demote the owner with share, nor take the owner away with unshare', async () => {
    const promoted = await say(dad, 'share Water @Mom admin', mom);
    expect(promoted.text).toMatch(/^Mom can now .*\(admin\)/);

    const demote = await say(mom, 'share Water @Dad read', dad);
    expect(demote.text).toBe('Dad owns meter 1 "Water"; the owner always keeps full access.');
    const remove = await say(mom, 'unshare Water @Dad', dad);
    expect(remove.text).toBe('Dad owns meter 1 "Water"; the owner always keeps full access.');

    // Nothing was granted to or taken from the owner, and the owner still writes.
    const grants = await h.database.db
      .select({ name: users.displayName, role: access.role })
      .from(access)
      .innerJoin(users, eq(users.id, access.userId))
      .where(inArray(access.sourceId, meters));
    expect(grants).toEqual([{ name: 'Mom', role: 'admin' }]);
    expect((await dad.say('access meter 1', { group: family.groupId })).text).toBe(
      'Who may use meter 1 "Water":\nDad: owner (admin)\n#1 Mom: admin\n#2 this group: write\nTo take one back: unshare meter 1 #1',
    );
    expect((await dad.say('meter 1 = 100', { group: family.groupId })).text).toMatch(
      /Recorded meter 1 "Water": 100 m³/,
    );
  });
});

// Each test has a family of its own (the second archives the meter the first shares).
describe('an admin who is not the owner, sharing and archiving', () => {
  let dad: Person;
  let mom: Person;
  let family: FakeGroup;
  let friends: FakeGroup;

  beforeEach(async () => {
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    family = h.platform.addGroup({ name: 'Family', members: [dad.user.userId, mom.user.userId] });
    // A group the owner is not in.
    friends = h.platform.addGroup({ name: 'Friends', members: [mom.user.userId] });
    await dad.say('add meter Water m3');
    const text = 'share Water @Mom admin';
    const mention = {
      mentionees: [
        { index: text.indexOf('@'), length: 4, type: 'user' as const, userId: mom.user.userId },
      ],
    };
    expect((await dad.say(text, { group: family.groupId, mention })).text).toMatch(/\(admin\)/);
  });

  it("cannot share the owner's meter into a group the owner is not in", async () => {
    const answer = await mom.say('share Water', { group: friends.groupId });
    expect(answer.text).toBe('Only the owner of meter 1 "Water" can do that.');
    expect(
      await h.database.db.$count(
        groupShares,
        inArray(groupShares.chatId, [family.groupId, friends.groupId]),
      ),
    ).toBe(0);
  });

  it("cannot archive the owner's meter; the owner can", async () => {
    expect((await mom.say('archive Water')).text).toBe(
      'Only the owner of meter 1 "Water" can do that.',
    );
    expect((await dad.say('meters')).text).toMatch(/Water/);
    const ask = await dad.say('archive Water');
    expect(ask.text).toMatch(/^Archive meter 1 "Water"\?/);
    expect((await dad.tap(ask, 'Archive')).text).toMatch(/^Archived meter 1 "Water"/);
  });
});

describe('nothing stranded: the owner revokes from the one-to-one chat', () => {
  let dad: Person;
  let mom: Person;
  let family: FakeGroup;
  let meters: string[];

  beforeEach(async () => {
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    family = h.platform.addGroup({ name: 'Family', members: [dad.user.userId, mom.user.userId] });
    await dad.say('add meter Water m3');
    await dad.say('share Water', { group: family.groupId });
    const text = 'share Water @Mom write';
    const mention = {
      mentionees: [
        { index: text.indexOf('@'), length: 4, type: 'user' as const, userId: mom.user.userId },
      ],
    };
    expect((await dad.say(text, { group: family.groupId, mention })).text).toMatch(/\(write\)/);
    meters = await metersOf(dad);
  });
  const grantCount = () => h.database.db.$count(access, inArray(access.sourceId, meters));

  it('lists every grant and group share, numbered, with a revoke button each', async () => {
    const answer = await dad.say('access meter 1');
    expect(answer.text).toBe(
      'Who may use meter 1 "Water":\nDad: owner (admin)\n#1 Mom: write\n#2 a group: write\nTo take one back: unshare meter 1 #1',
    );
    expect(answer.choices.map((c) => c.label)).toEqual(['Revoke #1', 'Revoke #2']);
  });

  it('revokes a grantee who has left every group (no one left to @-mention)', async () => {
    await exchange(h, [
      h.platform.events.memberLeft({ groupId: family.groupId, userIds: [mom.user.userId] }),
    ]);
    expect((await mom.say('meter 1 = 10')).text).toMatch(/Recorded meter 1 "Water": 10 m³/);

    const list = await dad.say('access meter 1');
    const revoked = await dad.tap(list, 'Revoke #1');
    expect(revoked.text).toBe('Mom no longer has access to meter 1 "Water".');
    expect(await grantCount()).toBe(0);
    expect((await mom.say('meter 1 = 11')).text).not.toMatch(/Recorded/);
    const [entry] = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access.revoke'), inArray(auditLog.sourceId, meters)));
    expect(entry).toMatchObject({
      chatKey: expect.stringMatching(/^user:/),
      before: { role: 'write' },
    });
  });

  it('takes the meter back from a group the owner was removed from', async () => {
    await exchange(h, [
      h.platform.events.memberLeft({ groupId: family.groupId, userIds: [dad.user.userId] }),
    ]);
    await exchange(h, [
      h.platform.events.memberJoined({ groupId: family.groupId, userIds: [mom.user.userId] }),
    ]);
    expect((await mom.say('meter 1 = 12', { group: family.groupId })).text).toMatch(/Recorded/);

    expect((await dad.say('unshare meter 1 #5')).text).toBe(
      'meter 1 "Water" has no entry #5; see "access" for the list.',
    );
    // The group is #2 in the list (Mom's own grant is #1).
    expect((await dad.say('access meter 1')).text).toMatch(/\n#2 a group: write/);
    expect((await dad.say('unshare meter 1 #2')).text).toBe(
      'meter 1 "Water" is no longer shared with group #2.',
    );
    expect(await h.database.db.$count(groupShares, inArray(groupShares.sourceId, meters))).toBe(0);
    expect(await grantCount()).toBe(1);
    expect((await mom.say('meter 1 = 13', { group: family.groupId })).text).not.toMatch(/Recorded/);
  });
});
