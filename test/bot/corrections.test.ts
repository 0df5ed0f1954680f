import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, identities, readings, sources } from '../../src/db/schema';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Correcting the past: fix, delete, backdating between readings, typos, a replaced meter. Each
// test starts from a Kai of its own, so any one can run alone and in any order.

describe('correcting readings', () => {
  let h: Harness;
  let kai: Person;

  /** Kai with meter 1 "Water" read every five days in November: 100, 110, 120, 130. */
  beforeEach(async () => {
    kai = person(h, h.platform.addUser({ displayName: 'Kai', language: 'en' }));
    await kai.say('add meter Water m3');
    for (const line of [
      'meter 1 = 100 @ 2026-11-01 08:00',
      'meter 1 = 110 @ 2026-11-06 08:00',
      'meter 1 = 120 @ 2026-11-11 08:00',
      'meter 1 = 130 @ 2026-11-16 08:00',
    ]) {
      expect((await kai.say(line)).text).toMatch(/^Recorded/);
    }
  });
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const kaisWater = async () => {
    const [meter] = await h.database.db
      .select({ id: sources.id })
      .from(sources)
      .innerJoin(identities, eq(identities.userId, sources.ownerId))
      .where(and(eq(identities.providerUserId, kai.user.userId), eq(sources.name, 'Water')));
    return meter!.id;
  };
  /** Every row ever written on Kai's meter, with what happened to it: nothing is lost. */
  const rowsOf = async () =>
    (
      await h.database.db
        .select()
        .from(readings)
        .where(eq(readings.sourceId, await kaisWater()))
        .orderBy(asc(readings.number), asc(readings.enteredAt))
    ).map(
      (r) =>
        `#${r.number}=${r.value}${r.registerEvent ? `:${r.registerEvent}` : ''}${r.supersededAt ? ':old' : ''}${r.deletedAt ? ':deleted' : ''}`,
    );

  it('fixes a reading by its number, keeping the old value', async () => {
    const answer = await kai.say('fix #2 = 111');
    expect(answer.text).toBe('Fixed #2 on meter 1 "Water": 110 m³ → 111 m³.');
    expect(await rowsOf()).toEqual(['#1=100', '#2=110:old', '#2=111', '#3=120', '#4=130']);
    const [entry] = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reading.fix'), eq(auditLog.sourceId, await kaisWater())));
    expect(entry).toMatchObject({
      before: { value: '110', number: 2 },
      after: { value: '111', number: 2 },
    });
  });

  it('refuses a fix that does not fit between the neighbours, and changes nothing', async () => {
    const answer = await kai.say('fix #2 = 125');
    expect(answer.text).toMatch(/is higher than the later reading 120 m³/);
    expect(await rowsOf()).toEqual(['#1=100', '#2=110', '#3=120', '#4=130']);
  });

  it('says a fix to the value a reading already has changes nothing, and writes nothing', async () => {
    const audited = async () =>
      (
        await h.database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.sourceId, await kaisWater()))
      ).length;
    const before = await audited();
    const answer = await kai.say('fix #2 = 110.0');
    expect(answer.text).toBe('#2 on meter 1 "Water" is already 110 m³: nothing changed.');
    expect(await rowsOf()).toEqual(['#1=100', '#2=110', '#3=120', '#4=130']);
    expect(await audited()).toBe(before);
    // Nothing to take back: undo takes back the last reading, as before the fix.
    expect((await kai.say('undo')).text).toMatch(/^Undone: reading #4 130 m³/);
  });

  it('lets only the author or an admin change a reading', async () => {
    // Lin has no access at all: the meter does not exist for her.
    const lin = person(h, h.platform.addUser({ displayName: 'Lin', language: 'en' }));
    expect((await lin.say('fix #1 = 101')).text).toMatch(/You have no meters yet/);
    expect((await lin.say('delete meter 1 #1')).text).toMatch(/There is no meter 1 here/);
  });

  it('deletes a reading, keeping the row', async () => {
    expect((await kai.say('delete #3')).text).toBe(
      'Deleted #3 120 m³ on meter 1 "Water". It stays in the audit log.',
    );
    expect(await rowsOf()).toEqual(['#1=100', '#2=110', '#3=120:deleted', '#4=130']);
    expect((await kai.say('delete #3')).text).toMatch(/has no reading #3/);
  });

  it('checks a backdated reading against the readings on both sides', async () => {
    await kai.say('fix #2 = 111');
    const between = await kai.say('meter 1 = 105 @ 2026-11-03 08:00');
    expect(between.text).toMatch(/^Recorded meter 1 "Water": 105 m³ \(3 Nov 08:00\)/);
    const tooHigh = await kai.say('meter 1 = 115 @ 2026-11-04 08:00');
    expect(tooHigh.text).toMatch(/115 is higher than the later reading 111 m³/);
    // One digit away from 115 there is a value that fits: offered as a likely typo.
    // Stored as it is, 115 before 111 would count negative use: no "store" button.
    expect(tooHigh.choices.map((c) => c.label)).toEqual(['Did you mean 105?', 'Cancel']);
    const cancelled = await kai.tap(tooHigh, 'Cancel');
    expect(cancelled.text).toBe('OK, I did not record it.');
    expect(await rowsOf()).toEqual([
      '#1=100',
      '#2=110:old',
      '#2=111',
      '#3=120',
      '#4=130',
      '#5=105',
    ]);
  });

  it('offers the likely typo, and stores the corrected value when tapped', async () => {
    await kai.say('set meter 1 digits 5');
    const typo = await kai.say('meter 1 = 1400');
    expect(typo.text).toMatch(/lower than|Did you mean/);
    const suggestion = typo.choices.find((c) => c.label.startsWith('Did you mean'));
    expect(suggestion?.label).toBe('Did you mean 140?');
    const stored = await kai.tap(typo, 'Did you mean 140?');
    expect(stored.text).toMatch(/^Recorded meter 1 "Water": 140 m³/);
  });

  it('records a replaced meter so that the jump is not usage', async () => {
    const answer = await kai.say('new meter 1 final 150 initial 3');
    expect(answer.text).toBe(
      'Meter replaced on meter 1 "Water": the old meter ended at 150 m³, the new one starts at 3 m³. The jump is not counted as usage.',
    );
    const after = await kai.say('meter 1 = 8');
    expect(after.text).toMatch(/^Recorded meter 1 "Water": 8 m³/);
    expect(after.text).toMatch(/Used 5 m³/);
    expect((await rowsOf()).slice(-3)).toEqual([
      '#5=150:replacement_final',
      '#6=3:replacement_initial',
      '#7=8',
    ]);
  });

  it('asks for the old final reading when "new meter" is tapped', async () => {
    const question = await kai.say('meter 1 = 2');
    expect(question.choices.map((c) => c.label)).toContain('Replaced / reset');
    const hint = await kai.tap(question, 'Replaced / reset');
    expect(hint.text).toMatch(/new meter 1 final 130 initial 2/);
    expect(hint.choices[0]?.action).toMatchObject({
      type: 'message',
      text: 'new meter 1 final 130 initial 2',
    });
  });
});
