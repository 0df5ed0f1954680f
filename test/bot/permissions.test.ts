import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readings } from '../../src/db/schema';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import { type Person, person } from '../helpers/chat';
import { databaseKinds } from '../helpers/db';
import { type Harness, startHarness } from '../helpers/harness';

// The permission matrix: every role × every action × every place, through the real bot on the
// real database. The application checks, and row-level security would refuse the rest.

type RoleName = 'owner' | 'admin' | 'write' | 'read' | 'none';
type Place = 'one-to-one' | 'shared group' | 'other group';
type Outcome = 'ok' | 'denied' | 'hidden';

const RANK = { none: 0, read: 1, write: 2, admin: 3, owner: 3 } as const;

let nextValue = 1001;
const ACTIONS: {
  name: string;
  need: 1 | 2 | 3;
  command: () => string;
  ok: RegExp;
  changesReadings?: true;
}[] = [
  { name: 'see history', need: 1, command: () => 'history Electric', ok: /^Recent readings of/ },
  { name: 'list access', need: 1, command: () => 'access Electric', ok: /^Who may use/ },
  { name: 'see a chart', need: 1, command: () => 'chart Electric', ok: /^\[image\] http/ },
  { name: 'see usage', need: 1, command: () => 'usage Electric', ok: /^meter \d "Electric"/ },
  {
    name: 'add a reading',
    need: 2,
    command: () => `Electric = ${nextValue++}`,
    ok: /^Recorded meter \d "Electric"/,
    changesReadings: true,
  },
  {
    name: "fix someone else's reading",
    need: 3,
    // #1 is 1000 already, so the matrix leaves it as it is: whoever may fix it is told so;
    // whoever may not is refused before that.
    command: () => 'fix Electric #1 = 1000',
    ok: /^#1 on meter \d "Electric" is already 1,000 kWh: nothing changed\.$/,
  },
  { name: 'set validators', need: 3, command: () => 'set Electric max 999999', ok: /^Saved for/ },
  {
    name: 'read the audit trail',
    need: 3,
    command: () => 'audit Electric',
    ok: /^Recent activity on/,
  },
];

function expected(role: RoleName, place: Place, need: number): Outcome {
  // The family group shares the meter read-only; personal roles still count there. Everyone has
  // written in the family group, so the share reaches their one-to-one chats as well.
  const effective = place === 'other group' ? 0 : Math.max(RANK[role], 1);
  if (effective === 0) return 'hidden';
  return effective >= need ? 'ok' : 'denied';
}

function outcomeOf(reply: string, ok: RegExp): Outcome | string {
  if (ok.test(reply)) return 'ok';
  if (/but not change it|Only an admin of|entered by someone else/.test(reply)) return 'denied';
  // Without access, a meter simply is not there (in a group, a name that means nothing is chatter).
  if (reply === '' || /There is no "Electric" here/.test(reply)) return 'hidden';
  return `unexpected answer: ${reply}`;
}

interface Household {
  people: Record<RoleName, Person>;
  family: FakeGroup;
  other: FakeGroup;
}

describe.each(databaseKinds())('permissions on %s', (kind) => {
  let h: Harness;
  // The matrix below only reads, or writes what leaves every answer the same; a test that
  // changes what everyone sees (sharing into a new group, archiving) makes a household of its own.
  let people: Record<RoleName, Person>;
  let family: FakeGroup;
  let other: FakeGroup;

  /**
   * Five people, one per role, all having written in two groups; the owner's meter "Electric" is
   * shared read-only with the family group and to admin, write and read by name.
   */
  const household = async (): Promise<Household> => {
    const people = {} as Record<RoleName, Person>;
    for (const role of ['owner', 'admin', 'write', 'read', 'none'] as const) {
      people[role] = person(h, h.platform.addUser({ displayName: role, language: 'en' }));
    }
    const everyone = Object.values(people).map((p) => p.user.userId);
    const family = h.platform.addGroup({ name: 'Family', members: everyone });
    const other = h.platform.addGroup({ name: 'Other', members: everyone });

    // Everyone writes in both groups, so the bot knows they are members.
    for (const member of Object.values(people)) {
      await member.say('hello', { group: family.groupId });
      await member.say('hello', { group: other.groupId });
    }
    const owner = people.owner;
    await owner.say('add meter Electric kWh');
    await owner.say('Electric = 1000');
    expect((await owner.say('share Electric read', { group: family.groupId })).text).toMatch(
      /Shared/,
    );
    for (const role of ['admin', 'write', 'read'] as const) {
      const text = `share Electric @${role} ${role}`;
      const answer = await owner.say(text, {
        group: family.groupId,
        mention: {
          mentionees: [
            {
              index: text.indexOf('@'),
              length: role.length + 1,
              type: 'user',
              userId: people[role].user.userId,
            },
          ],
        },
      });
      expect(answer.text).toMatch(/can now/);
    }
    return { people, family, other };
  };

  beforeAll(async () => {
    h = await startHarness({ databaseKind: kind });
    ({ people, family, other } = await household());
  });
  afterAll(async () => {
    await h?.close();
  });

  const places: Place[] = ['one-to-one', 'shared group', 'other group'];
  const roles: RoleName[] = ['owner', 'admin', 'write', 'read', 'none'];
  const cases = places.flatMap((place) =>
    roles.flatMap((role) => ACTIONS.map((action) => ({ place, role, action }))),
  );

  it.each(
    cases.map(
      (c) =>
        [
          `${c.role} may ${expected(c.role, c.place, c.action.need)}: ${c.action.name} in the ${c.place}`,
          c,
        ] as const,
    ),
  )('%s', async (_name, { place, role, action }) => {
    const group =
      place === 'shared group'
        ? family.groupId
        : place === 'other group'
          ? other.groupId
          : undefined;
    const before = await h.database.db.$count(readings);
    const answer = await people[role].say(action.command(), group ? { group } : {});
    const outcome = expected(role, place, action.need);
    expect(outcomeOf(answer.text, action.ok)).toBe(outcome);
    if (action.changesReadings) {
      expect(await h.database.db.$count(readings)).toBe(before + (outcome === 'ok' ? 1 : 0));
    }
  });

  // Owner only, whatever anyone's role: sharing into a new group and archiving. The refusals
  // change nothing; the owner's own share or archive happens in a household of its own.
  const OWNER_ONLY = [
    { name: 'share into a new group', command: 'share Electric', ok: /^Shared/, group: true },
    { name: 'archive', command: 'archive Electric', ok: /^Archived/, group: false, tap: 'Archive' },
  ];
  const ownerLast: RoleName[] = ['none', 'read', 'write', 'admin', 'owner'];
  it.each(
    OWNER_ONLY.flatMap((action) =>
      ownerLast.map(
        (role) =>
          [`${role} ${role === 'owner' ? 'may' : 'may not'} ${action.name}`, role, action] as const,
      ),
    ),
  )('%s', async (_name, role, action) => {
    const own = role === 'owner' ? await household() : { people, family, other };
    const answer = await own.people[role].say(
      action.command,
      action.group ? { group: own.other.groupId } : {},
    );
    if (role === 'owner') {
      // Archiving asks first; the tap does it.
      const done =
        'tap' in action && action.tap ? await own.people[role].tap(answer, action.tap) : answer;
      expect(done.text).toMatch(action.ok);
    } else if (role === 'none' && action.group) {
      expect(answer.text).toMatch(/There is no "Electric" here/);
    } else if (role === 'admin') {
      expect(answer.text).toBe('Only the owner of meter 1 "Electric" can do that.');
    } else {
      expect(answer.text).toBe('Only an admin of meter 1 "Electric" can do that.');
    }
  });
});
