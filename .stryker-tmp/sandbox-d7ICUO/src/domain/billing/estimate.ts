/**
 * Use and estimated bills per billing period, from the usage engine (the same continuous series,
 * rollovers, replacements, interpolated boundaries, statuses and projection as the monthly usage)
 * and the meter's dated tariff settings. Pure: the store passes the readings, settings and `now`.
 *
 * The tariff is applied to each period's own use, never to the sum of calendar-month slices:
 * block tariffs are not linear.
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
import type { MonthStatus, ReadingPoint } from '../types';
import { type CumulativeSource, periodUsage } from '../usage';
import { type Bill, computeBill } from './bill';
import { decimal, money } from './money';
import { addPeriods, type BillingCycle, type BillingPeriod, periodContaining, periodGrid, periodsBetween } from './periods';
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
  if (stryMutAct_9fa48("252")) {
    {}
  } else {
    stryCov_9fa48("252");
    if (stryMutAct_9fa48("255") ? input.cycle.timezone === input.source.timezone : stryMutAct_9fa48("254") ? false : stryMutAct_9fa48("253") ? true : (stryCov_9fa48("253", "254", "255"), input.cycle.timezone !== input.source.timezone)) {
      if (stryMutAct_9fa48("256")) {
        {}
      } else {
        stryCov_9fa48("256");
        throw new RangeError(stryMutAct_9fa48("257") ? "" : (stryCov_9fa48("257"), 'The billing cycle and the meter must share one time zone'));
      }
    }
    const periods = periodsBetween(input.cycle, input.from, input.to);
    const figures = periodUsage(stryMutAct_9fa48("258") ? {} : (stryCov_9fa48("258"), {
      source: input.source,
      points: input.points,
      periods: periodGrid(input.cycle, input.from, input.to),
      now: input.now
    }));
    return periods.map((period, k) => {
      if (stryMutAct_9fa48("259")) {
        {}
      } else {
        stryCov_9fa48("259");
        const figure = figures[k]!;
        const tariff = resolveTariff(input.settings, period.lastDay);
        return stryMutAct_9fa48("260") ? {} : (stryCov_9fa48("260"), {
          period,
          status: figure.status,
          usage: figure.usage,
          projectedUsage: figure.projected,
          coveredDays: figure.coveredDays,
          tariff,
          bill: (stryMutAct_9fa48("263") ? tariff || figure.usage !== null : stryMutAct_9fa48("262") ? false : stryMutAct_9fa48("261") ? true : (stryCov_9fa48("261", "262", "263"), tariff && (stryMutAct_9fa48("265") ? figure.usage === null : stryMutAct_9fa48("264") ? true : (stryCov_9fa48("264", "265"), figure.usage !== null)))) ? computeBill(tariff, figure.usage) : null,
          projectedBill: (stryMutAct_9fa48("268") ? tariff || figure.projected !== null : stryMutAct_9fa48("267") ? false : stryMutAct_9fa48("266") ? true : (stryCov_9fa48("266", "267", "268"), tariff && (stryMutAct_9fa48("270") ? figure.projected === null : stryMutAct_9fa48("269") ? true : (stryCov_9fa48("269", "270"), figure.projected !== null)))) ? computeBill(tariff, figure.projected) : null
        });
      }
    });
  }
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
  if (stryMutAct_9fa48("271")) {
    {}
  } else {
    stryCov_9fa48("271");
    if (stryMutAct_9fa48("274") ? !Number.isInteger(input.previousCount) && input.previousCount < 0 : stryMutAct_9fa48("273") ? false : stryMutAct_9fa48("272") ? true : (stryCov_9fa48("272", "273", "274"), (stryMutAct_9fa48("275") ? Number.isInteger(input.previousCount) : (stryCov_9fa48("275"), !Number.isInteger(input.previousCount))) || (stryMutAct_9fa48("278") ? input.previousCount >= 0 : stryMutAct_9fa48("277") ? input.previousCount <= 0 : stryMutAct_9fa48("276") ? false : (stryCov_9fa48("276", "277", "278"), input.previousCount < 0)))) {
      if (stryMutAct_9fa48("279")) {
        {}
      } else {
        stryCov_9fa48("279");
        throw new RangeError(stryMutAct_9fa48("280") ? `` : (stryCov_9fa48("280"), `previousCount must be a whole number >= 0, not ${input.previousCount}`));
      }
    }
    const to = periodContaining(input.cycle, input.now).label;
    const from = addPeriods(to, stryMutAct_9fa48("281") ? +input.previousCount : (stryCov_9fa48("281"), -input.previousCount));
    const estimates = estimatePeriods(stryMutAct_9fa48("282") ? {} : (stryCov_9fa48("282"), {
      ...input,
      from,
      to
    }));
    return stryMutAct_9fa48("283") ? {} : (stryCov_9fa48("283"), {
      current: estimates[stryMutAct_9fa48("284") ? estimates.length + 1 : (stryCov_9fa48("284"), estimates.length - 1)]!,
      previous: stryMutAct_9fa48("285") ? estimates : (stryCov_9fa48("285"), estimates.slice(0, stryMutAct_9fa48("286") ? +1 : (stryCov_9fa48("286"), -1)))
    });
  }
}

/** A paid bill against the estimate: paid − estimated, in baht ("+12.30" means paid more). */
export function paidDifference(estimatedTotal: string, paidTotal: string): string {
  if (stryMutAct_9fa48("287")) {
    {}
  } else {
    stryCov_9fa48("287");
    const difference = money(decimal(paidTotal).minus(decimal(estimatedTotal)));
    return (stryMutAct_9fa48("290") ? difference.startsWith('-') && difference === '0.00' : stryMutAct_9fa48("289") ? false : stryMutAct_9fa48("288") ? true : (stryCov_9fa48("288", "289", "290"), (stryMutAct_9fa48("291") ? difference.endsWith('-') : (stryCov_9fa48("291"), difference.startsWith(stryMutAct_9fa48("292") ? "" : (stryCov_9fa48("292"), '-')))) || (stryMutAct_9fa48("294") ? difference !== '0.00' : stryMutAct_9fa48("293") ? false : (stryCov_9fa48("293", "294"), difference === (stryMutAct_9fa48("295") ? "" : (stryCov_9fa48("295"), '0.00')))))) ? difference : stryMutAct_9fa48("296") ? `` : (stryCov_9fa48("296"), `+${difference}`);
  }
}