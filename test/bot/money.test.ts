import { and, asc, eq, like, or } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, identities, sources } from '../../src/db/schema';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Money in the chat, end to end: prices set in English and Thai, bills with their breakdown,
// paid bills beside the estimate, the billing day, reminders and alerts, audit rows. Each test
// starts from a Som and a Noi of their own on 20 Dec 2022, so any one can run alone and in any
// order.

let now: Date;

describe('tariffs and bills through the webhook', () => {
  let h: Harness;
  let som: Person;
  let noi: Person;

  /** Som with meter 1 "Electric": 1,000 kWh on 1 Nov 2022, 1,320 kWh on 1 Dec 2022. */
  beforeEach(async () => {
    now = new Date('2022-12-20T03:00:00Z');
    som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    noi = person(h, h.platform.addUser({ displayName: 'Noi', language: 'th' }));
    await som.say('add meter Electric kWh');
    for (const reading of ['1000 @ 2022-11-01 00:00', '1320 @ 2022-12-01 00:00']) {
      expect((await som.say(`meter 1 = ${reading}`)).text).toMatch(/^Recorded/);
    }
  });
  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Som's prices: mea-1.1.2 from 2022, Ft 0.3672 from Sep 2022, VAT 7 % (set twice). */
  const priced = async () => {
    for (const setting of [
      'set meter 1 tariff mea-1.1.2 from 2022-01-01',
      'set meter 1 ft 0.3672 from 2022-09-01',
      'set meter 1 vat 7 from 2022-01-01',
      'set meter 1 vat 7 from 2023-01-01',
    ]) {
      expect((await som.say(setting)).text).toMatch(/^Saved for meter 1 "Electric"/);
    }
  };
  /** Som priced, on 20 Dec 2026, with 320 kWh read in November 2026. */
  const pricedIn2026 = async () => {
    await priced();
    now = new Date('2026-12-20T03:00:00Z');
    for (const reading of ['5000 @ 2026-11-01 00:00', '5320 @ 2026-12-01 00:00']) {
      expect((await som.say(`meter 1 = ${reading}`)).text).toMatch(/^Recorded/);
    }
  };

  it('asks for a price before it can show a bill', async () => {
    const answer = await som.say('bill meter 1');
    expect(answer.text).toBe(
      'meter 1 "Electric" has no price yet. For example: set meter 1 tariff mea-1.1.2',
    );
  });

  it('reproduces the worked example: 320 kWh on mea-1.1.2 with Ft 0.3672 in 2022 is 1,455.94', async () => {
    expect((await som.say('set meter 1 tariff mea-1.1.2 from 2022-01-01')).text).toBe(
      'Saved for meter 1 "Electric": tariff mea-1.1.2, from 2022-01-01 (the first price of its kind, so it also prices earlier periods).',
    );
    expect((await som.say('set meter 1 ft 0.3672 from 2022-09-01')).text).toBe(
      'Saved for meter 1 "Electric": Ft 0.3672 baht per unit, from 2022-09-01 (the first price of its kind, so it also prices earlier periods).',
    );
    expect((await som.say('set meter 1 vat 7 from 2022-01-01')).text).toMatch(/VAT 7 %/);
    // A later setting of a kind already set prices only from its date: no note about the past.
    expect((await som.say('set meter 1 vat 7 from 2023-01-01')).text).toMatch(
      /VAT 7 %, from 2023-01-01\.$/,
    );
    const answer = await som.say('bill meter 1 2022-11');
    expect(answer.text).toBe(
      [
        'meter 1 "Electric" — bill 2022-11 (1 Nov 2022 – 30 Nov 2022)',
        'Used so far: 320 kWh',
        'Bill:',
        '  1–150: 150 kWh × 3.2484 = 487.26',
        '  151–400: 170 kWh × 4.2218 = 717.71',
        '  Energy 1,204.97',
        '  Service 38.22',
        '  Ft 320 kWh × 0.3672 = 117.50',
        '  Subtotal 1,360.69',
        '  VAT 7 % 95.25',
        '  Total 1,455.94 baht',
      ].join('\n'),
    );
  });

  it('records the paid bill and shows it beside the estimate', async () => {
    await priced();
    expect((await som.say('paid meter 1 1455.94 for 2022-11')).text).toBe(
      'Recorded: meter 1 "Electric" bill 2022-11 paid 1,455.94 baht.\n' +
        'Estimate 1,455.94 baht; difference 0.00.',
    );
    expect((await som.say('paid meter 1 1460 for 2022-11')).text).toMatch(/difference \+4\.06/);
    const answer = await som.say('bill meter 1 2022-11');
    expect(answer.text).toMatch(/Paid 1,460\.00 baht \(\+4\.06 against the estimate\)$/);
    // Som's meter's rows alone: four prices set, two payments, one bill seen.
    const actions = await h.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .innerJoin(sources, eq(sources.id, auditLog.sourceId))
      .innerJoin(identities, eq(identities.userId, sources.ownerId))
      .where(
        and(
          eq(identities.providerUserId, som.user.userId),
          or(like(auditLog.action, 'bill.%'), like(auditLog.action, 'tariff.%')),
        ),
      )
      .orderBy(asc(auditLog.seq));
    expect(actions.map((r) => r.action)).toEqual([
      'tariff.set',
      'tariff.set',
      'tariff.set',
      'tariff.set',
      'bill.paid',
      'bill.paid',
      'bill.view',
    ]);
  });

  it('prices a 2026 period with the service charge in force then (24.62): 1,441.39', async () => {
    await pricedIn2026();
    const answer = await som.say('bill meter 1 2026-11');
    expect(answer.text).toMatch(/Service 24\.62\n/);
    expect(answer.text).toMatch(/Total 1,441\.39 baht$/);
  });

  it('draws the billing periods in baht (chart meter 1 cost, กราฟ มิเตอร์ 1 ค่าใช้จ่าย)', async () => {
    await pricedIn2026();
    const png = async (text: string) => {
      const answer = await som.say(text);
      expect(answer.images).toHaveLength(1);
      const response = await fetch(answer.images[0]!.originalContentUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      return Buffer.from(await response.arrayBuffer());
    };
    const cost = await png('chart meter 1 cost');
    const thaiCost = await png('กราฟ มิเตอร์ 1 ค่าใช้จ่าย');
    const usage = await png('chart meter 1');
    expect(cost.subarray(1, 4).toString()).toBe('PNG');
    // Baht, not kWh: a different picture from the usage chart, and the Thai one its own.
    expect(cost.equals(usage)).toBe(false);
    expect(thaiCost.equals(cost)).toBe(false);
  });

  it('speaks Thai: ค่าไฟ มิเตอร์ 1 and the Thai settings', async () => {
    await pricedIn2026();
    const answer = await som.say('ค่าไฟ มิเตอร์ 1 2026-11');
    expect(answer.text).toMatch(/รวมทั้งสิ้น 1,441\.39 บาท/);
    expect((await som.say('ตั้งค่า มิเตอร์ 1 วันจด 18')).text).toBe(
      'มิเตอร์ 1 "Electric": รอบบิลเริ่มวันที่ 18 ของทุกเดือน (เดือนที่สั้นกว่าใช้วันสุดท้ายของเดือน)',
    );
  });

  it('follows the billing day: periods run from the 18th', async () => {
    await pricedIn2026();
    expect((await som.say('set meter 1 billing day 18')).text).toBe(
      'meter 1 "Electric": billing periods now start on day 18 of each month (a shorter month uses its last day).',
    );
    const answer = await som.say('bill meter 1');
    expect(answer.text).toMatch(/^meter 1 "Electric" — bill 2027-01 \(18 Dec 2026 – 17 Jan 2027\)/);
    expect((await som.say('set meter 1 billing day none')).text).toBe(
      'meter 1 "Electric" now follows calendar months.',
    );
  });

  it('sets reminders and alerts, in both languages, and refuses a bad day', async () => {
    expect((await som.say('remind meter 1 day 25 09:00')).text).toMatch(
      /^I will remind you to read meter 1 "Electric" on day 25 of each month at 09:00/,
    );
    expect((await som.say('remind meter 1 day 32')).text).toMatch(/from 1 to 31/);
    expect((await som.say('alert meter 1 over 400')).text).toMatch(/over 400 kWh this period/);
    expect((await som.say('ปิดเตือน มิเตอร์ 1')).text).toBe('เลิกเตือนมิเตอร์ 1 "Electric"แล้ว');
    expect((await som.say('alert off meter 1')).text).toBe(
      'No more alerts for meter 1 "Electric".',
    );
  });

  it('does not let someone without access see or price the meter', async () => {
    expect((await noi.say('ค่าไฟ มิเตอร์ 1')).text).toMatch(/ยังไม่มีมิเตอร์|ไม่พบ/);
  });
});
