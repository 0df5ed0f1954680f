import { parse } from 'csv-parse/sync';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import type { collectPersonData } from '../../src/exports/service';
import { exchange, type Person, person } from '../helpers/chat';
import { databaseKinds } from '../helpers/db';
import { type Harness, startHarness } from '../helpers/harness';

// `export meter 1` and `export my data` end to end: the link that reaches LINE, the file behind
// it (checked cell by cell), its headers, its expiry, and access checked again at each download.

/** 20 March 2026, 10:00 in Bangkok. */
const START = new Date('2026-03-20T03:00:00Z');
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/exports\/[A-Za-z0-9_-]+\.(?:csv|json))/;

type PersonExport = NonNullable<Awaited<ReturnType<typeof collectPersonData>>>;

const linkIn = (text: string): string => {
  const url = LINK.exec(text)?.[1];
  if (!url) throw new Error(`no export link in: ${text}`);
  return url;
};

describe.each(databaseKinds())('exports on %s', (kind) => {
  let h: Harness;
  let now = START;
  // The household most tests only read; a test that changes grants or meters makes its own.
  let som: Person;
  let family: FakeGroup;

  const mention = (text: string, who: Person) => {
    const at = text.indexOf('@');
    const length = text.slice(at).split(' ')[0]!.length;
    return { mentionees: [{ index: at, length, type: 'user' as const, userId: who.user.userId }] };
  };

  /**
   * Som's meter 1 "Electric" with a corrected, a deleted and a formula-like reading, shared with
   * the family group where Mom wrote one, and Mom granted read access to it.
   */
  const household = async () => {
    const som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    const mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    const family = h.platform.addGroup({
      name: 'Family',
      members: [som.user.userId, mom.user.userId],
    });
    const inFamily = { group: family.groupId };

    await som.say('add meter Electric kWh');
    for (const reading of [
      'meter 1 = 4100 @ 2026-01-20 08:00 # bill, "estimated"',
      'meter 1 = 4310 @ 2026-02-10 08:00',
      'meter 1 = 4540 @ 2026-03-05 08:00 # =1+1',
    ]) {
      expect((await som.say(reading)).text).toMatch(/^Recorded/);
    }
    expect((await som.say('fix meter 1 #2 = 4320')).text).toMatch(/^Fixed #2/);
    expect((await som.say('share meter 1', inFamily)).text).toMatch(/Shared/);
    expect((await mom.say('meter 1 = 4600 @ 2026-03-10 08:00 # ค่าไฟ', inFamily)).text).toMatch(
      /^Recorded/,
    );
    expect((await som.say('meter 1 = 4700 @ 2026-03-15 08:00')).text).toMatch(/^Recorded/);
    expect((await som.say('undo')).text).toMatch(/^Undone/);
    const grant = 'share Electric @Mom read';
    expect((await som.say(grant, { ...inFamily, mention: mention(grant, mom) })).text).toMatch(
      /can now/,
    );
    return { som, mom, family };
  };
  /** Takes Mom's grant away and has her leave the group: Som's meter is no longer hers to see. */
  const revokeMom = async (household: { som: Person; mom: Person; family: FakeGroup }) => {
    const revoke = 'unshare Electric @Mom';
    const revoked = await household.som.say(revoke, {
      group: household.family.groupId,
      mention: mention(revoke, household.mom),
    });
    expect(revoked.text).toMatch(/no longer has access/);
    await exchange(h, [
      h.platform.events.memberLeft({
        groupId: household.family.groupId,
        userIds: [household.mom.user.userId],
      }),
    ]);
  };

  beforeAll(async () => {
    h = await startHarness({ databaseKind: kind, clock: () => now });
    ({ som, family } = await household());
  });
  beforeEach(() => {
    now = START;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers "export meter 1" with a link to a CSV whose every cell is the reading history', async () => {
    const answer = await som.say('export meter 1');
    expect(answer.text).toMatch(/^The readings of meter 1 "Electric" as a CSV file/);
    expect(answer.text).toMatch(/The link works until 21 Mar 10:00\./);
    const response = await fetch(linkIn(answer.text));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // UTF-8 with a byte order mark, CRLF line ends.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.toString('utf8');
    expect(body.split('\r\n')).toHaveLength(8);
    expect(parse(body, { bom: true })).toEqual([
      ['time', 'value', 'unit', 'note', 'who', 'number', 'status', 'event'],
      ['2026-01-20T08:00:00+07:00', '4100', 'kWh', 'bill, "estimated"', 'you', '1', 'current', ''],
      ['2026-02-10T08:00:00+07:00', '4310', 'kWh', '', 'you', '2', 'corrected', ''],
      ['2026-02-10T08:00:00+07:00', '4320', 'kWh', '', 'you', '2', 'current', ''],
      // A note that a spreadsheet would run as a formula is written with an apostrophe.
      ['2026-03-05T08:00:00+07:00', '4540', 'kWh', "'=1+1", 'you', '3', 'current', ''],
      ['2026-03-10T08:00:00+07:00', '4600', 'kWh', 'ค่าไฟ', 'Mom', '4', 'current', ''],
      ['2026-03-15T08:00:00+07:00', '4700', 'kWh', '', 'you', '5', 'deleted', ''],
    ]);
  });

  it('answers the Thai form in Thai, naming the asker คุณ in the file', async () => {
    const answer = await som.say('ส่งออก มิเตอร์ 1');
    expect(answer.text).toMatch(/^ค่าที่จดของ มิเตอร์ 1 "Electric" เป็นไฟล์ CSV/);
    expect(answer.text).toMatch(/ลิงก์ใช้ได้ถึง 21 มี\.ค\. 10:00 น\./);
    const rows = parse(await (await fetch(linkIn(answer.text))).text(), {
      bom: true,
    }) as string[][];
    expect(rows.map((row) => row[4])).toEqual(['who', 'คุณ', 'คุณ', 'คุณ', 'คุณ', 'Mom', 'คุณ']);
  });

  it('audits the request and each download, with counts only', async () => {
    const before = await h.database.db.$count(
      auditLog,
      eq(auditLog.action, 'export.meter.download'),
    );
    const url = linkIn((await som.say('export meter 1')).text);
    await fetch(url);
    await fetch(url);
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'export.meter.%'));
    expect(rows.filter((r) => r.action === 'export.meter.download')).toHaveLength(before + 2);
    expect(rows.filter((r) => r.action === 'export.meter.request').length).toBeGreaterThan(0);
    for (const row of rows) {
      const text = JSON.stringify([row.before, row.after]);
      expect(text).not.toMatch(/estimated|ค่าไฟ|Mom|Som|4100/);
    }
    const downloads = rows.filter((r) => r.action === 'export.meter.download');
    expect(downloads.at(-1)?.after).toEqual({ format: 'csv', rows: 6 });
  });

  it('refuses a tampered, foreign or misnamed link with 404', async () => {
    const url = linkIn((await som.say('export meter 1')).text);
    const token = url.slice(url.lastIndexOf('/') + 1, -'.csv'.length);
    const at = Math.floor(token.length / 2);
    const tampered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    for (const bad of [
      `${h.url}/exports/${tampered}.csv`,
      `${h.url}/exports/${token}.json`,
      `${h.url}/exports/${token}`,
      `${h.url}/exports/nonsense.csv`,
      // A chart link's token is sealed under another key.
      `${h.url}/exports/${token.slice(1)}.csv`,
    ]) {
      const response = await fetch(bad);
      expect(response.status, bad).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await fetch(url)).status).toBe(200);
  });

  it('stops working when the link expires', async () => {
    const url = linkIn((await som.say('export meter 1')).text);
    now = new Date(START.getTime() + 24 * 3_600_000 - 1000);
    expect((await fetch(url)).status).toBe(200);
    now = new Date(START.getTime() + 24 * 3_600_000);
    expect((await fetch(url)).status).toBe(404);
  });

  it('re-checks access at every download: a revoked grant gets 404', async () => {
    const { som, mom, family } = await household();
    const answer = await mom.say('export Electric');
    const url = linkIn(answer.text);
    const rows = parse(await (await fetch(url)).text(), { bom: true }) as string[][];
    // Mom reads the same history; the rows she entered are hers ("you"), the rest Som's.
    expect(rows.map((row) => row[4])).toEqual(['who', 'Som', 'Som', 'Som', 'Som', 'you', 'Som']);
    const revoke = 'unshare Electric @Mom';
    const revoked = await som.say(revoke, {
      group: family.groupId,
      mention: mention(revoke, mom),
    });
    expect(revoked.text).toMatch(/no longer has access/);
    // The family group's share still reaches her own chat while she is in the group.
    expect((await fetch(url)).status).toBe(200);
    await exchange(h, [
      h.platform.events.memberLeft({ groupId: family.groupId, userIds: [mom.user.userId] }),
    ]);
    expect((await fetch(url)).status).toBe(404);
  });

  it('answers 404 once the meter is archived', async () => {
    const { som } = await household();
    expect((await som.say('add meter Water m3')).text).toMatch(/^Created meter 2 "Water"/);
    const url = linkIn((await som.say('export meter 2')).text);
    expect((await fetch(url)).status).toBe(200);
    const asked = await som.say('archive meter 2');
    expect((await som.tap(asked, 'Archive')).text).toMatch(/^Archived meter 2/);
    expect((await fetch(url)).status).toBe(404);
  });

  it('is refused in a group: a link to personal data is not posted for everyone', async () => {
    for (const [text, reply] of [
      ['export meter 1', /^Exports and imports are personal/],
      ['ส่งออก มิเตอร์ 1', /^การส่งออกและนำเข้าเป็นเรื่องส่วนตัว/],
      ['export my data', /^Exports and imports are personal/],
    ] as const) {
      const answer = await som.say(text, { group: family.groupId });
      expect(answer.text).toMatch(reply);
      expect(answer.text).not.toMatch(LINK);
    }
  });

  it('answers "export my data" with a JSON of everything about the person, in both languages', async () => {
    const own = await household();
    const { som, mom, family } = own;
    expect((await som.say('add meter Water m3')).text).toMatch(/^Created meter 2 "Water"/);
    expect((await som.tap(await som.say('archive meter 2'), 'Archive')).text).toMatch(/^Archived/);
    await revokeMom(own);
    const answer = await som.say('export my data');
    expect(answer.text).toMatch(/^Everything Home Log keeps about you, as a JSON file/);
    const response = await fetch(linkIn(answer.text));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const data = (await response.json()) as PersonExport;
    expect(data.profile).toMatchObject({ displayName: 'Som', language: 'en' });
    expect(data.identities).toEqual([
      expect.objectContaining({ provider: 'line', providerUserId: som.user.userId }),
    ]);
    // An archived meter is still the person's data.
    expect(data.meters).toEqual([
      expect.objectContaining({
        name: 'Electric',
        unit: 'kWh',
        yourRole: 'owner',
        archivedAt: null,
      }),
      expect.objectContaining({ name: 'Water', yourRole: 'owner', archivedAt: expect.any(String) }),
    ]);
    // Som owns the meter: all six rows of it, Mom's included, each with its status.
    expect(data.readings.map((r) => `${r.value} ${r.status}`)).toEqual([
      '4100 current',
      '4310 corrected',
      '4320 current',
      '4540 current',
      '4600 current',
      '4700 deleted',
    ]);
    expect(data.grants.groupShares).toEqual([
      expect.objectContaining({ chatId: family.groupId, role: 'write' }),
    ]);
    expect(data.auditEntries.some((e) => e.action === 'reading.add')).toBe(true);
    const audited = await h.database.db.$count(
      auditLog,
      and(
        eq(auditLog.action, 'export.data.download'),
        eq(auditLog.subjectType, 'user'),
        eq(auditLog.subjectId, data.profile.id),
      ),
    );
    expect(audited).toBe(1);

    const thai = await mom.say('ส่งออกข้อมูลของฉัน');
    expect(thai.text).toMatch(/^ข้อมูลทั้งหมดที่ Home Log เก็บเกี่ยวกับคุณ เป็นไฟล์ JSON/);
    const mine = (await (await fetch(linkIn(thai.text))).json()) as PersonExport;
    expect(mine.profile.displayName).toBe('Mom');
    // Mom no longer holds a grant on Som's meter: it is not hers to export.
    expect(mine.meters).toEqual([]);
    expect(mine.readings).toEqual([]);
  });
});
