import { describe, expect, it } from 'vitest';
import {
  blocksProblem,
  resolveTariff,
  settingInForce,
  type TariffSetting,
} from '../../../src/domain/billing/tariff';

describe('which setting applies to a period (by its last day)', () => {
  const settings: TariffSetting[] = [
    { kind: 'rate', from: '2026-03-15', rate: { type: 'flat', price: '4.5' } },
    { kind: 'adjustment', from: '2026-01-01', perUnit: '0.3972' },
    { kind: 'adjustment', from: '2026-05-01', perUnit: '0.3672' },
    { kind: 'vat', from: '2026-06-01', percent: '7' },
  ];

  it('takes the latest setting dated on or before the last day', () => {
    expect(settingInForce(settings, 'adjustment', '2026-04-30')?.perUnit).toBe('0.3972');
    expect(settingInForce(settings, 'adjustment', '2026-05-01')?.perUnit).toBe('0.3672');
    expect(settingInForce(settings, 'adjustment', '2027-01-31')?.perUnit).toBe('0.3672');
  });

  it('lets the first setting of a kind cover the whole history before it', () => {
    expect(settingInForce(settings, 'adjustment', '2020-01-31')?.perUnit).toBe('0.3972');
    expect(resolveTariff(settings, '2020-01-31')).toMatchObject({
      blocks: [{ upTo: null, price: '4.5' }],
      adjustmentPerUnit: '0.3972',
      vatPercent: '7',
    });
  });

  it('has no setting of a kind never set, and no tariff without a rate', () => {
    expect(settingInForce(settings, 'minimum', '2026-04-30')).toBeNull();
    expect(resolveTariff(settings.slice(1), '2026-04-30')).toBeNull();
  });

  it('keeps the later entry of two settings dated the same day', () => {
    const twice: TariffSetting[] = [
      { kind: 'vat', from: '2026-01-01', percent: '10' },
      { kind: 'vat', from: '2026-01-01', percent: '7' },
    ];
    expect(settingInForce(twice, 'vat', '2026-02-28')?.percent).toBe('7');
    expect(settingInForce(twice, 'vat', '2025-02-28')?.percent).toBe('7');
  });

  it('lets a period that closes after a price change use the new price (billing month rule)', () => {
    // Billing day 18: the period Nov 18 → Dec 18 closes on Dec 17 and follows a Dec 1 change.
    const ft: TariffSetting[] = [
      { kind: 'rate', from: '2026-01-01', rate: { type: 'flat', price: '4' } },
      { kind: 'adjustment', from: '2026-09-01', perUnit: '0.3972' },
      { kind: 'adjustment', from: '2026-12-01', perUnit: '0.3672' },
    ];
    expect(resolveTariff(ft, '2026-12-17')?.adjustmentPerUnit).toBe('0.3672');
    expect(resolveTariff(ft, '2026-11-30')?.adjustmentPerUnit).toBe('0.3972');
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => settingInForce(settings, 'vat', '2026-13-01')).toThrow(RangeError);
    const bad: TariffSetting[] = [{ kind: 'vat', from: '1/1/2026', percent: '7' }];
    expect(() => settingInForce(bad, 'vat', '2026-01-01')).toThrow(RangeError);
  });

  it('reads only a whole date, and names the text it refuses', () => {
    expect(() => settingInForce(settings, 'vat', 'x2026-01-01')).toThrow(
      'Not a date (YYYY-MM-DD): "x2026-01-01"',
    );
    expect(() => settingInForce(settings, 'vat', '2026-01-01x')).toThrow(
      'Not a date (YYYY-MM-DD): "2026-01-01x"',
    );
    const bad: TariffSetting[] = [{ kind: 'vat', from: '1/1/2026', percent: '7' }];
    expect(() => settingInForce(bad, 'vat', '2026-01-01')).toThrow(
      'Not a date (YYYY-MM-DD): "1/1/2026"',
    );
  });

  it('goes by the dates, not the order of the list', () => {
    const unordered: TariffSetting[] = [
      { kind: 'vat', from: '2026-03-01', percent: '7' },
      { kind: 'vat', from: '2026-01-01', percent: '10' },
    ];
    expect(settingInForce(unordered, 'vat', '2026-04-30')?.percent).toBe('7');
    expect(settingInForce(unordered, 'vat', '2026-02-28')?.percent).toBe('10');
  });
});

describe('presets and explicit settings', () => {
  it('takes service, minimum and VAT from the preset unless the meter sets them', () => {
    const preset: TariffSetting = {
      kind: 'rate',
      from: '2026-01-01',
      rate: { type: 'preset', preset: 'mea-1.1.1' },
    };
    expect(resolveTariff([preset], '2026-11-30')).toMatchObject({
      serviceCharge: '8.19',
      minimumCharge: '0',
      adjustmentPerUnit: '0',
      vatPercent: '7',
      preset: 'mea-1.1.1',
    });
    const overridden = resolveTariff(
      [
        preset,
        { kind: 'service', from: '2026-01-01', amount: '10' },
        { kind: 'vat', from: '2026-01-01', percent: '0' },
        { kind: 'minimum', from: '2026-01-01', amount: '50' },
      ],
      '2026-11-30',
    );
    expect(overridden).toMatchObject({ serviceCharge: '10', vatPercent: '0', minimumCharge: '50' });
  });

  it('switches from a flat price to a preset from the date given, old periods keeping the flat price', () => {
    const settings: TariffSetting[] = [
      { kind: 'rate', from: '2026-01-01', rate: { type: 'flat', price: '4.5' } },
      { kind: 'rate', from: '2026-09-01', rate: { type: 'preset', preset: 'pwa-residential' } },
    ];
    expect(resolveTariff(settings, '2026-08-31')).toMatchObject({ preset: null, vatPercent: '0' });
    expect(resolveTariff(settings, '2026-09-30')).toMatchObject({
      preset: 'pwa-residential',
      vatPercent: '7',
    });
  });

  it('uses custom blocks as given', () => {
    const blocks = [
      { upTo: '100', price: '3' },
      { upTo: null, price: '5' },
    ];
    const settings: TariffSetting[] = [
      { kind: 'rate', from: '2026-01-01', rate: { type: 'blocks', blocks } },
    ];
    expect(resolveTariff(settings, '2026-01-31')?.blocks).toEqual(blocks);
  });
});

describe('blocksProblem', () => {
  it('accepts increasing bounds with an open last block', () => {
    expect(
      blocksProblem([
        { upTo: '15', price: '2.3488' },
        { upTo: '25.5', price: '2.9882' },
        { upTo: null, price: '3' },
      ]),
    ).toBeNull();
    expect(blocksProblem([{ upTo: null, price: '0' }])).toBeNull();
  });

  it('names what is wrong', () => {
    expect(blocksProblem([])).toBe('empty');
    expect(blocksProblem([{ upTo: '10', price: '1' }])).toBe('last_block_not_open');
    expect(
      blocksProblem([
        { upTo: null, price: '1' },
        { upTo: null, price: '2' },
      ]),
    ).toBe('open_block_not_last');
    expect(
      blocksProblem([
        { upTo: '10', price: '1' },
        { upTo: '10', price: '2' },
        { upTo: null, price: '3' },
      ]),
    ).toBe('bounds_not_increasing');
    expect(
      blocksProblem([
        { upTo: '0', price: '1' },
        { upTo: null, price: '2' },
      ]),
    ).toBe('bound_not_positive');
    expect(blocksProblem([{ upTo: null, price: '-1' }])).toBe('negative_price');
    expect(blocksProblem([{ upTo: null, price: 'four' }])).toBe('not_a_number');
    expect(
      blocksProblem([
        { upTo: 'ten', price: '1' },
        { upTo: null, price: '2' },
      ]),
    ).toBe('not_a_number');
  });

  it('makes resolveTariff refuse invalid custom blocks', () => {
    const settings: TariffSetting[] = [
      { kind: 'rate', from: '2026-01-01', rate: { type: 'blocks', blocks: [] } },
    ];
    expect(() => resolveTariff(settings, '2026-01-31')).toThrow(RangeError);
    expect(() => resolveTariff(settings, '2026-01-31')).toThrow('Invalid tariff blocks: empty');
  });
});
