/**
 * `alert meter 1 over 400`: what to tell after a check of the current billing period.
 * Pure: the caller passes the period's figures and the state saved after the previous check, and
 * saves the returned state (per person and meter) once the alerts are sent.
 *
 * - Projected use over the threshold: told once per period, the first time the projection is above
 *   it; a projection that dips and rises again in the same period is not told twice (no flapping).
 * - A more expensive block: told when the use so far lies in a higher block than at the previous
 *   check of the same period and that block's price is higher than the previous block's. A new
 *   period (or no previous state) starts from the first block, so reaching block 3 at the first
 *   check of a period is told once, naming block 3 only.
 */
import { blockIndexOf } from './bill';
import { decimal } from './money';
import type { Block } from './tariff';

export interface AlertState {
  /** The billing period label the state belongs to. */
  period: string;
  /** The projected-use alert was told in this period. */
  projectedAlerted: boolean;
  /** The block the use so far had reached at the last check. */
  blockIndex: number;
}

export type Alert =
  | { kind: 'projected_over'; threshold: string; projected: string }
  | {
      kind: 'entered_block';
      blockIndex: number;
      /** Units above this bound are priced at `price`. */
      above: string;
      price: string;
      previousPrice: string;
    };

export interface AlertCheckInput {
  /** The current period's label. */
  period: string;
  /** `alert ... over N`, or null when only block alerts are wanted. */
  threshold: string | null;
  /** Use so far in the period (null without data). */
  usage: string | null;
  /** The period's projected use (null when it cannot be projected). */
  projected: string | null;
  /** The period's blocks, or null when the meter has no tariff (no block alerts). */
  blocks: readonly Block[] | null;
  previous: AlertState | null;
}

export interface AlertCheck {
  alerts: Alert[];
  state: AlertState;
}

export function checkAlerts(input: AlertCheckInput): AlertCheck {
  const previous =
    input.previous && input.previous.period === input.period
      ? input.previous
      : { period: input.period, projectedAlerted: false, blockIndex: 0 };
  const alerts: Alert[] = [];

  let projectedAlerted = previous.projectedAlerted;
  if (
    !projectedAlerted &&
    input.threshold !== null &&
    input.projected !== null &&
    decimal(input.projected).gt(decimal(input.threshold))
  ) {
    alerts.push({ kind: 'projected_over', threshold: input.threshold, projected: input.projected });
    projectedAlerted = true;
  }

  let blockIndex = previous.blockIndex;
  if (input.blocks && input.usage !== null) {
    const current = blockIndexOf(input.blocks, input.usage);
    // `current` is a block of this tariff, so a mark below it is one too (even if the tariff
    // changed to fewer blocks since the mark was saved).
    if (current > previous.blockIndex) {
      const price = input.blocks[current]!.price;
      const previousPrice = input.blocks[previous.blockIndex]!.price;
      if (decimal(price).gt(decimal(previousPrice))) {
        alerts.push({
          kind: 'entered_block',
          blockIndex: current,
          above: input.blocks[current - 1]!.upTo!,
          price,
          previousPrice,
        });
      }
    }
    // Never lower the mark: a correction that lowers the use must not re-arm the same alert.
    blockIndex = Math.max(current, previous.blockIndex);
  }
  return { alerts, state: { period: input.period, projectedAlerted, blockIndex } };
}
