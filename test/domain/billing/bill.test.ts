import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockIndexOf, computeBill } from '../../../src/domain/billing/bill';
import {
  BILLING_PRESET_IDS,
  type BillingPresetId,
  billingPreset,
  presetEditionOn,
} from '../../../src/domain/billing/presets';
import {
  type Block,
  resolveTariff,
  type Tariff,
  type TariffSetting,
} from '../../../src/domain/billing/tariff';

const D = Decimal.clone({ precision: 80 });

/** A preset's tariff for a period whose last day is `lastDay`, with Ft and no other settings. */
function presetTariff(preset: BillingPresetId, lastDay: string, ft = '0'): Tariff {
  const settings: TariffSetting[] = [
    { kind: 'rate', from: '2015-01-01', rate: { type: 'preset', preset } },
    { kind: 'adjustment', from: '2015-01-01', perUnit: ft },
  ];
  return resolveTariff(settings, lastDay)!;
}

function tariff(blocks: Block[], extra: Partial<Tariff> = {}): Tariff {
  return {
    blocks,
    serviceCharge: '0',
    minimumCharge: '0',
    adjustmentPerUnit: '0',
    vatPercent: '0',
    preset: null,
    ...extra,
  };
}

describe('the worked example: mea-1.1.2, Ft 0.3672, VAT 7 %, 320 kWh', () => {
  // The 38.22 baht service charge of the example is the 1.1.2 figure until the January 2023
  // billing month; the period must close before then for the preset to give it.
  const bill = computeBill(presetTariff('mea-1.1.2', '2022-11-30', '0.3672'), '320');

  it('gives energy 1,204.97 + service 38.22 + Ft 117.50 = 1,360.69, VAT 95.25, total 1,455.94', () => {
    expect(bill).toMatchObject({
      units: '320',
      energy: '1204.97',
      minimumTopUp: '0.00',
      service: '38.22',
      adjustment: '117.50',
      subtotal: '1360.69',
      vat: '95.25',
      total: '1455.94',
      adjustmentPerUnit: '0.3672',
      vatPercent: '7',
    });
  });

  it('breaks the energy into 150 kWh at 3.2484 and 170 kWh at 4.2218', () => {
    expect(bill.blocks).toEqual([
      { index: 0, above: '0', upTo: '150', units: '150', price: '3.2484', amount: '487.26' },
      // 717.706 exact: the energy line rounds 1,204.966 up, and the satang goes to this block.
      { index: 1, above: '150', upTo: '400', units: '170', price: '4.2218', amount: '717.71' },
    ]);
  });

  it('uses the 24.62 baht service charge from the January 2023 billing month on', () => {
    const later = computeBill(presetTariff('mea-1.1.2', '2026-11-30', '0.3672'), '320');
    expect(later).toMatchObject({
      energy: '1204.97',
      service: '24.62',
      adjustment: '117.50',
      subtotal: '1347.09',
      vat: '94.30',
      total: '1441.39',
    });
    expect(computeBill(presetTariff('pea-1.1.2', '2023-01-31'), '0').service).toBe('24.62');
    expect(computeBill(presetTariff('pea-1.1.2', '2022-12-31'), '0').service).toBe('38.22');
    // In force from its own date: a period closing on 1 January 2023 already has it.
    expect(computeBill(presetTariff('pea-1.1.2', '2023-01-01'), '0').service).toBe('24.62');
  });
});

describe('presets against their published tables', () => {
  /** Energy (baht, before service, Ft and VAT) at units on and just past every block edge. */
  const RESIDENTIAL_1_1_1: [string, string][] = [
    ['0', '0.00'],
    ['1', '2.35'], // 2.3488
    ['15', '35.23'], // 15 × 2.3488 = 35.232
    ['16', '38.22'], // + 2.9882
    ['25', '65.11'], // + 10 × 2.9882 = 65.114
    ['26', '68.35'], // + 3.2405 = 68.3545
    ['35', '97.52'], // + 10 × 3.2405 = 97.519
    ['36', '101.14'], // + 3.6237 = 101.1427
    ['100', '333.06'], // + 65 × 3.6237 = 333.0595
    ['101', '336.78'], // + 3.7171 = 336.7766
    ['150', '518.91'], // + 50 × 3.7171 = 518.9145
    ['151', '523.14'], // + 4.2218 = 523.1363
    ['400', '1574.36'], // + 250 × 4.2218 = 1,574.3645
    ['401', '1578.79'], // + 4.4217 = 1,578.7862
  ];
  const RESIDENTIAL_1_1_2: [string, string][] = [
    ['1', '3.25'], // 3.2484
    ['150', '487.26'], // 150 × 3.2484
    ['151', '491.48'], // + 4.2218 = 491.4818
    ['400', '1542.71'], // + 250 × 4.2218
    ['401', '1547.13'], // + 4.4217 = 1,547.1317
    ['1000', '4195.73'], // + 600 × 4.4217 = 2,653.02
  ];

  /** MWA residence: Σ of each block's units × price, block by block. */
  const MWA: [string, string][] = [
    ['30', '255.00'], // 30 × 8.50
    ['31', '265.03'],
    ['40', '355.30'], // + 10 × 10.03
    ['50', '458.80'], // + 10 × 10.35
    ['60', '565.60'], // + 10 × 10.68
    ['70', '675.60'], // + 10 × 11.00
    ['80', '788.90'], // + 10 × 11.33
    ['90', '913.90'], // + 10 × 12.50
    ['100', '1042.10'], // + 10 × 12.82
    ['120', '1305.10'], // + 20 × 13.15
    ['160', '1843.90'], // + 40 × 13.47
    ['200', '2395.90'], // + 40 × 13.80
    ['201', '2410.35'], // + 14.45
  ];
  /** PWA table 1, residential: the table's own running totals ("รวมเงิน"). */
  const PWA: [string, string][] = [
    ['10', '102.00'],
    ['11', '118.00'],
    ['20', '262.00'],
    ['30', '452.00'],
    ['50', '876.00'],
    // Past 50 m³ the price is not confirmed; the preset keeps 21.20 (see the preset's comment).
    ['51', '897.20'],
  ];

  const cases: [BillingPresetId, [string, string][]][] = [
    ['mea-1.1.1', RESIDENTIAL_1_1_1],
    ['pea-1.1.1', RESIDENTIAL_1_1_1],
    ['mea-1.1.2', RESIDENTIAL_1_1_2],
    ['pea-1.1.2', RESIDENTIAL_1_1_2],
    ['mwa-residential', MWA],
    ['pwa-residential', PWA],
  ];

  it('covers every preset', () => {
    expect(cases.map(([id]) => id).sort()).toEqual([...BILLING_PRESET_IDS].sort());
  });

  for (const [id, table] of cases) {
    it(`${id}: energy at every block edge`, () => {
      const preset = presetTariff(id, '2026-06-30');
      for (const [used, energy] of table) {
        expect({ used, energy: computeBill(preset, used).energy }).toEqual({ used, energy });
      }
    });
  }

  it('prices every edge unit in the lower block and the next unit in the higher one', () => {
    for (const id of BILLING_PRESET_IDS) {
      const { blocks } = presetEditionOn(billingPreset(id), '2026-06-30');
      blocks.forEach((block, i) => {
        if (block.upTo === null) return;
        expect(blockIndexOf(blocks, block.upTo)).toBe(i);
        expect(blockIndexOf(blocks, new D(block.upTo).plus('0.001').toFixed())).toBe(i + 1);
      });
    }
  });

  it('carries the service charges and VAT of the tables', () => {
    const services = Object.fromEntries(
      BILLING_PRESET_IDS.map((id) => [id, presetTariff(id, '2026-06-30').serviceCharge]),
    );
    expect(services).toEqual({
      'mea-1.1.1': '8.19',
      'mea-1.1.2': '24.62',
      'pea-1.1.1': '8.19',
      'pea-1.1.2': '24.62',
      'mwa-residential': '25',
      'pwa-residential': '0',
    });
    for (const id of BILLING_PRESET_IDS)
      expect(presetTariff(id, '2026-06-30').vatPercent).toBe('7');
  });

  it('bills a month of 20 m³ of MWA water: 170.00 + service 25.00, VAT 13.65', () => {
    const bill = computeBill(presetTariff('mwa-residential', '2026-06-30'), '20');
    expect(bill).toMatchObject({
      energy: '170.00',
      service: '25.00',
      subtotal: '195.00',
      vat: '13.65',
      total: '208.65',
    });
  });
});

describe('lines and rounding', () => {
  it('rounds each line half-up to satang, and the total is the sum of the rounded lines', () => {
    // Energy 10 × 0.1235 = 1.235 → 1.24; Ft 10 × 0.0005 = 0.005 → 0.01; VAT 7 % of 1.25 = 0.0875.
    const bill = computeBill(
      tariff([{ upTo: null, price: '0.1235' }], { adjustmentPerUnit: '0.0005', vatPercent: '7' }),
      '10',
    );
    expect(bill).toMatchObject({
      energy: '1.24',
      adjustment: '0.01',
      subtotal: '1.25',
      vat: '0.09',
    });
    expect(bill.total).toBe('1.34');
  });

  it('prices fractional units and never rounds the units', () => {
    const bill = computeBill(
      tariff([
        { upTo: '10', price: '2' },
        { upTo: null, price: '3' },
      ]),
      '12.345',
    );
    expect(bill.units).toBe('12.345');
    expect(bill.blocks.map((b) => [b.units, b.amount])).toEqual([
      ['10', '20.00'],
      ['2.345', '7.04'], // 7.035 exact; the energy line 27.035 rounds up to 27.04
    ]);
    expect(bill.energy).toBe('27.04');
  });

  it('lists only the blocks the use reaches', () => {
    const bill = computeBill(
      tariff([
        { upTo: '10', price: '2' },
        { upTo: '20', price: '3' },
        { upTo: null, price: '4' },
      ]),
      '15',
    );
    expect(bill.blocks.map((b) => [b.index, b.units, b.amount])).toEqual([
      [0, '10', '20.00'],
      [1, '5', '15.00'],
    ]);
  });

  it('gives a satang left over to the block with the larger cut-off remainder', () => {
    // 0.001 + 0.009 = 0.010: the energy line is 0.01 and the second block holds most of it.
    const bill = computeBill(
      tariff([
        { upTo: '1', price: '0.001' },
        { upTo: null, price: '0.009' },
      ]),
      '2',
    );
    expect(bill.energy).toBe('0.01');
    expect(bill.blocks.map((b) => b.amount)).toEqual(['0.00', '0.01']);
  });

  it('between equal remainders, gives the satang left over to the lower blocks first', () => {
    // 3 × 0.005 = 0.015 rounds to 0.02: two satang for three equal remainders.
    const equal = (count: string) =>
      computeBill(
        tariff([
          { upTo: '1', price: '0.005' },
          { upTo: '2', price: '0.005' },
          { upTo: null, price: '0.005' },
        ]),
        count,
      ).blocks.map((b) => b.amount);
    expect(equal('3')).toEqual(['0.01', '0.01', '0.00']);
    // 2 × 0.005 = 0.01: one satang for two.
    expect(equal('2')).toEqual(['0.01', '0.00']);
  });

  it('tops the energy up to the minimum charge, before service, Ft and VAT', () => {
    const withMinimum = tariff([{ upTo: null, price: '10.20' }], {
      minimumCharge: '50',
      serviceCharge: '30',
      vatPercent: '7',
    });
    expect(computeBill(withMinimum, '3')).toMatchObject({
      energy: '30.60',
      minimumTopUp: '19.40',
      subtotal: '80.00',
      vat: '5.60',
      total: '85.60',
    });
    expect(computeBill(withMinimum, '5').minimumTopUp).toBe('0.00');
    expect(computeBill(withMinimum, '0')).toMatchObject({ energy: '0.00', minimumTopUp: '50.00' });
  });

  it('bills negative use as none and accepts a negative Ft', () => {
    const flat = tariff([{ upTo: null, price: '4' }], { adjustmentPerUnit: '-0.1532' });
    expect(computeBill(flat, '-12')).toMatchObject({ units: '0', energy: '0.00', total: '0.00' });
    expect(computeBill(flat, '100')).toMatchObject({ energy: '400.00', adjustment: '-15.32' });
  });

  it('refuses a figure that is not a decimal', () => {
    expect(() => computeBill(tariff([{ upTo: null, price: '4' }]), '1e3')).toThrow(
      'Not a decimal number: "1e3"',
    );
  });
});

describe('properties', () => {
  const cents = (max: number) =>
    fc.integer({ min: 0, max }).map((n) => new D(n).div(100).toFixed());
  /** 1–8 blocks with increasing bounds and prices to 4 decimals, like the published tables. */
  const blocksArb = fc
    .array(
      fc.record({
        width: fc.integer({ min: 1, max: 300 }),
        price: fc.integer({ min: 0, max: 200_000 }).map((n) => new D(n).div(10_000).toFixed()),
      }),
      { minLength: 1, maxLength: 8, size: 'max' },
    )
    .map((rows) => {
      let bound = 0;
      return rows.map(({ width, price }, i): Block => {
        bound += width;
        return { upTo: i === rows.length - 1 ? null : String(bound), price };
      });
    });
  const tariffArb = fc.record({
    blocks: blocksArb,
    serviceCharge: cents(10_000),
    minimumCharge: fc.oneof(fc.constant('0'), cents(50_000)),
    adjustmentPerUnit: fc
      .integer({ min: 0, max: 15_000 })
      .map((n) => new D(n).div(10_000).toFixed()),
    vatPercent: fc.constantFrom('0', '7', '10', '7.5'),
    preset: fc.constant(null),
  });
  /** Units to 3 decimals up to 2,500 (past the last bound of most generated tariffs). */
  const unitsArb = fc.integer({ min: 0, max: 2_500_000 }).map((n) => new D(n).div(1000).toFixed());

  it('cost never decreases when use grows', () => {
    let strictlyMore = 0;
    fc.assert(
      fc.property(tariffArb, unitsArb, unitsArb, (t, a, b) => {
        const [low, high] = new D(a).lte(b) ? [a, b] : [b, a];
        const before = new D(computeBill(t, low).total);
        const after = new D(computeBill(t, high).total);
        expect(after.gte(before)).toBe(true);
        if (after.gt(before)) strictlyMore++;
      }),
      { numRuns: 400 },
    );
    expect(strictlyMore).toBeGreaterThan(100);
  });

  it('block amounts add up to the energy line, each within a satang of its exact amount', () => {
    let sharedOut = 0;
    let manyBlocks = 0;
    let openBlock = 0;
    fc.assert(
      fc.property(tariffArb, unitsArb, (t, used) => {
        const bill = computeBill(t, used);
        const sum = bill.blocks.reduce((s, block) => s.plus(block.amount), new D(0));
        expect(sum.toFixed(2)).toBe(bill.energy);
        let unitsSum = new D(0);
        for (const block of bill.blocks) {
          const exact = new D(block.units).times(block.price);
          expect(exact.minus(block.amount).abs().lt('0.01')).toBe(true);
          if (!exact.toDecimalPlaces(2, Decimal.ROUND_DOWN).eq(block.amount)) sharedOut++;
          unitsSum = unitsSum.plus(block.units);
        }
        expect(unitsSum.eq(bill.units)).toBe(true);
        if (bill.blocks.length >= 3) manyBlocks++;
        if (bill.blocks.some((block) => block.upTo === null)) openBlock++;
      }),
      { numRuns: 400 },
    );
    expect(sharedOut).toBeGreaterThan(20);
    expect(manyBlocks).toBeGreaterThan(20);
    expect(openBlock).toBeGreaterThan(20);
  });

  it('the total is the sum of the rounded lines, each in satang', () => {
    let toppedUp = 0;
    let withVat = 0;
    fc.assert(
      fc.property(tariffArb, unitsArb, (t, used) => {
        const bill = computeBill(t, used);
        const lines = [bill.energy, bill.minimumTopUp, bill.service, bill.adjustment, bill.vat];
        for (const line of lines) expect(line).toMatch(/^-?\d+\.\d\d$/);
        const sum = lines.reduce((s, line) => s.plus(line), new D(0));
        expect(sum.toFixed(2)).toBe(bill.total);
        expect(new D(bill.subtotal).plus(bill.vat).toFixed(2)).toBe(bill.total);
        if (new D(bill.minimumTopUp).gt(0)) toppedUp++;
        if (new D(bill.vat).gt(0)) withVat++;
      }),
      { numRuns: 400 },
    );
    expect(toppedUp).toBeGreaterThan(10);
    expect(withVat).toBeGreaterThan(100);
  });
});
