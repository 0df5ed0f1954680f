/**
 * Signed, expiring chart links (DESIGN §5). LINE fetches a chart image itself, without cookies or
 * headers, so the URL is the capability: `<payload>.<signature>`, both base64url. The payload
 * names the chart (not the picture), so any instance can draw it again from the database; the
 * signature is HMAC-SHA256 under a key derived from APP_SECRET for this purpose only.
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
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Language } from '../domain/types';
export type ChartMode = 'monthly' | 'readings';
export type ChartVariant = 'original' | 'preview';

/** The most months one chart may span (a bar per month stays legible). */
export const MAX_CHART_MONTHS = 60;
export interface ChartTokenPayload {
  sourceId: string;
  /** The actor the chart is drawn for: row-level security decides again at every fetch. */
  userId: string | null;
  /** The LINE group or room whose share let the actor see the source, if any. */
  chatId: string | null;
  mode: ChartMode;
  months: number;
  language: Language;
  /** The chart's "now", in epoch seconds: the same months, projection and labels at every fetch. */
  asOf: number;
  variant: ChartVariant;
}
export interface VerifiedChartToken extends ChartTokenPayload {
  expiresAt: Date;
}
const VERSION = 1;
const KEY_INFO = stryMutAct_9fa48("0") ? "" : (stryCov_9fa48("0"), 'home-log chart links v1');
const SIGNATURE_CHARS = 43; // 32 bytes, base64url without padding
const TOKEN_PATTERN = stryMutAct_9fa48("6") ? /^([A-Za-z0-9_-]{1,1500})\.([^A-Za-z0-9_-]{43})$/ : stryMutAct_9fa48("5") ? /^([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-])$/ : stryMutAct_9fa48("4") ? /^([^A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{43})$/ : stryMutAct_9fa48("3") ? /^([A-Za-z0-9_-])\.([A-Za-z0-9_-]{43})$/ : stryMutAct_9fa48("2") ? /^([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{43})/ : stryMutAct_9fa48("1") ? /([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{43})$/ : (stryCov_9fa48("1", "2", "3", "4", "5", "6"), /^([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{43})$/);

/** A key for chart links only: a leaked link key would not sign cookies, and vice versa. */
function linkKey(secret: string): Buffer {
  if (stryMutAct_9fa48("7")) {
    {}
  } else {
    stryCov_9fa48("7");
    return Buffer.from(hkdfSync(stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), 'sha256'), secret, stryMutAct_9fa48("9") ? "Stryker was here!" : (stryCov_9fa48("9"), ''), KEY_INFO, 32));
  }
}
function signature(secret: string, encodedPayload: string): string {
  if (stryMutAct_9fa48("10")) {
    {}
  } else {
    stryCov_9fa48("10");
    return createHmac(stryMutAct_9fa48("11") ? "" : (stryCov_9fa48("11"), 'sha256'), linkKey(secret)).update(encodedPayload).digest(stryMutAct_9fa48("12") ? "" : (stryCov_9fa48("12"), 'base64url'));
  }
}

// Positional JSON keeps the URL short: [version, source, user, chat, mode, months, language,
// asOf, variant, expires].
type Wire = [number, string, string | null, string | null, string, number, string, number, string, number];
const isInteger = stryMutAct_9fa48("13") ? () => undefined : (stryCov_9fa48("13"), (() => {
  const isInteger = (value: unknown, min: number, max: number): value is number => stryMutAct_9fa48("16") ? Number.isSafeInteger(value) && value as number >= min || (value as number) <= max : stryMutAct_9fa48("15") ? false : stryMutAct_9fa48("14") ? true : (stryCov_9fa48("14", "15", "16"), (stryMutAct_9fa48("18") ? Number.isSafeInteger(value) || value as number >= min : stryMutAct_9fa48("17") ? true : (stryCov_9fa48("17", "18"), Number.isSafeInteger(value) && (stryMutAct_9fa48("21") ? (value as number) < min : stryMutAct_9fa48("20") ? value as number > min : stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19", "20", "21"), value as number >= min)))) && (stryMutAct_9fa48("24") ? value as number > max : stryMutAct_9fa48("23") ? (value as number) < max : stryMutAct_9fa48("22") ? true : (stryCov_9fa48("22", "23", "24"), (value as number) <= max)));
  return isInteger;
})());
const isId = stryMutAct_9fa48("25") ? () => undefined : (stryCov_9fa48("25"), (() => {
  const isId = (value: unknown): value is string => stryMutAct_9fa48("28") ? typeof value === 'string' && value.length > 0 || value.length <= 100 : stryMutAct_9fa48("27") ? false : stryMutAct_9fa48("26") ? true : (stryCov_9fa48("26", "27", "28"), (stryMutAct_9fa48("30") ? typeof value === 'string' || value.length > 0 : stryMutAct_9fa48("29") ? true : (stryCov_9fa48("29", "30"), (stryMutAct_9fa48("32") ? typeof value !== 'string' : stryMutAct_9fa48("31") ? true : (stryCov_9fa48("31", "32"), typeof value === (stryMutAct_9fa48("33") ? "" : (stryCov_9fa48("33"), 'string')))) && (stryMutAct_9fa48("36") ? value.length <= 0 : stryMutAct_9fa48("35") ? value.length >= 0 : stryMutAct_9fa48("34") ? true : (stryCov_9fa48("34", "35", "36"), value.length > 0)))) && (stryMutAct_9fa48("39") ? value.length > 100 : stryMutAct_9fa48("38") ? value.length < 100 : stryMutAct_9fa48("37") ? true : (stryCov_9fa48("37", "38", "39"), value.length <= 100)));
  return isId;
})());
function checkPayload(payload: ChartTokenPayload): void {
  if (stryMutAct_9fa48("40")) {
    {}
  } else {
    stryCov_9fa48("40");
    if (stryMutAct_9fa48("43") ? false : stryMutAct_9fa48("42") ? true : stryMutAct_9fa48("41") ? isInteger(payload.months, 1, MAX_CHART_MONTHS) : (stryCov_9fa48("41", "42", "43"), !isInteger(payload.months, 1, MAX_CHART_MONTHS))) {
      if (stryMutAct_9fa48("44")) {
        {}
      } else {
        stryCov_9fa48("44");
        throw new RangeError(stryMutAct_9fa48("45") ? `` : (stryCov_9fa48("45"), `months must be 1..${MAX_CHART_MONTHS}`));
      }
    }
    if (stryMutAct_9fa48("48") ? false : stryMutAct_9fa48("47") ? true : stryMutAct_9fa48("46") ? isInteger(payload.asOf, 0, Number.MAX_SAFE_INTEGER) : (stryCov_9fa48("46", "47", "48"), !isInteger(payload.asOf, 0, Number.MAX_SAFE_INTEGER))) {
      if (stryMutAct_9fa48("49")) {
        {}
      } else {
        stryCov_9fa48("49");
        throw new RangeError(stryMutAct_9fa48("50") ? "" : (stryCov_9fa48("50"), 'asOf must be epoch seconds'));
      }
    }
  }
}
export function signChartToken(secret: string, payload: ChartTokenPayload, expiresAt: Date): string {
  if (stryMutAct_9fa48("51")) {
    {}
  } else {
    stryCov_9fa48("51");
    checkPayload(payload);
    const wire: Wire = stryMutAct_9fa48("52") ? [] : (stryCov_9fa48("52"), [VERSION, payload.sourceId, payload.userId, payload.chatId, payload.mode, payload.months, payload.language, payload.asOf, payload.variant, Math.floor(stryMutAct_9fa48("53") ? expiresAt.getTime() * 1000 : (stryCov_9fa48("53"), expiresAt.getTime() / 1000))]);
    const encoded = Buffer.from(JSON.stringify(wire)).toString(stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'base64url'));
    return stryMutAct_9fa48("55") ? `` : (stryCov_9fa48("55"), `${encoded}.${signature(secret, encoded)}`);
  }
}
function decode(encoded: string): VerifiedChartToken | null {
  if (stryMutAct_9fa48("56")) {
    {}
  } else {
    stryCov_9fa48("56");
    let wire: unknown;
    try {
      if (stryMutAct_9fa48("57")) {
        {}
      } else {
        stryCov_9fa48("57");
        wire = JSON.parse(Buffer.from(encoded, stryMutAct_9fa48("58") ? "" : (stryCov_9fa48("58"), 'base64url')).toString(stryMutAct_9fa48("59") ? "" : (stryCov_9fa48("59"), 'utf8')));
      }
    } catch {
      if (stryMutAct_9fa48("60")) {
        {}
      } else {
        stryCov_9fa48("60");
        return null;
      }
    }
    if (stryMutAct_9fa48("63") ? (!Array.isArray(wire) || wire.length !== 10) && wire[0] !== VERSION : stryMutAct_9fa48("62") ? false : stryMutAct_9fa48("61") ? true : (stryCov_9fa48("61", "62", "63"), (stryMutAct_9fa48("65") ? !Array.isArray(wire) && wire.length !== 10 : stryMutAct_9fa48("64") ? false : (stryCov_9fa48("64", "65"), (stryMutAct_9fa48("66") ? Array.isArray(wire) : (stryCov_9fa48("66"), !Array.isArray(wire))) || (stryMutAct_9fa48("68") ? wire.length === 10 : stryMutAct_9fa48("67") ? false : (stryCov_9fa48("67", "68"), wire.length !== 10)))) || (stryMutAct_9fa48("70") ? wire[0] === VERSION : stryMutAct_9fa48("69") ? false : (stryCov_9fa48("69", "70"), wire[0] !== VERSION)))) return null;
    const [, sourceId, userId, chatId, mode, months, language, asOf, variant, expires] = wire;
    if (stryMutAct_9fa48("73") ? (!isId(sourceId) || !(userId === null || isId(userId)) || !(chatId === null || isId(chatId)) || mode !== 'monthly' && mode !== 'readings' || !isInteger(months, 1, MAX_CHART_MONTHS) || language !== 'th' && language !== 'en' || !isInteger(asOf, 0, Number.MAX_SAFE_INTEGER) || variant !== 'original' && variant !== 'preview') && !isInteger(expires, 0, Number.MAX_SAFE_INTEGER) : stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72", "73"), (stryMutAct_9fa48("75") ? (!isId(sourceId) || !(userId === null || isId(userId)) || !(chatId === null || isId(chatId)) || mode !== 'monthly' && mode !== 'readings' || !isInteger(months, 1, MAX_CHART_MONTHS) || language !== 'th' && language !== 'en' || !isInteger(asOf, 0, Number.MAX_SAFE_INTEGER)) && variant !== 'original' && variant !== 'preview' : stryMutAct_9fa48("74") ? false : (stryCov_9fa48("74", "75"), (stryMutAct_9fa48("77") ? (!isId(sourceId) || !(userId === null || isId(userId)) || !(chatId === null || isId(chatId)) || mode !== 'monthly' && mode !== 'readings' || !isInteger(months, 1, MAX_CHART_MONTHS) || language !== 'th' && language !== 'en') && !isInteger(asOf, 0, Number.MAX_SAFE_INTEGER) : stryMutAct_9fa48("76") ? false : (stryCov_9fa48("76", "77"), (stryMutAct_9fa48("79") ? (!isId(sourceId) || !(userId === null || isId(userId)) || !(chatId === null || isId(chatId)) || mode !== 'monthly' && mode !== 'readings' || !isInteger(months, 1, MAX_CHART_MONTHS)) && language !== 'th' && language !== 'en' : stryMutAct_9fa48("78") ? false : (stryCov_9fa48("78", "79"), (stryMutAct_9fa48("81") ? (!isId(sourceId) || !(userId === null || isId(userId)) || !(chatId === null || isId(chatId)) || mode !== 'monthly' && mode !== 'readings') && !isInteger(months, 1, MAX_CHART_MONTHS) : stryMutAct_9fa48("80") ? false : (stryCov_9fa48("80", "81"), (stryMutAct_9fa48("83") ? (!isId(sourceId) || !(userId === null || isId(userId)) || !(chatId === null || isId(chatId))) && mode !== 'monthly' && mode !== 'readings' : stryMutAct_9fa48("82") ? false : (stryCov_9fa48("82", "83"), (stryMutAct_9fa48("85") ? (!isId(sourceId) || !(userId === null || isId(userId))) && !(chatId === null || isId(chatId)) : stryMutAct_9fa48("84") ? false : (stryCov_9fa48("84", "85"), (stryMutAct_9fa48("87") ? !isId(sourceId) && !(userId === null || isId(userId)) : stryMutAct_9fa48("86") ? false : (stryCov_9fa48("86", "87"), (stryMutAct_9fa48("88") ? isId(sourceId) : (stryCov_9fa48("88"), !isId(sourceId))) || (stryMutAct_9fa48("89") ? userId === null || isId(userId) : (stryCov_9fa48("89"), !(stryMutAct_9fa48("92") ? userId === null && isId(userId) : stryMutAct_9fa48("91") ? false : stryMutAct_9fa48("90") ? true : (stryCov_9fa48("90", "91", "92"), (stryMutAct_9fa48("94") ? userId !== null : stryMutAct_9fa48("93") ? false : (stryCov_9fa48("93", "94"), userId === null)) || isId(userId))))))) || (stryMutAct_9fa48("95") ? chatId === null || isId(chatId) : (stryCov_9fa48("95"), !(stryMutAct_9fa48("98") ? chatId === null && isId(chatId) : stryMutAct_9fa48("97") ? false : stryMutAct_9fa48("96") ? true : (stryCov_9fa48("96", "97", "98"), (stryMutAct_9fa48("100") ? chatId !== null : stryMutAct_9fa48("99") ? false : (stryCov_9fa48("99", "100"), chatId === null)) || isId(chatId))))))) || (stryMutAct_9fa48("102") ? mode !== 'monthly' || mode !== 'readings' : stryMutAct_9fa48("101") ? false : (stryCov_9fa48("101", "102"), (stryMutAct_9fa48("104") ? mode === 'monthly' : stryMutAct_9fa48("103") ? true : (stryCov_9fa48("103", "104"), mode !== (stryMutAct_9fa48("105") ? "" : (stryCov_9fa48("105"), 'monthly')))) && (stryMutAct_9fa48("107") ? mode === 'readings' : stryMutAct_9fa48("106") ? true : (stryCov_9fa48("106", "107"), mode !== (stryMutAct_9fa48("108") ? "" : (stryCov_9fa48("108"), 'readings')))))))) || (stryMutAct_9fa48("109") ? isInteger(months, 1, MAX_CHART_MONTHS) : (stryCov_9fa48("109"), !isInteger(months, 1, MAX_CHART_MONTHS))))) || (stryMutAct_9fa48("111") ? language !== 'th' || language !== 'en' : stryMutAct_9fa48("110") ? false : (stryCov_9fa48("110", "111"), (stryMutAct_9fa48("113") ? language === 'th' : stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112", "113"), language !== (stryMutAct_9fa48("114") ? "" : (stryCov_9fa48("114"), 'th')))) && (stryMutAct_9fa48("116") ? language === 'en' : stryMutAct_9fa48("115") ? true : (stryCov_9fa48("115", "116"), language !== (stryMutAct_9fa48("117") ? "" : (stryCov_9fa48("117"), 'en')))))))) || (stryMutAct_9fa48("118") ? isInteger(asOf, 0, Number.MAX_SAFE_INTEGER) : (stryCov_9fa48("118"), !isInteger(asOf, 0, Number.MAX_SAFE_INTEGER))))) || (stryMutAct_9fa48("120") ? variant !== 'original' || variant !== 'preview' : stryMutAct_9fa48("119") ? false : (stryCov_9fa48("119", "120"), (stryMutAct_9fa48("122") ? variant === 'original' : stryMutAct_9fa48("121") ? true : (stryCov_9fa48("121", "122"), variant !== (stryMutAct_9fa48("123") ? "" : (stryCov_9fa48("123"), 'original')))) && (stryMutAct_9fa48("125") ? variant === 'preview' : stryMutAct_9fa48("124") ? true : (stryCov_9fa48("124", "125"), variant !== (stryMutAct_9fa48("126") ? "" : (stryCov_9fa48("126"), 'preview')))))))) || (stryMutAct_9fa48("127") ? isInteger(expires, 0, Number.MAX_SAFE_INTEGER) : (stryCov_9fa48("127"), !isInteger(expires, 0, Number.MAX_SAFE_INTEGER))))) {
      if (stryMutAct_9fa48("128")) {
        {}
      } else {
        stryCov_9fa48("128");
        return null;
      }
    }
    return stryMutAct_9fa48("129") ? {} : (stryCov_9fa48("129"), {
      sourceId,
      userId,
      chatId,
      mode,
      months,
      language,
      asOf,
      variant,
      expiresAt: new Date(stryMutAct_9fa48("130") ? expires / 1000 : (stryCov_9fa48("130"), expires * 1000))
    });
  }
}

/** The payload of a genuine, unexpired token; null for anything else, whatever is wrong with it. */
export function verifyChartToken(secret: string, token: string, now: Date): VerifiedChartToken | null {
  if (stryMutAct_9fa48("131")) {
    {}
  } else {
    stryCov_9fa48("131");
    const match = TOKEN_PATTERN.exec(token);
    if (stryMutAct_9fa48("134") ? false : stryMutAct_9fa48("133") ? true : stryMutAct_9fa48("132") ? match : (stryCov_9fa48("132", "133", "134"), !match)) return null;
    const [, encoded = stryMutAct_9fa48("135") ? "Stryker was here!" : (stryCov_9fa48("135"), ''), given = stryMutAct_9fa48("136") ? "Stryker was here!" : (stryCov_9fa48("136"), '')] = match;
    const expected = signature(secret, encoded);
    if (stryMutAct_9fa48("139") ? expected.length !== SIGNATURE_CHARS && !timingSafeEqual(Buffer.from(given), Buffer.from(expected)) : stryMutAct_9fa48("138") ? false : stryMutAct_9fa48("137") ? true : (stryCov_9fa48("137", "138", "139"), (stryMutAct_9fa48("141") ? expected.length === SIGNATURE_CHARS : stryMutAct_9fa48("140") ? false : (stryCov_9fa48("140", "141"), expected.length !== SIGNATURE_CHARS)) || (stryMutAct_9fa48("142") ? timingSafeEqual(Buffer.from(given), Buffer.from(expected)) : (stryCov_9fa48("142"), !timingSafeEqual(Buffer.from(given), Buffer.from(expected)))))) {
      if (stryMutAct_9fa48("143")) {
        {}
      } else {
        stryCov_9fa48("143");
        return null;
      }
    }
    const payload = decode(encoded);
    if (stryMutAct_9fa48("146") ? !payload && now.getTime() >= payload.expiresAt.getTime() : stryMutAct_9fa48("145") ? false : stryMutAct_9fa48("144") ? true : (stryCov_9fa48("144", "145", "146"), (stryMutAct_9fa48("147") ? payload : (stryCov_9fa48("147"), !payload)) || (stryMutAct_9fa48("150") ? now.getTime() < payload.expiresAt.getTime() : stryMutAct_9fa48("149") ? now.getTime() > payload.expiresAt.getTime() : stryMutAct_9fa48("148") ? false : (stryCov_9fa48("148", "149", "150"), now.getTime() >= payload.expiresAt.getTime())))) return null;
    return payload;
  }
}