import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { chatChanges, readings } from '../../src/db/schema';
import type { ReadingRef } from '../../src/domain/commands';
import type { Author } from '../../src/readings/context';
import type { Deleted } from '../../src/readings/correct';
import { saveValidators, setDigits } from '../../src/store/meters';
import { lockSource, retireReading } from '../../src/store/readings';
import { databaseKinds } from '../helpers/db';
import { at, householdPerTest, number } from './fixture';

/** Polls `condition` every 20 ms until it holds; fails after five seconds. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(databaseKinds())('fix and delete in the reading service on %s', (kind) => {
  const home = householdPerTest(kind);

  const last: ReadingRef = { which: 'last' };
  /** A meter replacement that must be stored. */
  const replace = async (final: string, initial: string, day: number) => {
    expect((await home.replace(final, initial, day)).outcome).toBe('replaced');
  };
  /** A meter replacement that may be refused, with an origin of its own per day. */
  const replaceAt = (final: string, initial: string, day: number) =>
    home.replace(final, initial, day, `replace-at-${day}`);
  const trail = async () =>
    (await home.auditTrail()).map((entry) => `${entry.action} on ${entry.subjectType}`);

  describe('naming the reading', () => {
    it('says there are no readings for "last" on an empty meter, and which number is missing', async () => {
      expect(await home.remove(last, 'd1')).toEqual({ outcome: 'noReadings' });
      expect(await home.fix(last, '5', 'f1')).toEqual({ outcome: 'noReadings' });
      expect(await home.remove(number(3), 'd2')).toEqual({ outcome: 'notFound', number: 3 });
      expect(await home.fix(number(3), '5', 'f2')).toEqual({ outcome: 'notFound', number: 3 });
    });

    it('takes "last" as the newest reading in time, and lets a writer change only her own', async () => {
      await home.add('100', 1);
      await home.add('110', 6, home.lin);
      await home.add('105', 3);
      expect(await home.remove(last, 'kai', home.kai, 'write')).toMatchObject({
        outcome: 'notYours',
        reading: { number: 2, value: '110' },
      });
      expect(await home.fix(number(1), '101', 'lin', home.lin, 'write')).toMatchObject({
        outcome: 'notYours',
        reading: { number: 1 },
      });
      expect(await home.remove(last, 'lin', home.lin, 'write')).toMatchObject({
        outcome: 'deleted',
        reading: { number: 2 },
      });
      expect(await home.fix(last, '104', 'kai-fix', home.kai, 'write')).toMatchObject({
        outcome: 'fixed',
        before: { number: 3, value: '105' },
        after: { number: 3, value: '104' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110:deleted', '#3=105:old', '#3=104']);
    });
  });

  describe('fix', () => {
    it('keeps a value that fits, mentioning an unusual rate instead of refusing it', async () => {
      await home.add('100', 1);
      await home.add('101', 2);
      await home.add('102', 3);
      await home.add('103', 4);
      const fixed = await home.fix(number(4), '900', 'f');
      expect(fixed).toMatchObject({
        outcome: 'fixed',
        after: { number: 4, value: '900' },
        warnings: [{ code: 'rateTooHigh' }],
      });
      expect((await trail()).at(-1)).toBe('reading.fix on reading');
    });

    it('does not refuse a value because the reading it fixes is later than now', async () => {
      const ahead: Author = { ...home.kai, clock: () => new Date(at(30).getTime() + 60_000) };
      await home.add('100', 1);
      await home.add('110', 30, ahead);
      expect(await home.fix(number(2), '111', 'f')).toMatchObject({
        outcome: 'fixed',
        after: { number: 2, value: '111' },
        warnings: [],
      });
    });

    it('refuses a value that would make it lower than the reading before it, and one below zero', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      expect(await home.fix(number(2), '90', 'f1')).toMatchObject({
        outcome: 'refused',
        problem: { code: 'lowerThanPrevious', previous: '100' },
      });
      expect(await home.fix(number(1), '-5', 'f2')).toMatchObject({ outcome: 'refused' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110']);
    });
  });

  describe('replacement', () => {
    it("judges the old register's final against the reading before it only", async () => {
      await home.add('100', 1);
      await home.add('120', 11);
      // Above the later reading, yet only "not at the end": what follows is the new register's.
      expect(await replaceAt('140', '3', 6)).toEqual({ outcome: 'notAtEnd' });
      expect(await replaceAt('150', '3', 25)).toMatchObject({
        outcome: 'refused',
        problem: { code: 'future' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=120']);
    });

    it("does not hold an unusual rate against the old register's final", async () => {
      await home.as(home.kai, ({ tx }) =>
        saveValidators(tx, home.water, {
          min: null,
          max: null,
          nonDecreasing: true,
          maxRatePerDay: '5',
          valueRanges: null,
        }),
      );
      await home.add('100', 1);
      expect(await replaceAt('200', '3', 6)).toMatchObject({ outcome: 'replaced' });
    });
  });

  describe('delete', () => {
    it('deletes either half of a meter replacement with the other, once, and says so on a replay', async () => {
      await home.add('100', 1);
      await replace('120', '3', 6);
      const deleted = await home.remove(number(3), 'd');
      expect(deleted).toMatchObject({
        outcome: 'deletedReplacement',
        replacement: {
          final: { number: 2, value: '120', registerEvent: 'replacement_final' },
          initial: { number: 3, value: '3', registerEvent: 'replacement_initial' },
        },
      });
      expect(await home.remove(number(3), 'd')).toMatchObject({
        outcome: 'replayed',
        reading: { number: 3 },
        replacement: { final: { number: 2 }, initial: { number: 3 } },
      });
      expect(await home.rows()).toEqual([
        '#1=100',
        '#2=120:replacement_final:deleted',
        '#3=3:replacement_initial:deleted',
      ]);
      expect((await trail()).slice(2)).toEqual([
        'reading.delete on reading',
        'reading.delete on reading',
      ]);
      expect((await home.auditTrail()).slice(2).map((entry) => entry.subjectId)).toEqual([
        deleted.outcome === 'deletedReplacement' ? deleted.replacement.initial.id : '',
        deleted.outcome === 'deletedReplacement' ? deleted.replacement.final.id : '',
      ]);
    });

    it('deletes a replacement named by its final half too', async () => {
      await home.add('100', 1);
      await replace('120', '3', 6);
      expect(await home.remove(number(2), 'd')).toMatchObject({
        outcome: 'deletedReplacement',
        replacement: { final: { number: 2 }, initial: { number: 3 } },
      });
      // A plain reading's replay has no pair.
      await home.add('130', 8);
      await home.remove(number(4), 'plain');
      expect(await home.remove(number(4), 'plain')).toMatchObject({
        outcome: 'replayed',
        reading: { number: 4 },
        replacement: null,
      });
    });

    it('keeps a replacement while the new meter has readings after it', async () => {
      await home.add('100', 1);
      await replace('120', '3', 6);
      await home.add('8', 11);
      expect(await home.remove(number(2), 'd')).toMatchObject({
        outcome: 'replacementInUse',
        replacement: { final: { number: 2 }, initial: { number: 3 } },
        later: { number: 4, value: '8' },
      });
      expect(await home.rows()).toEqual([
        '#1=100',
        '#2=120:replacement_final',
        '#3=3:replacement_initial',
        '#4=8',
      ]);
    });

    it('refuses to delete a wrap that a replacement after it needs', async () => {
      await home.as(home.kai, ({ tx }) => setDigits(tx, home.water.id, 3));
      await home.add('990', 1);
      await home.addAs('10', 6, 'rollover');
      await replace('20', '0', 11);
      expect(await home.remove(number(2), 'd')).toMatchObject({
        outcome: 'negativeUse',
        reading: { number: 2 },
        steps: [{ previous: { number: 1 }, next: { number: 3 } }],
      });
      expect(await home.rows()).toEqual([
        '#1=990',
        '#2=10:rollover',
        '#3=20:replacement_final',
        '#4=0:replacement_initial',
      ]);
    });

    // Two people deleting one reading at once: only PostgreSQL runs two transactions together.
    it.runIf(kind === 'postgres')(
      'answers "already gone" when someone else deleted the reading while it waited for the meter',
      async () => {
        await home.add('100', 1);
        await home.add('110', 6);
        const source = await home.meter();
        const [second] = await home.database.db
          .select()
          .from(readings)
          .where(and(eq(readings.sourceId, source.id), eq(readings.number, 2)));
        let kais: Promise<Deleted> | undefined;
        await home.database.db.transaction(async (tx) => {
          await lockSource(tx, source.id);
          kais = home.remove(number(2), 'kai');
          // Kai's delete has found #2 and now waits for the meter's lock.
          await waitFor(async () => {
            const [row] = await rows<{ n: number }>(
              home.database.db,
              sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
            );
            return (row?.n ?? 0) > 0;
          });
          await retireReading(tx, second!, home.lin.userId, home.origin('lin'));
        });
        expect(await kais).toMatchObject({ outcome: 'alreadyGone', reading: { number: 2 } });
        expect(await home.rows()).toEqual(['#1=100', '#2=110:deleted']);
        expect(await trail()).toEqual(['reading.add on reading', 'reading.add on reading']);
      },
    );

    it('logs the deletion for undo, and a replayed delete logs nothing more', async () => {
      await home.add('100', 1);
      await home.add('110', 6);
      await home.remove(number(1), 'd');
      await home.remove(number(1), 'd');
      expect((await home.auditTrail()).map((entry) => entry.action)).toEqual([
        'reading.add',
        'reading.add',
        'reading.delete',
      ]);
      const logged = await home.database.db
        .select()
        .from(chatChanges)
        .where(eq(chatChanges.sourceId, home.water.id));
      expect(logged.map((change) => change.kind)).toEqual([
        'reading.add',
        'reading.add',
        'reading.delete',
      ]);
    });
  });
});
