import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, readings, sources } from '../../src/db/schema';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Bad input is a feature: every malformed message gets a clear answer and leaves the data
// exactly as it was.

describe('bad input in a one-to-one chat', () => {
  let h: Harness;
  let niran: Person;
  let snapshot: string;

  const state = async () =>
    JSON.stringify({
      readings: await h.database.db.select().from(readings).orderBy(asc(readings.number)),
      sources: await h.database.db.select().from(sources).orderBy(asc(sources.createdAt)),
      audit: await h.database.db.$count(auditLog),
    });

  beforeAll(async () => {
    h = await startHarness();
    niran = person(h, h.platform.addUser({ displayName: 'Niran', language: 'en' }));
    await niran.say('add meter Electric kWh');
    await niran.say('meter 1 = 4521');
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    snapshot = await state();
  });

  const unchanged = async () => expect(await state()).toBe(snapshot);

  it.each([
    ['an unknown meter number', 'meter 9 = 100', /There is no meter 9 here/],
    ['an unknown meter name', 'Gas = 100', /There is no "Gas" here/],
    ['an empty message', '', /didn't understand/],
    ['only spaces', '   ', /didn't understand/],
    ['only emoji', '🎉🎉', /didn't understand/],
    ['a reading with an emoji after it', 'meter 1 = 4600 🎉', /extra text after the number/],
    ['an exponent', 'meter 1 = 1e309', /not a number I can store/],
    ['a bare exponent', '1e309', /didn't understand/],
    ['NaN', 'meter 1 = NaN', /not a number I can store/],
    ['too many digits', 'meter 1 = 1234567890123456', /too large/],
    ['too many decimals', 'meter 1 = 4600.1234567', /too many decimals/],
    ['a negative reading', 'meter 1 = -5', /can't be negative/],
    ['a reading in the future', 'meter 1 = 4600 @ 2099-01-01 08:00', /in the future/],
    ['an impossible date', 'meter 1 = 4600 @ 2026-02-30', /could not read that date/],
    ['an overlong note', `meter 1 = 4600 # ${'x'.repeat(300)}`, /note is too long/],
    [
      'a 10,000-character message',
      'meter 1 = 4600 '.repeat(700).slice(0, 10_000),
      /too long for me to read/,
    ],
    ['fix of a reading that does not exist', 'fix #99 = 10', /no reading #99/],
    ['delete of a reading that does not exist', 'delete #99', /no reading #99/],
    [
      'a setting with min above max',
      'set meter 1 min 10 max 5',
      /minimum must not be above the maximum/,
    ],
    ['history of an unknown meter', 'history meter 5', /There is no meter 5 here/],
    ['a meter name that is only digits', 'add meter 123 kWh', /needs a letter/],
  ])('%s gets a clear answer and changes nothing', async (_what, message, answer) => {
    const reply = await niran.say(message);
    expect(reply.text).toMatch(answer);
    await unchanged();
  });

  it('refuses an "image" that is not a picture, even right after a reading', async () => {
    const content = { bytes: Buffer.from('<svg onload="alert(1)"/>'), contentType: 'image/jpeg' };
    const reply = await exchange(h, [
      h.platform.events.image({ userId: niran.user.userId, content }),
    ]);
    expect(reply.text).toBe('That is not a JPEG or PNG photo. Nothing was kept.');
    await unchanged();
  });

  // The tests below add meters: each has a person of its own, so that Niran keeps exactly one
  // meter whatever order the tests run in.
  const newcomer = () => person(h, h.platform.addUser({ displayName: 'Ploy', language: 'en' }));

  it('stores "-0" as 0, not as a negative zero', async () => {
    const ploy = newcomer();
    await ploy.say('add meter Rain mm');
    const reply = await ploy.say('Rain = -0');
    expect(reply.text).toMatch(/Recorded meter 1 "Rain": 0 mm/);
    const rain = await h.database.db
      .select({ value: readings.value })
      .from(readings)
      .orderBy(asc(readings.enteredAt));
    expect(rain.at(-1)?.value).toBe('0');
  });

  it('refuses a second meter with the same name', async () => {
    const reply = await niran.say('add meter electric kWh');
    expect(reply.text).toBe('You already have a meter called "electric". Pick another name.');
    await unchanged();
  });

  it('puts a bare number on the meter used last when there are several', async () => {
    const ploy = newcomer();
    await ploy.say('add meter Electric kWh');
    await ploy.say('meter 1 = 4521');
    await ploy.say('add meter Water m3');
    await ploy.say('Water = 10'); // Water is the last used one
    expect((await ploy.say('11')).text).toMatch(/"Water": 11/);
    await ploy.say('meter 1 = 4530'); // now meter 1 is
    const last = await ploy.say('4540');
    expect(last.text).toMatch(/Recorded meter 1 "Electric": 4,540 kWh/);
  });
});
