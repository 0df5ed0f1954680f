/**
 * The text answer to `usage meter 1` / `usage meter 1 2026-10` (DESIGN §4, §5). Pure: the store
 * supplies the months (src/store/usage.ts), this turns them into a short message in Thai or
 * English. Figures stay decimal strings until they are formatted for display.
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
import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import type { Language, MonthStats, MonthUsage, SourceKind } from './types';

/** The months a report reads: the month itself, the one before, and the same month last year. */
export type ReportFigures = {
  kind: Exclude<SourceKind, 'gauge'>;
  months: readonly MonthUsage[];
} | {
  kind: 'gauge';
  months: readonly MonthStats[];
};
export interface UsageReportInput {
  language: Language;
  meter: {
    name: string;
    unit: string;
  };
  /** The month to report, 'YYYY-MM' in the meter's time zone. */
  month: string;
  /** Should cover usageReportRange(month); months missing from it count as unknown. */
  figures: ReportFigures;
  /** Tells the current month (month to date) from a past month that readings cover in part. */
  now: Date;
}
const Display = Decimal.clone(stryMutAct_9fa48("809") ? {} : (stryCov_9fa48("809"), {
  precision: 80,
  rounding: Decimal.ROUND_HALF_UP
}));
/** Usage, averages and differences are shown to at most this many decimals. */
const SHOWN_DECIMALS = 2;
const MONTH_NAMES: Record<Language, readonly string[]> = stryMutAct_9fa48("810") ? {} : (stryCov_9fa48("810"), {
  en: stryMutAct_9fa48("811") ? [] : (stryCov_9fa48("811"), [stryMutAct_9fa48("812") ? "" : (stryCov_9fa48("812"), 'January'), stryMutAct_9fa48("813") ? "" : (stryCov_9fa48("813"), 'February'), stryMutAct_9fa48("814") ? "" : (stryCov_9fa48("814"), 'March'), stryMutAct_9fa48("815") ? "" : (stryCov_9fa48("815"), 'April'), stryMutAct_9fa48("816") ? "" : (stryCov_9fa48("816"), 'May'), stryMutAct_9fa48("817") ? "" : (stryCov_9fa48("817"), 'June'), stryMutAct_9fa48("818") ? "" : (stryCov_9fa48("818"), 'July'), stryMutAct_9fa48("819") ? "" : (stryCov_9fa48("819"), 'August'), stryMutAct_9fa48("820") ? "" : (stryCov_9fa48("820"), 'September'), stryMutAct_9fa48("821") ? "" : (stryCov_9fa48("821"), 'October'), stryMutAct_9fa48("822") ? "" : (stryCov_9fa48("822"), 'November'), stryMutAct_9fa48("823") ? "" : (stryCov_9fa48("823"), 'December')]),
  th: stryMutAct_9fa48("824") ? [] : (stryCov_9fa48("824"), [stryMutAct_9fa48("825") ? "" : (stryCov_9fa48("825"), 'มกราคม'), stryMutAct_9fa48("826") ? "" : (stryCov_9fa48("826"), 'กุมภาพันธ์'), stryMutAct_9fa48("827") ? "" : (stryCov_9fa48("827"), 'มีนาคม'), stryMutAct_9fa48("828") ? "" : (stryCov_9fa48("828"), 'เมษายน'), stryMutAct_9fa48("829") ? "" : (stryCov_9fa48("829"), 'พฤษภาคม'), stryMutAct_9fa48("830") ? "" : (stryCov_9fa48("830"), 'มิถุนายน'), stryMutAct_9fa48("831") ? "" : (stryCov_9fa48("831"), 'กรกฎาคม'), stryMutAct_9fa48("832") ? "" : (stryCov_9fa48("832"), 'สิงหาคม'), stryMutAct_9fa48("833") ? "" : (stryCov_9fa48("833"), 'กันยายน'), stryMutAct_9fa48("834") ? "" : (stryCov_9fa48("834"), 'ตุลาคม'), stryMutAct_9fa48("835") ? "" : (stryCov_9fa48("835"), 'พฤศจิกายน'), stryMutAct_9fa48("836") ? "" : (stryCov_9fa48("836"), 'ธันวาคม')])
});
type Text = {
  usage: (amount: string) => string;
  total: (amount: string) => string;
  dailyAverage: (amount: string) => string;
  measured: string;
  interpolated: string;
  deltaMeasured: string;
  partial: (covered: string, days: string) => string;
  /** covered: days as text, or null for less than a day. */
  monthToDate: (covered: string | null) => string;
  projected: (amount: string) => string;
  noProjection: string;
  noData: (month: string) => string;
  compared: (month: string, change: string) => string;
  projectedMark: string;
  average: (amount: string, count: number) => string;
  range: (min: string, max: string) => string;
  noReadings: (month: string) => string;
};
const TEXT: Record<Language, Text> = stryMutAct_9fa48("837") ? {} : (stryCov_9fa48("837"), {
  en: stryMutAct_9fa48("838") ? {} : (stryCov_9fa48("838"), {
    usage: stryMutAct_9fa48("839") ? () => undefined : (stryCov_9fa48("839"), amount => stryMutAct_9fa48("840") ? `` : (stryCov_9fa48("840"), `Usage: ${amount}`)),
    total: stryMutAct_9fa48("841") ? () => undefined : (stryCov_9fa48("841"), amount => stryMutAct_9fa48("842") ? `` : (stryCov_9fa48("842"), `Total: ${amount}`)),
    dailyAverage: stryMutAct_9fa48("843") ? () => undefined : (stryCov_9fa48("843"), amount => stryMutAct_9fa48("844") ? `` : (stryCov_9fa48("844"), `Daily average: ${amount}`)),
    measured: stryMutAct_9fa48("845") ? "" : (stryCov_9fa48("845"), 'Measured: readings at the start and end of the month.'),
    interpolated: stryMutAct_9fa48("846") ? "" : (stryCov_9fa48("846"), 'Interpolated: the month starts or ends between two readings.'),
    deltaMeasured: stryMutAct_9fa48("847") ? "" : (stryCov_9fa48("847"), 'Sum of the amounts recorded in the month.'),
    partial: stryMutAct_9fa48("848") ? () => undefined : (stryCov_9fa48("848"), (covered, days) => stryMutAct_9fa48("849") ? `` : (stryCov_9fa48("849"), `Partial: readings cover ${covered} of ${days} days.`)),
    monthToDate: stryMutAct_9fa48("850") ? () => undefined : (stryCov_9fa48("850"), covered => stryMutAct_9fa48("851") ? `` : (stryCov_9fa48("851"), `Month to date (${(stryMutAct_9fa48("854") ? covered !== null : stryMutAct_9fa48("853") ? false : stryMutAct_9fa48("852") ? true : (stryCov_9fa48("852", "853", "854"), covered === null)) ? stryMutAct_9fa48("855") ? "" : (stryCov_9fa48("855"), 'less than a day') : stryMutAct_9fa48("856") ? `` : (stryCov_9fa48("856"), `${covered} ${(stryMutAct_9fa48("859") ? covered !== '1' : stryMutAct_9fa48("858") ? false : stryMutAct_9fa48("857") ? true : (stryCov_9fa48("857", "858", "859"), covered === (stryMutAct_9fa48("860") ? "" : (stryCov_9fa48("860"), '1')))) ? stryMutAct_9fa48("861") ? "" : (stryCov_9fa48("861"), 'day') : stryMutAct_9fa48("862") ? "" : (stryCov_9fa48("862"), 'days')}`)}).`)),
    projected: stryMutAct_9fa48("863") ? () => undefined : (stryCov_9fa48("863"), amount => stryMutAct_9fa48("864") ? `` : (stryCov_9fa48("864"), `Projected for the whole month: ${amount}`)),
    noProjection: stryMutAct_9fa48("865") ? "" : (stryCov_9fa48("865"), 'Not enough readings yet to project the whole month.'),
    noData: stryMutAct_9fa48("866") ? () => undefined : (stryCov_9fa48("866"), month => stryMutAct_9fa48("867") ? `` : (stryCov_9fa48("867"), `No data for ${month}.`)),
    compared: stryMutAct_9fa48("868") ? () => undefined : (stryCov_9fa48("868"), (month, change) => stryMutAct_9fa48("869") ? `` : (stryCov_9fa48("869"), `Compared with ${month}: ${change}`)),
    projectedMark: stryMutAct_9fa48("870") ? "" : (stryCov_9fa48("870"), ' (projected)'),
    average: stryMutAct_9fa48("871") ? () => undefined : (stryCov_9fa48("871"), (amount, count) => stryMutAct_9fa48("872") ? `` : (stryCov_9fa48("872"), `Average: ${amount} (${count} ${(stryMutAct_9fa48("875") ? count !== 1 : stryMutAct_9fa48("874") ? false : stryMutAct_9fa48("873") ? true : (stryCov_9fa48("873", "874", "875"), count === 1)) ? stryMutAct_9fa48("876") ? "" : (stryCov_9fa48("876"), 'reading') : stryMutAct_9fa48("877") ? "" : (stryCov_9fa48("877"), 'readings')})`)),
    range: stryMutAct_9fa48("878") ? () => undefined : (stryCov_9fa48("878"), (min, max) => stryMutAct_9fa48("879") ? `` : (stryCov_9fa48("879"), `Min ${min} · Max ${max}`)),
    noReadings: stryMutAct_9fa48("880") ? () => undefined : (stryCov_9fa48("880"), month => stryMutAct_9fa48("881") ? `` : (stryCov_9fa48("881"), `No readings in ${month}.`))
  }),
  th: stryMutAct_9fa48("882") ? {} : (stryCov_9fa48("882"), {
    usage: stryMutAct_9fa48("883") ? () => undefined : (stryCov_9fa48("883"), amount => stryMutAct_9fa48("884") ? `` : (stryCov_9fa48("884"), `ใช้ไป: ${amount}`)),
    total: stryMutAct_9fa48("885") ? () => undefined : (stryCov_9fa48("885"), amount => stryMutAct_9fa48("886") ? `` : (stryCov_9fa48("886"), `รวม: ${amount}`)),
    dailyAverage: stryMutAct_9fa48("887") ? () => undefined : (stryCov_9fa48("887"), amount => stryMutAct_9fa48("888") ? `` : (stryCov_9fa48("888"), `เฉลี่ยต่อวัน: ${amount}`)),
    measured: stryMutAct_9fa48("889") ? "" : (stryCov_9fa48("889"), 'วัดจริง: มีค่าที่จดไว้ตอนต้นเดือนและสิ้นเดือน'),
    interpolated: stryMutAct_9fa48("890") ? "" : (stryCov_9fa48("890"), 'ประมาณค่า: ต้นเดือนหรือสิ้นเดือนอยู่ระหว่างค่าที่จดสองครั้ง'),
    deltaMeasured: stryMutAct_9fa48("891") ? "" : (stryCov_9fa48("891"), 'ผลรวมของรายการที่บันทึกในเดือนนี้'),
    partial: stryMutAct_9fa48("892") ? () => undefined : (stryCov_9fa48("892"), (covered, days) => stryMutAct_9fa48("893") ? `` : (stryCov_9fa48("893"), `ข้อมูลบางส่วน: ค่าที่จดครอบคลุม ${covered} จาก ${days} วัน`)),
    monthToDate: stryMutAct_9fa48("894") ? () => undefined : (stryCov_9fa48("894"), covered => stryMutAct_9fa48("895") ? `` : (stryCov_9fa48("895"), `ตั้งแต่ต้นเดือนถึงตอนนี้ (${(stryMutAct_9fa48("898") ? covered !== null : stryMutAct_9fa48("897") ? false : stryMutAct_9fa48("896") ? true : (stryCov_9fa48("896", "897", "898"), covered === null)) ? stryMutAct_9fa48("899") ? "" : (stryCov_9fa48("899"), 'ไม่ถึงวัน') : stryMutAct_9fa48("900") ? `` : (stryCov_9fa48("900"), `${covered} วัน`)})`)),
    projected: stryMutAct_9fa48("901") ? () => undefined : (stryCov_9fa48("901"), amount => stryMutAct_9fa48("902") ? `` : (stryCov_9fa48("902"), `คาดว่าทั้งเดือน: ${amount}`)),
    noProjection: stryMutAct_9fa48("903") ? "" : (stryCov_9fa48("903"), 'ยังมีค่าที่จดไม่พอสำหรับคาดการณ์ทั้งเดือน'),
    noData: stryMutAct_9fa48("904") ? () => undefined : (stryCov_9fa48("904"), month => stryMutAct_9fa48("905") ? `` : (stryCov_9fa48("905"), `ไม่มีข้อมูลของเดือน${month}`)),
    compared: stryMutAct_9fa48("906") ? () => undefined : (stryCov_9fa48("906"), (month, change) => stryMutAct_9fa48("907") ? `` : (stryCov_9fa48("907"), `เทียบกับ${month}: ${change}`)),
    projectedMark: stryMutAct_9fa48("908") ? "" : (stryCov_9fa48("908"), ' (คาดการณ์)'),
    average: stryMutAct_9fa48("909") ? () => undefined : (stryCov_9fa48("909"), (amount, count) => stryMutAct_9fa48("910") ? `` : (stryCov_9fa48("910"), `ค่าเฉลี่ย: ${amount} (จด ${count} ครั้ง)`)),
    range: stryMutAct_9fa48("911") ? () => undefined : (stryCov_9fa48("911"), (min, max) => stryMutAct_9fa48("912") ? `` : (stryCov_9fa48("912"), `ต่ำสุด ${min} · สูงสุด ${max}`)),
    noReadings: stryMutAct_9fa48("913") ? () => undefined : (stryCov_9fa48("913"), month => stryMutAct_9fa48("914") ? `` : (stryCov_9fa48("914"), `ไม่มีค่าที่จดในเดือน${month}`))
  })
});

// ---------------------------------------------------------------------------------------------
// Months

function parseMonth(month: string): {
  year: number;
  month: number;
} {
  if (stryMutAct_9fa48("915")) {
    {}
  } else {
    stryCov_9fa48("915");
    const match = (stryMutAct_9fa48("921") ? /^(\d{4})-(0[1-9]|1[^0-2])$/ : stryMutAct_9fa48("920") ? /^(\d{4})-(0[^1-9]|1[0-2])$/ : stryMutAct_9fa48("919") ? /^(\D{4})-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("918") ? /^(\d)-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("917") ? /^(\d{4})-(0[1-9]|1[0-2])/ : stryMutAct_9fa48("916") ? /(\d{4})-(0[1-9]|1[0-2])$/ : (stryCov_9fa48("916", "917", "918", "919", "920", "921"), /^(\d{4})-(0[1-9]|1[0-2])$/)).exec(month);
    if (stryMutAct_9fa48("924") ? false : stryMutAct_9fa48("923") ? true : stryMutAct_9fa48("922") ? match : (stryCov_9fa48("922", "923", "924"), !match)) throw new RangeError(stryMutAct_9fa48("925") ? `` : (stryCov_9fa48("925"), `Not a month (YYYY-MM): ${JSON.stringify(month)}`));
    return stryMutAct_9fa48("926") ? {} : (stryCov_9fa48("926"), {
      year: Number(match[1]),
      month: Number(match[2])
    });
  }
}

/** 'YYYY-MM' shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  if (stryMutAct_9fa48("927")) {
    {}
  } else {
    stryCov_9fa48("927");
    const parsed = parseMonth(month);
    const index = stryMutAct_9fa48("928") ? parsed.year * 12 + (parsed.month - 1) - delta : (stryCov_9fa48("928"), (stryMutAct_9fa48("929") ? parsed.year * 12 - (parsed.month - 1) : (stryCov_9fa48("929"), (stryMutAct_9fa48("930") ? parsed.year / 12 : (stryCov_9fa48("930"), parsed.year * 12)) + (stryMutAct_9fa48("931") ? parsed.month + 1 : (stryCov_9fa48("931"), parsed.month - 1)))) + delta);
    return stryMutAct_9fa48("932") ? `` : (stryCov_9fa48("932"), `${Math.floor(stryMutAct_9fa48("933") ? index * 12 : (stryCov_9fa48("933"), index / 12))}-${String(stryMutAct_9fa48("934") ? index % 12 - 1 : (stryCov_9fa48("934"), (stryMutAct_9fa48("935") ? index * 12 : (stryCov_9fa48("935"), index % 12)) + 1)).padStart(2, stryMutAct_9fa48("936") ? "" : (stryCov_9fa48("936"), '0'))}`);
  }
}

/** The month holding `instant` in `timezone`, 'YYYY-MM' (what `usage meter 1` reports). */
export function monthOfInstant(instant: Date, timezone: string): string {
  if (stryMutAct_9fa48("937")) {
    {}
  } else {
    stryCov_9fa48("937");
    return DateTime.fromJSDate(instant, stryMutAct_9fa48("938") ? {} : (stryCov_9fa48("938"), {
      zone: timezone
    })).toFormat(stryMutAct_9fa48("939") ? "" : (stryCov_9fa48("939"), 'yyyy-MM'));
  }
}

/** The months to load for a report: a year back, so the same month last year is included. */
export function usageReportRange(month: string): {
  from: string;
  to: string;
} {
  if (stryMutAct_9fa48("940")) {
    {}
  } else {
    stryCov_9fa48("940");
    return stryMutAct_9fa48("941") ? {} : (stryCov_9fa48("941"), {
      from: addMonths(month, stryMutAct_9fa48("942") ? +12 : (stryCov_9fa48("942"), -12)),
      to: month
    });
  }
}

/** "November 2026" / "พฤศจิกายน 2569" (Thai uses the Buddhist era). */
export function monthTitle(month: string, language: Language): string {
  if (stryMutAct_9fa48("943")) {
    {}
  } else {
    stryCov_9fa48("943");
    const parsed = parseMonth(month);
    const year = (stryMutAct_9fa48("946") ? language !== 'th' : stryMutAct_9fa48("945") ? false : stryMutAct_9fa48("944") ? true : (stryCov_9fa48("944", "945", "946"), language === (stryMutAct_9fa48("947") ? "" : (stryCov_9fa48("947"), 'th')))) ? stryMutAct_9fa48("948") ? parsed.year - 543 : (stryCov_9fa48("948"), parsed.year + 543) : parsed.year;
    return stryMutAct_9fa48("949") ? `` : (stryCov_9fa48("949"), `${MONTH_NAMES[language][stryMutAct_9fa48("950") ? parsed.month + 1 : (stryCov_9fa48("950"), parsed.month - 1)]} ${year}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A decimal string for people: rounded half-up to `decimals`, no trailing zeros, 1,234,567. */
export function formatNumber(value: string, decimals = SHOWN_DECIMALS): string {
  if (stryMutAct_9fa48("951")) {
    {}
  } else {
    stryCov_9fa48("951");
    const rounded = new Display(value).toDecimalPlaces(decimals);
    if (stryMutAct_9fa48("953") ? false : stryMutAct_9fa48("952") ? true : (stryCov_9fa48("952", "953"), rounded.isZero())) return stryMutAct_9fa48("954") ? "" : (stryCov_9fa48("954"), '0');
    const [whole = stryMutAct_9fa48("955") ? "Stryker was here!" : (stryCov_9fa48("955"), ''), fraction] = rounded.abs().toFixed().split(stryMutAct_9fa48("956") ? "" : (stryCov_9fa48("956"), '.'));
    const grouped = whole.replace(stryMutAct_9fa48("962") ? /\B(?=(\d{3})+(?!\D))/g : stryMutAct_9fa48("961") ? /\B(?=(\d{3})+(?=\d))/g : stryMutAct_9fa48("960") ? /\B(?=(\D{3})+(?!\d))/g : stryMutAct_9fa48("959") ? /\B(?=(\d)+(?!\d))/g : stryMutAct_9fa48("958") ? /\B(?=(\d{3})(?!\d))/g : stryMutAct_9fa48("957") ? /\B(?!(\d{3})+(?!\d))/g : (stryCov_9fa48("957", "958", "959", "960", "961", "962"), /\B(?=(\d{3})+(?!\d))/g), stryMutAct_9fa48("963") ? "" : (stryCov_9fa48("963"), ','));
    return stryMutAct_9fa48("964") ? `` : (stryCov_9fa48("964"), `${rounded.isNegative() ? stryMutAct_9fa48("965") ? "" : (stryCov_9fa48("965"), '-') : stryMutAct_9fa48("966") ? "Stryker was here!" : (stryCov_9fa48("966"), '')}${grouped}${fraction ? stryMutAct_9fa48("967") ? `` : (stryCov_9fa48("967"), `.${fraction}`) : stryMutAct_9fa48("968") ? "Stryker was here!" : (stryCov_9fa48("968"), '')}`);
  }
}
function withUnit(value: string, unit: string): string {
  if (stryMutAct_9fa48("969")) {
    {}
  } else {
    stryCov_9fa48("969");
    return unit ? stryMutAct_9fa48("970") ? `` : (stryCov_9fa48("970"), `${formatNumber(value)} ${unit}`) : formatNumber(value);
  }
}

/** "+5.2%", "-3.1%", "0%"; null when the base is zero (no meaningful ratio). */
function percentChange(now: string, before: string): string | null {
  if (stryMutAct_9fa48("971")) {
    {}
  } else {
    stryCov_9fa48("971");
    const base = new Display(before);
    if (stryMutAct_9fa48("973") ? false : stryMutAct_9fa48("972") ? true : (stryCov_9fa48("972", "973"), base.isZero())) return null;
    const change = new Display(now).minus(base).div(base.abs()).times(100).toDecimalPlaces(1);
    return stryMutAct_9fa48("974") ? `` : (stryCov_9fa48("974"), `${signed(change)}%`);
  }
}
function signed(value: Decimal): string {
  if (stryMutAct_9fa48("975")) {
    {}
  } else {
    stryCov_9fa48("975");
    const text = formatNumber(value.toFixed(), 2);
    return (stryMutAct_9fa48("978") ? value.isPositive() || !value.isZero() : stryMutAct_9fa48("977") ? false : stryMutAct_9fa48("976") ? true : (stryCov_9fa48("976", "977", "978"), value.isPositive() && (stryMutAct_9fa48("979") ? value.isZero() : (stryCov_9fa48("979"), !value.isZero())))) ? stryMutAct_9fa48("980") ? `` : (stryCov_9fa48("980"), `+${text}`) : text;
  }
}

// ---------------------------------------------------------------------------------------------
// The report

const isCurrent = stryMutAct_9fa48("981") ? () => undefined : (stryCov_9fa48("981"), (() => {
  const isCurrent = (m: {
    start: Date;
    end: Date;
  }, now: Date) => stryMutAct_9fa48("984") ? m.start <= now || now < m.end : stryMutAct_9fa48("983") ? false : stryMutAct_9fa48("982") ? true : (stryCov_9fa48("982", "983", "984"), (stryMutAct_9fa48("987") ? m.start > now : stryMutAct_9fa48("986") ? m.start < now : stryMutAct_9fa48("985") ? true : (stryCov_9fa48("985", "986", "987"), m.start <= now)) && (stryMutAct_9fa48("990") ? now >= m.end : stryMutAct_9fa48("989") ? now <= m.end : stryMutAct_9fa48("988") ? true : (stryCov_9fa48("988", "989", "990"), now < m.end)));
  return isCurrent;
})());

/**
 * The month's total as it compares with other months: a whole month's usage, or the projected
 * total of the current month; null when only part of the month is known.
 */
function comparableTotal(m: MonthUsage | undefined): {
  value: string;
  projected: boolean;
} | null {
  if (stryMutAct_9fa48("991")) {
    {}
  } else {
    stryCov_9fa48("991");
    if (stryMutAct_9fa48("994") ? !m && m.usage === null : stryMutAct_9fa48("993") ? false : stryMutAct_9fa48("992") ? true : (stryCov_9fa48("992", "993", "994"), (stryMutAct_9fa48("995") ? m : (stryCov_9fa48("995"), !m)) || (stryMutAct_9fa48("997") ? m.usage !== null : stryMutAct_9fa48("996") ? false : (stryCov_9fa48("996", "997"), m.usage === null)))) return null;
    if (stryMutAct_9fa48("1000") ? m.projected === null : stryMutAct_9fa48("999") ? false : stryMutAct_9fa48("998") ? true : (stryCov_9fa48("998", "999", "1000"), m.projected !== null)) return stryMutAct_9fa48("1001") ? {} : (stryCov_9fa48("1001"), {
      value: m.projected,
      projected: stryMutAct_9fa48("1002") ? false : (stryCov_9fa48("1002"), true)
    });
    if (stryMutAct_9fa48("1005") ? m.status === 'measured' && m.status === 'interpolated' : stryMutAct_9fa48("1004") ? false : stryMutAct_9fa48("1003") ? true : (stryCov_9fa48("1003", "1004", "1005"), (stryMutAct_9fa48("1007") ? m.status !== 'measured' : stryMutAct_9fa48("1006") ? false : (stryCov_9fa48("1006", "1007"), m.status === (stryMutAct_9fa48("1008") ? "" : (stryCov_9fa48("1008"), 'measured')))) || (stryMutAct_9fa48("1010") ? m.status !== 'interpolated' : stryMutAct_9fa48("1009") ? false : (stryCov_9fa48("1009", "1010"), m.status === (stryMutAct_9fa48("1011") ? "" : (stryCov_9fa48("1011"), 'interpolated')))))) {
      if (stryMutAct_9fa48("1012")) {
        {}
      } else {
        stryCov_9fa48("1012");
        return stryMutAct_9fa48("1013") ? {} : (stryCov_9fa48("1013"), {
          value: m.usage,
          projected: stryMutAct_9fa48("1014") ? true : (stryCov_9fa48("1014"), false)
        });
      }
    }
    return null;
  }
}
function usageLines(input: UsageReportInput, kind: Exclude<SourceKind, 'gauge'>, months: readonly MonthUsage[]): string[] {
  if (stryMutAct_9fa48("1015")) {
    {}
  } else {
    stryCov_9fa48("1015");
    const {
      language,
      month,
      now
    } = input;
    const {
      unit
    } = input.meter;
    const text = TEXT[language];
    const byMonth = new Map(months.map(stryMutAct_9fa48("1016") ? () => undefined : (stryCov_9fa48("1016"), m => stryMutAct_9fa48("1017") ? [] : (stryCov_9fa48("1017"), [m.month, m]))));
    const figure = byMonth.get(month);
    if (stryMutAct_9fa48("1020") ? (!figure || figure.status === 'none') && figure.usage === null : stryMutAct_9fa48("1019") ? false : stryMutAct_9fa48("1018") ? true : (stryCov_9fa48("1018", "1019", "1020"), (stryMutAct_9fa48("1022") ? !figure && figure.status === 'none' : stryMutAct_9fa48("1021") ? false : (stryCov_9fa48("1021", "1022"), (stryMutAct_9fa48("1023") ? figure : (stryCov_9fa48("1023"), !figure)) || (stryMutAct_9fa48("1025") ? figure.status !== 'none' : stryMutAct_9fa48("1024") ? false : (stryCov_9fa48("1024", "1025"), figure.status === (stryMutAct_9fa48("1026") ? "" : (stryCov_9fa48("1026"), 'none')))))) || (stryMutAct_9fa48("1028") ? figure.usage !== null : stryMutAct_9fa48("1027") ? false : (stryCov_9fa48("1027", "1028"), figure.usage === null)))) {
      if (stryMutAct_9fa48("1029")) {
        {}
      } else {
        stryCov_9fa48("1029");
        return stryMutAct_9fa48("1030") ? [] : (stryCov_9fa48("1030"), [text.noData(monthTitle(month, language))]);
      }
    }
    const lines = stryMutAct_9fa48("1031") ? [] : (stryCov_9fa48("1031"), [(stryMutAct_9fa48("1034") ? kind !== 'delta' : stryMutAct_9fa48("1033") ? false : stryMutAct_9fa48("1032") ? true : (stryCov_9fa48("1032", "1033", "1034"), kind === (stryMutAct_9fa48("1035") ? "" : (stryCov_9fa48("1035"), 'delta')))) ? text.total(withUnit(figure.usage, unit)) : text.usage(withUnit(figure.usage, unit))]);
    if (stryMutAct_9fa48("1038") ? figure.dailyAverage === null : stryMutAct_9fa48("1037") ? false : stryMutAct_9fa48("1036") ? true : (stryCov_9fa48("1036", "1037", "1038"), figure.dailyAverage !== null)) {
      if (stryMutAct_9fa48("1039")) {
        {}
      } else {
        stryCov_9fa48("1039");
        lines.push(text.dailyAverage(withUnit(figure.dailyAverage, unit)));
      }
    }
    const covered = formatNumber(String(figure.coveredDays), 1);
    const toDate = stryMutAct_9fa48("1042") ? isCurrent(figure, now) && figure.status !== 'measured' || figure.status !== 'interpolated' : stryMutAct_9fa48("1041") ? false : stryMutAct_9fa48("1040") ? true : (stryCov_9fa48("1040", "1041", "1042"), (stryMutAct_9fa48("1044") ? isCurrent(figure, now) || figure.status !== 'measured' : stryMutAct_9fa48("1043") ? true : (stryCov_9fa48("1043", "1044"), isCurrent(figure, now) && (stryMutAct_9fa48("1046") ? figure.status === 'measured' : stryMutAct_9fa48("1045") ? true : (stryCov_9fa48("1045", "1046"), figure.status !== (stryMutAct_9fa48("1047") ? "" : (stryCov_9fa48("1047"), 'measured')))))) && (stryMutAct_9fa48("1049") ? figure.status === 'interpolated' : stryMutAct_9fa48("1048") ? true : (stryCov_9fa48("1048", "1049"), figure.status !== (stryMutAct_9fa48("1050") ? "" : (stryCov_9fa48("1050"), 'interpolated')))));
    if (stryMutAct_9fa48("1052") ? false : stryMutAct_9fa48("1051") ? true : (stryCov_9fa48("1051", "1052"), toDate)) {
      if (stryMutAct_9fa48("1053")) {
        {}
      } else {
        stryCov_9fa48("1053");
        // Readings only hours apart cover "less than a day", not "0 days".
        lines.push(text.monthToDate((stryMutAct_9fa48("1057") ? figure.coveredDays >= 1 : stryMutAct_9fa48("1056") ? figure.coveredDays <= 1 : stryMutAct_9fa48("1055") ? false : stryMutAct_9fa48("1054") ? true : (stryCov_9fa48("1054", "1055", "1056", "1057"), figure.coveredDays < 1)) ? null : covered));
        lines.push((stryMutAct_9fa48("1060") ? figure.projected === null : stryMutAct_9fa48("1059") ? false : stryMutAct_9fa48("1058") ? true : (stryCov_9fa48("1058", "1059", "1060"), figure.projected !== null)) ? text.projected(withUnit(figure.projected, unit)) : text.noProjection);
      }
    } else if (stryMutAct_9fa48("1063") ? figure.status !== 'partial' : stryMutAct_9fa48("1062") ? false : stryMutAct_9fa48("1061") ? true : (stryCov_9fa48("1061", "1062", "1063"), figure.status === (stryMutAct_9fa48("1064") ? "" : (stryCov_9fa48("1064"), 'partial')))) {
      if (stryMutAct_9fa48("1065")) {
        {}
      } else {
        stryCov_9fa48("1065");
        const monthDays = formatNumber(String(stryMutAct_9fa48("1066") ? (figure.end.getTime() - figure.start.getTime()) * 86_400_000 : (stryCov_9fa48("1066"), (stryMutAct_9fa48("1067") ? figure.end.getTime() + figure.start.getTime() : (stryCov_9fa48("1067"), figure.end.getTime() - figure.start.getTime())) / 86_400_000)), 1);
        lines.push(text.partial(covered, monthDays));
      }
    } else if (stryMutAct_9fa48("1070") ? kind !== 'delta' : stryMutAct_9fa48("1069") ? false : stryMutAct_9fa48("1068") ? true : (stryCov_9fa48("1068", "1069", "1070"), kind === (stryMutAct_9fa48("1071") ? "" : (stryCov_9fa48("1071"), 'delta')))) {
      if (stryMutAct_9fa48("1072")) {
        {}
      } else {
        stryCov_9fa48("1072");
        lines.push(text.deltaMeasured);
      }
    } else {
      if (stryMutAct_9fa48("1073")) {
        {}
      } else {
        stryCov_9fa48("1073");
        lines.push((stryMutAct_9fa48("1076") ? figure.status !== 'measured' : stryMutAct_9fa48("1075") ? false : stryMutAct_9fa48("1074") ? true : (stryCov_9fa48("1074", "1075", "1076"), figure.status === (stryMutAct_9fa48("1077") ? "" : (stryCov_9fa48("1077"), 'measured')))) ? text.measured : text.interpolated);
      }
    }
    const total = comparableTotal(figure);
    for (const other of stryMutAct_9fa48("1078") ? [] : (stryCov_9fa48("1078"), [addMonths(month, stryMutAct_9fa48("1079") ? +1 : (stryCov_9fa48("1079"), -1)), addMonths(month, stryMutAct_9fa48("1080") ? +12 : (stryCov_9fa48("1080"), -12))])) {
      if (stryMutAct_9fa48("1081")) {
        {}
      } else {
        stryCov_9fa48("1081");
        const base = comparableTotal(byMonth.get(other));
        if (stryMutAct_9fa48("1084") ? (!total || !base) && base.projected : stryMutAct_9fa48("1083") ? false : stryMutAct_9fa48("1082") ? true : (stryCov_9fa48("1082", "1083", "1084"), (stryMutAct_9fa48("1086") ? !total && !base : stryMutAct_9fa48("1085") ? false : (stryCov_9fa48("1085", "1086"), (stryMutAct_9fa48("1087") ? total : (stryCov_9fa48("1087"), !total)) || (stryMutAct_9fa48("1088") ? base : (stryCov_9fa48("1088"), !base)))) || base.projected)) continue;
        const change = percentChange(total.value, base.value);
        if (stryMutAct_9fa48("1091") ? change !== null : stryMutAct_9fa48("1090") ? false : stryMutAct_9fa48("1089") ? true : (stryCov_9fa48("1089", "1090", "1091"), change === null)) continue;
        const mark = total.projected ? text.projectedMark : stryMutAct_9fa48("1092") ? "Stryker was here!" : (stryCov_9fa48("1092"), '');
        lines.push(text.compared(monthTitle(other, language), stryMutAct_9fa48("1093") ? `` : (stryCov_9fa48("1093"), `${change}${mark}`)));
      }
    }
    return lines;
  }
}
function gaugeLines(input: UsageReportInput, months: readonly MonthStats[]): string[] {
  if (stryMutAct_9fa48("1094")) {
    {}
  } else {
    stryCov_9fa48("1094");
    const {
      language,
      month
    } = input;
    const {
      unit
    } = input.meter;
    const text = TEXT[language];
    const byMonth = new Map(months.map(stryMutAct_9fa48("1095") ? () => undefined : (stryCov_9fa48("1095"), m => stryMutAct_9fa48("1096") ? [] : (stryCov_9fa48("1096"), [m.month, m]))));
    const figure = byMonth.get(month);
    if (stryMutAct_9fa48("1099") ? (!figure || figure.count === 0) && figure.average === null : stryMutAct_9fa48("1098") ? false : stryMutAct_9fa48("1097") ? true : (stryCov_9fa48("1097", "1098", "1099"), (stryMutAct_9fa48("1101") ? !figure && figure.count === 0 : stryMutAct_9fa48("1100") ? false : (stryCov_9fa48("1100", "1101"), (stryMutAct_9fa48("1102") ? figure : (stryCov_9fa48("1102"), !figure)) || (stryMutAct_9fa48("1104") ? figure.count !== 0 : stryMutAct_9fa48("1103") ? false : (stryCov_9fa48("1103", "1104"), figure.count === 0)))) || (stryMutAct_9fa48("1106") ? figure.average !== null : stryMutAct_9fa48("1105") ? false : (stryCov_9fa48("1105", "1106"), figure.average === null)))) {
      if (stryMutAct_9fa48("1107")) {
        {}
      } else {
        stryCov_9fa48("1107");
        return stryMutAct_9fa48("1108") ? [] : (stryCov_9fa48("1108"), [text.noReadings(monthTitle(month, language))]);
      }
    }
    const lines = stryMutAct_9fa48("1109") ? [] : (stryCov_9fa48("1109"), [text.average(withUnit(figure.average, unit), figure.count)]);
    if (stryMutAct_9fa48("1112") ? figure.min !== null || figure.max !== null : stryMutAct_9fa48("1111") ? false : stryMutAct_9fa48("1110") ? true : (stryCov_9fa48("1110", "1111", "1112"), (stryMutAct_9fa48("1114") ? figure.min === null : stryMutAct_9fa48("1113") ? true : (stryCov_9fa48("1113", "1114"), figure.min !== null)) && (stryMutAct_9fa48("1116") ? figure.max === null : stryMutAct_9fa48("1115") ? true : (stryCov_9fa48("1115", "1116"), figure.max !== null)))) {
      if (stryMutAct_9fa48("1117")) {
        {}
      } else {
        stryCov_9fa48("1117");
        lines.push(text.range(withUnit(figure.min, unit), withUnit(figure.max, unit)));
      }
    }
    // A difference, not a percentage: 10 % warmer means nothing for a temperature.
    for (const other of stryMutAct_9fa48("1118") ? [] : (stryCov_9fa48("1118"), [addMonths(month, stryMutAct_9fa48("1119") ? +1 : (stryCov_9fa48("1119"), -1)), addMonths(month, stryMutAct_9fa48("1120") ? +12 : (stryCov_9fa48("1120"), -12))])) {
      if (stryMutAct_9fa48("1121")) {
        {}
      } else {
        stryCov_9fa48("1121");
        const base = stryMutAct_9fa48("1122") ? byMonth.get(other).average : (stryCov_9fa48("1122"), byMonth.get(other)?.average);
        if (stryMutAct_9fa48("1125") ? base === null && base === undefined : stryMutAct_9fa48("1124") ? false : stryMutAct_9fa48("1123") ? true : (stryCov_9fa48("1123", "1124", "1125"), (stryMutAct_9fa48("1127") ? base !== null : stryMutAct_9fa48("1126") ? false : (stryCov_9fa48("1126", "1127"), base === null)) || (stryMutAct_9fa48("1129") ? base !== undefined : stryMutAct_9fa48("1128") ? false : (stryCov_9fa48("1128", "1129"), base === undefined)))) continue;
        const difference = signed(new Display(figure.average).minus(base));
        lines.push(text.compared(monthTitle(other, language), unit ? stryMutAct_9fa48("1130") ? `` : (stryCov_9fa48("1130"), `${difference} ${unit}`) : difference));
      }
    }
    return lines;
  }
}

/**
 * The usage message: the meter and month, the usage (or a gauge's average, min and max), the
 * daily average, how the figure was obtained (measured / interpolated / partial / month to date
 * with its projection / no data), and the change against the previous month and the same month
 * last year when both figures are whole-month figures.
 */
export function usageReport(input: UsageReportInput): string {
  if (stryMutAct_9fa48("1131")) {
    {}
  } else {
    stryCov_9fa48("1131");
    const heading = stryMutAct_9fa48("1132") ? `` : (stryCov_9fa48("1132"), `${input.meter.name} — ${monthTitle(input.month, input.language)}`);
    const lines = (stryMutAct_9fa48("1135") ? input.figures.kind !== 'gauge' : stryMutAct_9fa48("1134") ? false : stryMutAct_9fa48("1133") ? true : (stryCov_9fa48("1133", "1134", "1135"), input.figures.kind === (stryMutAct_9fa48("1136") ? "" : (stryCov_9fa48("1136"), 'gauge')))) ? gaugeLines(input, input.figures.months) : usageLines(input, input.figures.kind, input.figures.months);
    return (stryMutAct_9fa48("1137") ? [] : (stryCov_9fa48("1137"), [heading, ...lines])).join(stryMutAct_9fa48("1138") ? "" : (stryCov_9fa48("1138"), '\n'));
  }
}