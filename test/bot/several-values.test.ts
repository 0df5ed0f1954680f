import { and, asc, eq } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHART_SIZE, SERIES_COLOURS } from '../../src/charts/theme';
import { auditLog, identities, readings, sources } from '../../src/db/schema';
import { type Person, person } from '../helpers/chat';
import { databaseKinds } from '../helpers/db';
import { type Harness, startHarness } from '../helpers/harness';

// A meter with several values per reading (blood pressure) in a chat, in English and Thai:
// created with its value names, read as 120/80 72, refused with a clear answer and no change
// when the values do not fit, shown in history, fixed, deleted and undone, drawn one line per
// value, and kept out of usage, bills and prices. Each test starts from a Kai and a Nok of their
// own, so any one can run alone and in any order.

function pixelsOf(png: PNG, hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const colour = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (colour.every((c, k) => Math.abs((png.data[i + k] ?? 0) - c) <= 3)) count++;
  }
  return count;
}

describe.each(databaseKinds())('a meter with several values per reading on %s', (kind) => {
  let h: Harness;
  let kai: Person;
  let nok: Person;

  beforeEach(() => {
    kai = person(h, h.platform.addUser({ displayName: 'Kai', language: 'en' }));
    nok = person(h, h.platform.addUser({ displayName: 'Nok', language: 'th' }));
  });
  beforeAll(async () => {
    h = await startHarness({ databaseKind: kind });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The meter named `name` that `who` owns. */
  const meterOf = async (who: Person, name: string) => {
    const [source] = await h.database.db
      .select({
        id: sources.id,
        kind: sources.kind,
        valueNames: sources.valueNames,
        requiredValues: sources.requiredValues,
      })
      .from(sources)
      .innerJoin(identities, eq(identities.userId, sources.ownerId))
      .where(and(eq(identities.providerUserId, who.user.userId), eq(sources.name, name)));
    return source!;
  };
  /** Every reading row of `who`'s meter named `name`, as `#n=values` with :old / :deleted. */
  const rowsOf = async (who: Person, name: string) => {
    const source = await meterOf(who, name);
    const found = await h.database.db
      .select()
      .from(readings)
      .where(eq(readings.sourceId, source!.id))
      .orderBy(asc(readings.number), asc(readings.enteredAt));
    return found.map(
      (r) =>
        `#${r.number}=${(r.values ?? [r.value]).join('/')}${r.supersededAt ? ':old' : ''}${r.deletedAt ? ':deleted' : ''}`,
    );
  };
  /** Kai's meter 1 "BP" (sys/dia pulse?) with #1 120/80 72 on 18 Nov 2026 and #2 118/79. */
  const givenBP = async () => {
    await kai.say('add meter BP mmHg values sys dia pulse?');
    expect((await kai.say('bp = 120/80 72 @ 2026-11-18 08:00')).text).toMatch(/^Recorded/);
    expect((await kai.say('BP 118/79')).text).toMatch(/^Recorded/);
  };
  /** …and #3 260/90 on 19 Nov 2026. */
  const givenThreeBP = async () => {
    await givenBP();
    expect((await kai.say('meter 1 = 260/90 @ 2026-11-19 08:00')).text).toMatch(/^Recorded/);
  };

  it('creates the meter with its value names, stored on the source', async () => {
    const answer = await kai.say('add meter BP mmHg values sys dia pulse?');
    expect(answer.text).toBe(
      'Created meter 1 "BP" (mmHg).\nSend a reading like this:\nmeter 1 = 120/80/72\n' +
        'Each reading has the values sys/dia pulse (pulse may be left out), in that order.',
    );
    expect(await meterOf(kai, 'BP')).toMatchObject({
      kind: 'gauge',
      valueNames: ['sys', 'dia', 'pulse'],
      requiredValues: 2,
    });
  });

  it('records all values of a reading, and a reading without the optional one', async () => {
    await kai.say('add meter BP mmHg values sys dia pulse?');
    const first = await kai.say('bp = 120/80 72 @ 2026-11-18 08:00');
    expect(first.text).toMatch(
      /^Recorded meter 1 "BP": 120\/80 72 mmHg \(18 Nov(?: 2026)? 08:00\)/,
    );
    const second = await kai.say('BP 118/79');
    expect(second.text).toMatch(/^Recorded meter 1 "BP": 118\/79 mmHg/);
    expect(await rowsOf(kai, 'BP')).toEqual(['#1=120/80/72', '#2=118/79']);
    // At the same instant: judged on all values, not the first alone; nothing is stored.
    const other = await kai.say('bp = 120/85 72 @ 2026-11-18 08:00');
    expect(other.text).toMatch(
      /^There is already a reading at 18 Nov(?: 2026)? 08:00: 120\/80 72 mmHg\. To change it to 120\/85 72, use "fix"/,
    );
    const again = await kai.say('bp = 120/80 72 @ 2026-11-18 08:00');
    expect(again.text).toMatch(/^120\/80 72 mmHg at 18 Nov(?: 2026)? 08:00 is already recorded/);
    expect(await rowsOf(kai, 'BP')).toEqual(['#1=120/80/72', '#2=118/79']);
    const [entry] = await h.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'reading.add'),
          eq(auditLog.sourceId, (await meterOf(kai, 'BP')).id),
        ),
      )
      .orderBy(asc(auditLog.seq));
    expect(entry?.after).toMatchObject({ value: '120', values: ['120', '80', '72'] });
  });

  it('refuses too few or too many values, or one value on a meter of one, and stores nothing', async () => {
    await givenBP();
    const before = await rowsOf(kai, 'BP');
    expect((await kai.say('meter 1 = 121')).text).toBe(
      'This meter takes 2 to 3 values per reading (sys, dia, pulse), in that order, like 120/80 72; you sent 1. Nothing was stored.',
    );
    expect((await kai.say('meter 1 = 121/80/70/1')).text).toMatch(
      /you sent 4\. Nothing was stored/,
    );
    expect(await rowsOf(kai, 'BP')).toEqual(before);

    await kai.say('add meter Water m3');
    expect((await kai.say('meter 2 = 120/80')).text).toBe(
      'This meter takes one number per reading; you sent 2. Nothing was stored.',
    );
    expect(await rowsOf(kai, 'Water')).toEqual([]);
  });

  it('shows every value in history', async () => {
    await givenBP();
    const answer = await kai.say('history meter 1');
    expect(answer.text).toMatch(/#2 118\/79 mmHg, /);
    expect(answer.text).toMatch(/#1 120\/80 72 mmHg, 18 Nov(?: 2026)? 08:00, Kai/);
  });

  it('checks each value against its own range, and undoes a range', async () => {
    await givenBP();
    const saved = await kai.say('set meter 1 sys range 70-250');
    expect(saved.text).toBe('meter 1 "BP": sys must now be between 70 mmHg – 250 mmHg.');
    const before = await rowsOf(kai, 'BP');
    expect((await kai.say('meter 1 = 260/90')).text).toBe(
      'sys 260 mmHg is above its highest allowed value (250 mmHg). Please check the numbers and send them again; nothing was stored.',
    );
    expect((await kai.say('meter 1 = 60/40')).text).toMatch(
      /^sys 60 mmHg is below its lowest allowed value \(70 mmHg\)/,
    );
    expect(await rowsOf(kai, 'BP')).toEqual(before);
    expect((await kai.say('set meter 1 temp range 1-2')).text).toBe(
      'meter 1 "BP" has no value "temp". Its values are sys/dia pulse?.',
    );
    // The whole meter's min and max do not apply to several values: each has its own range.
    expect((await kai.say('set meter 1 min 0')).text).toMatch(
      /records several values per reading, and each value has its own range instead, for example: set meter 1 sys range 70-250/,
    );
    // Undo takes the range back: 260 is stored then.
    expect((await kai.say('undo')).text).toMatch(/^Undone/);
    expect((await kai.say('meter 1 = 260/90 @ 2026-11-19 08:00')).text).toMatch(/^Recorded/);
    expect(await rowsOf(kai, 'BP')).toEqual([...before, '#3=260/90']);
  });

  it('fixes, deletes and undoes such readings with all their values', async () => {
    await givenThreeBP();
    const fixed = await kai.say('fix meter 1 #3 = 126/90 70');
    expect(fixed.text).toBe('Fixed #3 on meter 1 "BP": 260/90 mmHg → 126/90 70 mmHg.');
    expect((await kai.say('fix meter 1 #3 = 126')).text).toMatch(/you sent 1\. Nothing was stored/);
    expect(await rowsOf(kai, 'BP')).toEqual([
      '#1=120/80/72',
      '#2=118/79',
      '#3=260/90:old',
      '#3=126/90/70',
    ]);
    expect((await kai.say('undo')).text).toBe(
      'Undone: #3 on meter 1 "BP" is back to 260/90 mmHg (was 126/90 70 mmHg).',
    );
    expect(await rowsOf(kai, 'BP')).toEqual([
      '#1=120/80/72',
      '#2=118/79',
      '#3=260/90:old',
      '#3=126/90/70:old',
      '#3=260/90',
    ]);
    expect((await kai.say('delete meter 1 #1')).text).toBe(
      'Deleted #1 120/80 72 mmHg on meter 1 "BP". It stays in the audit log.',
    );
    expect((await kai.say('undo')).text).toBe('Undone: #1 120/80 72 mmHg on meter 1 "BP" is back.');
    const current = (await rowsOf(kai, 'BP')).filter((row) => !row.includes(':'));
    expect(current).toEqual(['#1=120/80/72', '#2=118/79', '#3=260/90']);
  });

  it('draws one line per value, in the series colours', async () => {
    await givenThreeBP();
    const answer = await kai.say('chart meter 1');
    const [picture] = answer.images;
    expect(picture).toBeDefined();
    const response = await fetch(picture!.originalContentUrl);
    expect(response.status).toBe(200);
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    // sys, dia and pulse each have a line (and a legend box); no fourth colour is drawn.
    for (const colour of SERIES_COLOURS.slice(0, 3)) {
      expect(pixelsOf(png, colour)).toBeGreaterThan(500);
    }
    expect(pixelsOf(png, SERIES_COLOURS[3])).toBe(0);
  });

  it('refuses usage, bills and prices with a clear answer, and stores no price', async () => {
    await givenBP();
    const usage = await kai.say('usage meter 1');
    expect(usage.text).toBe(
      'meter 1 "BP" records several values per reading (sys/dia pulse?). Usage, bills, prices and alerts are only for meters that count up. See its readings with "history meter 1" or "chart meter 1".',
    );
    for (const asked of [
      'bill meter 1',
      'set meter 1 price 4.5',
      'alert meter 1 over 400',
      'chart meter 1 cost',
    ]) {
      expect((await kai.say(asked)).text).toMatch(/records several values per reading/);
    }
    const priced = await h.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'tariff.set'),
          eq(auditLog.sourceId, (await meterOf(kai, 'BP')).id),
        ),
      );
    expect(priced).toEqual([]);
  });

  it('works in Thai: add, read, a wrong count, history and the refusal of usage', async () => {
    const created = await nok.say('เพิ่ม มิเตอร์ ความดัน mmHg ค่า ตัวบน ตัวล่าง ชีพจร?');
    expect(created.text).toMatch(/^เพิ่มมิเตอร์ 1 "ความดัน" \(mmHg\) แล้ว/);
    expect(created.text).toMatch(/แต่ละครั้งจดค่า ตัวบน\/ตัวล่าง ชีพจร \(ชีพจร เว้นได้\)/);
    expect((await nok.say('ความดัน = 130/85 75')).text).toMatch(/130\/85 75 mmHg/);
    expect((await nok.say('ความดัน = 130')).text).toBe(
      'มิเตอร์นี้จด 2 ถึง 3 ค่าต่อครั้ง (ตัวบน, ตัวล่าง, ชีพจร) ตามลำดับ เช่น 120/80 72 แต่ส่งมา 1 ค่า ยังไม่ได้บันทึก',
    );
    expect(await rowsOf(nok, 'ความดัน')).toEqual(['#1=130/85/75']);
    expect((await nok.say('ประวัติ มิเตอร์ 1')).text).toMatch(/#1 130\/85 75 mmHg เมื่อ/);
    expect((await nok.say('ตั้งค่า มิเตอร์ 1 ตัวบน ช่วง 70-250')).text).toBe(
      'มิเตอร์ 1 "ความดัน": ตัวบน ต้องอยู่ระหว่าง 70 mmHg – 250 mmHg',
    );
    expect((await nok.say('ใช้ไป มิเตอร์ 1')).text).toMatch(/^มิเตอร์ 1 "ความดัน" จดหลายค่าต่อครั้ง/);
  });

  it('refuses value names that cannot work, creating nothing', async () => {
    const count = async () => (await h.database.db.select().from(sources)).length;
    const before = await count();
    expect((await kai.say('add meter Temp values low')).text).toMatch(
      /^Give 2 to 6 different value names/,
    );
    expect((await kai.say('add counter Power kWh values day night')).text).toMatch(
      /A counter or an amount has one value/,
    );
    expect(await count()).toBe(before);
  });
});
