import { describe, expect, it } from 'vitest';
import type { ReadingPoint, RegisterEvent } from '../../src/domain/types';
import { removing, stepFault, stepUse, wrapsBrokenByDigits } from '../../src/domain/wraps';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const at = (day: number, value: string, event: RegisterEvent | null = null): ReadingPoint => ({
  takenAt: new Date(START + day * DAY),
  value,
  event,
});

describe('stepUse counts a step as the usage engine does', () => {
  it('a plain step is the difference, negative when it goes down', () => {
    expect(stepUse(5, at(0, '100'), at(1, '250.5')).toFixed()).toBe('150.5');
    expect(stepUse(5, at(0, '100'), at(1, '40')).toFixed()).toBe('-60');
  });

  it('a step onto a wrap adds 10^digits, and nothing without a register size', () => {
    expect(stepUse(5, at(0, '99990'), at(1, '12', 'rollover')).toFixed()).toBe('22');
    expect(stepUse(4, at(0, '9990'), at(1, '12', 'rollover')).toFixed()).toBe('22');
    expect(stepUse(null, at(0, '99990'), at(1, '12', 'rollover')).toFixed()).toBe('-99978');
  });

  it("a replacement's initial right after its final counts nothing", () => {
    const final = at(1, '350', 'replacement_final');
    expect(stepUse(5, final, at(1, '3', 'replacement_initial')).toFixed()).toBe('0');
    // Without the final before it, an initial is an ordinary reading.
    expect(stepUse(5, at(0, '350'), at(1, '3', 'replacement_initial')).toFixed()).toBe('-347');
    // A step out of a final onto a plain reading is a plain difference.
    expect(stepUse(5, final, at(2, '360')).toFixed()).toBe('10');
  });
});

describe('stepFault: what a step would count wrong', () => {
  it('nothing for a step that goes up or a wrap below the reading before', () => {
    expect(stepFault(5, at(0, '10'), at(1, '20'))).toBeNull();
    expect(stepFault(5, at(0, '99990'), at(1, '12', 'rollover'))).toBeNull();
  });

  it('negative use for a plain step down', () => {
    expect(stepFault(5, at(0, '10'), at(1, '9'))).toBe('negative');
  });

  it('a whole turn for a wrap at or above the reading before (3 ↻ 5 would count 100,002)', () => {
    expect(stepFault(5, at(0, '3'), at(1, '5', 'rollover'))).toBe('wholeTurn');
    expect(stepFault(5, at(0, '5'), at(1, '5', 'rollover'))).toBe('wholeTurn');
    expect(stepFault(5, at(0, '5'), at(1, '4.999', 'rollover'))).toBeNull();
  });

  it('a plain step is never a whole turn, however much it counts', () => {
    // 12,000 on a 4-digit register was stored before its size was known.
    expect(stepFault(4, at(0, '0'), at(1, '12000'))).toBeNull();
  });

  it('no whole turn without a register size: the wrap counts nothing', () => {
    expect(stepFault(null, at(0, '3'), at(1, '5', 'rollover'))).toBeNull();
  });
});

describe('removing a reading', () => {
  const previous = at(0, '99990');
  const wrap = at(1, '12', 'rollover');

  it('with nothing on one side never goes negative', () => {
    expect(removing(5, null, wrap, at(2, '40'))).toEqual({ outcome: 'fine' });
    expect(removing(5, previous, wrap, null)).toEqual({ outcome: 'fine' });
  });

  it('a plain reading between two readings that go up is fine', () => {
    expect(removing(5, at(0, '10'), at(1, '20'), at(2, '30'))).toEqual({ outcome: 'fine' });
  });

  it('a wrap whose later reading is still above the earlier one is fine (the wrap goes)', () => {
    expect(removing(5, at(0, '90000'), at(1, '12', 'rollover'), at(2, '95000'))).toEqual({
      outcome: 'fine',
    });
  });

  it('a wrap whose later plain reading is below the earlier one moves onto it', () => {
    expect(removing(5, previous, wrap, at(2, '40'))).toEqual({ outcome: 'moveWrap' });
    // The later reading equal to the earlier one needs no wrap.
    expect(removing(5, previous, wrap, at(2, '99990'))).toEqual({ outcome: 'fine' });
  });

  it('a wrap followed by a second wrap is fine: the later wrap still explains the drop', () => {
    expect(removing(5, previous, wrap, at(2, '5', 'rollover'))).toEqual({ outcome: 'fine' });
  });

  it("a wrap followed by a replacement's final cannot move: the final carries its own event", () => {
    expect(removing(5, previous, wrap, at(2, '40', 'replacement_final'))).toEqual({
      outcome: 'negative',
    });
  });

  it('a wrap on a meter without a register size counts nothing, so nothing moves', () => {
    // Already negative before: removing it is not refused.
    expect(removing(null, previous, wrap, at(2, '40'))).toEqual({ outcome: 'fine' });
  });

  it("a replacement's final whose initial would then follow the old register is refused", () => {
    const final = at(1, '350', 'replacement_final');
    const initial = at(1, '3', 'replacement_initial');
    expect(removing(5, at(0, '300'), final, initial)).toEqual({ outcome: 'negative' });
  });

  it("a replacement's initial followed by a plain reading is refused: a wrap is no swap", () => {
    const final = at(1, '350', 'replacement_final');
    const initial = at(1, '3', 'replacement_initial');
    expect(removing(5, final, initial, at(2, '10'))).toEqual({ outcome: 'negative' });
  });

  it('a step that was already negative is not a reason to refuse (a meter that counts down)', () => {
    expect(removing(5, at(0, '50'), at(1, '40'), at(2, '30'))).toEqual({ outcome: 'fine' });
  });

  it('a reading that a later wrap needs is refused: the wrap would then count a whole turn', () => {
    // 0 → 9001 ↻ 9000: without 9001 the wrap would follow 0 and count 19,000.
    expect(removing(4, at(0, '0'), at(1, '9001'), at(2, '9000', 'rollover'))).toEqual({
      outcome: 'wholeTurn',
    });
    // 0 → 9000 ↻ 0: without 9000, 0 ↻ 0 is exactly one turn.
    expect(removing(4, at(0, '0'), at(1, '9000'), at(2, '0', 'rollover'))).toEqual({
      outcome: 'wholeTurn',
    });
    // Another reading above the wrap still explains it.
    expect(removing(4, at(0, '9500'), at(1, '9001'), at(2, '9000', 'rollover'))).toEqual({
      outcome: 'fine',
    });
  });

  it('a whole turn already counted before the removal is not a reason to refuse', () => {
    expect(removing(4, at(0, '3'), at(1, '4'), at(2, '5', 'rollover'))).toEqual({
      outcome: 'fine',
    });
  });
});

describe('wraps a new register size breaks', () => {
  const wraps = [
    { previous: at(0, '99990'), wrap: at(1, '12', 'rollover') },
    { previous: at(2, '9990'), wrap: at(3, '5', 'rollover') },
  ];

  const negative = (step: (typeof wraps)[number]) => ({ ...step, fault: 'negative' });

  it('removing the size breaks every wrap that explains a drop', () => {
    expect(wrapsBrokenByDigits(5, null, wraps)).toEqual(wraps.map(negative));
  });

  it('a smaller size breaks only the wraps it cannot explain', () => {
    expect(wrapsBrokenByDigits(5, 4, wraps)).toEqual([negative(wraps[0]!)]);
  });

  it('a larger size, or the same one, breaks none', () => {
    expect(wrapsBrokenByDigits(5, 6, wraps)).toEqual([]);
    expect(wrapsBrokenByDigits(5, 5, wraps)).toEqual([]);
  });

  it('a wrap already counted negative is not blamed on the new size', () => {
    expect(wrapsBrokenByDigits(null, null, wraps)).toEqual([]);
  });

  it('a wrap marked on a reading that did not go down survives removing the size', () => {
    const odd = [{ previous: at(0, '10'), wrap: at(1, '12', 'rollover') }];
    expect(wrapsBrokenByDigits(5, null, odd)).toEqual([]);
  });

  it('a size for a wrap that did not go down is refused: it would count a whole turn', () => {
    const odd = [{ previous: at(0, '10'), wrap: at(1, '12', 'rollover') }];
    expect(wrapsBrokenByDigits(null, 5, odd)).toEqual([{ ...odd[0], fault: 'wholeTurn' }]);
    // Already a whole turn under the old size: not blamed on the new one.
    expect(wrapsBrokenByDigits(5, 6, odd)).toEqual([]);
  });
});
