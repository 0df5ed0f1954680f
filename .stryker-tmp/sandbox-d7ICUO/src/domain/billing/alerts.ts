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
export type Alert = {
  kind: 'projected_over';
  threshold: string;
  projected: string;
} | {
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
  if (stryMutAct_9fa48("151")) {
    {}
  } else {
    stryCov_9fa48("151");
    const previous = (stryMutAct_9fa48("154") ? input.previous || input.previous.period === input.period : stryMutAct_9fa48("153") ? false : stryMutAct_9fa48("152") ? true : (stryCov_9fa48("152", "153", "154"), input.previous && (stryMutAct_9fa48("156") ? input.previous.period !== input.period : stryMutAct_9fa48("155") ? true : (stryCov_9fa48("155", "156"), input.previous.period === input.period)))) ? input.previous : stryMutAct_9fa48("157") ? {} : (stryCov_9fa48("157"), {
      period: input.period,
      projectedAlerted: stryMutAct_9fa48("158") ? true : (stryCov_9fa48("158"), false),
      blockIndex: 0
    });
    const alerts: Alert[] = stryMutAct_9fa48("159") ? ["Stryker was here"] : (stryCov_9fa48("159"), []);
    let projectedAlerted = previous.projectedAlerted;
    if (stryMutAct_9fa48("162") ? !projectedAlerted && input.threshold !== null && input.projected !== null || decimal(input.projected).gt(decimal(input.threshold)) : stryMutAct_9fa48("161") ? false : stryMutAct_9fa48("160") ? true : (stryCov_9fa48("160", "161", "162"), (stryMutAct_9fa48("164") ? !projectedAlerted && input.threshold !== null || input.projected !== null : stryMutAct_9fa48("163") ? true : (stryCov_9fa48("163", "164"), (stryMutAct_9fa48("166") ? !projectedAlerted || input.threshold !== null : stryMutAct_9fa48("165") ? true : (stryCov_9fa48("165", "166"), (stryMutAct_9fa48("167") ? projectedAlerted : (stryCov_9fa48("167"), !projectedAlerted)) && (stryMutAct_9fa48("169") ? input.threshold === null : stryMutAct_9fa48("168") ? true : (stryCov_9fa48("168", "169"), input.threshold !== null)))) && (stryMutAct_9fa48("171") ? input.projected === null : stryMutAct_9fa48("170") ? true : (stryCov_9fa48("170", "171"), input.projected !== null)))) && decimal(input.projected).gt(decimal(input.threshold)))) {
      if (stryMutAct_9fa48("172")) {
        {}
      } else {
        stryCov_9fa48("172");
        alerts.push(stryMutAct_9fa48("173") ? {} : (stryCov_9fa48("173"), {
          kind: stryMutAct_9fa48("174") ? "" : (stryCov_9fa48("174"), 'projected_over'),
          threshold: input.threshold,
          projected: input.projected
        }));
        projectedAlerted = stryMutAct_9fa48("175") ? false : (stryCov_9fa48("175"), true);
      }
    }
    let blockIndex = previous.blockIndex;
    if (stryMutAct_9fa48("178") ? input.blocks || input.usage !== null : stryMutAct_9fa48("177") ? false : stryMutAct_9fa48("176") ? true : (stryCov_9fa48("176", "177", "178"), input.blocks && (stryMutAct_9fa48("180") ? input.usage === null : stryMutAct_9fa48("179") ? true : (stryCov_9fa48("179", "180"), input.usage !== null)))) {
      if (stryMutAct_9fa48("181")) {
        {}
      } else {
        stryCov_9fa48("181");
        const current = blockIndexOf(input.blocks, input.usage);
        const from = stryMutAct_9fa48("182") ? Math.max(previous.blockIndex, input.blocks.length - 1) : (stryCov_9fa48("182"), Math.min(previous.blockIndex, stryMutAct_9fa48("183") ? input.blocks.length + 1 : (stryCov_9fa48("183"), input.blocks.length - 1)));
        if (stryMutAct_9fa48("187") ? current <= from : stryMutAct_9fa48("186") ? current >= from : stryMutAct_9fa48("185") ? false : stryMutAct_9fa48("184") ? true : (stryCov_9fa48("184", "185", "186", "187"), current > from)) {
          if (stryMutAct_9fa48("188")) {
            {}
          } else {
            stryCov_9fa48("188");
            const price = input.blocks[current]!.price;
            const previousPrice = input.blocks[from]!.price;
            if (stryMutAct_9fa48("190") ? false : stryMutAct_9fa48("189") ? true : (stryCov_9fa48("189", "190"), decimal(price).gt(decimal(previousPrice)))) {
              if (stryMutAct_9fa48("191")) {
                {}
              } else {
                stryCov_9fa48("191");
                alerts.push(stryMutAct_9fa48("192") ? {} : (stryCov_9fa48("192"), {
                  kind: stryMutAct_9fa48("193") ? "" : (stryCov_9fa48("193"), 'entered_block'),
                  blockIndex: current,
                  above: input.blocks[stryMutAct_9fa48("194") ? current + 1 : (stryCov_9fa48("194"), current - 1)]!.upTo!,
                  price,
                  previousPrice
                }));
              }
            }
          }
        }
        // Never lower the mark: a correction that lowers the use must not re-arm the same alert.
        blockIndex = stryMutAct_9fa48("195") ? Math.min(current, previous.blockIndex) : (stryCov_9fa48("195"), Math.max(current, previous.blockIndex));
      }
    }
    return stryMutAct_9fa48("196") ? {} : (stryCov_9fa48("196"), {
      alerts,
      state: stryMutAct_9fa48("197") ? {} : (stryCov_9fa48("197"), {
        period: input.period,
        projectedAlerted,
        blockIndex
      })
    });
  }
}