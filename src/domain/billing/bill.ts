/**
 * One period's bill from its units and tariff, line by line as on a Thai utility bill:
 *   energy (by block) + minimum top-up + service + adjustment (Ft) = subtotal; VAT; total.
 *
 * Rounding: every line item is rounded to satang (0.01 baht) half-up, once, from its exact value:
 * - energy = round(Σ units in block × block price), the single "ค่าพลังงานไฟฟ้า" line of the bill;
 *   the block breakdown shares that rounded amount out (each block's exact amount cut to satang,
 *   the satang left over going to the blocks with the largest cut-off remainders), so the blocks
 *   always add up to the energy line exactly and each is within 0.01 of its exact amount;
 * - adjustment = round(units × adjustment per unit) (Ft × kWh);
 * - service and minimum are amounts already in satang;
 * - VAT = round(subtotal × percent / 100), on the sum of the rounded lines;
 * - total = subtotal + VAT, the sum of the rounded lines, with no further rounding.
 * Units themselves are never rounded: interpolated or projected use prices its fractional part too.
 * The minimum charge applies to the use charge (energy) alone, as water tariffs state it
 * ("ค่าน้ำขั้นต่ำ"): when energy is below it, a top-up line brings it up to the minimum.
 * Negative use (a correction, a net meter) is billed as no use.
 */
import type Decimal from 'decimal.js';
import { decimal, Exact, MONEY_SCALE, max, min, money, toSatang, units, ZERO } from './money';
import type { Block, Tariff } from './tariff';

export interface BlockCharge {
  /** Index of the block in the tariff. */
  index: number;
  /** Units above this bound fall in the block ("0" for the first). */
  above: string;
  /** The block's upper bound, or null for the open block. */
  upTo: string | null;
  /** Units of this period inside the block. */
  units: string;
  price: string;
  /** Baht, two decimals; the blocks' amounts add up to the energy line. */
  amount: string;
}

export interface Bill {
  /** The units billed (use below zero counts as none). */
  units: string;
  /** Only the blocks that hold some of the units, lowest first. */
  blocks: BlockCharge[];
  energy: string;
  /** What the minimum charge adds to the energy line ("0.00" when energy reaches it). */
  minimumTopUp: string;
  service: string;
  /** units × adjustment per unit (Ft). */
  adjustment: string;
  /** energy + minimumTopUp + service + adjustment. */
  subtotal: string;
  vat: string;
  total: string;
  adjustmentPerUnit: string;
  vatPercent: string;
}

/** Units inside each block for `total` units (all zero beyond the last block reached). */
function unitsByBlock(
  blocks: readonly Block[],
  total: Decimal,
): { above: Decimal; inside: Decimal }[] {
  let above = ZERO;
  return blocks.map((block) => {
    const upTo = block.upTo === null ? null : decimal(block.upTo);
    const top = upTo === null ? total : min(total, upTo);
    const inside = max(top.minus(above), ZERO);
    const result = { above, inside };
    if (upTo !== null) above = upTo;
    return result;
  });
}

/** Cut each exact amount to satang, then hand out the satang left to reach `target`. */
function shareOut(exactAmounts: readonly Decimal[], target: Decimal): Decimal[] {
  const satang = new Exact(10).pow(-MONEY_SCALE);
  const cut = exactAmounts.map((amount) => amount.toDecimalPlaces(MONEY_SCALE, Exact.ROUND_DOWN));
  let left = target
    .minus(cut.reduce((sum, amount) => sum.plus(amount), ZERO))
    .div(satang)
    .toNumber();
  const order = exactAmounts
    .map((amount, i) => ({ i, remainder: amount.minus(cut[i]!) }))
    .filter(({ remainder }) => !remainder.isZero())
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    cut[i] = cut[i]!.plus(satang);
    left -= 1;
  }
  return cut;
}

/** The bill for `usage` units (a decimal string) under `tariff`. Pure and exact. */
export function computeBill(tariff: Tariff, usage: string): Bill {
  const billed = max(decimal(usage), ZERO);
  const split = unitsByBlock(tariff.blocks, billed);
  const exactAmounts = split.map(({ inside }, i) => inside.times(decimal(tariff.blocks[i]!.price)));
  const energy = toSatang(exactAmounts.reduce((sum, amount) => sum.plus(amount), ZERO));
  const shares = shareOut(exactAmounts, energy);
  const blocks: BlockCharge[] = [];
  split.forEach(({ above, inside }, index) => {
    if (inside.isZero()) return;
    const block = tariff.blocks[index]!;
    blocks.push({
      index,
      above: units(above),
      upTo: block.upTo,
      units: units(inside),
      price: block.price,
      amount: money(shares[index]!),
    });
  });

  const minimumTopUp = max(toSatang(decimal(tariff.minimumCharge)).minus(energy), ZERO);
  const service = toSatang(decimal(tariff.serviceCharge));
  const adjustment = toSatang(billed.times(decimal(tariff.adjustmentPerUnit)));
  const subtotal = energy.plus(minimumTopUp).plus(service).plus(adjustment);
  const vat = toSatang(subtotal.times(decimal(tariff.vatPercent)).div(100));
  return {
    units: units(billed),
    blocks,
    energy: money(energy),
    minimumTopUp: money(minimumTopUp),
    service: money(service),
    adjustment: money(adjustment),
    subtotal: money(subtotal),
    vat: money(vat),
    total: money(subtotal.plus(vat)),
    adjustmentPerUnit: tariff.adjustmentPerUnit,
    vatPercent: tariff.vatPercent,
  };
}

/**
 * Index of the block the last of `usage` units falls in: the highest block whose lower bound lies
 * below the use; 0 for no use.
 */
export function blockIndexOf(blocks: readonly Block[], usage: string): number {
  const used = decimal(usage);
  let index = 0;
  for (let i = 1; i < blocks.length; i++) {
    const lower = blocks[i - 1]!.upTo;
    if (lower !== null && used.gt(decimal(lower))) index = i;
  }
  return index;
}
