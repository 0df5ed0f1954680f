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
const Display = Decimal.clone(stryMutAct_9fa48("3125") ? {} : (stryCov_9fa48("3125"), {
  precision: 80,
  rounding: Decimal.ROUND_HALF_UP
}));
/** Usage, averages and differences are shown to at most this many decimals. */
const SHOWN_DECIMALS = 2;
const MONTH_NAMES: Record<Language, readonly string[]> = stryMutAct_9fa48("3126") ? {} : (stryCov_9fa48("3126"), {
  en: stryMutAct_9fa48("3127") ? [] : (stryCov_9fa48("3127"), [stryMutAct_9fa48("3128") ? "" : (stryCov_9fa48("3128"), 'January'), stryMutAct_9fa48("3129") ? "" : (stryCov_9fa48("3129"), 'February'), stryMutAct_9fa48("3130") ? "" : (stryCov_9fa48("3130"), 'March'), stryMutAct_9fa48("3131") ? "" : (stryCov_9fa48("3131"), 'April'), stryMutAct_9fa48("3132") ? "" : (stryCov_9fa48("3132"), 'May'), stryMutAct_9fa48("3133") ? "" : (stryCov_9fa48("3133"), 'June'), stryMutAct_9fa48("3134") ? "" : (stryCov_9fa48("3134"), 'July'), stryMutAct_9fa48("3135") ? "" : (stryCov_9fa48("3135"), 'August'), stryMutAct_9fa48("3136") ? "" : (stryCov_9fa48("3136"), 'September'), stryMutAct_9fa48("3137") ? "" : (stryCov_9fa48("3137"), 'October'), stryMutAct_9fa48("3138") ? "" : (stryCov_9fa48("3138"), 'November'), stryMutAct_9fa48("3139") ? "" : (stryCov_9fa48("3139"), 'December')]),
  th: stryMutAct_9fa48("3140") ? [] : (stryCov_9fa48("3140"), [stryMutAct_9fa48("3141") ? "" : (stryCov_9fa48("3141"), 'มกราคม'), stryMutAct_9fa48("3142") ? "" : (stryCov_9fa48("3142"), 'กุมภาพันธ์'), stryMutAct_9fa48("3143") ? "" : (stryCov_9fa48("3143"), 'มีนาคม'), stryMutAct_9fa48("3144") ? "" : (stryCov_9fa48("3144"), 'เมษายน'), stryMutAct_9fa48("3145") ? "" : (stryCov_9fa48("3145"), 'พฤษภาคม'), stryMutAct_9fa48("3146") ? "" : (stryCov_9fa48("3146"), 'มิถุนายน'), stryMutAct_9fa48("3147") ? "" : (stryCov_9fa48("3147"), 'กรกฎาคม'), stryMutAct_9fa48("3148") ? "" : (stryCov_9fa48("3148"), 'สิงหาคม'), stryMutAct_9fa48("3149") ? "" : (stryCov_9fa48("3149"), 'กันยายน'), stryMutAct_9fa48("3150") ? "" : (stryCov_9fa48("3150"), 'ตุลาคม'), stryMutAct_9fa48("3151") ? "" : (stryCov_9fa48("3151"), 'พฤศจิกายน'), stryMutAct_9fa48("3152") ? "" : (stryCov_9fa48("3152"), 'ธันวาคม')])
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
const TEXT: Record<Language, Text> = stryMutAct_9fa48("3153") ? {} : (stryCov_9fa48("3153"), {
  en: stryMutAct_9fa48("3154") ? {} : (stryCov_9fa48("3154"), {
    usage: stryMutAct_9fa48("3155") ? () => undefined : (stryCov_9fa48("3155"), amount => stryMutAct_9fa48("3156") ? `` : (stryCov_9fa48("3156"), `Usage: ${amount}`)),
    total: stryMutAct_9fa48("3157") ? () => undefined : (stryCov_9fa48("3157"), amount => stryMutAct_9fa48("3158") ? `` : (stryCov_9fa48("3158"), `Total: ${amount}`)),
    dailyAverage: stryMutAct_9fa48("3159") ? () => undefined : (stryCov_9fa48("3159"), amount => stryMutAct_9fa48("3160") ? `` : (stryCov_9fa48("3160"), `Daily average: ${amount}`)),
    measured: stryMutAct_9fa48("3161") ? "" : (stryCov_9fa48("3161"), 'Measured: readings at the start and end of the month.'),
    interpolated: stryMutAct_9fa48("3162") ? "" : (stryCov_9fa48("3162"), 'Interpolated: the month starts or ends between two readings.'),
    deltaMeasured: stryMutAct_9fa48("3163") ? "" : (stryCov_9fa48("3163"), 'Sum of the amounts recorded in the month.'),
    partial: stryMutAct_9fa48("3164") ? () => undefined : (stryCov_9fa48("3164"), (covered, days) => stryMutAct_9fa48("3165") ? `` : (stryCov_9fa48("3165"), `Partial: readings cover ${covered} of ${days} days.`)),
    monthToDate: stryMutAct_9fa48("3166") ? () => undefined : (stryCov_9fa48("3166"), covered => stryMutAct_9fa48("3167") ? `` : (stryCov_9fa48("3167"), `Month to date (${(stryMutAct_9fa48("3170") ? covered !== null : stryMutAct_9fa48("3169") ? false : stryMutAct_9fa48("3168") ? true : (stryCov_9fa48("3168", "3169", "3170"), covered === null)) ? stryMutAct_9fa48("3171") ? "" : (stryCov_9fa48("3171"), 'less than a day') : stryMutAct_9fa48("3172") ? `` : (stryCov_9fa48("3172"), `${covered} ${(stryMutAct_9fa48("3175") ? covered !== '1' : stryMutAct_9fa48("3174") ? false : stryMutAct_9fa48("3173") ? true : (stryCov_9fa48("3173", "3174", "3175"), covered === (stryMutAct_9fa48("3176") ? "" : (stryCov_9fa48("3176"), '1')))) ? stryMutAct_9fa48("3177") ? "" : (stryCov_9fa48("3177"), 'day') : stryMutAct_9fa48("3178") ? "" : (stryCov_9fa48("3178"), 'days')}`)}).`)),
    projected: stryMutAct_9fa48("3179") ? () => undefined : (stryCov_9fa48("3179"), amount => stryMutAct_9fa48("3180") ? `` : (stryCov_9fa48("3180"), `Projected for the whole month: ${amount}`)),
    noProjection: stryMutAct_9fa48("3181") ? "" : (stryCov_9fa48("3181"), 'Not enough readings yet to project the whole month.'),
    noData: stryMutAct_9fa48("3182") ? () => undefined : (stryCov_9fa48("3182"), month => stryMutAct_9fa48("3183") ? `` : (stryCov_9fa48("3183"), `No data for ${month}.`)),
    compared: stryMutAct_9fa48("3184") ? () => undefined : (stryCov_9fa48("3184"), (month, change) => stryMutAct_9fa48("3185") ? `` : (stryCov_9fa48("3185"), `Compared with ${month}: ${change}`)),
    projectedMark: stryMutAct_9fa48("3186") ? "" : (stryCov_9fa48("3186"), ' (projected)'),
    average: stryMutAct_9fa48("3187") ? () => undefined : (stryCov_9fa48("3187"), (amount, count) => stryMutAct_9fa48("3188") ? `` : (stryCov_9fa48("3188"), `Average: ${amount} (${count} ${(stryMutAct_9fa48("3191") ? count !== 1 : stryMutAct_9fa48("3190") ? false : stryMutAct_9fa48("3189") ? true : (stryCov_9fa48("3189", "3190", "3191"), count === 1)) ? stryMutAct_9fa48("3192") ? "" : (stryCov_9fa48("3192"), 'reading') : stryMutAct_9fa48("3193") ? "" : (stryCov_9fa48("3193"), 'readings')})`)),
    range: stryMutAct_9fa48("3194") ? () => undefined : (stryCov_9fa48("3194"), (min, max) => stryMutAct_9fa48("3195") ? `` : (stryCov_9fa48("3195"), `Min ${min} · Max ${max}`)),
    noReadings: stryMutAct_9fa48("3196") ? () => undefined : (stryCov_9fa48("3196"), month => stryMutAct_9fa48("3197") ? `` : (stryCov_9fa48("3197"), `No readings in ${month}.`))
  }),
  th: stryMutAct_9fa48("3198") ? {} : (stryCov_9fa48("3198"), {
    usage: stryMutAct_9fa48("3199") ? () => undefined : (stryCov_9fa48("3199"), amount => stryMutAct_9fa48("3200") ? `` : (stryCov_9fa48("3200"), `ใช้ไป: ${amount}`)),
    total: stryMutAct_9fa48("3201") ? () => undefined : (stryCov_9fa48("3201"), amount => stryMutAct_9fa48("3202") ? `` : (stryCov_9fa48("3202"), `รวม: ${amount}`)),
    dailyAverage: stryMutAct_9fa48("3203") ? () => undefined : (stryCov_9fa48("3203"), amount => stryMutAct_9fa48("3204") ? `` : (stryCov_9fa48("3204"), `เฉลี่ยต่อวัน: ${amount}`)),
    measured: stryMutAct_9fa48("3205") ? "" : (stryCov_9fa48("3205"), 'วัดจริง: มีค่าที่จดไว้ตอนต้นเดือนและสิ้นเดือน'),
    interpolated: stryMutAct_9fa48("3206") ? "" : (stryCov_9fa48("3206"), 'ประมาณค่า: ต้นเดือนหรือสิ้นเดือนอยู่ระหว่างค่าที่จดสองครั้ง'),
    deltaMeasured: stryMutAct_9fa48("3207") ? "" : (stryCov_9fa48("3207"), 'ผลรวมของรายการที่บันทึกในเดือนนี้'),
    partial: stryMutAct_9fa48("3208") ? () => undefined : (stryCov_9fa48("3208"), (covered, days) => stryMutAct_9fa48("3209") ? `` : (stryCov_9fa48("3209"), `ข้อมูลบางส่วน: ค่าที่จดครอบคลุม ${covered} จาก ${days} วัน`)),
    monthToDate: stryMutAct_9fa48("3210") ? () => undefined : (stryCov_9fa48("3210"), covered => stryMutAct_9fa48("3211") ? `` : (stryCov_9fa48("3211"), `ตั้งแต่ต้นเดือนถึงตอนนี้ (${(stryMutAct_9fa48("3214") ? covered !== null : stryMutAct_9fa48("3213") ? false : stryMutAct_9fa48("3212") ? true : (stryCov_9fa48("3212", "3213", "3214"), covered === null)) ? stryMutAct_9fa48("3215") ? "" : (stryCov_9fa48("3215"), 'ไม่ถึงวัน') : stryMutAct_9fa48("3216") ? `` : (stryCov_9fa48("3216"), `${covered} วัน`)})`)),
    projected: stryMutAct_9fa48("3217") ? () => undefined : (stryCov_9fa48("3217"), amount => stryMutAct_9fa48("3218") ? `` : (stryCov_9fa48("3218"), `คาดว่าทั้งเดือน: ${amount}`)),
    noProjection: stryMutAct_9fa48("3219") ? "" : (stryCov_9fa48("3219"), 'ยังมีค่าที่จดไม่พอสำหรับคาดการณ์ทั้งเดือน'),
    noData: stryMutAct_9fa48("3220") ? () => undefined : (stryCov_9fa48("3220"), month => stryMutAct_9fa48("3221") ? `` : (stryCov_9fa48("3221"), `ไม่มีข้อมูลของเดือน${month}`)),
    compared: stryMutAct_9fa48("3222") ? () => undefined : (stryCov_9fa48("3222"), (month, change) => stryMutAct_9fa48("3223") ? `` : (stryCov_9fa48("3223"), `เทียบกับ${month}: ${change}`)),
    projectedMark: stryMutAct_9fa48("3224") ? "" : (stryCov_9fa48("3224"), ' (คาดการณ์)'),
    average: stryMutAct_9fa48("3225") ? () => undefined : (stryCov_9fa48("3225"), (amount, count) => stryMutAct_9fa48("3226") ? `` : (stryCov_9fa48("3226"), `ค่าเฉลี่ย: ${amount} (จด ${count} ครั้ง)`)),
    range: stryMutAct_9fa48("3227") ? () => undefined : (stryCov_9fa48("3227"), (min, max) => stryMutAct_9fa48("3228") ? `` : (stryCov_9fa48("3228"), `ต่ำสุด ${min} · สูงสุด ${max}`)),
    noReadings: stryMutAct_9fa48("3229") ? () => undefined : (stryCov_9fa48("3229"), month => stryMutAct_9fa48("3230") ? `` : (stryCov_9fa48("3230"), `ไม่มีค่าที่จดในเดือน${month}`))
  })
});

// ---------------------------------------------------------------------------------------------
// Months

function parseMonth(month: string): {
  year: number;
  month: number;
} {
  if (stryMutAct_9fa48("3231")) {
    {}
  } else {
    stryCov_9fa48("3231");
    const match = (stryMutAct_9fa48("3237") ? /^(\d{4})-(0[1-9]|1[^0-2])$/ : stryMutAct_9fa48("3236") ? /^(\d{4})-(0[^1-9]|1[0-2])$/ : stryMutAct_9fa48("3235") ? /^(\D{4})-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("3234") ? /^(\d)-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("3233") ? /^(\d{4})-(0[1-9]|1[0-2])/ : stryMutAct_9fa48("3232") ? /(\d{4})-(0[1-9]|1[0-2])$/ : (stryCov_9fa48("3232", "3233", "3234", "3235", "3236", "3237"), /^(\d{4})-(0[1-9]|1[0-2])$/)).exec(month);
    if (stryMutAct_9fa48("3240") ? false : stryMutAct_9fa48("3239") ? true : stryMutAct_9fa48("3238") ? match : (stryCov_9fa48("3238", "3239", "3240"), !match)) throw new RangeError(stryMutAct_9fa48("3241") ? `` : (stryCov_9fa48("3241"), `Not a month (YYYY-MM): ${JSON.stringify(month)}`));
    return stryMutAct_9fa48("3242") ? {} : (stryCov_9fa48("3242"), {
      year: Number(match[1]),
      month: Number(match[2])
    });
  }
}

/** 'YYYY-MM' shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  if (stryMutAct_9fa48("3243")) {
    {}
  } else {
    stryCov_9fa48("3243");
    const parsed = parseMonth(month);
    const index = stryMutAct_9fa48("3244") ? parsed.year * 12 + (parsed.month - 1) - delta : (stryCov_9fa48("3244"), (stryMutAct_9fa48("3245") ? parsed.year * 12 - (parsed.month - 1) : (stryCov_9fa48("3245"), (stryMutAct_9fa48("3246") ? parsed.year / 12 : (stryCov_9fa48("3246"), parsed.year * 12)) + (stryMutAct_9fa48("3247") ? parsed.month + 1 : (stryCov_9fa48("3247"), parsed.month - 1)))) + delta);
    return stryMutAct_9fa48("3248") ? `` : (stryCov_9fa48("3248"), `${Math.floor(stryMutAct_9fa48("3249") ? index * 12 : (stryCov_9fa48("3249"), index / 12))}-${String(stryMutAct_9fa48("3250") ? index % 12 - 1 : (stryCov_9fa48("3250"), (stryMutAct_9fa48("3251") ? index * 12 : (stryCov_9fa48("3251"), index % 12)) + 1)).padStart(2, stryMutAct_9fa48("3252") ? "" : (stryCov_9fa48("3252"), '0'))}`);
  }
}

/** The month holding `instant` in `timezone`, 'YYYY-MM' (what `usage meter 1` reports). */
export function monthOfInstant(instant: Date, timezone: string): string {
  if (stryMutAct_9fa48("3253")) {
    {}
  } else {
    stryCov_9fa48("3253");
    return DateTime.fromJSDate(instant, stryMutAct_9fa48("3254") ? {} : (stryCov_9fa48("3254"), {
      zone: timezone
    })).toFormat(stryMutAct_9fa48("3255") ? "" : (stryCov_9fa48("3255"), 'yyyy-MM'));
  }
}

/** The months to load for a report: a year back, so the same month last year is included. */
export function usageReportRange(month: string): {
  from: string;
  to: string;
} {
  if (stryMutAct_9fa48("3256")) {
    {}
  } else {
    stryCov_9fa48("3256");
    return stryMutAct_9fa48("3257") ? {} : (stryCov_9fa48("3257"), {
      from: addMonths(month, stryMutAct_9fa48("3258") ? +12 : (stryCov_9fa48("3258"), -12)),
      to: month
    });
  }
}

/** "November 2026" / "พฤศจิกายน 2569" (Thai uses the Buddhist era). */
export function monthTitle(month: string, language: Language): string {
  if (stryMutAct_9fa48("3259")) {
    {}
  } else {
    stryCov_9fa48("3259");
    const parsed = parseMonth(month);
    const year = (stryMutAct_9fa48("3262") ? language !== 'th' : stryMutAct_9fa48("3261") ? false : stryMutAct_9fa48("3260") ? true : (stryCov_9fa48("3260", "3261", "3262"), language === (stryMutAct_9fa48("3263") ? "" : (stryCov_9fa48("3263"), 'th')))) ? stryMutAct_9fa48("3264") ? parsed.year - 543 : (stryCov_9fa48("3264"), parsed.year + 543) : parsed.year;
    return stryMutAct_9fa48("3265") ? `` : (stryCov_9fa48("3265"), `${MONTH_NAMES[language][stryMutAct_9fa48("3266") ? parsed.month + 1 : (stryCov_9fa48("3266"), parsed.month - 1)]} ${year}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A decimal string for people: rounded half-up to `decimals`, no trailing zeros, 1,234,567. */
export function formatNumber(value: string, decimals = SHOWN_DECIMALS): string {
  if (stryMutAct_9fa48("3267")) {
    {}
  } else {
    stryCov_9fa48("3267");
    const rounded = new Display(value).toDecimalPlaces(decimals);
    if (stryMutAct_9fa48("3269") ? false : stryMutAct_9fa48("3268") ? true : (stryCov_9fa48("3268", "3269"), rounded.isZero())) return stryMutAct_9fa48("3270") ? "" : (stryCov_9fa48("3270"), '0');
    const [whole = stryMutAct_9fa48("3271") ? "Stryker was here!" : (stryCov_9fa48("3271"), ''), fraction] = rounded.abs().toFixed().split(stryMutAct_9fa48("3272") ? "" : (stryCov_9fa48("3272"), '.'));
    const grouped = whole.replace(stryMutAct_9fa48("3278") ? /\B(?=(\d{3})+(?!\D))/g : stryMutAct_9fa48("3277") ? /\B(?=(\d{3})+(?=\d))/g : stryMutAct_9fa48("3276") ? /\B(?=(\D{3})+(?!\d))/g : stryMutAct_9fa48("3275") ? /\B(?=(\d)+(?!\d))/g : stryMutAct_9fa48("3274") ? /\B(?=(\d{3})(?!\d))/g : stryMutAct_9fa48("3273") ? /\B(?!(\d{3})+(?!\d))/g : (stryCov_9fa48("3273", "3274", "3275", "3276", "3277", "3278"), /\B(?=(\d{3})+(?!\d))/g), stryMutAct_9fa48("3279") ? "" : (stryCov_9fa48("3279"), ','));
    return stryMutAct_9fa48("3280") ? `` : (stryCov_9fa48("3280"), `${rounded.isNegative() ? stryMutAct_9fa48("3281") ? "" : (stryCov_9fa48("3281"), '-') : stryMutAct_9fa48("3282") ? "Stryker was here!" : (stryCov_9fa48("3282"), '')}${grouped}${fraction ? stryMutAct_9fa48("3283") ? `` : (stryCov_9fa48("3283"), `.${fraction}`) : stryMutAct_9fa48("3284") ? "Stryker was here!" : (stryCov_9fa48("3284"), '')}`);
  }
}
function withUnit(value: string, unit: string): string {
  if (stryMutAct_9fa48("3285")) {
    {}
  } else {
    stryCov_9fa48("3285");
    return unit ? stryMutAct_9fa48("3286") ? `` : (stryCov_9fa48("3286"), `${formatNumber(value)} ${unit}`) : formatNumber(value);
  }
}

/** "+5.2%", "-3.1%", "0%"; null when the base is zero (no meaningful ratio). */
function percentChange(now: string, before: string): string | null {
  if (stryMutAct_9fa48("3287")) {
    {}
  } else {
    stryCov_9fa48("3287");
    const base = new Display(before);
    if (stryMutAct_9fa48("3289") ? false : stryMutAct_9fa48("3288") ? true : (stryCov_9fa48("3288", "3289"), base.isZero())) return null;
    const change = new Display(now).minus(base).div(base.abs()).times(100).toDecimalPlaces(1);
    return stryMutAct_9fa48("3290") ? `` : (stryCov_9fa48("3290"), `${signed(change)}%`);
  }
}
function signed(value: Decimal): string {
  if (stryMutAct_9fa48("3291")) {
    {}
  } else {
    stryCov_9fa48("3291");
    const text = formatNumber(value.toFixed(), 2);
    return (stryMutAct_9fa48("3294") ? value.isPositive() || !value.isZero() : stryMutAct_9fa48("3293") ? false : stryMutAct_9fa48("3292") ? true : (stryCov_9fa48("3292", "3293", "3294"), value.isPositive() && (stryMutAct_9fa48("3295") ? value.isZero() : (stryCov_9fa48("3295"), !value.isZero())))) ? stryMutAct_9fa48("3296") ? `` : (stryCov_9fa48("3296"), `+${text}`) : text;
  }
}

// ---------------------------------------------------------------------------------------------
// The report

const isCurrent = stryMutAct_9fa48("3297") ? () => undefined : (stryCov_9fa48("3297"), (() => {
  const isCurrent = (m: {
    start: Date;
    end: Date;
  }, now: Date) => stryMutAct_9fa48("3300") ? m.start <= now || now < m.end : stryMutAct_9fa48("3299") ? false : stryMutAct_9fa48("3298") ? true : (stryCov_9fa48("3298", "3299", "3300"), (stryMutAct_9fa48("3303") ? m.start > now : stryMutAct_9fa48("3302") ? m.start < now : stryMutAct_9fa48("3301") ? true : (stryCov_9fa48("3301", "3302", "3303"), m.start <= now)) && (stryMutAct_9fa48("3306") ? now >= m.end : stryMutAct_9fa48("3305") ? now <= m.end : stryMutAct_9fa48("3304") ? true : (stryCov_9fa48("3304", "3305", "3306"), now < m.end)));
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
  if (stryMutAct_9fa48("3307")) {
    {}
  } else {
    stryCov_9fa48("3307");
    if (stryMutAct_9fa48("3310") ? !m && m.usage === null : stryMutAct_9fa48("3309") ? false : stryMutAct_9fa48("3308") ? true : (stryCov_9fa48("3308", "3309", "3310"), (stryMutAct_9fa48("3311") ? m : (stryCov_9fa48("3311"), !m)) || (stryMutAct_9fa48("3313") ? m.usage !== null : stryMutAct_9fa48("3312") ? false : (stryCov_9fa48("3312", "3313"), m.usage === null)))) return null;
    if (stryMutAct_9fa48("3316") ? m.projected === null : stryMutAct_9fa48("3315") ? false : stryMutAct_9fa48("3314") ? true : (stryCov_9fa48("3314", "3315", "3316"), m.projected !== null)) return stryMutAct_9fa48("3317") ? {} : (stryCov_9fa48("3317"), {
      value: m.projected,
      projected: stryMutAct_9fa48("3318") ? false : (stryCov_9fa48("3318"), true)
    });
    if (stryMutAct_9fa48("3321") ? m.status === 'measured' && m.status === 'interpolated' : stryMutAct_9fa48("3320") ? false : stryMutAct_9fa48("3319") ? true : (stryCov_9fa48("3319", "3320", "3321"), (stryMutAct_9fa48("3323") ? m.status !== 'measured' : stryMutAct_9fa48("3322") ? false : (stryCov_9fa48("3322", "3323"), m.status === (stryMutAct_9fa48("3324") ? "" : (stryCov_9fa48("3324"), 'measured')))) || (stryMutAct_9fa48("3326") ? m.status !== 'interpolated' : stryMutAct_9fa48("3325") ? false : (stryCov_9fa48("3325", "3326"), m.status === (stryMutAct_9fa48("3327") ? "" : (stryCov_9fa48("3327"), 'interpolated')))))) {
      if (stryMutAct_9fa48("3328")) {
        {}
      } else {
        stryCov_9fa48("3328");
        return stryMutAct_9fa48("3329") ? {} : (stryCov_9fa48("3329"), {
          value: m.usage,
          projected: stryMutAct_9fa48("3330") ? true : (stryCov_9fa48("3330"), false)
        });
      }
    }
    return null;
  }
}
function usageLines(input: UsageReportInput, kind: Exclude<SourceKind, 'gauge'>, months: readonly MonthUsage[]): string[] {
  if (stryMutAct_9fa48("3331")) {
    {}
  } else {
    stryCov_9fa48("3331");
    const {
      language,
      month,
      now
    } = input;
    const {
      unit
    } = input.meter;
    const text = TEXT[language];
    const byMonth = new Map(months.map(stryMutAct_9fa48("3332") ? () => undefined : (stryCov_9fa48("3332"), m => stryMutAct_9fa48("3333") ? [] : (stryCov_9fa48("3333"), [m.month, m]))));
    const figure = byMonth.get(month);
    if (stryMutAct_9fa48("3336") ? (!figure || figure.status === 'none') && figure.usage === null : stryMutAct_9fa48("3335") ? false : stryMutAct_9fa48("3334") ? true : (stryCov_9fa48("3334", "3335", "3336"), (stryMutAct_9fa48("3338") ? !figure && figure.status === 'none' : stryMutAct_9fa48("3337") ? false : (stryCov_9fa48("3337", "3338"), (stryMutAct_9fa48("3339") ? figure : (stryCov_9fa48("3339"), !figure)) || (stryMutAct_9fa48("3341") ? figure.status !== 'none' : stryMutAct_9fa48("3340") ? false : (stryCov_9fa48("3340", "3341"), figure.status === (stryMutAct_9fa48("3342") ? "" : (stryCov_9fa48("3342"), 'none')))))) || (stryMutAct_9fa48("3344") ? figure.usage !== null : stryMutAct_9fa48("3343") ? false : (stryCov_9fa48("3343", "3344"), figure.usage === null)))) {
      if (stryMutAct_9fa48("3345")) {
        {}
      } else {
        stryCov_9fa48("3345");
        return stryMutAct_9fa48("3346") ? [] : (stryCov_9fa48("3346"), [text.noData(monthTitle(month, language))]);
      }
    }
    const lines = stryMutAct_9fa48("3347") ? [] : (stryCov_9fa48("3347"), [(stryMutAct_9fa48("3350") ? kind !== 'delta' : stryMutAct_9fa48("3349") ? false : stryMutAct_9fa48("3348") ? true : (stryCov_9fa48("3348", "3349", "3350"), kind === (stryMutAct_9fa48("3351") ? "" : (stryCov_9fa48("3351"), 'delta')))) ? text.total(withUnit(figure.usage, unit)) : text.usage(withUnit(figure.usage, unit))]);
    if (stryMutAct_9fa48("3354") ? figure.dailyAverage === null : stryMutAct_9fa48("3353") ? false : stryMutAct_9fa48("3352") ? true : (stryCov_9fa48("3352", "3353", "3354"), figure.dailyAverage !== null)) {
      if (stryMutAct_9fa48("3355")) {
        {}
      } else {
        stryCov_9fa48("3355");
        lines.push(text.dailyAverage(withUnit(figure.dailyAverage, unit)));
      }
    }
    const covered = formatNumber(String(figure.coveredDays), 1);
    const toDate = stryMutAct_9fa48("3358") ? isCurrent(figure, now) && figure.status !== 'measured' || figure.status !== 'interpolated' : stryMutAct_9fa48("3357") ? false : stryMutAct_9fa48("3356") ? true : (stryCov_9fa48("3356", "3357", "3358"), (stryMutAct_9fa48("3360") ? isCurrent(figure, now) || figure.status !== 'measured' : stryMutAct_9fa48("3359") ? true : (stryCov_9fa48("3359", "3360"), isCurrent(figure, now) && (stryMutAct_9fa48("3362") ? figure.status === 'measured' : stryMutAct_9fa48("3361") ? true : (stryCov_9fa48("3361", "3362"), figure.status !== (stryMutAct_9fa48("3363") ? "" : (stryCov_9fa48("3363"), 'measured')))))) && (stryMutAct_9fa48("3365") ? figure.status === 'interpolated' : stryMutAct_9fa48("3364") ? true : (stryCov_9fa48("3364", "3365"), figure.status !== (stryMutAct_9fa48("3366") ? "" : (stryCov_9fa48("3366"), 'interpolated')))));
    if (stryMutAct_9fa48("3368") ? false : stryMutAct_9fa48("3367") ? true : (stryCov_9fa48("3367", "3368"), toDate)) {
      if (stryMutAct_9fa48("3369")) {
        {}
      } else {
        stryCov_9fa48("3369");
        // Readings only hours apart cover "less than a day", not "0 days".
        lines.push(text.monthToDate((stryMutAct_9fa48("3373") ? figure.coveredDays >= 1 : stryMutAct_9fa48("3372") ? figure.coveredDays <= 1 : stryMutAct_9fa48("3371") ? false : stryMutAct_9fa48("3370") ? true : (stryCov_9fa48("3370", "3371", "3372", "3373"), figure.coveredDays < 1)) ? null : covered));
        lines.push((stryMutAct_9fa48("3376") ? figure.projected === null : stryMutAct_9fa48("3375") ? false : stryMutAct_9fa48("3374") ? true : (stryCov_9fa48("3374", "3375", "3376"), figure.projected !== null)) ? text.projected(withUnit(figure.projected, unit)) : text.noProjection);
      }
    } else if (stryMutAct_9fa48("3379") ? figure.status !== 'partial' : stryMutAct_9fa48("3378") ? false : stryMutAct_9fa48("3377") ? true : (stryCov_9fa48("3377", "3378", "3379"), figure.status === (stryMutAct_9fa48("3380") ? "" : (stryCov_9fa48("3380"), 'partial')))) {
      if (stryMutAct_9fa48("3381")) {
        {}
      } else {
        stryCov_9fa48("3381");
        const monthDays = formatNumber(String(stryMutAct_9fa48("3382") ? (figure.end.getTime() - figure.start.getTime()) * 86_400_000 : (stryCov_9fa48("3382"), (stryMutAct_9fa48("3383") ? figure.end.getTime() + figure.start.getTime() : (stryCov_9fa48("3383"), figure.end.getTime() - figure.start.getTime())) / 86_400_000)), 1);
        lines.push(text.partial(covered, monthDays));
      }
    } else if (stryMutAct_9fa48("3386") ? kind !== 'delta' : stryMutAct_9fa48("3385") ? false : stryMutAct_9fa48("3384") ? true : (stryCov_9fa48("3384", "3385", "3386"), kind === (stryMutAct_9fa48("3387") ? "" : (stryCov_9fa48("3387"), 'delta')))) {
      if (stryMutAct_9fa48("3388")) {
        {}
      } else {
        stryCov_9fa48("3388");
        lines.push(text.deltaMeasured);
      }
    } else {
      if (stryMutAct_9fa48("3389")) {
        {}
      } else {
        stryCov_9fa48("3389");
        lines.push((stryMutAct_9fa48("3392") ? figure.status !== 'measured' : stryMutAct_9fa48("3391") ? false : stryMutAct_9fa48("3390") ? true : (stryCov_9fa48("3390", "3391", "3392"), figure.status === (stryMutAct_9fa48("3393") ? "" : (stryCov_9fa48("3393"), 'measured')))) ? text.measured : text.interpolated);
      }
    }
    const total = comparableTotal(figure);
    for (const other of stryMutAct_9fa48("3394") ? [] : (stryCov_9fa48("3394"), [addMonths(month, stryMutAct_9fa48("3395") ? +1 : (stryCov_9fa48("3395"), -1)), addMonths(month, stryMutAct_9fa48("3396") ? +12 : (stryCov_9fa48("3396"), -12))])) {
      if (stryMutAct_9fa48("3397")) {
        {}
      } else {
        stryCov_9fa48("3397");
        const base = comparableTotal(byMonth.get(other));
        if (stryMutAct_9fa48("3400") ? (!total || !base) && base.projected : stryMutAct_9fa48("3399") ? false : stryMutAct_9fa48("3398") ? true : (stryCov_9fa48("3398", "3399", "3400"), (stryMutAct_9fa48("3402") ? !total && !base : stryMutAct_9fa48("3401") ? false : (stryCov_9fa48("3401", "3402"), (stryMutAct_9fa48("3403") ? total : (stryCov_9fa48("3403"), !total)) || (stryMutAct_9fa48("3404") ? base : (stryCov_9fa48("3404"), !base)))) || base.projected)) continue;
        const change = percentChange(total.value, base.value);
        if (stryMutAct_9fa48("3407") ? change !== null : stryMutAct_9fa48("3406") ? false : stryMutAct_9fa48("3405") ? true : (stryCov_9fa48("3405", "3406", "3407"), change === null)) continue;
        const mark = total.projected ? text.projectedMark : stryMutAct_9fa48("3408") ? "Stryker was here!" : (stryCov_9fa48("3408"), '');
        lines.push(text.compared(monthTitle(other, language), stryMutAct_9fa48("3409") ? `` : (stryCov_9fa48("3409"), `${change}${mark}`)));
      }
    }
    return lines;
  }
}
function gaugeLines(input: UsageReportInput, months: readonly MonthStats[]): string[] {
  if (stryMutAct_9fa48("3410")) {
    {}
  } else {
    stryCov_9fa48("3410");
    const {
      language,
      month
    } = input;
    const {
      unit
    } = input.meter;
    const text = TEXT[language];
    const byMonth = new Map(months.map(stryMutAct_9fa48("3411") ? () => undefined : (stryCov_9fa48("3411"), m => stryMutAct_9fa48("3412") ? [] : (stryCov_9fa48("3412"), [m.month, m]))));
    const figure = byMonth.get(month);
    if (stryMutAct_9fa48("3415") ? (!figure || figure.count === 0) && figure.average === null : stryMutAct_9fa48("3414") ? false : stryMutAct_9fa48("3413") ? true : (stryCov_9fa48("3413", "3414", "3415"), (stryMutAct_9fa48("3417") ? !figure && figure.count === 0 : stryMutAct_9fa48("3416") ? false : (stryCov_9fa48("3416", "3417"), (stryMutAct_9fa48("3418") ? figure : (stryCov_9fa48("3418"), !figure)) || (stryMutAct_9fa48("3420") ? figure.count !== 0 : stryMutAct_9fa48("3419") ? false : (stryCov_9fa48("3419", "3420"), figure.count === 0)))) || (stryMutAct_9fa48("3422") ? figure.average !== null : stryMutAct_9fa48("3421") ? false : (stryCov_9fa48("3421", "3422"), figure.average === null)))) {
      if (stryMutAct_9fa48("3423")) {
        {}
      } else {
        stryCov_9fa48("3423");
        return stryMutAct_9fa48("3424") ? [] : (stryCov_9fa48("3424"), [text.noReadings(monthTitle(month, language))]);
      }
    }
    const lines = stryMutAct_9fa48("3425") ? [] : (stryCov_9fa48("3425"), [text.average(withUnit(figure.average, unit), figure.count)]);
    if (stryMutAct_9fa48("3428") ? figure.min !== null || figure.max !== null : stryMutAct_9fa48("3427") ? false : stryMutAct_9fa48("3426") ? true : (stryCov_9fa48("3426", "3427", "3428"), (stryMutAct_9fa48("3430") ? figure.min === null : stryMutAct_9fa48("3429") ? true : (stryCov_9fa48("3429", "3430"), figure.min !== null)) && (stryMutAct_9fa48("3432") ? figure.max === null : stryMutAct_9fa48("3431") ? true : (stryCov_9fa48("3431", "3432"), figure.max !== null)))) {
      if (stryMutAct_9fa48("3433")) {
        {}
      } else {
        stryCov_9fa48("3433");
        lines.push(text.range(withUnit(figure.min, unit), withUnit(figure.max, unit)));
      }
    }
    // A difference, not a percentage: 10 % warmer means nothing for a temperature.
    for (const other of stryMutAct_9fa48("3434") ? [] : (stryCov_9fa48("3434"), [addMonths(month, stryMutAct_9fa48("3435") ? +1 : (stryCov_9fa48("3435"), -1)), addMonths(month, stryMutAct_9fa48("3436") ? +12 : (stryCov_9fa48("3436"), -12))])) {
      if (stryMutAct_9fa48("3437")) {
        {}
      } else {
        stryCov_9fa48("3437");
        const base = stryMutAct_9fa48("3438") ? byMonth.get(other).average : (stryCov_9fa48("3438"), byMonth.get(other)?.average);
        if (stryMutAct_9fa48("3441") ? base === null && base === undefined : stryMutAct_9fa48("3440") ? false : stryMutAct_9fa48("3439") ? true : (stryCov_9fa48("3439", "3440", "3441"), (stryMutAct_9fa48("3443") ? base !== null : stryMutAct_9fa48("3442") ? false : (stryCov_9fa48("3442", "3443"), base === null)) || (stryMutAct_9fa48("3445") ? base !== undefined : stryMutAct_9fa48("3444") ? false : (stryCov_9fa48("3444", "3445"), base === undefined)))) continue;
        const difference = signed(new Display(figure.average).minus(base));
        lines.push(text.compared(monthTitle(other, language), unit ? stryMutAct_9fa48("3446") ? `` : (stryCov_9fa48("3446"), `${difference} ${unit}`) : difference));
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
  if (stryMutAct_9fa48("3447")) {
    {}
  } else {
    stryCov_9fa48("3447");
    const heading = stryMutAct_9fa48("3448") ? `` : (stryCov_9fa48("3448"), `${input.meter.name} — ${monthTitle(input.month, input.language)}`);
    const lines = (stryMutAct_9fa48("3451") ? input.figures.kind !== 'gauge' : stryMutAct_9fa48("3450") ? false : stryMutAct_9fa48("3449") ? true : (stryCov_9fa48("3449", "3450", "3451"), input.figures.kind === (stryMutAct_9fa48("3452") ? "" : (stryCov_9fa48("3452"), 'gauge')))) ? gaugeLines(input, input.figures.months) : usageLines(input, input.figures.kind, input.figures.months);
    return (stryMutAct_9fa48("3453") ? [] : (stryCov_9fa48("3453"), [heading, ...lines])).join(stryMutAct_9fa48("3454") ? "" : (stryCov_9fa48("3454"), '\n'));
  }
}