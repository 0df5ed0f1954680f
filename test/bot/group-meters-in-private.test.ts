import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identities, readings, sources } from '../../src/db/schema';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// The one-to-one chat also lists the meters a person may use through the groups they are in,
// marked with the group's name, and such a meter is usable there by name, with the group's role.
// Each test starts from a family and a work group of its own, so any one can run alone and in
// any order.

const languages = [
  {
    language: 'en' as const,
    names: { dad: 'Dad', mom: 'Mom', kid: 'Kid', boss: 'Boss' },
    meter: { water: 'Water', electric: 'Electric', gas: 'Gas' },
    say: {
      add: (name: string, unit: string) => `add meter ${name} ${unit}`,
      share: (n: number) => `share meter ${n}`,
      shareRead: (n: number) => `share meter ${n} read`,
      hello: 'hello everyone',
      meters: 'meters',
      reading: (name: string, value: string) => `${name} = ${value}`,
      usage: (name: string) => `usage ${name}`,
      history: (name: string) => `history ${name}`,
      chart: (name: string) => `chart ${name}`,
    },
    expect: {
      list: [
        /^Your meters:/,
        /\n1\. Gas \(m³\): no readings yet/,
        /\n2\. Water \(m³\), through the group "Family": last 100 m³/,
        /\n3\. Electric \(kWh\), through the group "Family": no readings yet/,
      ],
      card: 'through the group "Family"',
      recorded: /^Recorded meter 2 "Water": 123 m³/,
      readOnly:
        'You can look at meter 3 "Electric", but not change it. Ask its owner for write access.',
      usage: /^meter 2 "Water"/,
      history: /^Recent readings of meter 2 "Water":\n#2 123 m³, .*, Mom\n#1 100 m³, .*, Dad/,
      chart: /^\[image\] http/,
      ownWins: /^Recorded meter 4 "Water": 5 m³/,
      ambiguous:
        /^Several of your groups have a meter called "Electric":\nmeter 3 "Electric", through the group "Family"\nmeter 4 "Electric", through the group "Work"\nTap one, or use its number\.$/,
      recordedBoss: /^Recorded meter 4 "Electric": 77 kWh/,
      noMeters: /^You have no meters yet/,
      notFound: /^There is no "Water" here/,
    },
  },
  {
    language: 'th' as const,
    names: { dad: 'พ่อ', mom: 'แม่', kid: 'ลูก', boss: 'หัวหน้า' },
    meter: { water: 'น้ำ', electric: 'ไฟฟ้า', gas: 'แก๊ส' },
    say: {
      add: (name: string, unit: string) => `เพิ่มมิเตอร์ ${name} ${unit}`,
      share: (n: number) => `แชร์ มิเตอร์ ${n}`,
      shareRead: (n: number) => `แชร์ มิเตอร์ ${n} อ่านอย่างเดียว`,
      hello: 'สวัสดีทุกคน',
      meters: 'มิเตอร์',
      reading: (name: string, value: string) => `${name} = ${value}`,
      usage: (name: string) => `ใช้ไป ${name}`,
      history: (name: string) => `ประวัติ ${name}`,
      chart: (name: string) => `กราฟ ${name}`,
    },
    expect: {
      list: [
        /^มิเตอร์ของคุณ:/,
        /\n1\. แก๊ส \(m³\): ยังไม่มีค่า/,
        /\n2\. น้ำ \(m³\), ผ่านกลุ่ม "Family": ล่าสุด 100 m³/,
        /\n3\. ไฟฟ้า \(kWh\), ผ่านกลุ่ม "Family": ยังไม่มีค่า/,
      ],
      card: 'ผ่านกลุ่ม "Family"',
      recorded: /^บันทึกมิเตอร์ 2 "น้ำ": 123 m³/,
      readOnly: 'คุณดูมิเตอร์ 3 "ไฟฟ้า" ได้ แต่แก้ไขไม่ได้ ขอสิทธิ์เขียนจากเจ้าของมิเตอร์',
      usage: /^มิเตอร์ 2 "น้ำ"/,
      history: /^ค่าล่าสุดของมิเตอร์ 2 "น้ำ":\n#2 123 m³ .* โดย แม่\n#1 100 m³ .* โดย พ่อ/,
      chart: /^\[image\] http/,
      ownWins: /^บันทึกมิเตอร์ 4 "น้ำ": 5 m³/,
      ambiguous:
        /^มีมิเตอร์ชื่อ "ไฟฟ้า" ในหลายกลุ่มของคุณ:\nมิเตอร์ 3 "ไฟฟ้า", ผ่านกลุ่ม "Family"\nมิเตอร์ 4 "ไฟฟ้า", ผ่านกลุ่ม "Work"\nแตะเลือก หรือใช้หมายเลขมิเตอร์$/,
      recordedBoss: /^บันทึกมิเตอร์ 4 "ไฟฟ้า": 77 kWh/,
      noMeters: /^ยังไม่มีมิเตอร์/,
      notFound: /^ไม่พบ ?"น้ำ" ?ในแชตนี้/,
    },
  },
];

describe.each(languages)('meters of my groups in my own chat, in $language', (story) => {
  let h: Harness;
  let dad: Person;
  let mom: Person;
  let kid: Person;
  let boss: Person;
  let family: FakeGroup;
  let work: FakeGroup;
  const { say, expect: want, meter } = story;

  beforeEach(async () => {
    const add = (name: string) =>
      person(h, h.platform.addUser({ displayName: name, language: story.language }));
    dad = add(story.names.dad);
    mom = add(story.names.mom);
    kid = add(story.names.kid);
    boss = add(story.names.boss);
    family = h.platform.addGroup({
      name: 'Family',
      members: [dad.user.userId, mom.user.userId, kid.user.userId],
    });
    work = h.platform.addGroup({ name: 'Work', members: [boss.user.userId, mom.user.userId] });
    const inFamily = { group: family.groupId };
    // Dad shares Water (everyone may report it) and Electric (read only) into the family group.
    await dad.say(say.add(meter.water, 'm3'));
    await dad.say(say.add(meter.electric, 'kWh'));
    await dad.say(say.reading(meter.water, '100'));
    await dad.say(say.share(1), inFamily);
    await dad.say(say.shareRead(2), inFamily);
    // Boss shares an Electric of his own into the work group.
    await boss.say(say.add(meter.electric, 'kWh'));
    await boss.say(say.share(1), { group: work.groupId });
    // Mom has a meter of her own, and has written in the family group.
    await mom.say(say.add(meter.gas, 'm3'));
    await mom.say(say.hello, inFamily);
  });
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The values on `owner`'s meter named `name`, oldest first. */
  const valuesOf = async (owner: Person, name: string) =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .innerJoin(sources, eq(sources.id, readings.sourceId))
        .innerJoin(identities, eq(identities.userId, sources.ownerId))
        .where(
          and(
            eq(sources.name, name),
            eq(identities.providerUserId, owner.user.userId),
            isNull(readings.deletedAt),
          ),
        )
        .orderBy(asc(readings.number))
    ).map((r) => r.value);

  it("lists the family group's meters, marked with the group's name", async () => {
    const answer = await mom.say(say.meters);
    for (const line of want.list) expect(answer.text).toMatch(line);
    expect(answer.cards[0]).toContain(want.card);
  });

  it("records on the group's meter by name, with the group's role", async () => {
    expect((await mom.say(say.reading(meter.water, '123'))).text).toMatch(want.recorded);
    expect(await valuesOf(dad, meter.water)).toEqual(['100', '123']);
    // Electric is shared read only: a clear refusal, and nothing stored.
    expect((await mom.say(say.reading(meter.electric, '50'))).text).toBe(want.readOnly);
    expect(await valuesOf(dad, meter.electric)).toEqual([]);
  });

  it('answers usage, history and chart by name', async () => {
    expect((await mom.say(say.reading(meter.water, '123'))).text).toMatch(want.recorded);
    expect((await mom.say(say.usage(meter.water))).text).toMatch(want.usage);
    expect((await mom.say(say.history(meter.water))).text).toMatch(want.history);
    const chart = await mom.say(say.chart(meter.water));
    expect(chart.text).toMatch(want.chart);
    // The picture itself is served for her too (the link checks access again).
    const picture = await fetch(chart.images[0]?.originalContentUrl ?? '');
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
  });

  it('lets her own meter win a name it shares with a group meter', async () => {
    // Her list numbers the group's meters 2 and 3 first, so her own Water becomes meter 4.
    const listed = await mom.say(say.meters);
    for (const line of want.list) expect(listed.text).toMatch(line);
    await mom.say(say.add(meter.water, 'm3'));
    expect((await mom.say(say.reading(meter.water, '5'))).text).toMatch(want.ownWins);
    expect(await valuesOf(mom, meter.water)).toEqual(['5']);
    expect(await valuesOf(dad, meter.water)).toEqual(['100']);
  });

  it('asks with buttons when a name fits meters of several groups', async () => {
    await mom.say(say.hello, { group: work.groupId });
    const asked = await mom.say(say.reading(meter.electric, '77'));
    expect(asked.text).toMatch(want.ambiguous);
    expect(asked.choices.map((c) => c.label)).toEqual([
      `3. ${meter.electric}`,
      `4. ${meter.electric}`,
    ]);
    expect(await valuesOf(boss, meter.electric)).toEqual([]);
    expect((await mom.tap(asked, `4. ${meter.electric}`)).text).toMatch(want.recordedBoss);
    expect(await valuesOf(boss, meter.electric)).toEqual(['77']);
  });

  it('shows nothing of a group to a member who never wrote there, or who left', async () => {
    expect((await kid.say(say.meters)).text).toMatch(want.noMeters);
    expect((await kid.say(say.reading(meter.water, '130'))).text).toMatch(want.notFound);
    // Mom writes in the work group, so Boss's Electric reaches her own chat; then she leaves it,
    // and it no longer does.
    await mom.say(say.hello, { group: work.groupId });
    expect((await mom.say(say.meters)).text).toMatch(/Work/);
    await exchange(h, [
      h.platform.events.memberLeft({ groupId: work.groupId, userIds: [mom.user.userId] }),
    ]);
    expect((await mom.say(say.meters)).text).not.toMatch(/Work/);
    expect((await mom.say(say.reading(meter.electric, '78'))).text).toBe(want.readOnly);
    expect(await valuesOf(boss, meter.electric)).toEqual([]);
  });
});
