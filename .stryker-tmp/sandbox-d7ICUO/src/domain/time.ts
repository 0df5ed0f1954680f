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
import { DateTime } from 'luxon';
import type { TimeSpec } from './commands';

/** A reading backdated to a day without a time is taken to be from noon that day. */
export const DEFAULT_TIME_OF_DAY = stryMutAct_9fa48("795") ? "" : (stryCov_9fa48("795"), '12:00');

/**
 * The instant a reading was taken, from what the person wrote, in their meter's time zone.
 * No time given: `now` (when LINE says the message was sent). A day without a time: noon.
 * `@ 08:00` alone: today at 08:00. Never validates the future: that is the validator's call.
 */
export function resolveTakenAt(spec: TimeSpec | undefined, zone: string, now: Date): Date {
  if (stryMutAct_9fa48("796")) {
    {}
  } else {
    stryCov_9fa48("796");
    if (stryMutAct_9fa48("799") ? false : stryMutAct_9fa48("798") ? true : stryMutAct_9fa48("797") ? spec : (stryCov_9fa48("797", "798", "799"), !spec)) return now;
    const today = DateTime.fromJSDate(now, stryMutAct_9fa48("800") ? {} : (stryCov_9fa48("800"), {
      zone
    })).startOf(stryMutAct_9fa48("801") ? "" : (stryCov_9fa48("801"), 'day'));
    const day = (stryMutAct_9fa48("804") ? spec.kind !== 'date' : stryMutAct_9fa48("803") ? false : stryMutAct_9fa48("802") ? true : (stryCov_9fa48("802", "803", "804"), spec.kind === (stryMutAct_9fa48("805") ? "" : (stryCov_9fa48("805"), 'date')))) ? DateTime.fromISO(spec.date, stryMutAct_9fa48("806") ? {} : (stryCov_9fa48("806"), {
      zone
    })) : today.minus(stryMutAct_9fa48("807") ? {} : (stryCov_9fa48("807"), {
      days: spec.days
    }));
    const [hour, minute] = (spec.time ?? DEFAULT_TIME_OF_DAY).split(':').map(Number) as [number, number];
    return day.set(stryMutAct_9fa48("808") ? {} : (stryCov_9fa48("808"), {
      hour,
      minute,
      second: 0,
      millisecond: 0
    })).toJSDate();
  }
}