import { asc, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { readings, sources } from '../../src/db/schema';
import { deleteReading, fixReading } from '../../src/readings/correct';
import { type Candidate, recordReading } from '../../src/readings/record';
import { undoLastChange } from '../../src/readings/undo';
import { getValidators, type Source, saveValidators } from '../../src/store/meters';
import { databaseKinds } from '../helpers/db';
import { at, householdPerTest } from './fixture';

// The reading service on a meter with several values per reading, on a real database: what is
// stored (readings.values), what is refused (and that nothing changes then), fix, delete and
// undo, and what the database itself refuses.

describe.each(databaseKinds())('several values per reading on %s', (kind) => {
  const home = householdPerTest(kind);
  let bp: Source;
  beforeEach(async () => {
    const [kai] = await home.database.db
      .select()
      .from(sources)
      .where(eq(sources.id, home.water.id));
    [bp] = (await home.database.db
      .insert(sources)
      .values({
        ownerId: kai!.ownerId,
        name: 'BP',
        unit: 'mmHg',
        kind: 'gauge',
        timezone: 'Asia/Bangkok',
        valueNames: ['sys', 'dia', 'pulse'],
        requiredValues: 2,
      })
      .returning()) as [Source];
  });

  const candidate = (values: string[], day: number, origin: string): Candidate => {
    const [value = '', ...extra] = values;
    return { value, extra, takenAt: at(day), note: null, origin: home.origin(origin) };
  };
  const record = (values: string[], day: number, origin = `e-${values.join('-')}-${day}`) =>
    home.as(home.kai, (context) =>
      recordReading(context, home.kai, bp, candidate(values, day, origin)),
    );
  const stored = async () =>
    (
      await home.database.db
        .select()
        .from(readings)
        .where(eq(readings.sourceId, bp.id))
        .orderBy(asc(readings.number), asc(readings.enteredAt))
    ).map(
      (r) =>
        `#${r.number}=${r.value}|${(r.values ?? []).join('/')}${r.supersededAt ? ':old' : ''}${r.deletedAt ? ':deleted' : ''}`,
    );

  it('stores every value in order, the first also as the value', async () => {
    expect((await record(['120', '80', '72'], 1)).outcome).toBe('stored');
    expect((await record(['118.5', '79'], 2)).outcome).toBe('stored');
    expect(await stored()).toEqual(['#1=120|120/80/72', '#2=118.5|118.5/79']);
  });

  it('refuses a wrong count or a value out of its range, storing nothing', async () => {
    await home.as(home.kai, async ({ tx }) => {
      const validators = await getValidators(tx, bp);
      await saveValidators(tx, bp, {
        ...validators,
        valueRanges: [null, { min: '40', max: '150' }, null],
      });
    });
    expect(await record(['120'], 1)).toMatchObject({
      outcome: 'refused',
      problem: { code: 'valueCount', given: 1 },
    });
    expect(await record(['120', '80', '72', '5'], 1)).toMatchObject({
      outcome: 'refused',
      problem: { code: 'valueCount', given: 4 },
    });
    expect(await record(['120', '151'], 1)).toMatchObject({
      outcome: 'refused',
      problem: { code: 'valueAboveMax', name: 'dia', value: '151', limit: '150' },
    });
    expect(await stored()).toEqual([]);
    expect((await record(['120', '150'], 1)).outcome).toBe('stored');
  });

  it('fixes with all values, and undo brings the old values back', async () => {
    await record(['120', '80', '72'], 1);
    const fixed = await home.as(home.kai, (context) =>
      fixReading(
        context,
        home.kai,
        { source: bp, role: 'admin' },
        { which: 'number', number: 1 },
        '125',
        home.origin('fix-1'),
        ['85'],
      ),
    );
    expect(fixed.outcome).toBe('fixed');
    const refused = await home.as(home.kai, (context) =>
      fixReading(
        context,
        home.kai,
        { source: bp, role: 'admin' },
        { which: 'last' },
        '125',
        home.origin('fix-2'),
      ),
    );
    expect(refused).toMatchObject({ outcome: 'refused', problem: { code: 'valueCount' } });
    // The values it has now, all of them: nothing to fix.
    const same = await home.as(home.kai, (context) =>
      fixReading(
        context,
        home.kai,
        { source: bp, role: 'admin' },
        { which: 'number', number: 1 },
        '125',
        home.origin('fix-same'),
        ['85.0'],
      ),
    );
    expect(same).toMatchObject({ outcome: 'unchanged', reading: { values: ['125', '85'] } });
    expect(await stored()).toEqual(['#1=120|120/80/72:old', '#1=125|125/85']);
    const undone = await home.as(home.kai, (context) =>
      undoLastChange(context, home.kai, home.origin('undo-1')),
    );
    expect(undone.outcome).toBe('undone');
    expect((await stored()).at(-1)).toBe('#1=120|120/80/72');
  });

  it('fixes a reading when any of its values changes, and only then', async () => {
    await record(['120', '80'], 1);
    const fixTo = (values: [string, ...string[]], name: string) =>
      home.as(home.kai, (context) =>
        fixReading(
          context,
          home.kai,
          { source: bp, role: 'admin' },
          { which: 'number', number: 1 },
          values[0],
          home.origin(name),
          values.slice(1),
        ),
      );
    expect((await fixTo(['120', '81'], 'second-differs')).outcome).toBe('fixed');
    expect((await fixTo(['120', '81'], 'again')).outcome).toBe('unchanged');
    expect((await fixTo(['121', '81'], 'first-differs')).outcome).toBe('fixed');
    // The same two values and a third that was not there: a change.
    expect((await fixTo(['121', '81', '70'], 'third-added')).outcome).toBe('fixed');
    expect(await stored()).toEqual([
      '#1=120|120/80:old',
      '#1=120|120/81:old',
      '#1=121|121/81:old',
      '#1=121|121/81/70',
    ]);
  });

  it('deletes such a reading and undo restores it with its values', async () => {
    await record(['120', '80', '72'], 1);
    const deleted = await home.as(home.kai, (context) =>
      deleteReading(
        context,
        home.kai,
        { source: bp, role: 'admin' },
        { which: 'last' },
        home.origin('del-1'),
      ),
    );
    expect(deleted.outcome).toBe('deleted');
    await home.as(home.kai, (context) =>
      undoLastChange(context, home.kai, home.origin('undo-del')),
    );
    expect(await stored()).toEqual(['#1=120|120/80/72:deleted', '#1=120|120/80/72']);
  });

  it('refuses the same reading at the same time again, and another at that time, naming every value', async () => {
    await record(['120', '80', '72'], 1);
    expect(await record(['120', '80', '72'], 1, 'again')).toMatchObject({
      outcome: 'refused',
      problem: { code: 'duplicate', value: '120/80 72' },
    });
    expect(await record(['120', '85'], 1)).toMatchObject({
      outcome: 'refused',
      problem: { code: 'sameTimeDifferentValue', value: '120/85', existing: '120/80 72' },
    });
    // A different reading the next day is no duplicate.
    expect(await record(['120', '80', '72'], 2)).toMatchObject({ outcome: 'stored' });
    expect(await stored()).toEqual(['#1=120|120/80/72', '#2=120|120/80/72']);
  });

  it('tells a different first value at the same instant, and a reading later than now, apart', async () => {
    await record(['120', '80', '72'], 1);
    expect(await record(['125', '80'], 1)).toMatchObject({
      outcome: 'refused',
      problem: { code: 'sameTimeDifferentValue', value: '125/80', existing: '120/80 72' },
    });
    // Stored by someone whose clock was ahead: at that instant, a reading now is "in the future".
    const ahead = { ...home.kai, clock: () => new Date(at(30).getTime() + 60_000) };
    const late = (values: string[], who: typeof home.kai, name: string) =>
      home.as(who, (context) => recordReading(context, who, bp, candidate(values, 30, name)));
    expect(await late(['120', '80'], ahead, 'ahead')).toMatchObject({ outcome: 'stored' });
    expect(await late(['120', '80'], home.kai, 'now')).toMatchObject({
      outcome: 'refused',
      problem: { code: 'future' },
    });
  });

  it('skips undoing a fix whose later values were changed since, even with the same first value', async () => {
    await record(['120', '80'], 1);
    const fixTo = (values: string[], name: string, chatKey: string) => {
      const who = { ...home.kai, chatKey };
      const [value = '', ...extra] = values;
      return home.as(who, (context) =>
        fixReading(
          context,
          who,
          { source: bp, role: 'admin' },
          { which: 'number', number: 1 },
          value,
          home.origin(name),
          extra,
        ),
      );
    };
    await fixTo(['125', '85'], 'fix-here', home.kai.chatKey);
    await fixTo(['125', '90'], 'fix-there', `${home.kai.chatKey}:other`);
    const undone = await home.as(home.kai, (context) =>
      undoLastChange(context, home.kai, home.origin('undo')),
    );
    expect(undone.outcome).toBe('stale');
    expect((await stored()).at(-1)).toBe('#1=125|125/90');
  });

  it('stores just the values given when the later ones may be left out', async () => {
    const [pair] = (await home.database.db
      .insert(sources)
      .values({
        ownerId: home.kai.userId,
        name: 'Pair',
        unit: 'x',
        kind: 'gauge',
        timezone: 'Asia/Bangkok',
        valueNames: ['a', 'b'],
        requiredValues: 1,
      })
      .returning()) as [Source];
    const recorded = await home.as(home.kai, (context) =>
      recordReading(context, home.kai, pair, {
        value: '5',
        takenAt: at(1),
        note: null,
        origin: home.origin('one-value'),
      }),
    );
    expect(recorded).toMatchObject({ outcome: 'stored', reading: { value: '5', values: ['5'] } });
    const again = await home.as(home.kai, (context) =>
      recordReading(context, home.kai, pair, {
        value: '5',
        takenAt: at(1),
        note: null,
        origin: home.origin('one-value-again'),
      }),
    );
    expect(again).toMatchObject({ outcome: 'refused', problem: { code: 'duplicate', value: '5' } });
  });

  it('compares a same-instant reading stored before the meter had value names by its value', async () => {
    const single = { ...home.water };
    const first = await home.as(home.kai, (context) =>
      recordReading(context, home.kai, single, {
        value: '100',
        takenAt: at(1),
        note: null,
        origin: home.origin('before-names'),
      }),
    );
    expect(first).toMatchObject({ outcome: 'stored', reading: { values: null } });
    const [named] = (await home.database.db
      .update(sources)
      .set({ kind: 'gauge', valueNames: ['a', 'b'], requiredValues: 1 })
      .where(eq(sources.id, home.water.id))
      .returning()) as [Source];
    const again = await home.as(home.kai, (context) =>
      recordReading(context, home.kai, named, {
        value: '100',
        takenAt: at(1),
        note: null,
        origin: home.origin('after-names'),
      }),
    );
    expect(again).toMatchObject({
      outcome: 'refused',
      problem: { code: 'duplicate', value: '100' },
    });
  });

  it('the database refuses values that disagree with the value, and any edit in place', async () => {
    await record(['120', '80', '72'], 1);
    // The owner's connection (migrations' role): the check constraint still holds.
    await expect(
      home.database.db.insert(readings).values({
        sourceId: bp.id,
        number: 9,
        takenAt: at(3),
        value: '121',
        values: ['120', '80'],
      }),
    ).rejects.toThrow();
    // The application role may not rewrite a stored reading's values (column grants).
    const failure: unknown = await home
      .as(home.kai, ({ tx }) =>
        tx.execute(sql`update readings set "values" = '{1,2}' where source_id = ${bp.id}`),
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    const cause = (failure as { cause?: { message?: string } } | null)?.cause;
    expect(cause?.message).toMatch(/permission denied/);
    expect(await stored()).toEqual(['#1=120|120/80/72']);
  });
});
