import { describe, expect, it } from 'vitest';
import {
  checkValues,
  formatValueNames,
  formatValues,
  isValueName,
  MAX_VALUES,
  sameTimeProblem,
  type ValuesSpec,
} from '../../src/domain/values';

// The rules for a reading of a meter with several values per reading: the count, each value's
// own range, and how the values are written back.

const BP: ValuesSpec = {
  names: ['sys', 'dia', 'pulse'],
  required: 2,
  ranges: [{ min: '70', max: '250' }, { min: '40', max: null }, null],
};

describe('checkValues', () => {
  it.each([
    [['120', '80', '72'], null],
    [['120', '80'], null],
    [['70', '40', '0'], null],
    [['250', '300', '500'], null],
  ])('accepts %j', (values, expected) => {
    expect(checkValues(BP, values)).toBe(expected);
  });

  it('refuses too few values, naming what the meter takes', () => {
    expect(checkValues(BP, ['120'])).toEqual({
      code: 'valueCount',
      given: 1,
      names: ['sys', 'dia', 'pulse'],
      required: 2,
    });
  });

  it('refuses more values than the meter has names', () => {
    expect(checkValues(BP, ['120', '80', '72', '1'])).toMatchObject({
      code: 'valueCount',
      given: 4,
    });
  });

  it('checks each value against its own bounds, first failure named', () => {
    expect(checkValues(BP, ['69.9', '80'])).toEqual({
      code: 'valueBelowMin',
      name: 'sys',
      value: '69.9',
      limit: '70',
    });
    expect(checkValues(BP, ['250.5', '80'])).toEqual({
      code: 'valueAboveMax',
      name: 'sys',
      value: '250.5',
      limit: '250',
    });
    expect(checkValues(BP, ['120', '39'])).toEqual({
      code: 'valueBelowMin',
      name: 'dia',
      value: '39',
      limit: '40',
    });
  });

  it('compares decimals exactly, not as floats', () => {
    const spec: ValuesSpec = {
      names: ['a', 'b'],
      required: 2,
      ranges: [{ min: '0.3', max: null }, null],
    };
    // At the bound itself, and a millionth below it.
    expect(checkValues(spec, ['0.3', '1'])).toBeNull();
    expect(checkValues(spec, ['0.299999', '1'])).toMatchObject({ code: 'valueBelowMin' });
  });

  it('a meter of one value takes exactly one', () => {
    expect(checkValues(null, ['4521'])).toBeNull();
    expect(checkValues(null, ['120', '80'])).toEqual({ code: 'oneValueOnly', given: 2 });
  });
});

describe('writing values back', () => {
  it('joins the first two with a slash, the rest after spaces, thousands grouped', () => {
    expect(formatValues(['120', '80', '72'])).toBe('120/80 72');
    expect(formatValues(['120', '80'])).toBe('120/80');
    expect(formatValues(['1500', '2', '3', '4'])).toBe('1,500/2 3 4');
    expect(formatValueNames(['sys', 'dia', 'pulse'], 2)).toBe('sys/dia pulse?');
  });

  it('writes a single value without a slash, and no values as nothing', () => {
    expect(formatValues(['4521'])).toBe('4,521');
    expect(formatValues([])).toBe('');
  });
});

describe('value names', () => {
  it.each(['sys', 'dia', 'ชีพจร', 'ตัวบน', 'pm2_5', 'spo2'])('%s is a value name', (name) => {
    expect(isValueName(name)).toBe(true);
  });
  it.each(['', '2x', 'a/b', 'a b', 'x'.repeat(21), '"sys"'])('%j is not', (name) => {
    expect(isValueName(name)).toBe(false);
  });
  it('allows a name of exactly 20 code points, counted as code points', () => {
    expect(isValueName('x'.repeat(20))).toBe(true);
    // U+1D4B6 is a letter outside the BMP: 20 of them are 40 UTF-16 units.
    expect(isValueName('\u{1D4B6}'.repeat(20))).toBe(true);
    expect(isValueName('\u{1D4B6}'.repeat(21))).toBe(false);
  });
  it('allows at most six values', () => {
    expect(MAX_VALUES).toBe(6);
  });
});

describe('sameTimeProblem', () => {
  const at = new Date('2026-11-18T01:00:00Z');
  it('is a duplicate only when every value is the same (as decimals)', () => {
    expect(sameTimeProblem(['120', '80.0', '72'], ['120', '80', '72'], at)).toEqual({
      code: 'duplicate',
      value: '120/80 72',
      takenAt: at,
    });
  });
  it('is not a duplicate when one value of as many differs', () => {
    expect(sameTimeProblem(['120', '85', '72'], ['120', '80', '72'], at)).toMatchObject({
      code: 'sameTimeDifferentValue',
      value: '120/85 72',
      existing: '120/80 72',
    });
  });
  it('is not a duplicate when the new reading leaves out a value the existing one has', () => {
    expect(sameTimeProblem(['120', '80'], ['120', '80', '72'], at)).toMatchObject({
      code: 'sameTimeDifferentValue',
      value: '120/80',
      existing: '120/80 72',
    });
  });
  it('otherwise names both readings with all their values', () => {
    expect(sameTimeProblem(['120', '85'], ['120', '80', '72'], at)).toEqual({
      code: 'sameTimeDifferentValue',
      value: '120/85',
      existing: '120/80 72',
      takenAt: at,
    });
  });
});
