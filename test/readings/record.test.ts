import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readingConfirmations, readings, sources, users } from '../../src/db/schema';
import type { ConfirmationChoice } from '../../src/domain/validation';
import { answerQuestion } from '../../src/readings/confirm';
import { type Candidate, type Recorded, recordReading } from '../../src/readings/record';
import { saveValidators, setDigits } from '../../src/store/meters';
import { opened } from '../helpers/audit';
import { databaseKinds } from '../helpers/db';
import { at, householdPerTest } from './fixture';

describe.each(databaseKinds())('recording a reading on %s', (kind) => {
  const home = householdPerTest(kind);

  const reading = (value: string, day: number, origin = `event-${value}-${day}`): Candidate => ({
    value,
    takenAt: at(day),
    note: null,
    origin: home.origin(origin),
  });
  const record = (candidate: Candidate, who = home.kai): Promise<Recorded> =>
    home.as(who, (context) => recordReading(context, who, home.water, candidate));
  /** Records plain readings that are expected to be stored. */
  const history = async (...entries: [string, number][]) => {
    for (const [value, day] of entries) {
      expect((await record(reading(value, day))).outcome).toBe('stored');
    }
  };
  const askAbout = async (value: string, day: number, origin = 'asking') => {
    const asked = await record(reading(value, day, origin));
    if (asked.outcome !== 'question') throw new Error(`expected a question, got ${asked.outcome}`);
    return asked;
  };

  it('stores a reading with the usage since the previous one, audits it, remembers the meter', async () => {
    const first = await record(reading('100', 1));
    expect(first).toMatchObject({ outcome: 'stored', usageSincePrevious: null, days: null });
    const second = await record({ ...reading('110.5', 6), note: 'after the trip' });
    expect(second).toMatchObject({
      outcome: 'stored',
      reading: { number: 2, value: '110.5', note: 'after the trip', enteredBy: home.kai.userId },
      usageSincePrevious: '10.5',
      days: 5,
    });
    expect(await home.rows()).toEqual(['#1=100', '#2=110.5']);

    const stored = await home.auditTrail();
    // The note is personal: stored sealed under its author's key, readable by opening it.
    expect(JSON.stringify(stored)).not.toContain('after the trip');
    const trail = await opened(home.database.db, stored);
    expect(trail.map((entry) => entry.action)).toEqual(['reading.add', 'reading.add']);
    expect(trail[1]).toMatchObject({
      actorId: home.kai.userId,
      chatKey: home.kai.chatKey,
      sourceId: home.water.id,
      after: { number: 2, value: '110.5', note: 'after the trip' },
    });
    const [kai] = await home.database.db.select().from(users).where(eq(users.id, home.kai.userId));
    expect(kai?.lastSourceId).toBe(home.water.id);
  });

  it('writes nothing to its author when the message came from someone who had used this meter last', async () => {
    const lastUsed = async () =>
      (await home.database.db.select().from(users).where(eq(users.id, home.kai.userId)))[0]
        ?.lastSourceId;
    const gas = await home.gasUsedLast();
    // Known to have used the water meter last when the message arrived: the row is not touched
    // (here it says Gas, changed meanwhile; the next reading of another meter sets it again).
    const knownWater = { ...home.kai, lastSourceId: home.water.id };
    expect((await record(reading('100', 1), knownWater)).outcome).toBe('stored');
    expect(await lastUsed()).toBe(gas.id);
    // Known to have used another meter: the water meter becomes the last used one.
    const knownGas = { ...home.kai, lastSourceId: gas.id };
    expect((await record(reading('110', 2), knownGas)).outcome).toBe('stored');
    expect(await lastUsed()).toBe(home.water.id);
  });

  it('answers a replayed event with the reading it stored, and stores nothing new', async () => {
    const first = await record(reading('100', 1, 'event-1'));
    const again = await record(reading('100', 1, 'event-1'));
    if (first.outcome !== 'stored') throw new Error(`expected stored, got ${first.outcome}`);
    // The very reading, every field as stored (its time a Date, its value a decimal string).
    expect(again).toEqual({ outcome: 'replayed', reading: first.reading });
    expect(await home.rows()).toEqual(['#1=100']);
    expect(await home.auditTrail()).toHaveLength(1);
  });

  it('refuses an impossible reading, says why, and writes nothing', async () => {
    await history(['100', 1]);
    const future = await record(reading('120', 25));
    expect(future).toMatchObject({ outcome: 'refused', problem: { code: 'future' } });
    const same = await record(reading('105', 1));
    expect(same).toMatchObject({
      outcome: 'refused',
      problem: { code: 'sameTimeDifferentValue', existing: '100' },
    });
    expect(await home.rows()).toEqual(['#1=100']);
    expect(await home.auditTrail()).toHaveLength(1);
  });

  it('refuses the same reading at the same instant, naming the value as it was typed', async () => {
    await history(['12345', 1]);
    expect(await record(reading('12345', 1, 'again'))).toMatchObject({
      outcome: 'refused',
      problem: { code: 'duplicate', value: '12345' },
    });
    expect(await record(reading('12346', 1))).toMatchObject({
      outcome: 'refused',
      problem: { code: 'sameTimeDifferentValue', value: '12346', existing: '12345' },
    });
    expect(await home.rows()).toEqual(['#1=12345']);
  });

  it('records a question about a doubtful reading instead of storing it, once per event', async () => {
    await history(['100', 1], ['110', 6]);
    const asked = await askAbout('90', 11);
    expect(asked.value).toBe('90');
    expect(asked.verdict.problems.map((problem) => problem.code)).toContain('lowerThanPrevious');
    const [question] = await home.database.db
      .select()
      .from(readingConfirmations)
      .where(eq(readingConfirmations.id, asked.id));
    expect(question).toMatchObject({
      sourceId: home.water.id,
      userId: home.kai.userId,
      chatKey: home.kai.chatKey,
      value: '90',
      origin: home.origin('asking'),
      resolvedAt: null,
    });
    expect(await record(reading('90', 11, 'asking'))).toEqual({ outcome: 'alreadyAsked' });
    expect(await home.rows()).toEqual(['#1=100', '#2=110']);
  });

  describe('answering the question', () => {
    const meters = () => [{ source: home.water, number: 1 }];
    const answer = (id: string, choice: ConfirmationChoice) =>
      home.as(home.kai, (context) => answerQuestion(context, home.kai, { id, choice }, meters()));

    it('never stores a lower reading as it is: "store" is refused, the question is closed', async () => {
      await history(['100', 1], ['110', 6]);
      const asked = await askAbout('90', 11);
      // The buttons offer a new register and "the previous one was wrong", never a plain store.
      expect(asked.verdict.options.replacement).toBe(true);
      expect(await answer(asked.id, 'store')).toMatchObject({ outcome: 'cancelled' });
      expect(await answer(asked.id, 'cancel')).toEqual({ outcome: 'alreadyAnswered' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110']);
      const trail = (await home.auditTrail()).slice(2);
      expect(trail.map((entry) => [entry.action, entry.after])).toEqual([
        ['reading.confirm', { choice: 'store', value: '90' }],
      ]);
    });

    it('answers "the previous reading was wrong" with that reading, storing nothing', async () => {
      await history(['100', 1], ['110', 6]);
      const asked = await askAbout('90', 11);
      expect(await answer(asked.id, 'previous')).toMatchObject({
        outcome: 'fixPrevious',
        previous: { number: 2, value: '110' },
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110']);
    });

    it('stores a rollover with the usage across the wrap', async () => {
      await setDigitsOfWater(4);
      await history(['9990', 1]);
      const asked = await askAbout('15', 3);
      expect(asked.verdict.options.rollover?.usage).toBe('25');
      const stored = await answer(asked.id, 'rollover');
      expect(stored).toMatchObject({ outcome: 'stored', usageSincePrevious: '25', days: 2 });
      expect(await home.rows()).toEqual(['#1=9990', '#2=15:rollover']);
      // The asking event again: it both asked and (once answered) stored; it answers as stored.
      const again = await record(reading('15', 3, 'asking'));
      expect(again).toMatchObject({ outcome: 'replayed', reading: { number: 2, value: '15' } });
    });

    it('checks the typo suggestion afresh and stores it', async () => {
      await setDigitsOfWater(5);
      await history(['100', 1], ['110', 6], ['120', 11], ['130', 16]);
      const asked = await askAbout('1400', 19);
      expect(asked.verdict.options.typo?.suggestion).toBe('140');
      const stored = await answer(asked.id, 'typo');
      expect(stored).toMatchObject({
        outcome: 'stored',
        reading: { value: '140', origin: `${home.origin('asking')}:typo` },
        usageSincePrevious: '10',
      });
    });

    it('asks for the old final reading when a replacement is meant', async () => {
      await history(['100', 1], ['110', 6]);
      const asked = await askAbout('2', 11);
      expect(await answer(asked.id, 'replacement')).toMatchObject({
        outcome: 'askReplacement',
        previousValue: '110',
        value: '2',
      });
      expect(await home.rows()).toEqual(['#1=100', '#2=110']);
    });

    it('names the reading before when a replacement is meant, whatever else looked odd', async () => {
      await history(['10000', 1], ['10100', 6]);
      // 9999 is also "all nines" (a meter showing an error), the first doubt listed: the
      // lower-than-previous one still names the reading before.
      const asked = await askAbout('9999', 11);
      const codes = asked.verdict.problems.map((problem) => problem.code);
      expect(codes[0]).toBe('allNines');
      expect(codes).toContain('lowerThanPrevious');
      expect(await answer(asked.id, 'replacement')).toMatchObject({
        outcome: 'askReplacement',
        previousValue: '10100',
        value: '9999',
      });
    });

    it('keeps the wrap of a later reading when a doubtful reading before it is stored as it is', async () => {
      await setDigitsOfWater(3);
      await home.as(home.kai, async ({ tx }) =>
        saveValidators(tx, home.water, {
          min: null,
          max: null,
          nonDecreasing: true,
          maxRatePerDay: '3',
          valueRanges: null,
        }),
      );
      await history(['990', 1], ['991', 2], ['992', 3], ['993', 4]);
      const wrap = await askAbout('5', 11, 'wrap');
      expect(await answer(wrap.id, 'rollover')).toMatchObject({ outcome: 'stored' });
      // 999 a day after 993 is fast (6 a day, the limit is 3) but before the wrap: no wrap moves.
      const asked = await askAbout('999', 5);
      expect(asked.verdict.problems.map((problem) => problem.code)).toContain('rateTooHigh');
      expect(await answer(asked.id, 'store')).toMatchObject({ outcome: 'stored' });
      expect((await home.rows()).slice(-2)).toEqual(['#5=5:rollover', '#6=999']);
    });

    it('names no reading before when a replacement is meant for a zero on a meter that may count down', async () => {
      await home.as(home.kai, async ({ tx }) =>
        saveValidators(tx, home.water, {
          min: null,
          max: null,
          nonDecreasing: false,
          maxRatePerDay: null,
          valueRanges: null,
        }),
      );
      await history(['100', 1]);
      const asked = await askAbout('0', 6);
      expect(asked.verdict.problems.map((problem) => problem.code)).toEqual(['zeroAfterPositive']);
      expect(await answer(asked.id, 'replacement')).toMatchObject({
        outcome: 'askReplacement',
        previousValue: null,
        value: '0',
      });
    });

    it('stores nothing when cancelled or when the choice was never offered', async () => {
      await history(['100', 1], ['110', 6]);
      const cancelled = await askAbout('90', 11);
      expect(await answer(cancelled.id, 'cancel')).toMatchObject({ outcome: 'cancelled' });
      const forged = await askAbout('95', 12, 'forged');
      expect(await answer(forged.id, 'rollover')).toMatchObject({ outcome: 'cancelled' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110']);
    });

    it('stores a doubtful reading the author confirms, with the usage since the previous one', async () => {
      await history(['100', 1], ['101', 2], ['102', 3], ['103', 4]);
      const asked = await askAbout('900', 5);
      expect(asked.verdict.problems.map((problem) => problem.code)).toEqual(['rateTooHigh']);
      expect(await answer(asked.id, 'store')).toMatchObject({
        outcome: 'stored',
        reading: { number: 5, value: '900', registerEvent: null },
        usageSincePrevious: '797',
        days: 1,
      });
      const trail = await opened(home.database.db, (await home.auditTrail()).slice(-2));
      expect(trail.map((entry) => [entry.action, entry.subjectType])).toEqual([
        ['reading.confirm', 'confirmation'],
        ['reading.add', 'reading'],
      ]);
      expect(trail[1]).toMatchObject({ after: { value: '900', confirmed: 'store' } });
    });

    it('moves the wrap onto an earlier reading answered as the rollover', async () => {
      await setDigitsOfWater(3);
      await history(['990', 1]);
      const first = await askAbout('20', 11, 'wrap-late');
      expect(await answer(first.id, 'rollover')).toMatchObject({ outcome: 'stored' });
      const earlier = await askAbout('5', 6, 'wrap-early');
      expect(earlier.verdict.options.rollover).toMatchObject({ clearNextRollover: true });
      expect(await answer(earlier.id, 'rollover')).toMatchObject({
        outcome: 'stored',
        reading: { number: 3, value: '5', registerEvent: 'rollover' },
        usageSincePrevious: '15',
      });
      expect(await home.rows()).toEqual(['#1=990', '#2=20:rollover:old', '#2=20', '#3=5:rollover']);
      const [unwrapped] = await home.database.db
        .select()
        .from(readings)
        .where(eq(readings.origin, `${home.origin('wrap-early')}:unwrap`));
      expect(unwrapped).toMatchObject({ number: 2, registerEvent: null });
    });

    it('answers on the meter the question was about, whichever the chat lists first', async () => {
      const [gas] = await home.database.db
        .insert(sources)
        .values({ ownerId: home.kai.userId, name: 'Gas', unit: 'm3', timezone: 'Asia/Bangkok' })
        .returning();
      await history(['100', 1], ['101', 2], ['102', 3], ['103', 4]);
      const asked = await askAbout('900', 5);
      const stored = await home.as(home.kai, (context) =>
        answerQuestion(context, home.kai, { id: asked.id, choice: 'store' }, [
          { source: gas!, number: 1 },
          { source: home.water, number: 2 },
        ]),
      );
      expect(stored).toMatchObject({ outcome: 'stored', meter: { number: 2 } });
      expect((await home.rows()).at(-1)).toBe('#5=900');
    });

    it('does not answer a question about a meter this chat cannot use', async () => {
      await history(['100', 1], ['110', 6]);
      const asked = await askAbout('90', 11);
      const elsewhere = await home.as(home.kai, (context) =>
        answerQuestion(context, home.kai, { id: asked.id, choice: 'store' }, []),
      );
      expect(elsewhere).toEqual({ outcome: 'alreadyAnswered' });
      expect(await home.rows()).toEqual(['#1=100', '#2=110']);
    });
  });

  async function setDigitsOfWater(digits: number) {
    await home.as(home.kai, ({ tx }) => setDigits(tx, home.water.id, digits));
    home.water = { ...home.water, digits };
  }
});
