import { parse } from 'csv-parse/sync';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  identities,
  readingImports,
  readings,
  sources,
  users,
} from '../../src/db/schema';
import { runRetention } from '../../src/retention';
import { type Answer, exchange, type Person, person } from '../helpers/chat';
import { databaseKinds } from '../helpers/db';
import { type Harness, startHarness } from '../helpers/harness';

// `import meter 1` end to end: the bot asks for a file, the file message's content is fetched
// from (the fake) LINE, every row is checked like a typed reading, a preview shows what would be
// added, and only the tap stores it, all at once.

/** 20 March 2026, 10:00 in Bangkok. */
const START = new Date('2026-03-20T03:00:00Z');
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/exports\/[A-Za-z0-9_-]+\.csv)/;

const FILE = [
  'time,value,note',
  '2026-01-20 08:00,4100,first',
  '2026-02-10 08:00,4310,',
  'not a date,4400,',
  '2026-03-01 08:00,abc,',
  '2026-02-20 08:00,4200,',
  '2026-03-05 08:00,4540,"new, cover"',
].join('\n');

describe.each(databaseKinds())('imports on %s', (kind) => {
  let h: Harness;
  let now = START;

  /**
   * A fresh household for each test, so that every test can run alone and in any order: Som
   * (English) with an empty meter 1 "Electric", Nok (Thai) with an empty meter 1 "น้ำ", Dad, and
   * the three in a group.
   */
  const household = async () => {
    const som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    const nok = person(h, h.platform.addUser({ displayName: 'Nok', language: 'th' }));
    const dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    const family = h.platform.addGroup({
      name: 'Family',
      members: [som.user.userId, nok.user.userId, dad.user.userId],
    });
    expect((await som.say('add meter Electric kWh')).text).toMatch(/^Created/);
    expect((await nok.say('เพิ่มมิเตอร์ น้ำ ลิตร')).text).toMatch(/น้ำ/);
    return { som, nok, dad, family };
  };
  /** Som's meter 1 with FILE's three good rows imported. */
  const withImportedFile = async (som: Person) => {
    await som.say('import meter 1');
    const preview = await sendFile(som, 'readings.csv', FILE);
    expect((await som.tap(preview, 'Add 3')).text).toMatch(/^Added 3 readings/);
  };

  const sendFile = (who: Person, fileName: string, content: string | Buffer, groupId?: string) =>
    exchange(h, [
      h.platform.events.file({
        userId: who.user.userId,
        ...(groupId ? { groupId } : {}),
        fileName,
        content,
      }),
    ]);
  /** The current readings of `who`'s meter called `name`, oldest first. */
  const current = async (who: Person, name: string) => {
    const [meter] = await h.database.db
      .select({ id: sources.id })
      .from(sources)
      .innerJoin(users, eq(users.id, sources.ownerId))
      .innerJoin(identities, eq(identities.userId, users.id))
      .where(and(eq(sources.name, name), eq(identities.providerUserId, who.user.userId)));
    return h.database.db
      .select()
      .from(readings)
      .where(
        and(
          eq(readings.sourceId, meter!.id),
          isNull(readings.supersededAt),
          isNull(readings.deletedAt),
        ),
      )
      .orderBy(readings.takenAt);
  };
  const contentFetches = () =>
    h.platform.calls.filter((c) => /^\/v2\/bot\/message\/\d+\/content$/.test(c.path));

  beforeAll(async () => {
    h = await startHarness({ databaseKind: kind, clock: () => now });
  });
  beforeEach(() => {
    now = START;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks for the file, previews every row in English, and stores nothing before the tap', async () => {
    const { som } = await household();
    const fetchesBefore = contentFetches().length;
    const ask = await som.say('import meter 1');
    expect(ask.text).toMatch(
      /^Send me the CSV file for meter 1 "Electric" now, as a file in this chat \(up to 1024 KB, within 30 minutes\)\./,
    );
    const preview = await sendFile(som, 'readings.csv', FILE);
    expect(preview.texts[0]).toBe(
      [
        'Ready to add 3 readings to meter 1 "Electric":',
        '  first 20 Jan 08:00: 4,100 kWh',
        '  last 5 Mar 08:00: 4,540 kWh',
        '3 rows are not added:',
        '  line 4: the time is not a date like 2026-11-15 08:00',
        '  line 5: the value is not a number',
        '  line 6: lower than the reading before (4,310 kWh)',
        'Nothing is stored until you tap Add.',
      ].join('\n'),
    );
    expect(preview.choices.map((c) => c.label)).toEqual(['Add 3', 'Cancel']);
    // The content came from LINE's data API, once.
    expect(contentFetches()).toHaveLength(fetchesBefore + 1);
    expect(contentFetches().at(-1)?.status).toBe(200);
    expect(await current(som, 'Electric')).toEqual([]);

    expect((await som.tap(preview, 'Cancel')).text).toBe('OK, nothing was imported.');
    expect(await current(som, 'Electric')).toEqual([]);
    // The old preview's button does nothing any more.
    expect((await som.tap(preview, 'Add 3')).text).toBe(
      'That import has expired or was already answered; nothing was stored.',
    );
    expect(await current(som, 'Electric')).toEqual([]);
  });

  it('stores all previewed rows at once after the tap, audited, as imported readings', async () => {
    const { som } = await household();
    await som.say('import meter 1');
    const preview = await sendFile(som, 'readings.csv', FILE);
    const done = await som.tap(preview, 'Add 3');
    expect(done.text).toBe('Added 3 readings to meter 1 "Electric". Type "history" to see them.');
    const stored = await current(som, 'Electric');
    expect(
      stored.map((r) => [r.number, r.value, r.note, r.quality, r.takenAt.toISOString()]),
    ).toEqual([
      [1, '4100', 'first', 'import', '2026-01-20T01:00:00.000Z'],
      [2, '4310', null, 'import', '2026-02-10T01:00:00.000Z'],
      [3, '4540', 'new, cover', 'import', '2026-03-05T01:00:00.000Z'],
    ]);
    const audit = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.sourceId, stored[0]!.sourceId));
    expect(audit.filter((a) => a.action === 'reading.add')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'reading.import').map((a) => a.after)).toEqual([
      { count: 3 },
    ]);
    // A second tap (or a replay) stores nothing twice.
    expect((await som.tap(preview, 'Add 3')).text).toMatch(/^That import has expired/);
    expect(await current(som, 'Electric')).toHaveLength(3);
    // The same file again: every row is already there.
    await som.say('import meter 1');
    const again = await sendFile(som, 'readings.csv', FILE);
    expect(again.text).toMatch(/^Nothing in that file can be added to meter 1 "Electric"\./);
    expect(again.text).toMatch(/line 2: already recorded at that time/);
    expect(again.choices).toEqual([]);
  });

  it('reads Thai dates and Buddhist-era years, and answers in Thai', async () => {
    const { nok } = await household();
    expect((await nok.say('นำเข้า มิเตอร์ 1')).text).toMatch(/^ส่งไฟล์ CSV ของ มิเตอร์ 1 "น้ำ"/);
    const file = '\uFEFFเวลา,ค่า,หมายเหตุ\n15/01/2569 08:00,120,บิลเดือนมกรา\n2569-02-15,150,\n';
    const preview = await sendFile(nok, 'น้ำ.csv', file);
    expect(preview.texts[0]).toBe(
      [
        'พร้อมเพิ่ม 2 ค่าให้ มิเตอร์ 1 "น้ำ":',
        '  แรกสุด 15 ม.ค. 08:00 น.: 120 ลิตร',
        '  ล่าสุด 15 ก.พ. 12:00 น.: 150 ลิตร',
        'ยังไม่บันทึกจนกว่าจะกดเพิ่ม',
      ].join('\n'),
    );
    expect((await nok.tap(preview, 'เพิ่ม 2 ค่า')).text).toBe(
      'เพิ่ม 2 ค่าให้ มิเตอร์ 1 "น้ำ" แล้ว พิมพ์ "ประวัติ" เพื่อดู',
    );
    expect(
      (await current(nok, 'น้ำ')).map((r) => [r.value, r.note, r.takenAt.toISOString()]),
    ).toEqual([
      ['120', 'บิลเดือนมกรา', '2026-01-15T01:00:00.000Z'],
      ['150', null, '2026-02-15T05:00:00.000Z'],
    ]);
  });

  it('refuses an oversized file without downloading it, in both languages', async () => {
    const { som, nok } = await household();
    await som.say('import meter 1');
    const before = contentFetches().length;
    const big = `time,value\n${'2026-01-01 08:00,1\n'.repeat(60_000)}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    expect((await sendFile(som, 'big.csv', big)).text).toBe(
      'That file is larger than 1024 KB. Split it and send the parts one by one.',
    );
    await nok.say('นำเข้า มิเตอร์ 1');
    expect((await sendFile(nok, 'big.csv', big)).text).toBe(
      'ไฟล์นี้ใหญ่เกิน 1024 KB แบ่งเป็นหลายไฟล์แล้วส่งทีละไฟล์',
    );
    expect(contentFetches().length).toBe(before);
  });

  it('refuses what is not a CSV file, a file from a group, and a file nobody asked for', async () => {
    const { som, nok, dad, family } = await household();
    await withImportedFile(som);
    await som.say('import meter 1');
    expect((await sendFile(som, 'photo.xlsx', 'PK\u0003\u0004')).text).toMatch(
      /^That is not a CSV file I can read\./,
    );
    expect((await sendFile(som, 'data.csv', Buffer.from([0x41, 0, 0xff, 0xfe]))).text).toMatch(
      /^That is not a CSV file I can read\./,
    );
    expect((await sendFile(som, 'data.csv', 'time,value\n"unclosed,1\n')).text).toMatch(
      /^That is not a CSV file I can read\./,
    );
    expect((await sendFile(som, 'empty.csv', 'time,value\n')).text).toBe(
      'That file has no rows to import.',
    );
    // Still waiting: the file sent to the family group is refused there, and nothing stored.
    expect((await sendFile(som, 'readings.csv', FILE, family.groupId)).text).toBe(
      'Send the file in our one-to-one chat: imports are not taken from groups.',
    );
    // Someone not waiting for an import is not answered in a group at all.
    expect((await sendFile(dad, 'readings.csv', FILE, family.groupId)).messages).toEqual([]);
    expect((await dad.say('import meter 1', { group: family.groupId })).text).toMatch(
      /^Exports and imports are personal/,
    );
    expect(await current(som, 'Electric')).toHaveLength(3);
    // Past the wait, the file is not taken.
    now = new Date(START.getTime() + 31 * 60_000);
    expect((await sendFile(som, 'readings.csv', FILE)).text).toMatch(
      /^To import readings, first write "import meter 1"/,
    );
    expect((await sendFile(nok, 'readings.csv', FILE)).text).toMatch(/^ถ้าจะนำเข้าค่าที่จด/);
  });

  it('says so when LINE no longer has the file', async () => {
    const { som } = await household();
    await som.say('import meter 1');
    const event = h.platform.events.file({
      userId: som.user.userId,
      fileName: 'readings.csv',
      content: FILE,
    });
    h.platform.expireContent(event.message.id);
    const answer: Answer = await exchange(h, [event]);
    expect(answer.text).toBe('I could not get that file from LINE. Please send it again.');
    expect(contentFetches().at(-1)?.status).toBe(404);
  });

  it('stores nothing when the meter changed between the preview and the tap', async () => {
    const { som } = await household();
    await withImportedFile(som);
    await som.say('import meter 1');
    const preview = await sendFile(
      som,
      'more.csv',
      '2026-03-10 08:00,4600\n2026-03-12 08:00,4650\n',
    );
    expect(preview.choices.map((c) => c.label)).toEqual(['Add 2', 'Cancel']);
    expect((await som.say('meter 1 = 4610 @ 2026-03-10 08:00')).text).toMatch(/^Recorded/);
    const tapped = await som.tap(preview, 'Add 2');
    expect(tapped.text).toBe(
      [
        'meter 1 "Electric" changed since the preview, and these rows no longer fit, so nothing was stored:',
        '  line 1: another value (4,610 kWh) is recorded at that time',
        'To try again: import meter 1',
      ].join('\n'),
    );
    expect((await current(som, 'Electric')).map((r) => r.value)).toEqual([
      '4100',
      '4310',
      '4540',
      '4610',
    ]);
  });

  it('round trip: an export imported into an empty meter gives the same readings', async () => {
    const { som } = await household();
    await withImportedFile(som);
    expect((await som.say('meter 1 = 4610 @ 2026-03-10 08:00')).text).toMatch(/^Recorded/);
    await som.say('fix meter 1 #2 = 4320');
    await som.say('meter 1 = 4700 @ 2026-03-15 08:00 # ค่าไฟ, "มีนา"');
    await som.say('meter 1 = 4800 @ 2026-03-18 08:00');
    await som.say('undo');
    const exported = await (
      await fetch(LINK.exec((await som.say('export meter 1')).text)![1]!)
    ).text();
    expect((await som.say('add meter Copy kWh')).text).toMatch(/^Created meter 2 "Copy"/);
    await som.say('import meter 2');
    const preview = await sendFile(som, 'export.csv', exported);
    expect(preview.texts[0]).toMatch(/^Ready to add 5 readings to meter 2 "Copy":/);
    expect(preview.texts[0]).toMatch(/2 corrected or deleted rows left out\./);
    expect((await som.tap(preview, 'Add 5')).text).toMatch(/^Added 5 readings/);
    const copy = await (await fetch(LINK.exec((await som.say('export meter 2')).text)![1]!)).text();
    const currentRows = (csv: string) =>
      (parse(csv, { bom: true }) as string[][]).filter(
        (row) => row[6] !== 'corrected' && row[6] !== 'deleted',
      );
    expect(currentRows(copy)).toEqual(currentRows(exported));
    expect(currentRows(copy)).toHaveLength(6);
  });

  it('forgets imports a day after they expired (retention)', async () => {
    const { som } = await household();
    await withImportedFile(som);
    await som.say('import meter 1');
    await sendFile(som, 'more.csv', '2026-03-10 08:00,4600\n');
    // The database's clock is today; every import made at START expired in March.
    const before = await h.database.db.$count(readingImports);
    expect(before).toBeGreaterThan(0);
    const report = await runRetention(h.deps);
    expect(report.importsForgotten).toBe(before);
    expect(await h.database.db.$count(readingImports)).toBe(0);
    // The readings they stored stay.
    expect(await current(som, 'Electric')).toHaveLength(3);
  });
});
