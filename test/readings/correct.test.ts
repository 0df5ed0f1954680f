import { beforeEach, describe, expect, it } from 'vitest';
import type { Author } from '../../src/readings/context';
import { recordReading } from '../../src/readings/record';
import { replaceMeter } from '../../src/readings/replace';
import { undoLastChange } from '../../src/readings/undo';
import { databaseKinds } from '../helpers/db';
import { at, householdPerTest, number } from './fixture';

describe.each(databaseKinds())('correcting readings on %s', (kind) => {
  const home = householdPerTest(kind);

  /** Kai's readings #1..#3 (100, 110, 120 on 1, 6 and 11 Nov), then Lin's #4 (130 on 16 Nov). */
  beforeEach(async () => {
    const entries: [Author, string, number][] = [
      [home.kai, '100', 1],
      [home.kai, '110', 6],
      [home.kai, '120', 11],
      [home.lin, '130', 16],
    ];
    for (const [who, value, day] of entries) {
      const recorded = await home.as(who, (context) =>
        recordReading(context, who, home.water, {
          value,
          takenAt: at(day),
          note: null,
          origin: home.origin(`add-${value}`),
        }),
      );
      expect(recorded.outcome).toBe('stored');
    }
  });

  const actions = async () => (await home.auditTrail()).slice(4).map((entry) => entry.action);

  describe('fix', () => {
    it('gives a reading a new value that fits between its neighbours, keeping the old row', async () => {
      const fixed = await home.fix(number(2), '112', 'fix-1');
      expect(fixed).toMatchObject({
        outcome: 'fixed',
        before: { number: 2, value: '110' },
        after: { number: 2, value: '112', origin: home.origin('fix-1') },
        warnings: [],
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110:old', '#2=112', '#3=120', '#4=130']);
      const [entry] = (await home.auditTrail()).slice(4);
      expect(entry).toMatchObject({
        action: 'reading.fix',
        actorId: home.kai.userId,
        before: { number: 2, value: '110' },
        after: { number: 2, value: '112' },
      });
    });

    it('refuses a value that does not fit between the neighbours, and changes nothing', async () => {
      expect(await home.fix(number(2), '125', 'fix-high')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'higherThanNext', next: '120' },
      });
      expect(await home.fix(number(3), '105', 'fix-low')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'lowerThanPrevious', previous: '110' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110', '#3=120', '#4=130']);
      expect(await actions()).toEqual([]);
    });

    it('changes nothing when the reading already has the value: no row, no audit, no undo', async () => {
      for (const [value, name] of [
        ['110', 'same'],
        ['110.000', 'same-written-longer'],
      ] as const) {
        expect(await home.fix(number(2), value, name)).toMatchObject({
          outcome: 'unchanged',
          reading: { number: 2, value: '110' },
        });
      }
      expect(await home.rows()).toEqual(['#1=100', '#2=110', '#3=120', '#4=130']);
      expect(await actions()).toEqual([]);
      // Kai's last change is still the reading #3 he added.
      const undone = await home.as(home.kai, (context) =>
        undoLastChange(context, home.kai, home.origin('undo-after-same')),
      );
      expect(undone).toMatchObject({
        outcome: 'undone',
        change: { detail: { kind: 'reading.add', reading: { number: 3 } } },
      });
    });

    it('answers a replayed fix with what it stored', async () => {
      await home.fix({ which: 'last' }, '131', 'fix-last');
      expect(await home.fix({ which: 'last' }, '131', 'fix-last')).toMatchObject({
        outcome: 'replayed',
        reading: { number: 4, value: '131' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110', '#3=120', '#4=130:old', '#4=131']);
      expect(await actions()).toEqual(['reading.fix']);
    });

    it('lets a writer change only their own readings, and says which are missing', async () => {
      expect(await home.fix(number(2), '112', 'lin-fix', home.lin, 'write')).toMatchObject({
        outcome: 'notYours',
        reading: { number: 2 },
      });
      expect(await home.fix(number(4), '132', 'lin-own', home.lin, 'write')).toMatchObject({
        outcome: 'fixed',
      });
      expect(await home.fix(number(9), '1', 'nine')).toEqual({ outcome: 'notFound', number: 9 });
    });
  });

  describe('delete and undo', () => {
    it('deletes a reading (the row stays), audits it, and answers a replay the same', async () => {
      expect(await home.remove(number(3), 'del-3')).toMatchObject({
        outcome: 'deleted',
        reading: { number: 3, value: '120' },
      });
      expect(await home.remove(number(3), 'del-3')).toMatchObject({
        outcome: 'replayed',
        reading: { number: 3, deletedOrigin: home.origin('del-3') },
      });
      expect(await home.remove(number(3), 'del-again')).toEqual({ outcome: 'notFound', number: 3 });
      expect(await home.rows()).toEqual(['#1=100', '#2=110', '#3=120:deleted', '#4=130']);
      const [entry] = (await home.auditTrail()).slice(4);
      expect(entry).toMatchObject({
        action: 'reading.delete',
        before: { number: 3, value: '120' },
      });
    });

    it("undoes the author's own latest change, once per event, never someone else's", async () => {
      const undo = (who: Author, origin: string) =>
        home.as(who, (context) => undoLastChange(context, who, home.origin(origin)));
      expect(await undo(home.kai, 'undo-1')).toMatchObject({
        outcome: 'undone',
        change: { detail: { kind: 'reading.add', reading: { number: 3 } } },
      });
      // The same event again takes nothing more back.
      expect(await undo(home.kai, 'undo-1')).toMatchObject({ outcome: 'undone' });
      expect(await undo(home.lin, 'undo-2')).toMatchObject({
        outcome: 'undone',
        change: { detail: { kind: 'reading.add', reading: { number: 4 } } },
      });
      expect(await undo(home.lin, 'undo-3')).toEqual({ outcome: 'nothing' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110', '#3=120:deleted', '#4=130:deleted']);
      expect(await actions()).toEqual([
        'reading.undo',
        'change.undo',
        'reading.undo',
        'change.undo',
      ]);
    });

    it('takes a fix back to the old value under the same number, and brings a deleted one back', async () => {
      const undo = (origin: string) =>
        home.as(home.kai, (context) => undoLastChange(context, home.kai, home.origin(origin)));
      await home.fix(number(2), '112', 'fix-2');
      await home.remove(number(1), 'del-1');
      expect(await undo('undo-del')).toMatchObject({
        outcome: 'undone',
        restored: { number: 1, value: '100' },
      });
      expect(await undo('undo-fix')).toMatchObject({
        outcome: 'undone',
        restored: { number: 2, value: '110' },
      });
      expect(await home.rows()).toEqual([
        '#1=100:deleted',
        '#1=100',
        '#2=110:old',
        '#2=112:old',
        '#2=110',
        '#3=120',
        '#4=130',
      ]);
    });

    it('lets someone who may now only read undo nothing', async () => {
      const undone = await home.as(home.mai, (context) =>
        undoLastChange(context, home.mai, home.origin('undo-read')),
      );
      expect(undone).toEqual({ outcome: 'nothing' });
      expect(await actions()).toEqual([]);
    });
  });

  describe('replacement', () => {
    const replace = (final: string, initial: string, day: number, origin = `new-${final}`) =>
      home.as(home.kai, (context) =>
        replaceMeter(context, home.kai, home.water, {
          final,
          initial,
          takenAt: at(day),
          origin: home.origin(origin),
        }),
      );

    it("stores the old register's final and the new one's start together, audited", async () => {
      const replaced = await replace('150', '3', 18);
      expect(replaced).toMatchObject({
        outcome: 'replaced',
        final: { number: 5, value: '150', registerEvent: 'replacement_final' },
        initial: { number: 6, value: '3', registerEvent: 'replacement_initial' },
      });
      expect(await replace('150', '3', 18)).toEqual({ outcome: 'replayed' });
      expect((await home.rows()).slice(-2)).toEqual([
        '#5=150:replacement_final',
        '#6=3:replacement_initial',
      ]);
      const [entry] = (await home.auditTrail()).slice(4);
      expect(entry).toMatchObject({
        action: 'reading.replace',
        subjectType: 'source',
        after: { final: { value: '150' }, initial: { value: '3' } },
      });
      // The new register goes on from its start: 8 after 3 is ordinary usage.
      const next = await home.as(home.kai, (context) =>
        recordReading(context, home.kai, home.water, {
          value: '8',
          takenAt: at(19),
          note: null,
          origin: home.origin('after'),
        }),
      );
      expect(next).toMatchObject({ outcome: 'stored', usageSincePrevious: '5' });
    });

    it('refuses a final below the last reading, or one placed before later readings', async () => {
      expect(await replace('125', '3', 18)).toMatchObject({
        outcome: 'refused',
        problem: { code: 'lowerThanPrevious', previous: '130' },
      });
      expect(await replace('125', '3', 12)).toEqual({ outcome: 'notAtEnd' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110', '#3=120', '#4=130']);
      expect(await actions()).toEqual([]);
    });
  });
});
