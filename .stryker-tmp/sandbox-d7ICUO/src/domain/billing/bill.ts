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
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
function unitsByBlock(blocks: readonly Block[], total: Decimal): {
  above: Decimal;
  inside: Decimal;
}[] {
  if (stryMutAct_9fa48("198")) {
    {}
  } else {
    stryCov_9fa48("198");
    let above = ZERO;
    return blocks.map(block => {
      if (stryMutAct_9fa48("199")) {
        {}
      } else {
        stryCov_9fa48("199");
        const upTo = (stryMutAct_9fa48("202") ? block.upTo !== null : stryMutAct_9fa48("201") ? false : stryMutAct_9fa48("200") ? true : (stryCov_9fa48("200", "201", "202"), block.upTo === null)) ? null : decimal(block.upTo);
        const top = (stryMutAct_9fa48("205") ? upTo !== null : stryMutAct_9fa48("204") ? false : stryMutAct_9fa48("203") ? true : (stryCov_9fa48("203", "204", "205"), upTo === null)) ? total : min(total, upTo);
        const inside = max(top.minus(above), ZERO);
        const result = stryMutAct_9fa48("206") ? {} : (stryCov_9fa48("206"), {
          above,
          inside
        });
        if (stryMutAct_9fa48("209") ? upTo === null : stryMutAct_9fa48("208") ? false : stryMutAct_9fa48("207") ? true : (stryCov_9fa48("207", "208", "209"), upTo !== null)) above = upTo;
        return result;
      }
    });
  }
}

/** Cut each exact amount to satang, then hand out the satang left to reach `target`. */
function shareOut(exactAmounts: readonly Decimal[], target: Decimal): Decimal[] {
  if (stryMutAct_9fa48("210")) {
    {}
  } else {
    stryCov_9fa48("210");
    const satang = new Exact(10).pow(stryMutAct_9fa48("211") ? +MONEY_SCALE : (stryCov_9fa48("211"), -MONEY_SCALE));
    const cut = exactAmounts.map(stryMutAct_9fa48("212") ? () => undefined : (stryCov_9fa48("212"), amount => amount.toDecimalPlaces(MONEY_SCALE, Exact.ROUND_DOWN)));
    let left = target.minus(cut.reduce(stryMutAct_9fa48("213") ? () => undefined : (stryCov_9fa48("213"), (sum, amount) => sum.plus(amount)), ZERO)).div(satang).toNumber();
    const order = stryMutAct_9fa48("215") ? exactAmounts.map((amount, i) => ({
      i,
      remainder: amount.minus(cut[i]!)
    })).sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i) : stryMutAct_9fa48("214") ? exactAmounts.map((amount, i) => ({
      i,
      remainder: amount.minus(cut[i]!)
    })).filter(({
      remainder
    }) => !remainder.isZero()) : (stryCov_9fa48("214", "215"), exactAmounts.map(stryMutAct_9fa48("216") ? () => undefined : (stryCov_9fa48("216"), (amount, i) => stryMutAct_9fa48("217") ? {} : (stryCov_9fa48("217"), {
      i,
      remainder: amount.minus(cut[i]!)
    }))).filter(stryMutAct_9fa48("218") ? () => undefined : (stryCov_9fa48("218"), ({
      remainder
    }) => stryMutAct_9fa48("219") ? remainder.isZero() : (stryCov_9fa48("219"), !remainder.isZero()))).sort(stryMutAct_9fa48("220") ? () => undefined : (stryCov_9fa48("220"), (a, b) => stryMutAct_9fa48("223") ? b.remainder.comparedTo(a.remainder) && a.i - b.i : stryMutAct_9fa48("222") ? false : stryMutAct_9fa48("221") ? true : (stryCov_9fa48("221", "222", "223"), b.remainder.comparedTo(a.remainder) || (stryMutAct_9fa48("224") ? a.i + b.i : (stryCov_9fa48("224"), a.i - b.i))))));
    for (const {
      i
    } of order) {
      if (stryMutAct_9fa48("225")) {
        {}
      } else {
        stryCov_9fa48("225");
        if (stryMutAct_9fa48("229") ? left > 0 : stryMutAct_9fa48("228") ? left < 0 : stryMutAct_9fa48("227") ? false : stryMutAct_9fa48("226") ? true : (stryCov_9fa48("226", "227", "228", "229"), left <= 0)) break;
        cut[i] = cut[i]!.plus(satang);
        stryMutAct_9fa48("230") ? left += 1 : (stryCov_9fa48("230"), left -= 1);
      }
    }
    return cut;
  }
}

/** The bill for `usage` units (a decimal string) under `tariff`. Pure and exact. */
export function computeBill(tariff: Tariff, usage: string): Bill {
  if (stryMutAct_9fa48("231")) {
    {}
  } else {
    stryCov_9fa48("231");
    const billed = max(decimal(usage), ZERO);
    const split = unitsByBlock(tariff.blocks, billed);
    const exactAmounts = split.map(stryMutAct_9fa48("232") ? () => undefined : (stryCov_9fa48("232"), ({
      inside
    }, i) => inside.times(decimal(tariff.blocks[i]!.price))));
    const energy = toSatang(exactAmounts.reduce(stryMutAct_9fa48("233") ? () => undefined : (stryCov_9fa48("233"), (sum, amount) => sum.plus(amount)), ZERO));
    const shares = shareOut(exactAmounts, energy);
    const blocks: BlockCharge[] = stryMutAct_9fa48("234") ? ["Stryker was here"] : (stryCov_9fa48("234"), []);
    split.forEach(({
      above,
      inside
    }, index) => {
      if (stryMutAct_9fa48("235")) {
        {}
      } else {
        stryCov_9fa48("235");
        if (stryMutAct_9fa48("237") ? false : stryMutAct_9fa48("236") ? true : (stryCov_9fa48("236", "237"), inside.isZero())) return;
        const block = tariff.blocks[index]!;
        blocks.push(stryMutAct_9fa48("238") ? {} : (stryCov_9fa48("238"), {
          index,
          above: units(above),
          upTo: block.upTo,
          units: units(inside),
          price: block.price,
          amount: money(shares[index]!)
        }));
      }
    });
    const minimumTopUp = max(toSatang(decimal(tariff.minimumCharge)).minus(energy), ZERO);
    const service = toSatang(decimal(tariff.serviceCharge));
    const adjustment = toSatang(billed.times(decimal(tariff.adjustmentPerUnit)));
    const subtotal = energy.plus(minimumTopUp).plus(service).plus(adjustment);
    const vat = toSatang(subtotal.times(decimal(tariff.vatPercent)).div(100));
    return stryMutAct_9fa48("239") ? {} : (stryCov_9fa48("239"), {
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
      vatPercent: tariff.vatPercent
    });
  }
}

/**
 * Index of the block the last of `usage` units falls in: the highest block whose lower bound lies
 * below the use; 0 for no use.
 */
export function blockIndexOf(blocks: readonly Block[], usage: string): number {
  if (stryMutAct_9fa48("240")) {
    {}
  } else {
    stryCov_9fa48("240");
    const used = decimal(usage);
    let index = 0;
    for (let i = 1; stryMutAct_9fa48("243") ? i >= blocks.length : stryMutAct_9fa48("242") ? i <= blocks.length : stryMutAct_9fa48("241") ? false : (stryCov_9fa48("241", "242", "243"), i < blocks.length); stryMutAct_9fa48("244") ? i-- : (stryCov_9fa48("244"), i++)) {
      if (stryMutAct_9fa48("245")) {
        {}
      } else {
        stryCov_9fa48("245");
        const lower = blocks[stryMutAct_9fa48("246") ? i + 1 : (stryCov_9fa48("246"), i - 1)]!.upTo;
        if (stryMutAct_9fa48("249") ? lower !== null || used.gt(decimal(lower)) : stryMutAct_9fa48("248") ? false : stryMutAct_9fa48("247") ? true : (stryCov_9fa48("247", "248", "249"), (stryMutAct_9fa48("251") ? lower === null : stryMutAct_9fa48("250") ? true : (stryCov_9fa48("250", "251"), lower !== null)) && used.gt(decimal(lower)))) index = i;
      }
    }
    return index;
  }
}