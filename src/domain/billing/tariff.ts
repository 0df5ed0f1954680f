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

import { decimal } from './money';
import { type BillingPresetId, billingPreset, presetEditionOn } from './presets';

/** One block of a progressive tariff: units above the previous block's bound, up to `upTo`. */
export interface Block {
  /** Cumulative upper bound of the block in units ("150"), or null for the last, open block. */
  upTo: string | null;
  /** Baht per unit inside the block. */
  price: string;
}

export type RateSetting =
  | { type: 'preset'; preset: BillingPresetId }
  | { type: 'flat'; price: string }
  | { type: 'blocks'; blocks: readonly Block[] };

/** `from` is a local calendar date 'YYYY-MM-DD' in the meter's time zone. */
export type TariffSetting =
  | { kind: 'rate'; from: string; rate: RateSetting }
  | { kind: 'service'; from: string; amount: string }
  | { kind: 'minimum'; from: string; amount: string }
  | { kind: 'adjustment'; from: string; perUnit: string }
  | { kind: 'vat'; from: string; percent: string };

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

export type BlocksProblem =
  | 'empty'
  | 'not_a_number'
  | 'bound_not_positive'
  | 'bounds_not_increasing'
  | 'last_block_not_open'
  | 'open_block_not_last'
  | 'negative_price';

/**
 * What is wrong with a list of blocks, or null when it is a valid tariff: bounds positive and
 * strictly increasing, only the last block open (upTo null), prices not negative.
 */
export function blocksProblem(blocks: readonly Block[]): BlocksProblem | null {
  if (blocks.length === 0) return 'empty';
  let previous = null as ReturnType<typeof decimal> | null;
  for (const [i, block] of blocks.entries()) {
    const last = i === blocks.length - 1;
    let price: ReturnType<typeof decimal>;
    try {
      price = decimal(block.price);
    } catch {
      return 'not_a_number';
    }
    if (price.isNegative()) return 'negative_price';
    if (block.upTo === null) {
      if (!last) return 'open_block_not_last';
      continue;
    }
    if (last) return 'last_block_not_open';
    let bound: ReturnType<typeof decimal>;
    try {
      bound = decimal(block.upTo);
    } catch {
      return 'not_a_number';
    }
    if (!bound.isPositive() || bound.isZero()) return 'bound_not_positive';
    if (previous && !bound.gt(previous)) return 'bounds_not_increasing';
    previous = bound;
  }
  return null;
}

/** Blocks of a flat price: one open block. */
export function flatBlocks(price: string): Block[] {
  return [{ upTo: null, price }];
}

// ---------------------------------------------------------------------------------------------
// Which setting applies

function isLocalDate(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text);
}

/**
 * The setting of one kind in force on `day` ('YYYY-MM-DD'): the latest dated on or before it, or
 * the earliest of all when the day comes before every setting (the first covers the whole history).
 * Settings with the same date: the later in the list wins (the store passes them in entry order).
 */
export function settingInForce<K extends SettingKind>(
  settings: readonly TariffSetting[],
  kind: K,
  day: string,
): Extract<TariffSetting, { kind: K }> | null {
  if (!isLocalDate(day)) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  let inForce: Extract<TariffSetting, { kind: K }> | null = null;
  let earliest: Extract<TariffSetting, { kind: K }> | null = null;
  for (const setting of settings) {
    if (setting.kind !== kind) continue;
    if (!isLocalDate(setting.from)) {
      throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(setting.from)}`);
    }
    const candidate = setting as Extract<TariffSetting, { kind: K }>;
    if (!earliest || candidate.from <= earliest.from) earliest = candidate;
    if (candidate.from <= day && (!inForce || candidate.from >= inForce.from)) inForce = candidate;
  }
  return inForce ?? earliest;
}

/**
 * The tariff of a period whose last day is `lastDay` ('YYYY-MM-DD', local), or null when the
 * meter has no rate setting (nothing to price units with).
 */
export function resolveTariff(settings: readonly TariffSetting[], lastDay: string): Tariff | null {
  const rate = settingInForce(settings, 'rate', lastDay);
  if (!rate) return null;
  const edition =
    rate.rate.type === 'preset' ? presetEditionOn(billingPreset(rate.rate.preset), lastDay) : null;
  const blocks =
    rate.rate.type === 'preset'
      ? edition!.blocks
      : rate.rate.type === 'flat'
        ? flatBlocks(rate.rate.price)
        : rate.rate.blocks;
  const problem = blocksProblem(blocks);
  if (problem) throw new RangeError(`Invalid tariff blocks: ${problem}`);
  const service = settingInForce(settings, 'service', lastDay);
  const minimum = settingInForce(settings, 'minimum', lastDay);
  const adjustment = settingInForce(settings, 'adjustment', lastDay);
  const vat = settingInForce(settings, 'vat', lastDay);
  return {
    blocks,
    serviceCharge: service?.amount ?? edition?.serviceCharge ?? '0',
    minimumCharge: minimum?.amount ?? edition?.minimumCharge ?? '0',
    adjustmentPerUnit: adjustment?.perUnit ?? '0',
    vatPercent: vat?.percent ?? edition?.vatPercent ?? '0',
    preset: rate.rate.type === 'preset' ? rate.rate.preset : null,
  };
}
