import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { access, chatChanges, readings, sources } from '../../src/db/schema';
import type { Author } from '../../src/readings/context';
import { ASK_BEFORE_UNDO_MS, recordChange, undoLastChange } from '../../src/readings/undo';
import { setBillDay } from '../../src/store/billing';
import { archiveMeter, getValidators, saveValidators, setDigits } from '../../src/store/meters';
import { databaseKinds } from '../helpers/db';
import { at, householdPerTest, NOW } from './fixture';

describe.each(databaseKinds())('undo in the reading service on %s', (kind) => {
  const home = householdPerTest(kind);

  /** Kai (or `who`) in another chat: undo there sees only that chat's changes. */
  const elsewhere = (who: Author): Author => ({ ...who, chatKey: `${who.chatKey}:other` });
  const later = (who: Author, ms: number): Author => ({
    ...who,
    clock: () => new Date(NOW.getTime() + ms),
  });
  const undo = (name: string, who = home.kai, confirmedId: string | null = null) =>
    home.as(who, (context) => undoLastChange(context, who, home.origin(name), confirmedId));
  /** Every change Kai has logged, oldest first: the ids an "undo this?" button carries. */
  const changes = async (who = home.kai) =>
    home.database.db
      .select()
      .from(chatChanges)
      .where(and(eq(chatChanges.userId, who.userId), eq(chatChanges.sourceId, home.water.id)))
      .orderBy(asc(chatChanges.seq));
  /** Each row of the meter as `#N=value origin` (and the origin of its deletion, if deleted). */
  const origins = async () =>
    (
      await home.database.db
        .select()
        .from(readings)
        .where(eq(readings.sourceId, home.water.id))
        .orderBy(asc(readings.number), asc(readings.enteredAt))
    ).map((r) => `#${r.number}=${r.value} ${r.deletedOrigin ?? r.origin}`);
  const o = (name: string) => home.origin(name);
  /** The audit trail as `action on subject type`. */
  const actions = async () =>
    (await home.auditTrail()).map((entry) => `${entry.action} on ${entry.subjectType}`);

  describe('which change', () => {
    it('takes back the newest change first, then the one before it, then says there is nothing', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      expect(await undo('u1')).toMatchObject({
        outcome: 'undone',
        change: { detail: { kind: 'reading.add', reading: { number: 2, value: '110' } } },
        restored: null,
      });
      expect(await undo('u2')).toMatchObject({
        outcome: 'undone',
        change: { detail: { kind: 'reading.add', reading: { number: 1, value: '100' } } },
      });
      expect(await undo('u3')).toEqual({ outcome: 'nothing' });
      expect(await home.rows()).toEqual(['#1=100:deleted', '#2=110:deleted']);
      const [, , undone, change] = await home.auditTrail();
      expect(undone).toMatchObject({
        action: 'reading.undo',
        subjectType: 'reading',
        sourceId: home.water.id,
        before: { number: 2, value: '110' },
      });
      expect(change).toMatchObject({
        action: 'change.undo',
        subjectType: 'change',
        sourceId: home.water.id,
        before: { kind: 'reading.add', at: NOW.toISOString() },
        after: null,
      });
      const [first, second] = await changes();
      expect(second).toMatchObject({ undoneOrigin: home.origin('u1'), undoneAt: NOW });
      expect(first).toMatchObject({ undoneOrigin: home.origin('u2') });
    });

    it('answers the same undo event again with what it undid, taking nothing more back', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await undo('u1');
      expect(await undo('u1')).toMatchObject({
        outcome: 'undone',
        change: { detail: { kind: 'reading.add', reading: { number: 2 } } },
        restored: null,
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110:deleted']);
      expect(await actions()).toEqual([
        'reading.add on reading',
        'reading.add on reading',
        'reading.undo on reading',
        'change.undo on change',
      ]);
    });

    it('sees only the changes made in the same chat', async () => {
      await home.add('100', 1);
      expect(await undo('u1', elsewhere(home.kai))).toEqual({ outcome: 'nothing' });
      expect(await home.rows()).toEqual(['#1=100']);
    });

    it('asks about a change older than ten minutes, and undoes it once confirmed by its id', async () => {
      await home.add('100', 1);
      const [logged] = await changes();
      // Exactly ten minutes is still recent.
      expect(await undo('on-time', later(home.kai, ASK_BEFORE_UNDO_MS))).toMatchObject({
        outcome: 'undone',
      });
      await home.add('110', 6);
      const [, second] = await changes();
      const tooLate = later(home.kai, ASK_BEFORE_UNDO_MS + 1);
      expect(await undo('late', tooLate)).toMatchObject({
        outcome: 'ask',
        change: { id: second!.id, at: NOW, detail: { kind: 'reading.add' } },
      });
      expect(await home.rows()).toEqual(['#1=100:deleted', '#2=110']);
      expect(await undo('late-yes', tooLate, second!.id)).toMatchObject({
        outcome: 'undone',
        change: { id: second!.id },
      });
      expect(await home.rows()).toEqual(['#1=100:deleted', '#2=110:deleted']);
      // A confirmed id that is undone already, or never was, undoes nothing.
      expect(await undo('again', tooLate, logged!.id)).toEqual({ outcome: 'nothing' });
      expect(await undo('none', tooLate, crypto.randomUUID())).toEqual({ outcome: 'nothing' });
    });

    it("never undoes someone else's change, nor one from another chat, even when named by id", async () => {
      await home.add('100', 1, home.lin);
      const [lins] = await changes(home.lin);
      expect(await undo('not-mine', home.kai, lins!.id)).toEqual({ outcome: 'nothing' });
      expect(await undo('other-chat', elsewhere(home.lin), lins!.id)).toEqual({
        outcome: 'nothing',
      });
      expect(await home.rows()).toEqual(['#1=100']);
    });

    it('needs the rights the change needed: a writer may not take back a settings change', async () => {
      await home.as(home.lin, ({ tx }) =>
        recordChange(
          tx,
          home.lin,
          home.water.id,
          { kind: 'meter.settings', before: { billDay: null }, after: { billDay: 5 } },
          home.origin('settings'),
        ),
      );
      expect(await undo('u', home.lin)).toMatchObject({
        outcome: 'notAllowed',
        change: { detail: { kind: 'meter.settings' } },
      });
      // A writer whose access is gone may not take back even her own reading.
      await home.add('100', 1, home.lin);
      await home.database.db.delete(access).where(eq(access.userId, home.lin.userId));
      expect(await undo('gone', home.lin)).toMatchObject({ outcome: 'notAllowed' });
      expect(await home.rows()).toEqual(['#1=100']);
    });
  });

  describe('a reading added', () => {
    it('is skipped as stale when it was deleted since: the next undo takes the one before', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await home.remove(2, 'kai-deletes-in-another-chat', elsewhere(home.kai));
      expect(await undo('u1')).toMatchObject({
        outcome: 'stale',
        change: { detail: { kind: 'reading.add', reading: { number: 2 } } },
      });
      expect(await undo('u2')).toMatchObject({
        outcome: 'undone',
        change: { detail: { kind: 'reading.add', reading: { number: 1 } } },
      });
      expect(await home.rows()).toEqual(['#1=100:deleted', '#2=110:deleted']);
      // The stale one is marked taken back (so it is skipped), with nothing of it restored.
      expect((await home.auditTrail()).slice(3).map((e) => [e.action, e.after])).toEqual([
        ['change.undo', null],
        ['reading.undo', null],
        ['change.undo', null],
      ]);
    });

    it('gives a wrap it carried to the reading after it', async () => {
      await home.digits(3);
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
      await home.add('20', 11, home.lin);
      const [, wrap] = await changes();
      expect(await undo('u', home.kai, wrap!.id)).toMatchObject({ outcome: 'undone' });
      // 990 → 20 still counts the 30 the wrap counted: 20 carries the wrap now.
      expect(await home.rows()).toEqual([
        '#1=990',
        '#2=10:rollover:deleted',
        '#3=20:old',
        '#3=20:rollover',
      ]);
      expect(await actions()).toEqual([
        'reading.add on reading',
        'reading.add on reading',
        'reading.add on reading',
        'reading.undo on reading',
        'reading.fix on reading',
        'change.undo on change',
      ]);
    });

    it('is refused when the readings around it would follow each other with negative use', async () => {
      await home.digits(3);
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
      expect(await home.replace('20', '0', 11)).toMatchObject({ outcome: 'replaced' });
      const [, wrap] = await changes();
      expect(await undo('u', home.kai, wrap!.id)).toMatchObject({
        outcome: 'negativeUse',
        steps: [{ previous: { value: '990' }, next: { value: '20' } }],
      });
      expect(await home.rows()).toEqual([
        '#1=990',
        '#2=10:rollover',
        '#3=20:replacement_final',
        '#4=0:replacement_initial',
      ]);
      expect((await changes())[1]!.undoneAt).toBeNull();
    });
  });

  describe('a fix', () => {
    it('is stale when the reading was changed again since', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await home.fix(2, '105', 'fix-here');
      await home.fix(2, '106', 'fix-there', elsewhere(home.kai));
      expect(await undo('u')).toMatchObject({ outcome: 'stale' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110:old', '#2=105:old', '#2=106']);
    });

    it('is refused when the old value no longer fits between its neighbours', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await home.add('120', 11);
      await home.fix(2, '101', 'fix-2');
      await home.fix(3, '105', 'fix-3', elsewhere(home.kai));
      expect(await undo('u')).toMatchObject({
        outcome: 'refused',
        change: { detail: { kind: 'reading.fix' } },
        problem: { code: 'higherThanNext' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110:old', '#2=101', '#3=120:old', '#3=105']);
    });
  });

  describe('a deletion', () => {
    it('brings a deleted wrap back and takes the wrap back from the reading that carried it', async () => {
      await home.digits(3);
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
      await home.add('20', 11);
      expect(await home.remove(2, 'del')).toMatchObject({ outcome: 'deleted' });
      expect(await home.rows()).toEqual([
        '#1=990',
        '#2=10:rollover:deleted',
        '#3=20:old',
        '#3=20:rollover',
      ]);
      expect(await undo('u')).toMatchObject({
        outcome: 'undone',
        restored: { number: 2, value: '10', registerEvent: 'rollover' },
      });
      expect(await home.rows()).toEqual([
        '#1=990',
        '#2=10:rollover:deleted',
        '#2=10:rollover',
        '#3=20:old',
        '#3=20:rollover:old',
        '#3=20',
      ]);
      expect((await actions()).slice(-3)).toEqual([
        'reading.fix on reading',
        'reading.restore on reading',
        'change.undo on change',
      ]);
    });

    it('is refused when the deleted reading no longer fits where it was', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await home.add('120', 11);
      await home.remove(2, 'del');
      await home.fix(3, '105', 'fix-3', elsewhere(home.kai));
      expect(await undo('u')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'higherThanNext' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110:deleted', '#3=120:old', '#3=105']);
    });

    it('of a meter replacement brings both halves back, or neither while the new meter has readings', async () => {
      await home.add('100', 1);
      await home.replace('120', '3', 6);
      expect(await home.remove(3, 'del')).toMatchObject({ outcome: 'deletedReplacement' });
      await home.add('130', 11, home.lin);
      expect(await undo('blocked')).toMatchObject({
        outcome: 'laterReadings',
        later: { value: '130' },
      });
      await home.as(home.lin, (context) =>
        undoLastChange(context, home.lin, home.origin('lin-undo')),
      );
      expect(await undo('u')).toMatchObject({
        outcome: 'undone',
        restored: { number: 3, registerEvent: 'replacement_initial' },
      });
      expect(await home.rows()).toEqual([
        '#1=100',
        '#2=120:replacement_final:deleted',
        '#2=120:replacement_final',
        '#3=3:replacement_initial:deleted',
        '#3=3:replacement_initial',
        '#4=130:deleted',
      ]);
      expect((await actions()).slice(-3)).toEqual([
        'reading.restore on reading',
        'reading.restore on reading',
        'change.undo on change',
      ]);
    });

    it('of a replacement is refused when its final no longer fits after the reading before it', async () => {
      await home.add('100', 1);
      await home.replace('120', '3', 6);
      await home.remove(2, 'del');
      await home.fix(1, '125', 'fix-1', elsewhere(home.kai));
      expect(await undo('u')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'lowerThanPrevious' },
      });
      expect(await home.rows()).toEqual([
        '#1=100:old',
        '#1=125',
        '#2=120:replacement_final:deleted',
        '#3=3:replacement_initial:deleted',
      ]);
    });
  });

  describe('a meter replacement', () => {
    it('takes both halves back, and neither while the new meter has readings after it', async () => {
      await home.add('100', 1);
      await home.replace('120', '3', 6);
      await home.add('5', 11, home.lin);
      expect(await undo('blocked')).toMatchObject({
        outcome: 'laterReadings',
        change: { detail: { kind: 'reading.replace' } },
        later: { value: '5' },
      });
      await home.as(home.lin, (context) =>
        undoLastChange(context, home.lin, home.origin('lin-undo')),
      );
      expect(await undo('u')).toMatchObject({ outcome: 'undone', restored: null });
      expect(await home.rows()).toEqual([
        '#1=100',
        '#2=120:replacement_final:deleted',
        '#3=3:replacement_initial:deleted',
        '#4=5:deleted',
      ]);
      expect((await actions()).slice(-3)).toEqual([
        'reading.undo on reading',
        'reading.undo on reading',
        'change.undo on change',
      ]);
    });
  });

  describe('meter changes', () => {
    it('brings an archived meter back, unless its name is taken again', async () => {
      const archive = () =>
        home.as(home.kai, async ({ tx }) => {
          await archiveMeter(tx, home.water.id);
          await recordChange(
            tx,
            home.kai,
            home.water.id,
            { kind: 'meter.archive' },
            home.origin(`archive-${Math.random()}`),
          );
        });
      await archive();
      expect(await undo('u1')).toMatchObject({ outcome: 'undone' });
      expect((await home.meter()).archivedAt).toBeNull();
      expect((await actions()).slice(-2)).toEqual([
        'meter.unarchive on source',
        'change.undo on change',
      ]);

      await archive();
      await home.database.db.insert(sources).values({
        ownerId: (await home.meter()).ownerId,
        name: 'Water',
        unit: 'm3',
        timezone: 'Asia/Bangkok',
      });
      expect(await undo('u2')).toMatchObject({ outcome: 'stale' });
      expect((await home.meter()).archivedAt).not.toBeNull();
    });

    it('is stale for an archive that was undone by other means', async () => {
      await home.as(home.kai, ({ tx }) =>
        recordChange(tx, home.kai, home.water.id, { kind: 'meter.archive' }, home.origin('a')),
      );
      expect(await undo('u')).toMatchObject({ outcome: 'stale' });
    });

    it('puts the billing day back', async () => {
      await home.as(home.kai, async ({ tx }) => {
        await setBillDay(tx, home.water.id, 5);
        await recordChange(
          tx,
          home.kai,
          home.water.id,
          { kind: 'meter.settings', before: { billDay: 20 }, after: { billDay: 5 } },
          home.origin('bill-day'),
        );
      });
      expect(await undo('u')).toMatchObject({ outcome: 'undone' });
      expect((await home.meter()).billDay).toBe(20);
      const [entry] = (await home.auditTrail()).slice(-2);
      expect(entry).toMatchObject({
        action: 'meter.settings',
        subjectType: 'source',
        before: { billDay: 5 },
        after: { billDay: 20 },
      });
    });

    it('puts checks and the register size back, unless a wrap would then count negative use', async () => {
      const settings = (digits: number | null, min: string | null) => ({
        min,
        max: null,
        nonDecreasing: true,
        maxRatePerDay: null,
        valueRanges: null,
        digits,
      });
      const change = (before: number | null, after: number | null, name: string) =>
        home.as(home.kai, async (context) => {
          await setDigits(context.tx, home.water.id, after);
          await saveValidators(context.tx, home.water, settings(after, null));
          await recordChange(
            context.tx,
            home.kai,
            home.water.id,
            {
              kind: 'meter.settings',
              before: settings(before, '50'),
              after: settings(after, null),
            },
            home.origin(name),
          );
        });
      const checks = () => home.as(home.kai, ({ tx }) => getValidators(tx, home.water));
      await change(null, 4, 'four');
      expect(await undo('u1')).toMatchObject({ outcome: 'undone' });
      expect((await home.meter()).digits).toBeNull();
      expect(await checks()).toMatchObject({ min: '50' });

      await change(null, 3, 'three');
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
      const settingsChange = (await changes()).find((c) => c.origin === home.origin('three'));
      // Without a register size the wrap from 990 to 10 would count -980.
      expect(await undo('u2', home.kai, settingsChange!.id)).toMatchObject({
        outcome: 'negativeUse',
        steps: [{ previous: { value: '990' }, next: { value: '10', registerEvent: 'rollover' } }],
      });
      expect((await home.meter()).digits).toBe(3);
      expect(await checks()).toMatchObject({ min: null });
    });
  });

  // A wrap is marked only where the register dropped, so it counts less than one turn of it.
  describe('a wrap under one turn of the register', () => {
    beforeEach(async () => {
      await home.digits(3);
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
    });

    it('a fix keeps a wrap below the reading before it; undo puts the old value back', async () => {
      expect(await home.fix(2, '20', 'fix')).toMatchObject({
        outcome: 'fixed',
        after: { value: '20', registerEvent: 'rollover' },
      });
      // 990 ↻ 995 would count 1,005 on a 3-digit register: a whole turn more.
      expect(await home.fix(2, '995', 'fix-up')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'wrapNotBelowPrevious', value: '995', previous: '990' },
      });
      expect(await undo('u')).toMatchObject({
        outcome: 'undone',
        restored: { value: '10', registerEvent: 'rollover' },
      });
      expect(await home.rows()).toEqual([
        '#1=990',
        '#2=10:rollover:old',
        '#2=20:rollover:old',
        '#2=10:rollover',
      ]);
    });

    it('a fix of the reading before the wrap must stay above it', async () => {
      expect(await home.fix(1, '5', 'fix')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'belowLaterWrap', value: '5', next: '10', nextAt: at(6) },
      });
      expect(await home.rows()).toEqual(['#1=990', '#2=10:rollover']);
    });

    it('a delete that would leave the wrap a whole turn after an earlier reading is refused', async () => {
      await home.add('5', 0);
      expect(await home.remove(1, 'delete')).toMatchObject({
        outcome: 'negativeUse',
        steps: [{ previous: { value: '5' }, next: { value: '10' }, fault: 'wholeTurn' }],
      });
      expect(await home.rows()).toEqual(['#1=990', '#2=10:rollover', '#3=5']);
    });

    it('a register size a wrap that did not drop would count a whole turn with is refused', async () => {
      await home.addAs('995', 11, 'rollover');
      const sizeOf = (n: number | null) => ({
        min: null,
        max: null,
        nonDecreasing: true,
        maxRatePerDay: null,
        valueRanges: null,
        digits: n,
      });
      await home.as(home.kai, async (context) => {
        await setDigits(context.tx, home.water.id, null);
        await recordChange(
          context.tx,
          home.kai,
          home.water.id,
          { kind: 'meter.settings', before: sizeOf(3), after: sizeOf(null) },
          home.origin('no-size'),
        );
      });
      // Back to 3 digits, 10 ↻ 995 would count 1,985: more than the 1,000 a turn holds.
      expect(await undo('u')).toMatchObject({
        outcome: 'negativeUse',
        steps: [{ previous: { value: '10' }, next: { value: '995' }, fault: 'wholeTurn' }],
      });
      expect((await home.meter()).digits).toBeNull();
    });
  });

  describe('edges', () => {
    it("never undoes another person's change in a group they share, even named by id", async () => {
      const group = home.origin('group');
      const inGroup = (who: Author): Author => ({ ...who, chatKey: group });
      await home.add('100', 1, inGroup(home.lin));
      const [lins] = await changes(home.lin);
      expect(await undo('kai-by-id', inGroup(home.kai), lins!.id)).toEqual({ outcome: 'nothing' });
      expect(await undo('kai-plain', inGroup(home.kai))).toEqual({ outcome: 'nothing' });
      expect(await home.rows()).toEqual(['#1=100']);
    });

    it('audits an undone fix as a fix back to the old value, and the undo with what it restored', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await home.fix(2, '112', 'fix');
      expect(await undo('u')).toMatchObject({ outcome: 'undone', restored: { value: '110' } });
      const [fixBack, undone] = (await home.auditTrail()).slice(-2);
      expect(fixBack).toMatchObject({
        action: 'reading.fix',
        subjectType: 'reading',
        before: { number: 2, value: '112' },
        after: { number: 2, value: '110' },
      });
      expect(undone).toMatchObject({
        action: 'change.undo',
        before: { kind: 'reading.fix' },
        after: { number: 2, value: '110' },
      });
    });

    it('skips a fix whose reading was deleted since', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await home.fix(2, '112', 'fix');
      await home.remove(2, 'del', elsewhere(home.kai));
      expect(await undo('u')).toMatchObject({ outcome: 'stale' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110:old', '#2=112:deleted']);
    });

    it('refuses to undo a fix whose old value breaks a check set since, and keeps it to undo', async () => {
      await home.add('100', 1);
      await home.add('200', 6);
      await home.fix(2, '120', 'fix');
      await home.as(home.kai, async ({ tx }) =>
        saveValidators(tx, home.water, {
          min: null,
          max: '150',
          nonDecreasing: true,
          maxRatePerDay: null,
          valueRanges: null,
        }),
      );
      expect(await undo('u')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'aboveMax', limit: '150' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=200:old', '#2=120']);
      expect((await changes()).at(-1)!.undoneAt).toBeNull();
      expect((await actions()).at(-1)).toBe('reading.fix on reading');
    });

    it('brings back a deleted reading whose only doubt is an unusual rate', async () => {
      for (const [value, day] of [
        ['100', 1],
        ['101', 2],
        ['102', 3],
        ['103', 4],
      ] as const) {
        await home.add(value, day);
      }
      await home.addAs('900', 5, null);
      await home.remove(5, 'del');
      expect(await undo('u')).toMatchObject({
        outcome: 'undone',
        restored: { number: 5, value: '900' },
      });
    });

    it('refuses to bring back a zero after a positive reading', async () => {
      await home.add('100', 1);
      await home.addAs('0', 6, null);
      await home.remove(2, 'del');
      expect(await undo('u')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'zeroAfterPositive', previous: '100' },
      });
    });

    it('brings back a deleted reading that is later than now', async () => {
      await home.add('100', 1);
      await home.add('110', 30, later(home.kai, 11 * 24 * 3600 * 1000));
      await home.remove(2, 'del');
      expect(await undo('u')).toMatchObject({
        outcome: 'undone',
        restored: { number: 2, value: '110' },
      });
    });

    it('never brings a plain reading back as a wrap', async () => {
      await home.digits(3);
      await home.add('100', 1);
      await home.add('200', 6);
      await home.add('300', 11);
      await home.remove(2, 'del');
      await home.fix(1, '250', 'fix', elsewhere(home.kai));
      expect(await undo('u')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'lowerThanPrevious', previous: '250' },
      });
      expect(await home.rows()).toEqual(['#1=100:old', '#1=250', '#2=200:deleted', '#3=300']);
    });

    // 995 on the 8th is on 990's lap, so 10 on the 6th fits no wrap: put back as it was, it would
    // count a second turn (990 ↻ 10 → 995 ↻ 20). On the 6th, 995 took its instant: 10 is refused.
    it.each([
      { why: 'no wrap fits there any more', day: 8 },
      { why: 'another reading took its instant', day: 6 },
    ])('skips bringing back a deleted wrap when $why', async ({ day }) => {
      await home.digits(3);
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
      await home.add('20', 11);
      await home.remove(2, 'del');
      await home.addAs('995', day, null, elsewhere(home.lin));
      expect(await undo('u')).toMatchObject({ outcome: 'stale' });
      expect(await home.rows()).toEqual([
        '#1=990',
        '#2=10:rollover:deleted',
        '#3=20:old',
        '#3=20:rollover',
        '#4=995',
      ]);
    });

    it('gives each row an undo writes an origin of its own', async () => {
      await home.digits(3);
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
      await home.add('20', 11);
      await home.remove(2, 'del');
      await undo('u');
      expect((await origins()).slice(-2)).toEqual([
        `#3=20 ${o('del')}:wrap`,
        `#3=20 ${o('u')}:unwrap`,
      ]);
      expect((await actions()).slice(-3)).toEqual([
        'reading.fix on reading',
        'reading.restore on reading',
        'change.undo on change',
      ]);
    });

    it('skips a replacement deleted since, and names both halves when it takes one back', async () => {
      await home.add('100', 1);
      await home.replace('120', '3', 6);
      await home.remove(3, 'del', elsewhere(home.kai));
      expect(await undo('u')).toMatchObject({ outcome: 'stale' });

      await home.replace('130', '4', 8);
      await undo('u2');
      expect((await origins()).slice(-2)).toEqual([`#4=130 ${o('u2')}:final`, `#5=4 ${o('u2')}`]);
    });

    it('restores both halves of a deleted replacement under origins of their own', async () => {
      await home.add('100', 1);
      await home.replace('120', '3', 6);
      await home.remove(3, 'del');
      await undo('u');
      expect((await origins()).filter((row) => !row.includes(o('del')))).toEqual([
        `#1=100 ${o('add-100-1')}`,
        `#2=120 ${o('u')}:replacement`,
        `#3=3 ${o('u')}`,
      ]);
    });

    it('puts checks back alone when the register size did not change', async () => {
      const checks = (min: string | null) => ({
        min,
        max: null,
        nonDecreasing: true,
        maxRatePerDay: null,
        valueRanges: null,
        digits: null,
      });
      await home.as(home.kai, async ({ tx }) => {
        await saveValidators(tx, home.water, checks('10'));
        await recordChange(
          tx,
          home.kai,
          home.water.id,
          { kind: 'meter.settings', before: checks('5'), after: checks('10') },
          o('min'),
        );
      });
      expect(await undo('u')).toMatchObject({ outcome: 'undone' });
      expect(await home.as(home.kai, ({ tx }) => getValidators(tx, home.water))).toMatchObject({
        min: '5',
      });
      expect((await home.meter()).digits).toBeNull();
    });
  });
});
