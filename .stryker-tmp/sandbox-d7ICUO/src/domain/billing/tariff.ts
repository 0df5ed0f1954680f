/**
 * The tariff model: what a meter's units cost, and which figures apply to which billing period.
 *
 * A meter's money settings are a list of dated settings, one kind each:
 * - 'rate': the price per unit: a preset ('mea-1.1.2'), a flat price, or custom progressive blocks;
 * - 'service': a fixed charge per period (baht);
 * - 'minimum': the least the use charge of a period may be (baht), as water utilities bill;
 * - 'adjustment': baht per unit added to every unit (Ft on Thai electricity bills), may be negative;
 * - 'vat': percent added to the sum of all the lines above.
 *
 * Which setting applies to a period: the one in force on the period's LAST DAY (the day before the
 * reading day that ends it), i.e. the latest setting of that kind dated on or before that day.
 * Utilities change prices by billing month ("from the January 2023 bills"), and a bill belongs to
 * the month of its reading, so a period follows the prices in force when it closes. The first
 * setting of each kind also covers every period before its date: the meter's whole history.
 *
 * A preset carries its own dated editions (blocks, service, minimum, VAT), chosen by the same rule.
 * An explicit setting of a kind always wins over the preset's figure of that kind, so `vat 7` or a
 * service charge typed from the bill overrides the preset, while Ft (never in a preset, it changes
 * every four months) must be set by the person.
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
import { decimal } from './money';
import { type BillingPresetId, billingPreset, presetEditionOn } from './presets';

/** One block of a progressive tariff: units above the previous block's bound, up to `upTo`. */
export interface Block {
  /** Cumulative upper bound of the block in units ("150"), or null for the last, open block. */
  upTo: string | null;
  /** Baht per unit inside the block. */
  price: string;
}
export type RateSetting = {
  type: 'preset';
  preset: BillingPresetId;
} | {
  type: 'flat';
  price: string;
} | {
  type: 'blocks';
  blocks: readonly Block[];
};

/** `from` is a local calendar date 'YYYY-MM-DD' in the meter's time zone. */
export type TariffSetting = {
  kind: 'rate';
  from: string;
  rate: RateSetting;
} | {
  kind: 'service';
  from: string;
  amount: string;
} | {
  kind: 'minimum';
  from: string;
  amount: string;
} | {
  kind: 'adjustment';
  from: string;
  perUnit: string;
} | {
  kind: 'vat';
  from: string;
  percent: string;
};
export type SettingKind = TariffSetting['kind'];

/** Everything needed to price one period's units. All figures are decimal strings. */
export interface Tariff {
  blocks: readonly Block[];
  serviceCharge: string;
  minimumCharge: string;
  adjustmentPerUnit: string;
  vatPercent: string;
  /** The preset the blocks came from, if any. */
  preset: BillingPresetId | null;
}

// ---------------------------------------------------------------------------------------------
// Blocks

export type BlocksProblem = 'empty' | 'not_a_number' | 'bound_not_positive' | 'bounds_not_increasing' | 'last_block_not_open' | 'open_block_not_last' | 'negative_price';

/**
 * What is wrong with a list of blocks, or null when it is a valid tariff: bounds positive and
 * strictly increasing, only the last block open (upTo null), prices not negative.
 */
export function blocksProblem(blocks: readonly Block[]): BlocksProblem | null {
  if (stryMutAct_9fa48("660")) {
    {}
  } else {
    stryCov_9fa48("660");
    if (stryMutAct_9fa48("663") ? blocks.length !== 0 : stryMutAct_9fa48("662") ? false : stryMutAct_9fa48("661") ? true : (stryCov_9fa48("661", "662", "663"), blocks.length === 0)) return stryMutAct_9fa48("664") ? "" : (stryCov_9fa48("664"), 'empty');
    let previous = null as ReturnType<typeof decimal> | null;
    for (const [i, block] of blocks.entries()) {
      if (stryMutAct_9fa48("665")) {
        {}
      } else {
        stryCov_9fa48("665");
        const last = stryMutAct_9fa48("668") ? i !== blocks.length - 1 : stryMutAct_9fa48("667") ? false : stryMutAct_9fa48("666") ? true : (stryCov_9fa48("666", "667", "668"), i === (stryMutAct_9fa48("669") ? blocks.length + 1 : (stryCov_9fa48("669"), blocks.length - 1)));
        let price: ReturnType<typeof decimal>;
        try {
          if (stryMutAct_9fa48("670")) {
            {}
          } else {
            stryCov_9fa48("670");
            price = decimal(block.price);
          }
        } catch {
          if (stryMutAct_9fa48("671")) {
            {}
          } else {
            stryCov_9fa48("671");
            return stryMutAct_9fa48("672") ? "" : (stryCov_9fa48("672"), 'not_a_number');
          }
        }
        if (stryMutAct_9fa48("674") ? false : stryMutAct_9fa48("673") ? true : (stryCov_9fa48("673", "674"), price.isNegative())) return stryMutAct_9fa48("675") ? "" : (stryCov_9fa48("675"), 'negative_price');
        if (stryMutAct_9fa48("678") ? block.upTo !== null : stryMutAct_9fa48("677") ? false : stryMutAct_9fa48("676") ? true : (stryCov_9fa48("676", "677", "678"), block.upTo === null)) {
          if (stryMutAct_9fa48("679")) {
            {}
          } else {
            stryCov_9fa48("679");
            if (stryMutAct_9fa48("682") ? false : stryMutAct_9fa48("681") ? true : stryMutAct_9fa48("680") ? last : (stryCov_9fa48("680", "681", "682"), !last)) return stryMutAct_9fa48("683") ? "" : (stryCov_9fa48("683"), 'open_block_not_last');
            continue;
          }
        }
        if (stryMutAct_9fa48("685") ? false : stryMutAct_9fa48("684") ? true : (stryCov_9fa48("684", "685"), last)) return stryMutAct_9fa48("686") ? "" : (stryCov_9fa48("686"), 'last_block_not_open');
        let bound: ReturnType<typeof decimal>;
        try {
          if (stryMutAct_9fa48("687")) {
            {}
          } else {
            stryCov_9fa48("687");
            bound = decimal(block.upTo);
          }
        } catch {
          if (stryMutAct_9fa48("688")) {
            {}
          } else {
            stryCov_9fa48("688");
            return stryMutAct_9fa48("689") ? "" : (stryCov_9fa48("689"), 'not_a_number');
          }
        }
        if (stryMutAct_9fa48("692") ? !bound.isPositive() && bound.isZero() : stryMutAct_9fa48("691") ? false : stryMutAct_9fa48("690") ? true : (stryCov_9fa48("690", "691", "692"), (stryMutAct_9fa48("693") ? bound.isPositive() : (stryCov_9fa48("693"), !bound.isPositive())) || bound.isZero())) return stryMutAct_9fa48("694") ? "" : (stryCov_9fa48("694"), 'bound_not_positive');
        if (stryMutAct_9fa48("697") ? previous || !bound.gt(previous) : stryMutAct_9fa48("696") ? false : stryMutAct_9fa48("695") ? true : (stryCov_9fa48("695", "696", "697"), previous && (stryMutAct_9fa48("698") ? bound.gt(previous) : (stryCov_9fa48("698"), !bound.gt(previous))))) return stryMutAct_9fa48("699") ? "" : (stryCov_9fa48("699"), 'bounds_not_increasing');
        previous = bound;
      }
    }
    return null;
  }
}

/** Blocks of a flat price: one open block. */
export function flatBlocks(price: string): Block[] {
  if (stryMutAct_9fa48("700")) {
    {}
  } else {
    stryCov_9fa48("700");
    return stryMutAct_9fa48("701") ? [] : (stryCov_9fa48("701"), [stryMutAct_9fa48("702") ? {} : (stryCov_9fa48("702"), {
      upTo: null,
      price
    })]);
  }
}

// ---------------------------------------------------------------------------------------------
// Which setting applies

function isLocalDate(text: string): boolean {
  if (stryMutAct_9fa48("703")) {
    {}
  } else {
    stryCov_9fa48("703");
    return (stryMutAct_9fa48("713") ? /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[^01])$/ : stryMutAct_9fa48("712") ? /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\D|3[01])$/ : stryMutAct_9fa48("711") ? /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[^12]\d|3[01])$/ : stryMutAct_9fa48("710") ? /^\d{4}-(0[1-9]|1[0-2])-(0[^1-9]|[12]\d|3[01])$/ : stryMutAct_9fa48("709") ? /^\d{4}-(0[1-9]|1[^0-2])-(0[1-9]|[12]\d|3[01])$/ : stryMutAct_9fa48("708") ? /^\d{4}-(0[^1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ : stryMutAct_9fa48("707") ? /^\D{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ : stryMutAct_9fa48("706") ? /^\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ : stryMutAct_9fa48("705") ? /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/ : stryMutAct_9fa48("704") ? /\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ : (stryCov_9fa48("704", "705", "706", "707", "708", "709", "710", "711", "712", "713"), /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)).test(text);
  }
}

/**
 * The setting of one kind in force on `day` ('YYYY-MM-DD'): the latest dated on or before it, or
 * the earliest of all when the day comes before every setting (the first covers the whole history).
 * Settings with the same date: the later in the list wins (the store passes them in entry order).
 */
export function settingInForce<K extends SettingKind>(settings: readonly TariffSetting[], kind: K, day: string): Extract<TariffSetting, {
  kind: K;
}> | null {
  if (stryMutAct_9fa48("714")) {
    {}
  } else {
    stryCov_9fa48("714");
    if (stryMutAct_9fa48("717") ? false : stryMutAct_9fa48("716") ? true : stryMutAct_9fa48("715") ? isLocalDate(day) : (stryCov_9fa48("715", "716", "717"), !isLocalDate(day))) throw new RangeError(stryMutAct_9fa48("718") ? `` : (stryCov_9fa48("718"), `Not a date (YYYY-MM-DD): ${JSON.stringify(day)}`));
    let inForce: Extract<TariffSetting, {
      kind: K;
    }> | null = null;
    let earliest: Extract<TariffSetting, {
      kind: K;
    }> | null = null;
    for (const setting of settings) {
      if (stryMutAct_9fa48("719")) {
        {}
      } else {
        stryCov_9fa48("719");
        if (stryMutAct_9fa48("722") ? setting.kind === kind : stryMutAct_9fa48("721") ? false : stryMutAct_9fa48("720") ? true : (stryCov_9fa48("720", "721", "722"), setting.kind !== kind)) continue;
        if (stryMutAct_9fa48("725") ? false : stryMutAct_9fa48("724") ? true : stryMutAct_9fa48("723") ? isLocalDate(setting.from) : (stryCov_9fa48("723", "724", "725"), !isLocalDate(setting.from))) {
          if (stryMutAct_9fa48("726")) {
            {}
          } else {
            stryCov_9fa48("726");
            throw new RangeError(stryMutAct_9fa48("727") ? `` : (stryCov_9fa48("727"), `Not a date (YYYY-MM-DD): ${JSON.stringify(setting.from)}`));
          }
        }
        const candidate = setting as Extract<TariffSetting, {
          kind: K;
        }>;
        if (stryMutAct_9fa48("730") ? !earliest && candidate.from <= earliest.from : stryMutAct_9fa48("729") ? false : stryMutAct_9fa48("728") ? true : (stryCov_9fa48("728", "729", "730"), (stryMutAct_9fa48("731") ? earliest : (stryCov_9fa48("731"), !earliest)) || (stryMutAct_9fa48("734") ? candidate.from > earliest.from : stryMutAct_9fa48("733") ? candidate.from < earliest.from : stryMutAct_9fa48("732") ? false : (stryCov_9fa48("732", "733", "734"), candidate.from <= earliest.from)))) earliest = candidate;
        if (stryMutAct_9fa48("737") ? candidate.from <= day || !inForce || candidate.from >= inForce.from : stryMutAct_9fa48("736") ? false : stryMutAct_9fa48("735") ? true : (stryCov_9fa48("735", "736", "737"), (stryMutAct_9fa48("740") ? candidate.from > day : stryMutAct_9fa48("739") ? candidate.from < day : stryMutAct_9fa48("738") ? true : (stryCov_9fa48("738", "739", "740"), candidate.from <= day)) && (stryMutAct_9fa48("742") ? !inForce && candidate.from >= inForce.from : stryMutAct_9fa48("741") ? true : (stryCov_9fa48("741", "742"), (stryMutAct_9fa48("743") ? inForce : (stryCov_9fa48("743"), !inForce)) || (stryMutAct_9fa48("746") ? candidate.from < inForce.from : stryMutAct_9fa48("745") ? candidate.from > inForce.from : stryMutAct_9fa48("744") ? false : (stryCov_9fa48("744", "745", "746"), candidate.from >= inForce.from)))))) inForce = candidate;
      }
    }
    return stryMutAct_9fa48("747") ? inForce && earliest : (stryCov_9fa48("747"), inForce ?? earliest);
  }
}

/**
 * The tariff of a period whose last day is `lastDay` ('YYYY-MM-DD', local), or null when the
 * meter has no rate setting (nothing to price units with).
 */
export function resolveTariff(settings: readonly TariffSetting[], lastDay: string): Tariff | null {
  if (stryMutAct_9fa48("748")) {
    {}
  } else {
    stryCov_9fa48("748");
    const rate = settingInForce(settings, stryMutAct_9fa48("749") ? "" : (stryCov_9fa48("749"), 'rate'), lastDay);
    if (stryMutAct_9fa48("752") ? false : stryMutAct_9fa48("751") ? true : stryMutAct_9fa48("750") ? rate : (stryCov_9fa48("750", "751", "752"), !rate)) return null;
    const edition = (stryMutAct_9fa48("755") ? rate.rate.type !== 'preset' : stryMutAct_9fa48("754") ? false : stryMutAct_9fa48("753") ? true : (stryCov_9fa48("753", "754", "755"), rate.rate.type === (stryMutAct_9fa48("756") ? "" : (stryCov_9fa48("756"), 'preset')))) ? presetEditionOn(billingPreset(rate.rate.preset), lastDay) : null;
    const blocks = (stryMutAct_9fa48("759") ? rate.rate.type !== 'preset' : stryMutAct_9fa48("758") ? false : stryMutAct_9fa48("757") ? true : (stryCov_9fa48("757", "758", "759"), rate.rate.type === (stryMutAct_9fa48("760") ? "" : (stryCov_9fa48("760"), 'preset')))) ? edition!.blocks : (stryMutAct_9fa48("763") ? rate.rate.type !== 'flat' : stryMutAct_9fa48("762") ? false : stryMutAct_9fa48("761") ? true : (stryCov_9fa48("761", "762", "763"), rate.rate.type === (stryMutAct_9fa48("764") ? "" : (stryCov_9fa48("764"), 'flat')))) ? flatBlocks(rate.rate.price) : rate.rate.blocks;
    const problem = blocksProblem(blocks);
    if (stryMutAct_9fa48("766") ? false : stryMutAct_9fa48("765") ? true : (stryCov_9fa48("765", "766"), problem)) throw new RangeError(stryMutAct_9fa48("767") ? `` : (stryCov_9fa48("767"), `Invalid tariff blocks: ${problem}`));
    const service = settingInForce(settings, stryMutAct_9fa48("768") ? "" : (stryCov_9fa48("768"), 'service'), lastDay);
    const minimum = settingInForce(settings, stryMutAct_9fa48("769") ? "" : (stryCov_9fa48("769"), 'minimum'), lastDay);
    const adjustment = settingInForce(settings, stryMutAct_9fa48("770") ? "" : (stryCov_9fa48("770"), 'adjustment'), lastDay);
    const vat = settingInForce(settings, stryMutAct_9fa48("771") ? "" : (stryCov_9fa48("771"), 'vat'), lastDay);
    return stryMutAct_9fa48("772") ? {} : (stryCov_9fa48("772"), {
      blocks,
      serviceCharge: stryMutAct_9fa48("773") ? (service?.amount ?? edition?.serviceCharge) && '0' : (stryCov_9fa48("773"), (stryMutAct_9fa48("774") ? service?.amount && edition?.serviceCharge : (stryCov_9fa48("774"), (stryMutAct_9fa48("775") ? service.amount : (stryCov_9fa48("775"), service?.amount)) ?? (stryMutAct_9fa48("776") ? edition.serviceCharge : (stryCov_9fa48("776"), edition?.serviceCharge)))) ?? (stryMutAct_9fa48("777") ? "" : (stryCov_9fa48("777"), '0'))),
      minimumCharge: stryMutAct_9fa48("778") ? (minimum?.amount ?? edition?.minimumCharge) && '0' : (stryCov_9fa48("778"), (stryMutAct_9fa48("779") ? minimum?.amount && edition?.minimumCharge : (stryCov_9fa48("779"), (stryMutAct_9fa48("780") ? minimum.amount : (stryCov_9fa48("780"), minimum?.amount)) ?? (stryMutAct_9fa48("781") ? edition.minimumCharge : (stryCov_9fa48("781"), edition?.minimumCharge)))) ?? (stryMutAct_9fa48("782") ? "" : (stryCov_9fa48("782"), '0'))),
      adjustmentPerUnit: stryMutAct_9fa48("783") ? adjustment?.perUnit && '0' : (stryCov_9fa48("783"), (stryMutAct_9fa48("784") ? adjustment.perUnit : (stryCov_9fa48("784"), adjustment?.perUnit)) ?? (stryMutAct_9fa48("785") ? "" : (stryCov_9fa48("785"), '0'))),
      vatPercent: stryMutAct_9fa48("786") ? (vat?.percent ?? edition?.vatPercent) && '0' : (stryCov_9fa48("786"), (stryMutAct_9fa48("787") ? vat?.percent && edition?.vatPercent : (stryCov_9fa48("787"), (stryMutAct_9fa48("788") ? vat.percent : (stryCov_9fa48("788"), vat?.percent)) ?? (stryMutAct_9fa48("789") ? edition.vatPercent : (stryCov_9fa48("789"), edition?.vatPercent)))) ?? (stryMutAct_9fa48("790") ? "" : (stryCov_9fa48("790"), '0'))),
      preset: (stryMutAct_9fa48("793") ? rate.rate.type !== 'preset' : stryMutAct_9fa48("792") ? false : stryMutAct_9fa48("791") ? true : (stryCov_9fa48("791", "792", "793"), rate.rate.type === (stryMutAct_9fa48("794") ? "" : (stryCov_9fa48("794"), 'preset')))) ? rate.rate.preset : null
    });
  }
}