/**
 * Use and estimated bills per billing period, from the usage engine (the same continuous series,
 * rollovers, replacements, interpolated boundaries, statuses and projection as the monthly usage)
 * and the meter's dated tariff settings. Pure: the store passes the readings, settings and `now`.
 *
 * The tariff is applied to each period's own use, never to the sum of calendar-month slices:
 * block tariffs are not linear.
 */

import type { MonthStatus, ReadingPoint } from '../types';
import { type CumulativeSource, periodUsage } from '../usage';
import { type Bill, computeBill } from './bill';
import { decimal, money } from './money';
import {
  addPeriods,
  type BillingCycle,
  type BillingPeriod,
  periodContaining,
  periodGrid,
  periodsBetween,
} from './periods';
import { resolveTariff, type Tariff, type TariffSetting } from './tariff';

export interface PeriodEstimate {
  period: BillingPeriod;
  /** measured / interpolated / partial / projected / none, as the usage engine labels it. */
  status: MonthStatus;
  /** Use inside the period (to date for the current period); null without data. */
  usage: string | null;
  /** The whole current period's use, projected from the recent rate; null otherwise. */
  projectedUsage: string | null;
  /** Days of the period the use covers (may be fractional). */
  coveredDays: number;
  /** The tariff of the period, or null when the meter has no price yet. */
  tariff: Tariff | null;
  /** The bill for `usage` (for the current period: the use so far). */
  bill: Bill | null;
  /** The bill for `projectedUsage`: the estimate of the current period's bill. */
  projectedBill: Bill | null;
}

export interface PeriodEstimatesInput {
  source: CumulativeSource;
  cycle: BillingCycle;
  points: readonly ReadingPoint[];
  settings: readonly TariffSetting[];
  /** First and last period labels ('YYYY-MM'), inclusive. */
  from: string;
  to: string;
  now: Date;
}

/** One estimate per period from `from` through `to`, oldest first. */
export function estimatePeriods(input: PeriodEstimatesInput): PeriodEstimate[] {
  if (input.cycle.timezone !== input.source.timezone) {
    throw new RangeError('The billing cycle and the meter must share one time zone');
  }
  const periods = periodsBetween(input.cycle, input.from, input.to);
  const figures = periodUsage({
    source: input.source,
    points: input.points,
    periods: periodGrid(input.cycle, input.from, input.to),
    now: input.now,
  });
  return periods.map((period, k) => {
    const figure = figures[k]!;
    const tariff = resolveTariff(input.settings, period.lastDay);
    return {
      period,
      status: figure.status,
      usage: figure.usage,
      projectedUsage: figure.projected,
      coveredDays: figure.coveredDays,
      tariff,
      bill: tariff && figure.usage !== null ? computeBill(tariff, figure.usage) : null,
      projectedBill:
        tariff && figure.projected !== null ? computeBill(tariff, figure.projected) : null,
    };
  });
}

export interface BillOverviewInput extends Omit<PeriodEstimatesInput, 'from' | 'to'> {
  /** How many periods before the current one to include. */
  previousCount: number;
}

/** What `bill meter 1` shows: the period holding `now`, and the `previousCount` before it. */
export function billOverview(input: BillOverviewInput): {
  current: PeriodEstimate;
  previous: PeriodEstimate[];
} {
  if (!Number.isInteger(input.previousCount) || input.previousCount < 0) {
    throw new RangeError(`previousCount must be a whole number >= 0, not ${input.previousCount}`);
  }
  const to = periodContaining(input.cycle, input.now).label;
  const from = addPeriods(to, -input.previousCount);
  const estimates = estimatePeriods({ ...input, from, to });
  return { current: estimates[estimates.length - 1]!, previous: estimates.slice(0, -1) };
}

/** A paid bill against the estimate: paid − estimated, in baht ("+12.30" means paid more). */
export function paidDifference(estimatedTotal: string, paidTotal: string): string {
  const difference = money(decimal(paidTotal).minus(decimal(estimatedTotal)));
  return difference.startsWith('-') || difference === '0.00' ? difference : `+${difference}`;
}
