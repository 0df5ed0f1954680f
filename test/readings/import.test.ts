import { describe, expect, it } from 'vitest';
import { type ImportCandidate, previewImport, storeImport } from '../../src/readings/import';
import { recordReading } from '../../src/readings/record';
import { databaseKinds } from '../helpers/db';
import { at, householdPerTest } from './fixture';

describe.each(databaseKinds())('importing readings from a file on %s', (kind) => {
  const home = householdPerTest(kind);

  const row = (line: number, value: string, day: number, note: string | null = null) =>
    ({ line, value, takenAt: at(day), note }) satisfies ImportCandidate;
  const preview = (rows: ImportCandidate[]) =>
    home.as(home.kai, ({ tx }) => previewImport(tx, home.kai, home.water, home.origin('f'), rows));
  const store = (rows: ImportCandidate[]) =>
    home.as(home.kai, (context) =>
      storeImport(context, home.kai, home.water, home.origin('f'), rows),
    );
  const add = async (value: string, day: number) => {
    const recorded = await home.as(home.kai, (context) =>
      recordReading(context, home.kai, home.water, {
        value,
        takenAt: at(day),
        note: null,
        origin: home.origin(`add-${value}`),
      }),
    );
    expect(recorded.outcome).toBe('stored');
  };

  // Lines out of time order, one lower than the one before it in time (a question in the chat),
  // one in the future (refused in the chat), one equal to an earlier line of the file.
  const file = [
    row(2, '120', 11, 'after the trip'),
    row(3, '100', 1),
    row(4, '90', 16),
    row(5, '110', 6),
    row(6, '130', 25),
    row(7, '110', 6),
  ];

  it('previews what storing would do, judging the rows in time order, and stores nothing', async () => {
    const checked = await preview(file);
    expect(checked.accepted.map((r) => r.line)).toEqual([3, 5, 2]);
    expect(checked.refused).toEqual([
      { line: 4, problem: expect.objectContaining({ code: 'lowerThanPrevious', previous: '120' }) },
      { line: 6, problem: expect.objectContaining({ code: 'future' }) },
      { line: 7, problem: expect.objectContaining({ code: 'duplicate' }) },
    ]);
    expect(await home.rows()).toEqual([]);
    expect(await home.auditTrail()).toEqual([]);
  });

  it('judges rows against the readings already there', async () => {
    await add('115', 8);
    const checked = await preview([row(1, '100', 1), row(2, '110', 9), row(3, '120', 11)]);
    expect(checked.accepted.map((r) => r.line)).toEqual([1, 3]);
    expect(checked.refused).toEqual([
      { line: 2, problem: expect.objectContaining({ code: 'lowerThanPrevious', previous: '115' }) },
    ]);
  });

  it('stores the accepted rows, each audited as a reading added by the import, then the import', async () => {
    const accepted = (await preview(file)).accepted;
    const stored = await store(accepted);
    expect(stored).toMatchObject({ outcome: 'stored' });
    expect(stored.outcome === 'stored' && stored.readings.map((r) => [r.value, r.note])).toEqual([
      ['100', null],
      ['110', null],
      ['120', 'after the trip'],
    ]);
    expect(stored.outcome === 'stored' && stored.readings[0]).toMatchObject({
      quality: 'import',
      enteredBy: home.kai.userId,
      origin: `import:${home.origin('f')}:3`,
      registerEvent: null,
    });
    expect(await home.rows()).toEqual(['#1=100', '#2=110', '#3=120']);
    const trail = await home.auditTrail();
    expect(trail.map((entry) => [entry.action, entry.subjectType])).toEqual([
      ['reading.add', 'reading'],
      ['reading.add', 'reading'],
      ['reading.add', 'reading'],
      ['reading.import', 'import'],
    ]);
    expect(trail[0]).toMatchObject({ after: { number: 1, importId: home.origin('f') } });
    expect(trail[3]).toMatchObject({
      subjectId: home.origin('f'),
      sourceId: home.water.id,
      after: { count: 3 },
    });
  });

  it('stores nothing when the meter changed since the preview and a row no longer passes', async () => {
    const accepted = (await preview([row(1, '100', 1), row(2, '110', 6)])).accepted;
    expect(accepted).toHaveLength(2);
    await add('125', 4);
    const stored = await store(accepted);
    expect(stored).toEqual({
      outcome: 'changed',
      refused: [
        {
          line: 2,
          problem: expect.objectContaining({ code: 'lowerThanPrevious', previous: '125' }),
        },
      ],
    });
    expect(await home.rows()).toEqual(['#1=125']);
    expect((await home.auditTrail()).map((entry) => entry.action)).toEqual(['reading.add']);
  });

  it('lets an error that is not a refusal reach the caller as itself, storing nothing', async () => {
    const broken = [row(1, '100', 1), { ...row(2, '110', 6), takenAt: new Date(Number.NaN) }];
    await expect(preview(broken)).rejects.toThrow(/Invalid time value/);
    await expect(store(broken)).rejects.toThrow(/Invalid time value/);
    expect(await home.rows()).toEqual([]);
  });

  it('orders rows at the same instant by their line', async () => {
    const checked = await preview([row(9, '100', 1), row(4, '100', 1)]);
    expect(checked.accepted.map((r) => r.line)).toEqual([4]);
    expect(checked.refused).toEqual([
      { line: 9, problem: expect.objectContaining({ code: 'duplicate' }) },
    ]);
  });
});
