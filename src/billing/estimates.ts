// Billing figures of one meter, read in the caller's transaction (so row-level security applies):
// its dated tariff settings, billing cycle, the readings the usage engine needs around the
// periods' boundaries, and the paid bills. The arithmetic is the pure domain/billing code.

import type { Tx } from '../db/client';
import { billOverview, estimatePeriods, type PeriodEstimate } from '../domain/billing/estimate';
import {
  addPeriods,
  type BillingCycle,
  periodContaining,
  periodGrid,
} from '../domain/billing/periods';
import type { TariffSetting } from '../domain/billing/tariff';
import { loadPaidBills, loadTariffSettings } from '../store/billing';
import type { Source } from '../store/meters';
import { loadProbePoints } from '../store/usage';

export type BillingSource = Pick<Source, 'id' | 'kind' | 'digits' | 'timezone' | 'billDay'>;

export const cycleOf = (source: BillingSource): BillingCycle => ({
  timezone: source.timezone,
  billingDay: source.billDay,
});

export interface MeterBilling {
  settings: TariffSetting[];
  cycle: BillingCycle;
}

/** Estimates for the periods `from` through `to` ('YYYY-MM'), with what was paid for each. */
export async function periodEstimates(
  tx: Tx,
  source: BillingSource,
  range: { from: string; to: string; now: Date },
): Promise<{ estimates: PeriodEstimate[]; paid: Map<string, string>; settings: TariffSetting[] }> {
  const settings = await loadTariffSettings(tx, source.id);
  const cycle = cycleOf(source);
  const { boundaries, labels } = periodGrid(cycle, range.from, range.to);
  const points = await loadProbePoints(tx, source.id, boundaries);
  const estimates = estimatePeriods({
    source,
    cycle,
    points,
    settings,
    from: range.from,
    to: range.to,
    now: range.now,
  });
  const paid = await loadPaidBills(tx, source.id, labels);
  return { estimates, paid, settings };
}

/** The current period and the `previousCount` before it, with what was paid for each. */
export async function currentBills(
  tx: Tx,
  source: BillingSource,
  now: Date,
  previousCount: number,
): Promise<{
  current: PeriodEstimate;
  previous: PeriodEstimate[];
  paid: Map<string, string>;
  settings: TariffSetting[];
}> {
  const settings = await loadTariffSettings(tx, source.id);
  const cycle = cycleOf(source);
  const to = periodContaining(cycle, now).label;
  const { boundaries, labels } = periodGrid(cycle, addPeriods(to, -previousCount), to);
  const points = await loadProbePoints(tx, source.id, boundaries);
  const overview = billOverview({ source, cycle, points, settings, now, previousCount });
  const paid = await loadPaidBills(tx, source.id, labels);
  return { ...overview, paid, settings };
}
