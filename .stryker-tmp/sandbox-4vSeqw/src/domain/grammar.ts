// @ts-nocheck
// The chat grammar (DESIGN §4): text -> Command, and Command -> canonical text.
//
// Pure: no clock, no I/O, never throws. The pipeline is
//   normalizeText -> exact one-word commands -> keyword commands -> reading forms,
// on top of a small tokenizer. Each command family has its own function.
// Messages that do not start like a command are null (group chatter); messages that
// do but cannot be read become `malformed`, so the bot can say how to write them.
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
import { type Command, LIMITS, type MalformedTopic, type MeterRef, type Problem, type ReadingRef, type SetMeterCommand, type TimeSpec, type WellFormedCommand } from './commands';
import type { Language, Role, SourceKind } from './types';

// ---------------------------------------------------------------------------
// Normalisation and language

/**
 * The canonical form every parse starts from: NFKC (full-width letters, digits and
 * `＝＃＠：－．` become ASCII, `℃` becomes `°C`, `m³` becomes `m3`), Thai digits to
 * ASCII, U+2212 minus to `-`, invisible zero-width spaces removed, whitespace collapsed,
 * trimmed. Case is kept (names keep the user's case). Idempotent.
 */
export function normalizeText(text: string): string {
  if (stryMutAct_9fa48("795")) {
    {}
  } else {
    stryCov_9fa48("795");
    return stryMutAct_9fa48("796") ? text.normalize('NFKC')
    // NFKC splits Thai SARA AM (ำ) into NIKHAHIT + SARA AA; put it back so "น้ำ" stays as typed.
    .replace(/\u0E4D\u0E32/g, '\u0E33').replace(/[\u0E50-\u0E59]/g, d => String(d.charCodeAt(0) - 0x0e50)).replace(/\u2212/g, '-')
    // Thai text often carries invisible word breaks; the user does not see them as spaces.
    .replace(/[\u200B\u2060\uFEFF]/g, '').replace(/\s+/g, ' ') : (stryCov_9fa48("796"), text.normalize(stryMutAct_9fa48("797") ? "" : (stryCov_9fa48("797"), 'NFKC'))
    // NFKC splits Thai SARA AM (ำ) into NIKHAHIT + SARA AA; put it back so "น้ำ" stays as typed.
    .replace(/\u0E4D\u0E32/g, stryMutAct_9fa48("798") ? "" : (stryCov_9fa48("798"), '\u0E33')).replace(stryMutAct_9fa48("799") ? /[^\u0E50-\u0E59]/g : (stryCov_9fa48("799"), /[\u0E50-\u0E59]/g), stryMutAct_9fa48("800") ? () => undefined : (stryCov_9fa48("800"), d => String(stryMutAct_9fa48("801") ? d.charCodeAt(0) + 0x0e50 : (stryCov_9fa48("801"), d.charCodeAt(0) - 0x0e50)))).replace(/\u2212/g, stryMutAct_9fa48("802") ? "" : (stryCov_9fa48("802"), '-'))
    // Thai text often carries invisible word breaks; the user does not see them as spaces.
    .replace(stryMutAct_9fa48("803") ? /[^\u200B\u2060\uFEFF]/g : (stryCov_9fa48("803"), /[\u200B\u2060\uFEFF]/g), stryMutAct_9fa48("804") ? "Stryker was here!" : (stryCov_9fa48("804"), '')).replace(stryMutAct_9fa48("806") ? /\S+/g : stryMutAct_9fa48("805") ? /\s/g : (stryCov_9fa48("805", "806"), /\s+/g), stryMutAct_9fa48("807") ? "" : (stryCov_9fa48("807"), ' ')).trim());
  }
}
const THAI_LETTER = stryMutAct_9fa48("808") ? /[^\u0E01-\u0E3A\u0E40-\u0E4E]/ : (stryCov_9fa48("808"), /[\u0E01-\u0E3A\u0E40-\u0E4E]/);
const LATIN_LETTER = stryMutAct_9fa48("809") ? /\P{Script=Latin}/u : (stryCov_9fa48("809"), /\p{Script=Latin}/u);

/** 'th' when the text has Thai letters, 'en' when it has Latin letters only, else null. */
export function detectLanguage(text: string): Language | null {
  if (stryMutAct_9fa48("810")) {
    {}
  } else {
    stryCov_9fa48("810");
    if (stryMutAct_9fa48("812") ? false : stryMutAct_9fa48("811") ? true : (stryCov_9fa48("811", "812"), THAI_LETTER.test(text))) return stryMutAct_9fa48("813") ? "" : (stryCov_9fa48("813"), 'th');
    if (stryMutAct_9fa48("815") ? false : stryMutAct_9fa48("814") ? true : (stryCov_9fa48("814", "815"), LATIN_LETTER.test(text))) return stryMutAct_9fa48("816") ? "" : (stryCov_9fa48("816"), 'en');
    return null;
  }
}

// ---------------------------------------------------------------------------
// Tokenizer

interface Token {
  /** As typed (quoted: the inside, trimmed). A `:` used as a separator reads as `=`. */
  text: string;
  lower: string;
  /** Offsets in the normalised message. */
  start: number;
  end: number;
  quoted: boolean;
}

// A quoted string, `=`, `@`, a `:` separator, or a run of anything else; a `:` between two
// digits stays inside the run (08:00). A stray quote is a token of its own.
const TOKEN_RE = stryMutAct_9fa48("831") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|[^"“”]/gu : stryMutAct_9fa48("830") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\D))+|["“”]/gu : stryMutAct_9fa48("829") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?!\d))+|["“”]/gu : stryMutAct_9fa48("828") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\D):(?=\d))+|["“”]/gu : stryMutAct_9fa48("827") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<!\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("826") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\S=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("825") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("824") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))|["“”]/gu : stryMutAct_9fa48("823") ? /"([^"]*)"|“([^”]*)”|”([^”]*)”|[^=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("822") ? /"([^"]*)"|“([^”]*)”|”([”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("821") ? /"([^"]*)"|“([^”]*)”|”([^”])”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("820") ? /"([^"]*)"|“([”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("819") ? /"([^"]*)"|“([^”])”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("818") ? /"(["]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : stryMutAct_9fa48("817") ? /"([^"])"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu : (stryCov_9fa48("817", "818", "819", "820", "821", "822", "823", "824", "825", "826", "827", "828", "829", "830", "831"), /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu);
function tokenize(s: string, from = 0): Token[] {
  if (stryMutAct_9fa48("832")) {
    {}
  } else {
    stryCov_9fa48("832");
    const tokens: Token[] = stryMutAct_9fa48("833") ? ["Stryker was here"] : (stryCov_9fa48("833"), []);
    for (const m of stryMutAct_9fa48("834") ? s.matchAll(TOKEN_RE) : (stryCov_9fa48("834"), s.slice(from).matchAll(TOKEN_RE))) {
      if (stryMutAct_9fa48("835")) {
        {}
      } else {
        stryCov_9fa48("835");
        const start = stryMutAct_9fa48("836") ? from - m.index : (stryCov_9fa48("836"), from + m.index);
        const inner = stryMutAct_9fa48("837") ? (m[1] ?? m[2]) && m[3] : (stryCov_9fa48("837"), (stryMutAct_9fa48("838") ? m[1] && m[2] : (stryCov_9fa48("838"), m[1] ?? m[2])) ?? m[3]);
        const raw = m[0];
        const text = (stryMutAct_9fa48("841") ? inner === undefined : stryMutAct_9fa48("840") ? false : stryMutAct_9fa48("839") ? true : (stryCov_9fa48("839", "840", "841"), inner !== undefined)) ? stryMutAct_9fa48("842") ? inner : (stryCov_9fa48("842"), inner.trim()) : (stryMutAct_9fa48("845") ? raw !== ':' : stryMutAct_9fa48("844") ? false : stryMutAct_9fa48("843") ? true : (stryCov_9fa48("843", "844", "845"), raw === (stryMutAct_9fa48("846") ? "" : (stryCov_9fa48("846"), ':')))) ? stryMutAct_9fa48("847") ? "" : (stryCov_9fa48("847"), '=') : raw;
        tokens.push(stryMutAct_9fa48("848") ? {} : (stryCov_9fa48("848"), {
          text,
          lower: stryMutAct_9fa48("849") ? text.toUpperCase() : (stryCov_9fa48("849"), text.toLowerCase()),
          start,
          end: stryMutAct_9fa48("850") ? start - raw.length : (stryCov_9fa48("850"), start + raw.length),
          quoted: stryMutAct_9fa48("853") ? inner === undefined : stryMutAct_9fa48("852") ? false : stryMutAct_9fa48("851") ? true : (stryCov_9fa48("851", "852", "853"), inner !== undefined)
        }));
      }
    }
    return tokens;
  }
}

/** An unquoted token whose lower-case text is one of `words`. */
function isWord(tok: Token | undefined, words: ReadonlySet<string> | ReadonlyMap<string, unknown>) {
  if (stryMutAct_9fa48("854")) {
    {}
  } else {
    stryCov_9fa48("854");
    return stryMutAct_9fa48("857") ? tok !== undefined && !tok.quoted || words.has(tok.lower) : stryMutAct_9fa48("856") ? false : stryMutAct_9fa48("855") ? true : (stryCov_9fa48("855", "856", "857"), (stryMutAct_9fa48("859") ? tok !== undefined || !tok.quoted : stryMutAct_9fa48("858") ? true : (stryCov_9fa48("858", "859"), (stryMutAct_9fa48("861") ? tok === undefined : stryMutAct_9fa48("860") ? true : (stryCov_9fa48("860", "861"), tok !== undefined)) && (stryMutAct_9fa48("862") ? tok.quoted : (stryCov_9fa48("862"), !tok.quoted)))) && words.has(tok.lower));
  }
}
function isSymbol(tok: Token | undefined, symbol: '=' | '@'): boolean {
  if (stryMutAct_9fa48("863")) {
    {}
  } else {
    stryCov_9fa48("863");
    return stryMutAct_9fa48("866") ? tok !== undefined && !tok.quoted || tok.text === symbol : stryMutAct_9fa48("865") ? false : stryMutAct_9fa48("864") ? true : (stryCov_9fa48("864", "865", "866"), (stryMutAct_9fa48("868") ? tok !== undefined || !tok.quoted : stryMutAct_9fa48("867") ? true : (stryCov_9fa48("867", "868"), (stryMutAct_9fa48("870") ? tok === undefined : stryMutAct_9fa48("869") ? true : (stryCov_9fa48("869", "870"), tok !== undefined)) && (stryMutAct_9fa48("871") ? tok.quoted : (stryCov_9fa48("871"), !tok.quoted)))) && (stryMutAct_9fa48("873") ? tok.text !== symbol : stryMutAct_9fa48("872") ? true : (stryCov_9fa48("872", "873"), tok.text === symbol)));
  }
}

// ---------------------------------------------------------------------------
// Results

export type Result<T> = {
  ok: true;
  value: T;
} | {
  ok: false;
  problem: Problem;
};
const ok = stryMutAct_9fa48("874") ? () => undefined : (stryCov_9fa48("874"), (() => {
  const ok = <T,>(value: T): Result<T> => stryMutAct_9fa48("875") ? {} : (stryCov_9fa48("875"), {
    ok: stryMutAct_9fa48("876") ? false : (stryCov_9fa48("876"), true),
    value
  });
  return ok;
})());
const bad = stryMutAct_9fa48("877") ? () => undefined : (stryCov_9fa48("877"), (() => {
  const bad = (problem: Problem): {
    ok: false;
    problem: Problem;
  } => stryMutAct_9fa48("878") ? {} : (stryCov_9fa48("878"), {
    ok: stryMutAct_9fa48("879") ? true : (stryCov_9fa48("879"), false),
    problem
  });
  return bad;
})());
function malformed(topic: MalformedTopic, problem: Problem, meter?: MeterRef): Command {
  if (stryMutAct_9fa48("880")) {
    {}
  } else {
    stryCov_9fa48("880");
    return meter ? stryMutAct_9fa48("881") ? {} : (stryCov_9fa48("881"), {
      type: stryMutAct_9fa48("882") ? "" : (stryCov_9fa48("882"), 'malformed'),
      topic,
      problem,
      meter
    }) : stryMutAct_9fa48("883") ? {} : (stryCov_9fa48("883"), {
      type: stryMutAct_9fa48("884") ? "" : (stryCov_9fa48("884"), 'malformed'),
      topic,
      problem
    });
  }
}
const codePoints = stryMutAct_9fa48("885") ? () => undefined : (stryCov_9fa48("885"), (() => {
  const codePoints = (s: string): number => (stryMutAct_9fa48("886") ? [] : (stryCov_9fa48("886"), [...s])).length;
  return codePoints;
})());
const DIGITS = stryMutAct_9fa48("890") ? /^\D+$/ : stryMutAct_9fa48("889") ? /^\d$/ : stryMutAct_9fa48("888") ? /^\d+/ : stryMutAct_9fa48("887") ? /\d+$/ : (stryCov_9fa48("887", "888", "889", "890"), /^\d+$/);

// ---------------------------------------------------------------------------
// Numbers

// Optional sign; integer part either with correct thousands separators (1,234,567) or plain
// digits; optional fraction. "4521." and ".5" are accepted; "4,52" is not.
const DECIMAL_RE = stryMutAct_9fa48("905") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\D*))?$/ : stryMutAct_9fa48("904") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d))?$/ : stryMutAct_9fa48("903") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))$/ : stryMutAct_9fa48("902") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\D*))(?:\.(\d*))?$/ : stryMutAct_9fa48("901") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d))(?:\.(\d*))?$/ : stryMutAct_9fa48("900") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\D{3})+)|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("899") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d)+)|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("898") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3}))|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("897") ? /^([+-]?)(?:([1-9]\D{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("896") ? /^([+-]?)(?:([1-9]\d(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("895") ? /^([+-]?)(?:([^1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("894") ? /^([^+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("893") ? /^([+-])(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/ : stryMutAct_9fa48("892") ? /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?/ : stryMutAct_9fa48("891") ? /([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/ : (stryCov_9fa48("891", "892", "893", "894", "895", "896", "897", "898", "899", "900", "901", "902", "903", "904", "905"), /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/);
// What makes a token an attempt at a number (so `meter 1 = 1e309` is badNumber, not chatter).
const NUMBERISH_RE = stryMutAct_9fa48("911") ? /^[+-]?(?:\.?\d|nan|inf)/i : stryMutAct_9fa48("910") ? /^[+-]?(?:\.?\D|nan$|inf)/i : stryMutAct_9fa48("909") ? /^[+-]?(?:\.\d|nan$|inf)/i : stryMutAct_9fa48("908") ? /^[^+-]?(?:\.?\d|nan$|inf)/i : stryMutAct_9fa48("907") ? /^[+-](?:\.?\d|nan$|inf)/i : stryMutAct_9fa48("906") ? /[+-]?(?:\.?\d|nan$|inf)/i : (stryCov_9fa48("906", "907", "908", "909", "910", "911"), /^[+-]?(?:\.?\d|nan$|inf)/i);

/**
 * A decimal as typed -> canonical decimal string ("00070" -> "70", "4,521.50" -> "4521.5",
 * "-0" -> "0"), or badNumber / tooLarge (> 15 integer digits) / tooPrecise (> 6 decimals).
 */
export function parseDecimal(text: string): Result<string> {
  if (stryMutAct_9fa48("912")) {
    {}
  } else {
    stryCov_9fa48("912");
    const m = DECIMAL_RE.exec(text);
    if (stryMutAct_9fa48("915") ? false : stryMutAct_9fa48("914") ? true : stryMutAct_9fa48("913") ? m : (stryCov_9fa48("913", "914", "915"), !m)) return bad(stryMutAct_9fa48("916") ? "" : (stryCov_9fa48("916"), 'badNumber'));
    const intDigits = (stryMutAct_9fa48("917") ? (m[2] ?? m[3]) && '' : (stryCov_9fa48("917"), (stryMutAct_9fa48("918") ? m[2] && m[3] : (stryCov_9fa48("918"), m[2] ?? m[3])) ?? (stryMutAct_9fa48("919") ? "Stryker was here!" : (stryCov_9fa48("919"), '')))).replace(/,/g, stryMutAct_9fa48("920") ? "Stryker was here!" : (stryCov_9fa48("920"), ''));
    const fracDigits = stryMutAct_9fa48("921") ? m[4] && '' : (stryCov_9fa48("921"), m[4] ?? (stryMutAct_9fa48("922") ? "Stryker was here!" : (stryCov_9fa48("922"), '')));
    if (stryMutAct_9fa48("925") ? intDigits === '' || fracDigits === '' : stryMutAct_9fa48("924") ? false : stryMutAct_9fa48("923") ? true : (stryCov_9fa48("923", "924", "925"), (stryMutAct_9fa48("927") ? intDigits !== '' : stryMutAct_9fa48("926") ? true : (stryCov_9fa48("926", "927"), intDigits === (stryMutAct_9fa48("928") ? "Stryker was here!" : (stryCov_9fa48("928"), '')))) && (stryMutAct_9fa48("930") ? fracDigits !== '' : stryMutAct_9fa48("929") ? true : (stryCov_9fa48("929", "930"), fracDigits === (stryMutAct_9fa48("931") ? "Stryker was here!" : (stryCov_9fa48("931"), '')))))) return bad(stryMutAct_9fa48("932") ? "" : (stryCov_9fa48("932"), 'badNumber'));
    const int = intDigits.replace(stryMutAct_9fa48("934") ? /^0/ : stryMutAct_9fa48("933") ? /0+/ : (stryCov_9fa48("933", "934"), /^0+/), stryMutAct_9fa48("935") ? "Stryker was here!" : (stryCov_9fa48("935"), ''));
    const frac = fracDigits.replace(stryMutAct_9fa48("937") ? /0$/ : stryMutAct_9fa48("936") ? /0+/ : (stryCov_9fa48("936", "937"), /0+$/), stryMutAct_9fa48("938") ? "Stryker was here!" : (stryCov_9fa48("938"), ''));
    if (stryMutAct_9fa48("942") ? int.length <= LIMITS.integerDigits : stryMutAct_9fa48("941") ? int.length >= LIMITS.integerDigits : stryMutAct_9fa48("940") ? false : stryMutAct_9fa48("939") ? true : (stryCov_9fa48("939", "940", "941", "942"), int.length > LIMITS.integerDigits)) return bad(stryMutAct_9fa48("943") ? "" : (stryCov_9fa48("943"), 'tooLarge'));
    if (stryMutAct_9fa48("947") ? frac.length <= LIMITS.decimals : stryMutAct_9fa48("946") ? frac.length >= LIMITS.decimals : stryMutAct_9fa48("945") ? false : stryMutAct_9fa48("944") ? true : (stryCov_9fa48("944", "945", "946", "947"), frac.length > LIMITS.decimals)) return bad(stryMutAct_9fa48("948") ? "" : (stryCov_9fa48("948"), 'tooPrecise'));
    const sign = (stryMutAct_9fa48("951") ? m[1] === '-' || int !== '' || frac !== '' : stryMutAct_9fa48("950") ? false : stryMutAct_9fa48("949") ? true : (stryCov_9fa48("949", "950", "951"), (stryMutAct_9fa48("953") ? m[1] !== '-' : stryMutAct_9fa48("952") ? true : (stryCov_9fa48("952", "953"), m[1] === (stryMutAct_9fa48("954") ? "" : (stryCov_9fa48("954"), '-')))) && (stryMutAct_9fa48("956") ? int !== '' && frac !== '' : stryMutAct_9fa48("955") ? true : (stryCov_9fa48("955", "956"), (stryMutAct_9fa48("958") ? int === '' : stryMutAct_9fa48("957") ? false : (stryCov_9fa48("957", "958"), int !== (stryMutAct_9fa48("959") ? "Stryker was here!" : (stryCov_9fa48("959"), '')))) || (stryMutAct_9fa48("961") ? frac === '' : stryMutAct_9fa48("960") ? false : (stryCov_9fa48("960", "961"), frac !== (stryMutAct_9fa48("962") ? "Stryker was here!" : (stryCov_9fa48("962"), '')))))))) ? stryMutAct_9fa48("963") ? "" : (stryCov_9fa48("963"), '-') : stryMutAct_9fa48("964") ? "Stryker was here!" : (stryCov_9fa48("964"), '');
    return ok(stryMutAct_9fa48("965") ? `` : (stryCov_9fa48("965"), `${sign}${stryMutAct_9fa48("968") ? int && '0' : stryMutAct_9fa48("967") ? false : stryMutAct_9fa48("966") ? true : (stryCov_9fa48("966", "967", "968"), int || (stryMutAct_9fa48("969") ? "" : (stryCov_9fa48("969"), '0')))}${frac ? stryMutAct_9fa48("970") ? `` : (stryCov_9fa48("970"), `.${frac}`) : stryMutAct_9fa48("971") ? "Stryker was here!" : (stryCov_9fa48("971"), '')}`));
  }
}

/** A positive integer written with digits only, from 1 to `max`; else null. */
function smallInt(text: string, max: number): number | null {
  if (stryMutAct_9fa48("972")) {
    {}
  } else {
    stryCov_9fa48("972");
    if (stryMutAct_9fa48("975") ? !DIGITS.test(text) && text.length > 12 : stryMutAct_9fa48("974") ? false : stryMutAct_9fa48("973") ? true : (stryCov_9fa48("973", "974", "975"), (stryMutAct_9fa48("976") ? DIGITS.test(text) : (stryCov_9fa48("976"), !DIGITS.test(text))) || (stryMutAct_9fa48("979") ? text.length <= 12 : stryMutAct_9fa48("978") ? text.length >= 12 : stryMutAct_9fa48("977") ? false : (stryCov_9fa48("977", "978", "979"), text.length > 12)))) return null;
    const n = Number(text);
    return (stryMutAct_9fa48("982") ? n >= 1 || n <= max : stryMutAct_9fa48("981") ? false : stryMutAct_9fa48("980") ? true : (stryCov_9fa48("980", "981", "982"), (stryMutAct_9fa48("985") ? n < 1 : stryMutAct_9fa48("984") ? n > 1 : stryMutAct_9fa48("983") ? true : (stryCov_9fa48("983", "984", "985"), n >= 1)) && (stryMutAct_9fa48("988") ? n > max : stryMutAct_9fa48("987") ? n < max : stryMutAct_9fa48("986") ? true : (stryCov_9fa48("986", "987", "988"), n <= max)))) ? n : null;
  }
}

// ---------------------------------------------------------------------------
// Meters and names

/** Words that introduce a meter number (`meter 1`, `m 1`, `มิเตอร์ 1`). */
const METER_WORDS = new Set(stryMutAct_9fa48("989") ? [] : (stryCov_9fa48("989"), [stryMutAct_9fa48("990") ? "" : (stryCov_9fa48("990"), 'meter'), stryMutAct_9fa48("991") ? "" : (stryCov_9fa48("991"), 'm'), stryMutAct_9fa48("992") ? "" : (stryCov_9fa48("992"), 'มิเตอร์'), stryMutAct_9fa48("993") ? "" : (stryCov_9fa48("993"), 'มิเตอร์ที่')]));
/** Words that may precede a meter name and are dropped (`history meter Electric`). */
const NAME_PREFIX_WORDS = new Set(stryMutAct_9fa48("994") ? [] : (stryCov_9fa48("994"), [stryMutAct_9fa48("995") ? "" : (stryCov_9fa48("995"), 'meter'), stryMutAct_9fa48("996") ? "" : (stryCov_9fa48("996"), 'มิเตอร์')]));
const METER_GLUED_RE = stryMutAct_9fa48("1001") ? /^(?:meter|m|มิเตอร์(?:ที่)?)(\D+)$/ : stryMutAct_9fa48("1000") ? /^(?:meter|m|มิเตอร์(?:ที่)?)(\d)$/ : stryMutAct_9fa48("999") ? /^(?:meter|m|มิเตอร์(?:ที่))(\d+)$/ : stryMutAct_9fa48("998") ? /^(?:meter|m|มิเตอร์(?:ที่)?)(\d+)/ : stryMutAct_9fa48("997") ? /(?:meter|m|มิเตอร์(?:ที่)?)(\d+)$/ : (stryCov_9fa48("997", "998", "999", "1000", "1001"), /^(?:meter|m|มิเตอร์(?:ที่)?)(\d+)$/);
interface Match<T> {
  next: number;
  result: Result<T>;
}
function meterNumber(digits: string): Result<MeterRef> {
  if (stryMutAct_9fa48("1002")) {
    {}
  } else {
    stryCov_9fa48("1002");
    const n = smallInt(digits, LIMITS.meterNumberMax);
    return (stryMutAct_9fa48("1005") ? n !== null : stryMutAct_9fa48("1004") ? false : stryMutAct_9fa48("1003") ? true : (stryCov_9fa48("1003", "1004", "1005"), n === null)) ? bad(stryMutAct_9fa48("1006") ? "" : (stryCov_9fa48("1006"), 'badMeter')) : ok(stryMutAct_9fa48("1007") ? {} : (stryCov_9fa48("1007"), {
      by: stryMutAct_9fa48("1008") ? "" : (stryCov_9fa48("1008"), 'number'),
      number: n
    }));
  }
}

/** `meter 1`, `m1`, `m 1`, `มิเตอร์1`, `มิเตอร์ ที่ 1` at toks[i]. */
function matchMeterNumber(toks: Token[], i: number): Match<MeterRef> | null {
  if (stryMutAct_9fa48("1009")) {
    {}
  } else {
    stryCov_9fa48("1009");
    const tok = toks[i];
    if (stryMutAct_9fa48("1012") ? !tok && tok.quoted : stryMutAct_9fa48("1011") ? false : stryMutAct_9fa48("1010") ? true : (stryCov_9fa48("1010", "1011", "1012"), (stryMutAct_9fa48("1013") ? tok : (stryCov_9fa48("1013"), !tok)) || tok.quoted)) return null;
    const glued = METER_GLUED_RE.exec(tok.lower);
    if (stryMutAct_9fa48("1015") ? false : stryMutAct_9fa48("1014") ? true : (stryCov_9fa48("1014", "1015"), glued)) return stryMutAct_9fa48("1016") ? {} : (stryCov_9fa48("1016"), {
      next: stryMutAct_9fa48("1017") ? i - 1 : (stryCov_9fa48("1017"), i + 1),
      result: meterNumber(stryMutAct_9fa48("1018") ? glued[1] && '' : (stryCov_9fa48("1018"), glued[1] ?? (stryMutAct_9fa48("1019") ? "Stryker was here!" : (stryCov_9fa48("1019"), ''))))
    });
    if (stryMutAct_9fa48("1022") ? false : stryMutAct_9fa48("1021") ? true : stryMutAct_9fa48("1020") ? METER_WORDS.has(tok.lower) : (stryCov_9fa48("1020", "1021", "1022"), !METER_WORDS.has(tok.lower))) return null;
    let j = stryMutAct_9fa48("1023") ? i - 1 : (stryCov_9fa48("1023"), i + 1);
    if (stryMutAct_9fa48("1026") ? tok.lower === 'มิเตอร์' || toks[j]?.lower === 'ที่' : stryMutAct_9fa48("1025") ? false : stryMutAct_9fa48("1024") ? true : (stryCov_9fa48("1024", "1025", "1026"), (stryMutAct_9fa48("1028") ? tok.lower !== 'มิเตอร์' : stryMutAct_9fa48("1027") ? true : (stryCov_9fa48("1027", "1028"), tok.lower === (stryMutAct_9fa48("1029") ? "" : (stryCov_9fa48("1029"), 'มิเตอร์')))) && (stryMutAct_9fa48("1031") ? toks[j]?.lower !== 'ที่' : stryMutAct_9fa48("1030") ? true : (stryCov_9fa48("1030", "1031"), (stryMutAct_9fa48("1032") ? toks[j].lower : (stryCov_9fa48("1032"), toks[j]?.lower)) === (stryMutAct_9fa48("1033") ? "" : (stryCov_9fa48("1033"), 'ที่')))))) stryMutAct_9fa48("1034") ? j-- : (stryCov_9fa48("1034"), j++);
    const num = toks[j];
    if (stryMutAct_9fa48("1037") ? num && !num.quoted || DIGITS.test(num.text) : stryMutAct_9fa48("1036") ? false : stryMutAct_9fa48("1035") ? true : (stryCov_9fa48("1035", "1036", "1037"), (stryMutAct_9fa48("1039") ? num || !num.quoted : stryMutAct_9fa48("1038") ? true : (stryCov_9fa48("1038", "1039"), num && (stryMutAct_9fa48("1040") ? num.quoted : (stryCov_9fa48("1040"), !num.quoted)))) && DIGITS.test(num.text))) {
      if (stryMutAct_9fa48("1041")) {
        {}
      } else {
        stryCov_9fa48("1041");
        return stryMutAct_9fa48("1042") ? {} : (stryCov_9fa48("1042"), {
          next: stryMutAct_9fa48("1043") ? j - 1 : (stryCov_9fa48("1043"), j + 1),
          result: meterNumber(num.text)
        });
      }
    }
    return null;
  }
}

// Names may not contain quotes (they delimit names), = @ # : (grammar), or control characters.
const NAME_FORBIDDEN_RE = stryMutAct_9fa48("1045") ? /["“”=@#:\P{Cc}]/u : stryMutAct_9fa48("1044") ? /[^"“”=@#:\p{Cc}]/u : (stryCov_9fa48("1044", "1045"), /["“”=@#:\p{Cc}]/u);

/**
 * Why `name` cannot be a meter name, or null: empty, over 40 code points, no letter,
 * starts with a combining mark, contains `" “ ” = @ # :` or a control character, or would
 * read as a meter number (`m1`, `meter 2`). `name` is expected normalised (normalizeText).
 */
export function meterNameProblem(name: string): Problem | null {
  if (stryMutAct_9fa48("1046")) {
    {}
  } else {
    stryCov_9fa48("1046");
    if (stryMutAct_9fa48("1049") ? name !== '' : stryMutAct_9fa48("1048") ? false : stryMutAct_9fa48("1047") ? true : (stryCov_9fa48("1047", "1048", "1049"), name === (stryMutAct_9fa48("1050") ? "Stryker was here!" : (stryCov_9fa48("1050"), '')))) return stryMutAct_9fa48("1051") ? "" : (stryCov_9fa48("1051"), 'missingName');
    if (stryMutAct_9fa48("1055") ? codePoints(name) <= LIMITS.nameLength : stryMutAct_9fa48("1054") ? codePoints(name) >= LIMITS.nameLength : stryMutAct_9fa48("1053") ? false : stryMutAct_9fa48("1052") ? true : (stryCov_9fa48("1052", "1053", "1054", "1055"), codePoints(name) > LIMITS.nameLength)) return stryMutAct_9fa48("1056") ? "" : (stryCov_9fa48("1056"), 'nameTooLong');
    if (stryMutAct_9fa48("1059") ? (!/\p{L}/u.test(name) || /^\p{M}/u.test(name)) && NAME_FORBIDDEN_RE.test(name) : stryMutAct_9fa48("1058") ? false : stryMutAct_9fa48("1057") ? true : (stryCov_9fa48("1057", "1058", "1059"), (stryMutAct_9fa48("1061") ? !/\p{L}/u.test(name) && /^\p{M}/u.test(name) : stryMutAct_9fa48("1060") ? false : (stryCov_9fa48("1060", "1061"), (stryMutAct_9fa48("1062") ? /\p{L}/u.test(name) : (stryCov_9fa48("1062"), !(stryMutAct_9fa48("1063") ? /\P{L}/u : (stryCov_9fa48("1063"), /\p{L}/u)).test(name))) || (stryMutAct_9fa48("1065") ? /^\P{M}/u : stryMutAct_9fa48("1064") ? /\p{M}/u : (stryCov_9fa48("1064", "1065"), /^\p{M}/u)).test(name))) || NAME_FORBIDDEN_RE.test(name))) return stryMutAct_9fa48("1066") ? "" : (stryCov_9fa48("1066"), 'badName');
    // "m1" or "meter 2" as a name would always be read as a meter number.
    const toks = tokenize(name);
    const num = matchMeterNumber(toks, 0);
    if (stryMutAct_9fa48("1069") ? num || num.next === toks.length : stryMutAct_9fa48("1068") ? false : stryMutAct_9fa48("1067") ? true : (stryCov_9fa48("1067", "1068", "1069"), num && (stryMutAct_9fa48("1071") ? num.next !== toks.length : stryMutAct_9fa48("1070") ? true : (stryCov_9fa48("1070", "1071"), num.next === toks.length)))) return stryMutAct_9fa48("1072") ? "" : (stryCov_9fa48("1072"), 'badName');
    return null;
  }
}

/**
 * The meter part of a command. `ref` undefined: no tokens. Null: the tokens are not a
 * meter at all (e.g. a 60-character sentence), so the message is treated as chatter.
 * A problem: it clearly tried to name a meter (`meter 0`, `"…41 chars…"`).
 */
type RefParse = {
  ok: true;
  ref: MeterRef | undefined;
} | {
  ok: false;
  problem: Problem;
} | null;
function parseRef(toks: Token[]): RefParse {
  if (stryMutAct_9fa48("1073")) {
    {}
  } else {
    stryCov_9fa48("1073");
    const first = toks[0];
    if (stryMutAct_9fa48("1076") ? false : stryMutAct_9fa48("1075") ? true : stryMutAct_9fa48("1074") ? first : (stryCov_9fa48("1074", "1075", "1076"), !first)) return stryMutAct_9fa48("1077") ? {} : (stryCov_9fa48("1077"), {
      ok: stryMutAct_9fa48("1078") ? false : (stryCov_9fa48("1078"), true),
      ref: undefined
    });
    const num = matchMeterNumber(toks, 0);
    if (stryMutAct_9fa48("1081") ? num || num.next === toks.length : stryMutAct_9fa48("1080") ? false : stryMutAct_9fa48("1079") ? true : (stryCov_9fa48("1079", "1080", "1081"), num && (stryMutAct_9fa48("1083") ? num.next !== toks.length : stryMutAct_9fa48("1082") ? true : (stryCov_9fa48("1082", "1083"), num.next === toks.length)))) {
      if (stryMutAct_9fa48("1084")) {
        {}
      } else {
        stryCov_9fa48("1084");
        return num.result.ok ? stryMutAct_9fa48("1085") ? {} : (stryCov_9fa48("1085"), {
          ok: stryMutAct_9fa48("1086") ? false : (stryCov_9fa48("1086"), true),
          ref: num.result.value
        }) : num.result;
      }
    }
    // A lone number after a command keyword is the meter's number in the `meters` list.
    if (stryMutAct_9fa48("1089") ? toks.length === 1 && !first.quoted || DIGITS.test(first.text) : stryMutAct_9fa48("1088") ? false : stryMutAct_9fa48("1087") ? true : (stryCov_9fa48("1087", "1088", "1089"), (stryMutAct_9fa48("1091") ? toks.length === 1 || !first.quoted : stryMutAct_9fa48("1090") ? true : (stryCov_9fa48("1090", "1091"), (stryMutAct_9fa48("1093") ? toks.length !== 1 : stryMutAct_9fa48("1092") ? true : (stryCov_9fa48("1092", "1093"), toks.length === 1)) && (stryMutAct_9fa48("1094") ? first.quoted : (stryCov_9fa48("1094"), !first.quoted)))) && DIGITS.test(first.text))) {
      if (stryMutAct_9fa48("1095")) {
        {}
      } else {
        stryCov_9fa48("1095");
        const n = meterNumber(first.text);
        return n.ok ? stryMutAct_9fa48("1096") ? {} : (stryCov_9fa48("1096"), {
          ok: stryMutAct_9fa48("1097") ? false : (stryCov_9fa48("1097"), true),
          ref: n.value
        }) : n;
      }
    }
    const prefixed = stryMutAct_9fa48("1100") ? toks.length > 1 || isWord(first, NAME_PREFIX_WORDS) : stryMutAct_9fa48("1099") ? false : stryMutAct_9fa48("1098") ? true : (stryCov_9fa48("1098", "1099", "1100"), (stryMutAct_9fa48("1103") ? toks.length <= 1 : stryMutAct_9fa48("1102") ? toks.length >= 1 : stryMutAct_9fa48("1101") ? true : (stryCov_9fa48("1101", "1102", "1103"), toks.length > 1)) && isWord(first, NAME_PREFIX_WORDS));
    const nameToks = prefixed ? stryMutAct_9fa48("1104") ? toks : (stryCov_9fa48("1104"), toks.slice(1)) : toks;
    const only = (stryMutAct_9fa48("1107") ? nameToks.length !== 1 : stryMutAct_9fa48("1106") ? false : stryMutAct_9fa48("1105") ? true : (stryCov_9fa48("1105", "1106", "1107"), nameToks.length === 1)) ? nameToks[0] : undefined;
    if (stryMutAct_9fa48("1110") ? only.quoted : stryMutAct_9fa48("1109") ? false : stryMutAct_9fa48("1108") ? true : (stryCov_9fa48("1108", "1109", "1110"), only?.quoted)) {
      if (stryMutAct_9fa48("1111")) {
        {}
      } else {
        stryCov_9fa48("1111");
        const problem = meterNameProblem(only.text);
        return problem ? bad(problem) : stryMutAct_9fa48("1112") ? {} : (stryCov_9fa48("1112"), {
          ok: stryMutAct_9fa48("1113") ? false : (stryCov_9fa48("1113"), true),
          ref: stryMutAct_9fa48("1114") ? {} : (stryCov_9fa48("1114"), {
            by: stryMutAct_9fa48("1115") ? "" : (stryCov_9fa48("1115"), 'name'),
            name: only.text
          })
        });
      }
    }
    if (stryMutAct_9fa48("1118") ? nameToks.every(t => t.quoted || t.text === '=' || t.text === '@') : stryMutAct_9fa48("1117") ? false : stryMutAct_9fa48("1116") ? true : (stryCov_9fa48("1116", "1117", "1118"), nameToks.some(stryMutAct_9fa48("1119") ? () => undefined : (stryCov_9fa48("1119"), t => stryMutAct_9fa48("1122") ? (t.quoted || t.text === '=') && t.text === '@' : stryMutAct_9fa48("1121") ? false : stryMutAct_9fa48("1120") ? true : (stryCov_9fa48("1120", "1121", "1122"), (stryMutAct_9fa48("1124") ? t.quoted && t.text === '=' : stryMutAct_9fa48("1123") ? false : (stryCov_9fa48("1123", "1124"), t.quoted || (stryMutAct_9fa48("1126") ? t.text !== '=' : stryMutAct_9fa48("1125") ? false : (stryCov_9fa48("1125", "1126"), t.text === (stryMutAct_9fa48("1127") ? "" : (stryCov_9fa48("1127"), '=')))))) || (stryMutAct_9fa48("1129") ? t.text !== '@' : stryMutAct_9fa48("1128") ? false : (stryCov_9fa48("1128", "1129"), t.text === (stryMutAct_9fa48("1130") ? "" : (stryCov_9fa48("1130"), '@'))))))))) {
      if (stryMutAct_9fa48("1131")) {
        {}
      } else {
        stryCov_9fa48("1131");
        return prefixed ? bad(stryMutAct_9fa48("1132") ? "" : (stryCov_9fa48("1132"), 'badName')) : null;
      }
    }
    const name = nameToks.map(stryMutAct_9fa48("1133") ? () => undefined : (stryCov_9fa48("1133"), t => t.text)).join(stryMutAct_9fa48("1134") ? "" : (stryCov_9fa48("1134"), ' '));
    const problem = meterNameProblem(name);
    if (stryMutAct_9fa48("1136") ? false : stryMutAct_9fa48("1135") ? true : (stryCov_9fa48("1135", "1136"), problem)) return prefixed ? bad(problem) : null;
    return stryMutAct_9fa48("1137") ? {} : (stryCov_9fa48("1137"), {
      ok: stryMutAct_9fa48("1138") ? false : (stryCov_9fa48("1138"), true),
      ref: stryMutAct_9fa48("1139") ? {} : (stryCov_9fa48("1139"), {
        by: stryMutAct_9fa48("1140") ? "" : (stryCov_9fa48("1140"), 'name'),
        name
      })
    });
  }
}

// ---------------------------------------------------------------------------
// Dates and times

const TIME_RE = stryMutAct_9fa48("1150") ? /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.)?$/ : stryMutAct_9fa48("1149") ? /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)$/ : stryMutAct_9fa48("1148") ? /^(\d{1,2})(?:[:.](\D{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/ : stryMutAct_9fa48("1147") ? /^(\d{1,2})(?:[:.](\d))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/ : stryMutAct_9fa48("1146") ? /^(\d{1,2})(?:[^:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/ : stryMutAct_9fa48("1145") ? /^(\d{1,2})(?:[:.](\d{2}))(am|pm|a\.m\.|p\.m\.|น\.?)?$/ : stryMutAct_9fa48("1144") ? /^(\D{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/ : stryMutAct_9fa48("1143") ? /^(\d)(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/ : stryMutAct_9fa48("1142") ? /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?/ : stryMutAct_9fa48("1141") ? /(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/ : (stryCov_9fa48("1141", "1142", "1143", "1144", "1145", "1146", "1147", "1148", "1149", "1150"), /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/);
const TIME_LIKE_RE = stryMutAct_9fa48("1163") ? /^\d{1,2}[:.]\d*$|^\d*:\D+$/ : stryMutAct_9fa48("1162") ? /^\d{1,2}[:.]\d*$|^\d*:\d$/ : stryMutAct_9fa48("1161") ? /^\d{1,2}[:.]\d*$|^\D*:\d+$/ : stryMutAct_9fa48("1160") ? /^\d{1,2}[:.]\d*$|^\d:\d+$/ : stryMutAct_9fa48("1159") ? /^\d{1,2}[:.]\d*$|^\d*:\d+/ : stryMutAct_9fa48("1158") ? /^\d{1,2}[:.]\d*$|\d*:\d+$/ : stryMutAct_9fa48("1157") ? /^\d{1,2}[:.]\D*$|^\d*:\d+$/ : stryMutAct_9fa48("1156") ? /^\d{1,2}[:.]\d$|^\d*:\d+$/ : stryMutAct_9fa48("1155") ? /^\d{1,2}[^:.]\d*$|^\d*:\d+$/ : stryMutAct_9fa48("1154") ? /^\D{1,2}[:.]\d*$|^\d*:\d+$/ : stryMutAct_9fa48("1153") ? /^\d[:.]\d*$|^\d*:\d+$/ : stryMutAct_9fa48("1152") ? /^\d{1,2}[:.]\d*|^\d*:\d+$/ : stryMutAct_9fa48("1151") ? /\d{1,2}[:.]\d*$|^\d*:\d+$/ : (stryCov_9fa48("1151", "1152", "1153", "1154", "1155", "1156", "1157", "1158", "1159", "1160", "1161", "1162", "1163"), /^\d{1,2}[:.]\d*$|^\d*:\d+$/);
const TIME_SUFFIXES = new Set(stryMutAct_9fa48("1164") ? [] : (stryCov_9fa48("1164"), [stryMutAct_9fa48("1165") ? "" : (stryCov_9fa48("1165"), 'am'), stryMutAct_9fa48("1166") ? "" : (stryCov_9fa48("1166"), 'pm'), stryMutAct_9fa48("1167") ? "" : (stryCov_9fa48("1167"), 'a.m.'), stryMutAct_9fa48("1168") ? "" : (stryCov_9fa48("1168"), 'p.m.'), stryMutAct_9fa48("1169") ? "" : (stryCov_9fa48("1169"), 'น.'), stryMutAct_9fa48("1170") ? "" : (stryCov_9fa48("1170"), 'น'), stryMutAct_9fa48("1171") ? "" : (stryCov_9fa48("1171"), 'นาฬิกา')]));
const DAY_WORDS = new Map(stryMutAct_9fa48("1172") ? [] : (stryCov_9fa48("1172"), [stryMutAct_9fa48("1173") ? [] : (stryCov_9fa48("1173"), [stryMutAct_9fa48("1174") ? "" : (stryCov_9fa48("1174"), 'today'), 0]), stryMutAct_9fa48("1175") ? [] : (stryCov_9fa48("1175"), [stryMutAct_9fa48("1176") ? "" : (stryCov_9fa48("1176"), 'วันนี้'), 0]), stryMutAct_9fa48("1177") ? [] : (stryCov_9fa48("1177"), [stryMutAct_9fa48("1178") ? "" : (stryCov_9fa48("1178"), 'yesterday'), 1]), stryMutAct_9fa48("1179") ? [] : (stryCov_9fa48("1179"), [stryMutAct_9fa48("1180") ? "" : (stryCov_9fa48("1180"), 'เมื่อวาน'), 1]), stryMutAct_9fa48("1181") ? [] : (stryCov_9fa48("1181"), [stryMutAct_9fa48("1182") ? "" : (stryCov_9fa48("1182"), 'เมื่อวานนี้'), 1]), stryMutAct_9fa48("1183") ? [] : (stryCov_9fa48("1183"), [stryMutAct_9fa48("1184") ? "" : (stryCov_9fa48("1184"), 'เมื่อวานซืน'), 2])]));
const DAYS_WORDS = new Set(stryMutAct_9fa48("1185") ? [] : (stryCov_9fa48("1185"), [stryMutAct_9fa48("1186") ? "" : (stryCov_9fa48("1186"), 'day'), stryMutAct_9fa48("1187") ? "" : (stryCov_9fa48("1187"), 'days')]));
const THAI_AGO_WORDS = new Set(stryMutAct_9fa48("1188") ? [] : (stryCov_9fa48("1188"), [stryMutAct_9fa48("1189") ? "" : (stryCov_9fa48("1189"), 'วันก่อน'), stryMutAct_9fa48("1190") ? "" : (stryCov_9fa48("1190"), 'วันที่แล้ว')]));
const THAI_AGO_TAIL = new Set(stryMutAct_9fa48("1191") ? [] : (stryCov_9fa48("1191"), [stryMutAct_9fa48("1192") ? "" : (stryCov_9fa48("1192"), 'ก่อน'), stryMutAct_9fa48("1193") ? "" : (stryCov_9fa48("1193"), 'ที่แล้ว')]));
const THAI_DAYS_AGO_RE = stryMutAct_9fa48("1197") ? /^(\D+)วัน(?:ก่อน|ที่แล้ว)$/ : stryMutAct_9fa48("1196") ? /^(\d)วัน(?:ก่อน|ที่แล้ว)$/ : stryMutAct_9fa48("1195") ? /^(\d+)วัน(?:ก่อน|ที่แล้ว)/ : stryMutAct_9fa48("1194") ? /(\d+)วัน(?:ก่อน|ที่แล้ว)$/ : (stryCov_9fa48("1194", "1195", "1196", "1197"), /^(\d+)วัน(?:ก่อน|ที่แล้ว)$/);
const ISO_DATE_RE = stryMutAct_9fa48("1205") ? /^(\d{4})-(\d{1,2})-(\D{1,2})$/ : stryMutAct_9fa48("1204") ? /^(\d{4})-(\d{1,2})-(\d)$/ : stryMutAct_9fa48("1203") ? /^(\d{4})-(\D{1,2})-(\d{1,2})$/ : stryMutAct_9fa48("1202") ? /^(\d{4})-(\d)-(\d{1,2})$/ : stryMutAct_9fa48("1201") ? /^(\D{4})-(\d{1,2})-(\d{1,2})$/ : stryMutAct_9fa48("1200") ? /^(\d)-(\d{1,2})-(\d{1,2})$/ : stryMutAct_9fa48("1199") ? /^(\d{4})-(\d{1,2})-(\d{1,2})/ : stryMutAct_9fa48("1198") ? /(\d{4})-(\d{1,2})-(\d{1,2})$/ : (stryCov_9fa48("1198", "1199", "1200", "1201", "1202", "1203", "1204", "1205"), /^(\d{4})-(\d{1,2})-(\d{1,2})$/);
const DMY_DATE_RE = stryMutAct_9fa48("1213") ? /^(\d{1,2})\/(\d{1,2})\/(\D{4})$/ : stryMutAct_9fa48("1212") ? /^(\d{1,2})\/(\d{1,2})\/(\d)$/ : stryMutAct_9fa48("1211") ? /^(\d{1,2})\/(\D{1,2})\/(\d{4})$/ : stryMutAct_9fa48("1210") ? /^(\d{1,2})\/(\d)\/(\d{4})$/ : stryMutAct_9fa48("1209") ? /^(\D{1,2})\/(\d{1,2})\/(\d{4})$/ : stryMutAct_9fa48("1208") ? /^(\d)\/(\d{1,2})\/(\d{4})$/ : stryMutAct_9fa48("1207") ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})/ : stryMutAct_9fa48("1206") ? /(\d{1,2})\/(\d{1,2})\/(\d{4})$/ : (stryCov_9fa48("1206", "1207", "1208", "1209", "1210", "1211", "1212", "1213"), /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
const DATE_LIKE_RE = stryMutAct_9fa48("1224") ? /^\d+[-/]\d*[-/]?\D*$/ : stryMutAct_9fa48("1223") ? /^\d+[-/]\d*[-/]?\d$/ : stryMutAct_9fa48("1222") ? /^\d+[-/]\d*[^-/]?\d*$/ : stryMutAct_9fa48("1221") ? /^\d+[-/]\d*[-/]\d*$/ : stryMutAct_9fa48("1220") ? /^\d+[-/]\D*[-/]?\d*$/ : stryMutAct_9fa48("1219") ? /^\d+[-/]\d[-/]?\d*$/ : stryMutAct_9fa48("1218") ? /^\d+[^-/]\d*[-/]?\d*$/ : stryMutAct_9fa48("1217") ? /^\D+[-/]\d*[-/]?\d*$/ : stryMutAct_9fa48("1216") ? /^\d[-/]\d*[-/]?\d*$/ : stryMutAct_9fa48("1215") ? /^\d+[-/]\d*[-/]?\d*/ : stryMutAct_9fa48("1214") ? /\d+[-/]\d*[-/]?\d*$/ : (stryCov_9fa48("1214", "1215", "1216", "1217", "1218", "1219", "1220", "1221", "1222", "1223", "1224"), /^\d+[-/]\d*[-/]?\d*$/);
const AT_WORDS = new Set(stryMutAct_9fa48("1225") ? [] : (stryCov_9fa48("1225"), [stryMutAct_9fa48("1226") ? "" : (stryCov_9fa48("1226"), 'at')]));
const pad2 = stryMutAct_9fa48("1227") ? () => undefined : (stryCov_9fa48("1227"), (() => {
  const pad2 = (n: number): string => String(n).padStart(2, stryMutAct_9fa48("1228") ? "" : (stryCov_9fa48("1228"), '0'));
  return pad2;
})());

/** Buddhist-era years (2569) are converted; Gregorian 1900–2199 only. */
function gregorianYear(year: number): number | null {
  if (stryMutAct_9fa48("1229")) {
    {}
  } else {
    stryCov_9fa48("1229");
    const y = (stryMutAct_9fa48("1233") ? year <= 2400 : stryMutAct_9fa48("1232") ? year >= 2400 : stryMutAct_9fa48("1231") ? false : stryMutAct_9fa48("1230") ? true : (stryCov_9fa48("1230", "1231", "1232", "1233"), year > 2400)) ? stryMutAct_9fa48("1234") ? year + 543 : (stryCov_9fa48("1234"), year - 543) : year;
    return (stryMutAct_9fa48("1237") ? y >= 1900 || y <= 2199 : stryMutAct_9fa48("1236") ? false : stryMutAct_9fa48("1235") ? true : (stryCov_9fa48("1235", "1236", "1237"), (stryMutAct_9fa48("1240") ? y < 1900 : stryMutAct_9fa48("1239") ? y > 1900 : stryMutAct_9fa48("1238") ? true : (stryCov_9fa48("1238", "1239", "1240"), y >= 1900)) && (stryMutAct_9fa48("1243") ? y > 2199 : stryMutAct_9fa48("1242") ? y < 2199 : stryMutAct_9fa48("1241") ? true : (stryCov_9fa48("1241", "1242", "1243"), y <= 2199)))) ? y : null;
  }
}
function daysInMonth(year: number, month: number): number {
  if (stryMutAct_9fa48("1244")) {
    {}
  } else {
    stryCov_9fa48("1244");
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }
}
function checkDate(year: number, month: number, day: number): Result<string> {
  if (stryMutAct_9fa48("1245")) {
    {}
  } else {
    stryCov_9fa48("1245");
    const y = gregorianYear(year);
    if (stryMutAct_9fa48("1248") ? (y === null || month < 1 || month > 12 || day < 1) && day > daysInMonth(y, month) : stryMutAct_9fa48("1247") ? false : stryMutAct_9fa48("1246") ? true : (stryCov_9fa48("1246", "1247", "1248"), (stryMutAct_9fa48("1250") ? (y === null || month < 1 || month > 12) && day < 1 : stryMutAct_9fa48("1249") ? false : (stryCov_9fa48("1249", "1250"), (stryMutAct_9fa48("1252") ? (y === null || month < 1) && month > 12 : stryMutAct_9fa48("1251") ? false : (stryCov_9fa48("1251", "1252"), (stryMutAct_9fa48("1254") ? y === null && month < 1 : stryMutAct_9fa48("1253") ? false : (stryCov_9fa48("1253", "1254"), (stryMutAct_9fa48("1256") ? y !== null : stryMutAct_9fa48("1255") ? false : (stryCov_9fa48("1255", "1256"), y === null)) || (stryMutAct_9fa48("1259") ? month >= 1 : stryMutAct_9fa48("1258") ? month <= 1 : stryMutAct_9fa48("1257") ? false : (stryCov_9fa48("1257", "1258", "1259"), month < 1)))) || (stryMutAct_9fa48("1262") ? month <= 12 : stryMutAct_9fa48("1261") ? month >= 12 : stryMutAct_9fa48("1260") ? false : (stryCov_9fa48("1260", "1261", "1262"), month > 12)))) || (stryMutAct_9fa48("1265") ? day >= 1 : stryMutAct_9fa48("1264") ? day <= 1 : stryMutAct_9fa48("1263") ? false : (stryCov_9fa48("1263", "1264", "1265"), day < 1)))) || (stryMutAct_9fa48("1268") ? day <= daysInMonth(y, month) : stryMutAct_9fa48("1267") ? day >= daysInMonth(y, month) : stryMutAct_9fa48("1266") ? false : (stryCov_9fa48("1266", "1267", "1268"), day > daysInMonth(y, month))))) {
      if (stryMutAct_9fa48("1269")) {
        {}
      } else {
        stryCov_9fa48("1269");
        return bad(stryMutAct_9fa48("1270") ? "" : (stryCov_9fa48("1270"), 'badDate'));
      }
    }
    return ok(stryMutAct_9fa48("1271") ? `` : (stryCov_9fa48("1271"), `${y}-${pad2(month)}-${pad2(day)}`));
  }
}

/** `08:00`, `8:30`, `8.30`, `8.30น.`, `8pm`, `8 pm`, `20.00 น.`; a bare `8` is not a time. */
function matchTime(toks: Token[], i: number): Match<string> | null {
  if (stryMutAct_9fa48("1272")) {
    {}
  } else {
    stryCov_9fa48("1272");
    const tok = toks[i];
    if (stryMutAct_9fa48("1275") ? !tok && tok.quoted : stryMutAct_9fa48("1274") ? false : stryMutAct_9fa48("1273") ? true : (stryCov_9fa48("1273", "1274", "1275"), (stryMutAct_9fa48("1276") ? tok : (stryCov_9fa48("1276"), !tok)) || tok.quoted)) return null;
    const m = TIME_RE.exec(tok.lower);
    if (stryMutAct_9fa48("1279") ? false : stryMutAct_9fa48("1278") ? true : stryMutAct_9fa48("1277") ? m : (stryCov_9fa48("1277", "1278", "1279"), !m)) return TIME_LIKE_RE.test(tok.lower) ? stryMutAct_9fa48("1280") ? {} : (stryCov_9fa48("1280"), {
      next: stryMutAct_9fa48("1281") ? i - 1 : (stryCov_9fa48("1281"), i + 1),
      result: bad(stryMutAct_9fa48("1282") ? "" : (stryCov_9fa48("1282"), 'badTime'))
    }) : null;
    let suffix = m[3];
    let next = stryMutAct_9fa48("1283") ? i - 1 : (stryCov_9fa48("1283"), i + 1);
    if (stryMutAct_9fa48("1286") ? suffix === undefined || isWord(toks[next], TIME_SUFFIXES) : stryMutAct_9fa48("1285") ? false : stryMutAct_9fa48("1284") ? true : (stryCov_9fa48("1284", "1285", "1286"), (stryMutAct_9fa48("1288") ? suffix !== undefined : stryMutAct_9fa48("1287") ? true : (stryCov_9fa48("1287", "1288"), suffix === undefined)) && isWord(toks[next], TIME_SUFFIXES))) {
      if (stryMutAct_9fa48("1289")) {
        {}
      } else {
        stryCov_9fa48("1289");
        suffix = stryMutAct_9fa48("1290") ? toks[next].lower : (stryCov_9fa48("1290"), toks[next]?.lower);
        stryMutAct_9fa48("1291") ? next-- : (stryCov_9fa48("1291"), next++);
      }
    }
    if (stryMutAct_9fa48("1294") ? m[2] === undefined || suffix === undefined : stryMutAct_9fa48("1293") ? false : stryMutAct_9fa48("1292") ? true : (stryCov_9fa48("1292", "1293", "1294"), (stryMutAct_9fa48("1296") ? m[2] !== undefined : stryMutAct_9fa48("1295") ? true : (stryCov_9fa48("1295", "1296"), m[2] === undefined)) && (stryMutAct_9fa48("1298") ? suffix !== undefined : stryMutAct_9fa48("1297") ? true : (stryCov_9fa48("1297", "1298"), suffix === undefined)))) return null;
    let hour = Number(m[1]);
    const minute = Number(stryMutAct_9fa48("1299") ? m[2] && '0' : (stryCov_9fa48("1299"), m[2] ?? (stryMutAct_9fa48("1300") ? "" : (stryCov_9fa48("1300"), '0'))));
    const twelveHour = stryMutAct_9fa48("1303") ? suffix !== undefined || /^[ap]/.test(suffix) : stryMutAct_9fa48("1302") ? false : stryMutAct_9fa48("1301") ? true : (stryCov_9fa48("1301", "1302", "1303"), (stryMutAct_9fa48("1305") ? suffix === undefined : stryMutAct_9fa48("1304") ? true : (stryCov_9fa48("1304", "1305"), suffix !== undefined)) && (stryMutAct_9fa48("1307") ? /^[^ap]/ : stryMutAct_9fa48("1306") ? /[ap]/ : (stryCov_9fa48("1306", "1307"), /^[ap]/)).test(suffix));
    if (stryMutAct_9fa48("1309") ? false : stryMutAct_9fa48("1308") ? true : (stryCov_9fa48("1308", "1309"), twelveHour)) {
      if (stryMutAct_9fa48("1310")) {
        {}
      } else {
        stryCov_9fa48("1310");
        if (stryMutAct_9fa48("1313") ? hour < 1 && hour > 12 : stryMutAct_9fa48("1312") ? false : stryMutAct_9fa48("1311") ? true : (stryCov_9fa48("1311", "1312", "1313"), (stryMutAct_9fa48("1316") ? hour >= 1 : stryMutAct_9fa48("1315") ? hour <= 1 : stryMutAct_9fa48("1314") ? false : (stryCov_9fa48("1314", "1315", "1316"), hour < 1)) || (stryMutAct_9fa48("1319") ? hour <= 12 : stryMutAct_9fa48("1318") ? hour >= 12 : stryMutAct_9fa48("1317") ? false : (stryCov_9fa48("1317", "1318", "1319"), hour > 12)))) return stryMutAct_9fa48("1320") ? {} : (stryCov_9fa48("1320"), {
          next,
          result: bad(stryMutAct_9fa48("1321") ? "" : (stryCov_9fa48("1321"), 'badTime'))
        });
        hour = stryMutAct_9fa48("1322") ? hour % 12 - (suffix?.startsWith('p') ? 12 : 0) : (stryCov_9fa48("1322"), (stryMutAct_9fa48("1323") ? hour * 12 : (stryCov_9fa48("1323"), hour % 12)) + ((stryMutAct_9fa48("1325") ? suffix.startsWith('p') : stryMutAct_9fa48("1324") ? suffix?.endsWith('p') : (stryCov_9fa48("1324", "1325"), suffix?.startsWith(stryMutAct_9fa48("1326") ? "" : (stryCov_9fa48("1326"), 'p')))) ? 12 : 0));
      }
    }
    if (stryMutAct_9fa48("1329") ? hour > 23 && minute > 59 : stryMutAct_9fa48("1328") ? false : stryMutAct_9fa48("1327") ? true : (stryCov_9fa48("1327", "1328", "1329"), (stryMutAct_9fa48("1332") ? hour <= 23 : stryMutAct_9fa48("1331") ? hour >= 23 : stryMutAct_9fa48("1330") ? false : (stryCov_9fa48("1330", "1331", "1332"), hour > 23)) || (stryMutAct_9fa48("1335") ? minute <= 59 : stryMutAct_9fa48("1334") ? minute >= 59 : stryMutAct_9fa48("1333") ? false : (stryCov_9fa48("1333", "1334", "1335"), minute > 59)))) return stryMutAct_9fa48("1336") ? {} : (stryCov_9fa48("1336"), {
      next,
      result: bad(stryMutAct_9fa48("1337") ? "" : (stryCov_9fa48("1337"), 'badTime'))
    });
    return stryMutAct_9fa48("1338") ? {} : (stryCov_9fa48("1338"), {
      next,
      result: ok(stryMutAct_9fa48("1339") ? `` : (stryCov_9fa48("1339"), `${pad2(hour)}:${pad2(minute)}`))
    });
  }
}
type DayPart = {
  kind: 'date';
  date: string;
} | {
  kind: 'daysAgo';
  days: number;
};
function daysAgo(next: number, digits: string): Match<DayPart> {
  if (stryMutAct_9fa48("1340")) {
    {}
  } else {
    stryCov_9fa48("1340");
    const days = (stryMutAct_9fa48("1343") ? DIGITS.test(digits) || digits.length <= 6 : stryMutAct_9fa48("1342") ? false : stryMutAct_9fa48("1341") ? true : (stryCov_9fa48("1341", "1342", "1343"), DIGITS.test(digits) && (stryMutAct_9fa48("1346") ? digits.length > 6 : stryMutAct_9fa48("1345") ? digits.length < 6 : stryMutAct_9fa48("1344") ? true : (stryCov_9fa48("1344", "1345", "1346"), digits.length <= 6)))) ? Number(digits) : Number.NaN;
    return stryMutAct_9fa48("1347") ? {} : (stryCov_9fa48("1347"), {
      next,
      result: (stryMutAct_9fa48("1351") ? days > LIMITS.daysAgoMax : stryMutAct_9fa48("1350") ? days < LIMITS.daysAgoMax : stryMutAct_9fa48("1349") ? false : stryMutAct_9fa48("1348") ? true : (stryCov_9fa48("1348", "1349", "1350", "1351"), days <= LIMITS.daysAgoMax)) ? ok(stryMutAct_9fa48("1352") ? {} : (stryCov_9fa48("1352"), {
        kind: stryMutAct_9fa48("1353") ? "" : (stryCov_9fa48("1353"), 'daysAgo'),
        days
      })) : bad(stryMutAct_9fa48("1354") ? "" : (stryCov_9fa48("1354"), 'badDate'))
    });
  }
}

/** `today`, `yesterday`, `3 days ago`, `เมื่อวาน`, `3 วันก่อน`, `2026-11-01`, `1/11/2569`. */
function matchDay(toks: Token[], i: number): Match<DayPart> | null {
  if (stryMutAct_9fa48("1355")) {
    {}
  } else {
    stryCov_9fa48("1355");
    const tok = toks[i];
    if (stryMutAct_9fa48("1358") ? !tok && tok.quoted : stryMutAct_9fa48("1357") ? false : stryMutAct_9fa48("1356") ? true : (stryCov_9fa48("1356", "1357", "1358"), (stryMutAct_9fa48("1359") ? tok : (stryCov_9fa48("1359"), !tok)) || tok.quoted)) return null;
    const word = DAY_WORDS.get(tok.lower);
    if (stryMutAct_9fa48("1362") ? word === undefined : stryMutAct_9fa48("1361") ? false : stryMutAct_9fa48("1360") ? true : (stryCov_9fa48("1360", "1361", "1362"), word !== undefined)) return stryMutAct_9fa48("1363") ? {} : (stryCov_9fa48("1363"), {
      next: stryMutAct_9fa48("1364") ? i - 1 : (stryCov_9fa48("1364"), i + 1),
      result: ok(stryMutAct_9fa48("1365") ? {} : (stryCov_9fa48("1365"), {
        kind: stryMutAct_9fa48("1366") ? "" : (stryCov_9fa48("1366"), 'daysAgo'),
        days: word
      }))
    });
    const thaiGlued = THAI_DAYS_AGO_RE.exec(tok.lower);
    if (stryMutAct_9fa48("1368") ? false : stryMutAct_9fa48("1367") ? true : (stryCov_9fa48("1367", "1368"), thaiGlued)) return daysAgo(stryMutAct_9fa48("1369") ? i - 1 : (stryCov_9fa48("1369"), i + 1), stryMutAct_9fa48("1370") ? thaiGlued[1] && '' : (stryCov_9fa48("1370"), thaiGlued[1] ?? (stryMutAct_9fa48("1371") ? "Stryker was here!" : (stryCov_9fa48("1371"), ''))));
    if (stryMutAct_9fa48("1373") ? false : stryMutAct_9fa48("1372") ? true : (stryCov_9fa48("1372", "1373"), DIGITS.test(tok.text))) {
      if (stryMutAct_9fa48("1374")) {
        {}
      } else {
        stryCov_9fa48("1374");
        const a = toks[stryMutAct_9fa48("1375") ? i - 1 : (stryCov_9fa48("1375"), i + 1)];
        const b = toks[stryMutAct_9fa48("1376") ? i - 2 : (stryCov_9fa48("1376"), i + 2)];
        if (stryMutAct_9fa48("1379") ? isWord(a, DAYS_WORDS) && b?.lower === 'ago' || !b.quoted : stryMutAct_9fa48("1378") ? false : stryMutAct_9fa48("1377") ? true : (stryCov_9fa48("1377", "1378", "1379"), (stryMutAct_9fa48("1381") ? isWord(a, DAYS_WORDS) || b?.lower === 'ago' : stryMutAct_9fa48("1380") ? true : (stryCov_9fa48("1380", "1381"), isWord(a, DAYS_WORDS) && (stryMutAct_9fa48("1383") ? b?.lower !== 'ago' : stryMutAct_9fa48("1382") ? true : (stryCov_9fa48("1382", "1383"), (stryMutAct_9fa48("1384") ? b.lower : (stryCov_9fa48("1384"), b?.lower)) === (stryMutAct_9fa48("1385") ? "" : (stryCov_9fa48("1385"), 'ago')))))) && (stryMutAct_9fa48("1386") ? b.quoted : (stryCov_9fa48("1386"), !b.quoted)))) return daysAgo(stryMutAct_9fa48("1387") ? i - 3 : (stryCov_9fa48("1387"), i + 3), tok.text);
        if (stryMutAct_9fa48("1389") ? false : stryMutAct_9fa48("1388") ? true : (stryCov_9fa48("1388", "1389"), isWord(a, THAI_AGO_WORDS))) return daysAgo(stryMutAct_9fa48("1390") ? i - 2 : (stryCov_9fa48("1390"), i + 2), tok.text);
        if (stryMutAct_9fa48("1393") ? a?.lower === 'วัน' || isWord(b, THAI_AGO_TAIL) : stryMutAct_9fa48("1392") ? false : stryMutAct_9fa48("1391") ? true : (stryCov_9fa48("1391", "1392", "1393"), (stryMutAct_9fa48("1395") ? a?.lower !== 'วัน' : stryMutAct_9fa48("1394") ? true : (stryCov_9fa48("1394", "1395"), (stryMutAct_9fa48("1396") ? a.lower : (stryCov_9fa48("1396"), a?.lower)) === (stryMutAct_9fa48("1397") ? "" : (stryCov_9fa48("1397"), 'วัน')))) && isWord(b, THAI_AGO_TAIL))) return daysAgo(stryMutAct_9fa48("1398") ? i - 3 : (stryCov_9fa48("1398"), i + 3), tok.text);
        return null;
      }
    }
    const iso = ISO_DATE_RE.exec(tok.text);
    const dmy = DMY_DATE_RE.exec(tok.text);
    const result = iso ? checkDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : dmy ? checkDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : DATE_LIKE_RE.test(tok.text) ? bad(stryMutAct_9fa48("1399") ? "" : (stryCov_9fa48("1399"), 'badDate')) : null;
    if (stryMutAct_9fa48("1402") ? false : stryMutAct_9fa48("1401") ? true : stryMutAct_9fa48("1400") ? result : (stryCov_9fa48("1400", "1401", "1402"), !result)) return null;
    return stryMutAct_9fa48("1403") ? {} : (stryCov_9fa48("1403"), {
      next: stryMutAct_9fa48("1404") ? i - 1 : (stryCov_9fa48("1404"), i + 1),
      result: result.ok ? ok(stryMutAct_9fa48("1405") ? {} : (stryCov_9fa48("1405"), {
        kind: stryMutAct_9fa48("1406") ? "" : (stryCov_9fa48("1406"), 'date'),
        date: result.value
      })) : result
    });
  }
}

/**
 * `[@|at] <day or date> <time>` in either order, each at most once. A time alone means today.
 * All of `toks` must be used.
 */
function parseTimeSpec(toks: Token[]): Result<TimeSpec> {
  if (stryMutAct_9fa48("1407")) {
    {}
  } else {
    stryCov_9fa48("1407");
    const explicit = stryMutAct_9fa48("1410") ? isSymbol(toks[0], '@') && isWord(toks[0], AT_WORDS) : stryMutAct_9fa48("1409") ? false : stryMutAct_9fa48("1408") ? true : (stryCov_9fa48("1408", "1409", "1410"), isSymbol(toks[0], stryMutAct_9fa48("1411") ? "" : (stryCov_9fa48("1411"), '@')) || isWord(toks[0], AT_WORDS));
    let i = explicit ? 1 : 0;
    if (stryMutAct_9fa48("1415") ? i < toks.length : stryMutAct_9fa48("1414") ? i > toks.length : stryMutAct_9fa48("1413") ? false : stryMutAct_9fa48("1412") ? true : (stryCov_9fa48("1412", "1413", "1414", "1415"), i >= toks.length)) return bad(stryMutAct_9fa48("1416") ? "" : (stryCov_9fa48("1416"), 'badDate'));
    let day: DayPart | undefined;
    let time: string | undefined;
    while (stryMutAct_9fa48("1419") ? i >= toks.length : stryMutAct_9fa48("1418") ? i <= toks.length : stryMutAct_9fa48("1417") ? false : (stryCov_9fa48("1417", "1418", "1419"), i < toks.length)) {
      if (stryMutAct_9fa48("1420")) {
        {}
      } else {
        stryCov_9fa48("1420");
        const t = (stryMutAct_9fa48("1423") ? time !== undefined : stryMutAct_9fa48("1422") ? false : stryMutAct_9fa48("1421") ? true : (stryCov_9fa48("1421", "1422", "1423"), time === undefined)) ? matchTime(toks, i) : null;
        if (stryMutAct_9fa48("1425") ? false : stryMutAct_9fa48("1424") ? true : (stryCov_9fa48("1424", "1425"), t)) {
          if (stryMutAct_9fa48("1426")) {
            {}
          } else {
            stryCov_9fa48("1426");
            if (stryMutAct_9fa48("1429") ? false : stryMutAct_9fa48("1428") ? true : stryMutAct_9fa48("1427") ? t.result.ok : (stryCov_9fa48("1427", "1428", "1429"), !t.result.ok)) return t.result;
            time = t.result.value;
            i = t.next;
            continue;
          }
        }
        const d = (stryMutAct_9fa48("1432") ? day !== undefined : stryMutAct_9fa48("1431") ? false : stryMutAct_9fa48("1430") ? true : (stryCov_9fa48("1430", "1431", "1432"), day === undefined)) ? matchDay(toks, i) : null;
        if (stryMutAct_9fa48("1434") ? false : stryMutAct_9fa48("1433") ? true : (stryCov_9fa48("1433", "1434"), d)) {
          if (stryMutAct_9fa48("1435")) {
            {}
          } else {
            stryCov_9fa48("1435");
            if (stryMutAct_9fa48("1438") ? false : stryMutAct_9fa48("1437") ? true : stryMutAct_9fa48("1436") ? d.result.ok : (stryCov_9fa48("1436", "1437", "1438"), !d.result.ok)) return d.result;
            day = d.result.value;
            i = d.next;
            continue;
          }
        }
        return bad((stryMutAct_9fa48("1441") ? explicit || i === 1 : stryMutAct_9fa48("1440") ? false : stryMutAct_9fa48("1439") ? true : (stryCov_9fa48("1439", "1440", "1441"), explicit && (stryMutAct_9fa48("1443") ? i !== 1 : stryMutAct_9fa48("1442") ? true : (stryCov_9fa48("1442", "1443"), i === 1)))) ? stryMutAct_9fa48("1444") ? "" : (stryCov_9fa48("1444"), 'badDate') : stryMutAct_9fa48("1445") ? "" : (stryCov_9fa48("1445"), 'unexpectedText'));
      }
    }
    const base: DayPart = stryMutAct_9fa48("1446") ? day && {
      kind: 'daysAgo',
      days: 0
    } : (stryCov_9fa48("1446"), day ?? (stryMutAct_9fa48("1447") ? {} : (stryCov_9fa48("1447"), {
      kind: stryMutAct_9fa48("1448") ? "" : (stryCov_9fa48("1448"), 'daysAgo'),
      days: 0
    })));
    return ok((stryMutAct_9fa48("1451") ? time !== undefined : stryMutAct_9fa48("1450") ? false : stryMutAct_9fa48("1449") ? true : (stryCov_9fa48("1449", "1450", "1451"), time === undefined)) ? base : stryMutAct_9fa48("1452") ? {} : (stryCov_9fa48("1452"), {
      ...base,
      time
    }));
  }
}
const MONTH_LIKE_RE = stryMutAct_9fa48("1459") ? /^\d{1,4}[-/]\D{1,4}$/ : stryMutAct_9fa48("1458") ? /^\d{1,4}[-/]\d$/ : stryMutAct_9fa48("1457") ? /^\d{1,4}[^-/]\d{1,4}$/ : stryMutAct_9fa48("1456") ? /^\D{1,4}[-/]\d{1,4}$/ : stryMutAct_9fa48("1455") ? /^\d[-/]\d{1,4}$/ : stryMutAct_9fa48("1454") ? /^\d{1,4}[-/]\d{1,4}/ : stryMutAct_9fa48("1453") ? /\d{1,4}[-/]\d{1,4}$/ : (stryCov_9fa48("1453", "1454", "1455", "1456", "1457", "1458", "1459"), /^\d{1,4}[-/]\d{1,4}$/);

/** 'YYYY-MM' from `2026-10`, `10/2026`, `2569-10`, `10/2569`. */
function parseMonth(text: string): Result<string> {
  if (stryMutAct_9fa48("1460")) {
    {}
  } else {
    stryCov_9fa48("1460");
    const iso = (stryMutAct_9fa48("1466") ? /^(\d{4})-(\D{1,2})$/ : stryMutAct_9fa48("1465") ? /^(\d{4})-(\d)$/ : stryMutAct_9fa48("1464") ? /^(\D{4})-(\d{1,2})$/ : stryMutAct_9fa48("1463") ? /^(\d)-(\d{1,2})$/ : stryMutAct_9fa48("1462") ? /^(\d{4})-(\d{1,2})/ : stryMutAct_9fa48("1461") ? /(\d{4})-(\d{1,2})$/ : (stryCov_9fa48("1461", "1462", "1463", "1464", "1465", "1466"), /^(\d{4})-(\d{1,2})$/)).exec(text);
    const my = (stryMutAct_9fa48("1472") ? /^(\d{1,2})\/(\D{4})$/ : stryMutAct_9fa48("1471") ? /^(\d{1,2})\/(\d)$/ : stryMutAct_9fa48("1470") ? /^(\D{1,2})\/(\d{4})$/ : stryMutAct_9fa48("1469") ? /^(\d)\/(\d{4})$/ : stryMutAct_9fa48("1468") ? /^(\d{1,2})\/(\d{4})/ : stryMutAct_9fa48("1467") ? /(\d{1,2})\/(\d{4})$/ : (stryCov_9fa48("1467", "1468", "1469", "1470", "1471", "1472"), /^(\d{1,2})\/(\d{4})$/)).exec(text);
    const year = gregorianYear(Number(stryMutAct_9fa48("1473") ? (iso?.[1] ?? my?.[2]) && 0 : (stryCov_9fa48("1473"), (stryMutAct_9fa48("1474") ? iso?.[1] && my?.[2] : (stryCov_9fa48("1474"), (stryMutAct_9fa48("1475") ? iso[1] : (stryCov_9fa48("1475"), iso?.[1])) ?? (stryMutAct_9fa48("1476") ? my[2] : (stryCov_9fa48("1476"), my?.[2])))) ?? 0)));
    const month = Number(stryMutAct_9fa48("1477") ? (iso?.[2] ?? my?.[1]) && 0 : (stryCov_9fa48("1477"), (stryMutAct_9fa48("1478") ? iso?.[2] && my?.[1] : (stryCov_9fa48("1478"), (stryMutAct_9fa48("1479") ? iso[2] : (stryCov_9fa48("1479"), iso?.[2])) ?? (stryMutAct_9fa48("1480") ? my[1] : (stryCov_9fa48("1480"), my?.[1])))) ?? 0));
    if (stryMutAct_9fa48("1483") ? (year === null || month < 1) && month > 12 : stryMutAct_9fa48("1482") ? false : stryMutAct_9fa48("1481") ? true : (stryCov_9fa48("1481", "1482", "1483"), (stryMutAct_9fa48("1485") ? year === null && month < 1 : stryMutAct_9fa48("1484") ? false : (stryCov_9fa48("1484", "1485"), (stryMutAct_9fa48("1487") ? year !== null : stryMutAct_9fa48("1486") ? false : (stryCov_9fa48("1486", "1487"), year === null)) || (stryMutAct_9fa48("1490") ? month >= 1 : stryMutAct_9fa48("1489") ? month <= 1 : stryMutAct_9fa48("1488") ? false : (stryCov_9fa48("1488", "1489", "1490"), month < 1)))) || (stryMutAct_9fa48("1493") ? month <= 12 : stryMutAct_9fa48("1492") ? month >= 12 : stryMutAct_9fa48("1491") ? false : (stryCov_9fa48("1491", "1492", "1493"), month > 12)))) return bad(stryMutAct_9fa48("1494") ? "" : (stryCov_9fa48("1494"), 'badMonth'));
    return ok(stryMutAct_9fa48("1495") ? `` : (stryCov_9fa48("1495"), `${year}-${pad2(month)}`));
  }
}

// ---------------------------------------------------------------------------
// Readings: `meter 1 = 4521 @ yesterday 20:00 # note`, `electric = 4521.5`, `4521`, `electric 4521`

/** Common chat words that are never taken as a meter name in the loose `word number` form. */
const CHATTER_WORDS = new Set(stryMutAct_9fa48("1496") ? [] : (stryCov_9fa48("1496"), [...(stryMutAct_9fa48("1497") ? "" : (stryCov_9fa48("1497"), 'ok okay okey k kk lol haha hahaha yes no yeah yep nope thanks thank thx ty')).split(stryMutAct_9fa48("1498") ? "" : (stryCov_9fa48("1498"), ' ')), ...(stryMutAct_9fa48("1499") ? "" : (stryCov_9fa48("1499"), 'hi hello hey bye wow oh ah omg sure maybe about around only just paid pay total')).split(stryMutAct_9fa48("1500") ? "" : (stryCov_9fa48("1500"), ' ')), ...(stryMutAct_9fa48("1501") ? "" : (stryCov_9fa48("1501"), 'sum got is was it the a an and or to for in on of with me my you we i')).split(stryMutAct_9fa48("1502") ? "" : (stryCov_9fa48("1502"), ' ')), ...(stryMutAct_9fa48("1503") ? "" : (stryCov_9fa48("1503"), 'โอเค ครับ ค่ะ คะ จ้า จ้ะ นะ ได้ แล้ว จ่าย ราคา รวม บาท')).split(stryMutAct_9fa48("1504") ? "" : (stryCov_9fa48("1504"), ' '))]));
interface NoteSplit {
  body: Token[];
  note?: string;
  noteTooLong: boolean;
}

/** Everything after the first unquoted token that starts with `#` is the note. */
function splitNote(s: string, toks: Token[]): NoteSplit {
  if (stryMutAct_9fa48("1505")) {
    {}
  } else {
    stryCov_9fa48("1505");
    const at = toks.findIndex(stryMutAct_9fa48("1506") ? () => undefined : (stryCov_9fa48("1506"), t => stryMutAct_9fa48("1509") ? !t.quoted || t.text.startsWith('#') : stryMutAct_9fa48("1508") ? false : stryMutAct_9fa48("1507") ? true : (stryCov_9fa48("1507", "1508", "1509"), (stryMutAct_9fa48("1510") ? t.quoted : (stryCov_9fa48("1510"), !t.quoted)) && (stryMutAct_9fa48("1511") ? t.text.endsWith('#') : (stryCov_9fa48("1511"), t.text.startsWith(stryMutAct_9fa48("1512") ? "" : (stryCov_9fa48("1512"), '#')))))));
    const hash = toks[at];
    if (stryMutAct_9fa48("1515") ? false : stryMutAct_9fa48("1514") ? true : stryMutAct_9fa48("1513") ? hash : (stryCov_9fa48("1513", "1514", "1515"), !hash)) return stryMutAct_9fa48("1516") ? {} : (stryCov_9fa48("1516"), {
      body: toks,
      noteTooLong: stryMutAct_9fa48("1517") ? true : (stryCov_9fa48("1517"), false)
    });
    const note = stryMutAct_9fa48("1519") ? s.trim() : stryMutAct_9fa48("1518") ? s.slice(hash.start + 1) : (stryCov_9fa48("1518", "1519"), s.slice(stryMutAct_9fa48("1520") ? hash.start - 1 : (stryCov_9fa48("1520"), hash.start + 1)).trim());
    const tooLong = stryMutAct_9fa48("1524") ? codePoints(note) <= LIMITS.noteLength : stryMutAct_9fa48("1523") ? codePoints(note) >= LIMITS.noteLength : stryMutAct_9fa48("1522") ? false : stryMutAct_9fa48("1521") ? true : (stryCov_9fa48("1521", "1522", "1523", "1524"), codePoints(note) > LIMITS.noteLength);
    return stryMutAct_9fa48("1525") ? {} : (stryCov_9fa48("1525"), {
      body: stryMutAct_9fa48("1526") ? toks : (stryCov_9fa48("1526"), toks.slice(0, at)),
      ...((stryMutAct_9fa48("1529") ? note || !tooLong : stryMutAct_9fa48("1528") ? false : stryMutAct_9fa48("1527") ? true : (stryCov_9fa48("1527", "1528", "1529"), note && (stryMutAct_9fa48("1530") ? tooLong : (stryCov_9fa48("1530"), !tooLong)))) ? stryMutAct_9fa48("1531") ? {} : (stryCov_9fa48("1531"), {
        note
      }) : {}),
      noteTooLong: tooLong
    });
  }
}

/** The value, time and note after `meter 1` or `name =`; any failure is malformed. */
function finishReading(meter: MeterRef, rest: Token[], split: NoteSplit, explicitEquals: boolean): Command {
  if (stryMutAct_9fa48("1532")) {
    {}
  } else {
    stryCov_9fa48("1532");
    const hasEquals = stryMutAct_9fa48("1535") ? explicitEquals && isSymbol(rest[0], '=') : stryMutAct_9fa48("1534") ? false : stryMutAct_9fa48("1533") ? true : (stryCov_9fa48("1533", "1534", "1535"), explicitEquals || isSymbol(rest[0], stryMutAct_9fa48("1536") ? "" : (stryCov_9fa48("1536"), '=')));
    const i = isSymbol(rest[0], stryMutAct_9fa48("1537") ? "" : (stryCov_9fa48("1537"), '=')) ? 1 : 0;
    const tok = rest[i];
    if (stryMutAct_9fa48("1540") ? (!tok || tok.quoted || tok.text === '@') && tok.text === '=' : stryMutAct_9fa48("1539") ? false : stryMutAct_9fa48("1538") ? true : (stryCov_9fa48("1538", "1539", "1540"), (stryMutAct_9fa48("1542") ? (!tok || tok.quoted) && tok.text === '@' : stryMutAct_9fa48("1541") ? false : (stryCov_9fa48("1541", "1542"), (stryMutAct_9fa48("1544") ? !tok && tok.quoted : stryMutAct_9fa48("1543") ? false : (stryCov_9fa48("1543", "1544"), (stryMutAct_9fa48("1545") ? tok : (stryCov_9fa48("1545"), !tok)) || tok.quoted)) || (stryMutAct_9fa48("1547") ? tok.text !== '@' : stryMutAct_9fa48("1546") ? false : (stryCov_9fa48("1546", "1547"), tok.text === (stryMutAct_9fa48("1548") ? "" : (stryCov_9fa48("1548"), '@')))))) || (stryMutAct_9fa48("1550") ? tok.text !== '=' : stryMutAct_9fa48("1549") ? false : (stryCov_9fa48("1549", "1550"), tok.text === (stryMutAct_9fa48("1551") ? "" : (stryCov_9fa48("1551"), '=')))))) {
      if (stryMutAct_9fa48("1552")) {
        {}
      } else {
        stryCov_9fa48("1552");
        return malformed(stryMutAct_9fa48("1553") ? "" : (stryCov_9fa48("1553"), 'reading'), stryMutAct_9fa48("1554") ? "" : (stryCov_9fa48("1554"), 'missingValue'), meter);
      }
    }
    if (stryMutAct_9fa48("1557") ? false : stryMutAct_9fa48("1556") ? true : stryMutAct_9fa48("1555") ? NUMBERISH_RE.test(tok.lower) : (stryCov_9fa48("1555", "1556", "1557"), !NUMBERISH_RE.test(tok.lower))) {
      if (stryMutAct_9fa48("1558")) {
        {}
      } else {
        stryCov_9fa48("1558");
        return malformed(stryMutAct_9fa48("1559") ? "" : (stryCov_9fa48("1559"), 'reading'), hasEquals ? stryMutAct_9fa48("1560") ? "" : (stryCov_9fa48("1560"), 'badNumber') : stryMutAct_9fa48("1561") ? "" : (stryCov_9fa48("1561"), 'missingValue'), meter);
      }
    }
    const value = parseDecimal(tok.text);
    if (stryMutAct_9fa48("1564") ? false : stryMutAct_9fa48("1563") ? true : stryMutAct_9fa48("1562") ? value.ok : (stryCov_9fa48("1562", "1563", "1564"), !value.ok)) return malformed(stryMutAct_9fa48("1565") ? "" : (stryCov_9fa48("1565"), 'reading'), value.problem, meter);
    const timeToks = stryMutAct_9fa48("1566") ? rest : (stryCov_9fa48("1566"), rest.slice(stryMutAct_9fa48("1567") ? i - 1 : (stryCov_9fa48("1567"), i + 1)));
    const at = (stryMutAct_9fa48("1571") ? timeToks.length <= 0 : stryMutAct_9fa48("1570") ? timeToks.length >= 0 : stryMutAct_9fa48("1569") ? false : stryMutAct_9fa48("1568") ? true : (stryCov_9fa48("1568", "1569", "1570", "1571"), timeToks.length > 0)) ? parseTimeSpec(timeToks) : undefined;
    if (stryMutAct_9fa48("1574") ? at || !at.ok : stryMutAct_9fa48("1573") ? false : stryMutAct_9fa48("1572") ? true : (stryCov_9fa48("1572", "1573", "1574"), at && (stryMutAct_9fa48("1575") ? at.ok : (stryCov_9fa48("1575"), !at.ok)))) return malformed(stryMutAct_9fa48("1576") ? "" : (stryCov_9fa48("1576"), 'reading'), at.problem, meter);
    if (stryMutAct_9fa48("1578") ? false : stryMutAct_9fa48("1577") ? true : (stryCov_9fa48("1577", "1578"), split.noteTooLong)) return malformed(stryMutAct_9fa48("1579") ? "" : (stryCov_9fa48("1579"), 'reading'), stryMutAct_9fa48("1580") ? "" : (stryCov_9fa48("1580"), 'noteTooLong'), meter);
    return stryMutAct_9fa48("1581") ? {} : (stryCov_9fa48("1581"), {
      type: stryMutAct_9fa48("1582") ? "" : (stryCov_9fa48("1582"), 'reading'),
      meter,
      value: value.value,
      ...(at ? stryMutAct_9fa48("1583") ? {} : (stryCov_9fa48("1583"), {
        at: at.value
      }) : {}),
      ...(split.note ? stryMutAct_9fa48("1584") ? {} : (stryCov_9fa48("1584"), {
        note: split.note
      }) : {})
    });
  }
}
function parseReading(s: string, toks: Token[]): Command | null {
  if (stryMutAct_9fa48("1585")) {
    {}
  } else {
    stryCov_9fa48("1585");
    const split = splitNote(s, toks);
    const body = split.body;

    // `meter 1 …`: a reading whatever follows.
    const num = matchMeterNumber(body, 0);
    if (stryMutAct_9fa48("1587") ? false : stryMutAct_9fa48("1586") ? true : (stryCov_9fa48("1586", "1587"), num)) {
      if (stryMutAct_9fa48("1588")) {
        {}
      } else {
        stryCov_9fa48("1588");
        if (stryMutAct_9fa48("1591") ? false : stryMutAct_9fa48("1590") ? true : stryMutAct_9fa48("1589") ? num.result.ok : (stryCov_9fa48("1589", "1590", "1591"), !num.result.ok)) return malformed(stryMutAct_9fa48("1592") ? "" : (stryCov_9fa48("1592"), 'reading'), num.result.problem);
        return finishReading(num.result.value, stryMutAct_9fa48("1593") ? body : (stryCov_9fa48("1593"), body.slice(num.next)), split, stryMutAct_9fa48("1594") ? true : (stryCov_9fa48("1594"), false));
      }
    }

    // `name = number …`: a reading when the right side is an attempt at a number.
    const eq = body.findIndex(stryMutAct_9fa48("1595") ? () => undefined : (stryCov_9fa48("1595"), t => isSymbol(t, stryMutAct_9fa48("1596") ? "" : (stryCov_9fa48("1596"), '='))));
    if (stryMutAct_9fa48("1600") ? eq <= 0 : stryMutAct_9fa48("1599") ? eq >= 0 : stryMutAct_9fa48("1598") ? false : stryMutAct_9fa48("1597") ? true : (stryCov_9fa48("1597", "1598", "1599", "1600"), eq > 0)) {
      if (stryMutAct_9fa48("1601")) {
        {}
      } else {
        stryCov_9fa48("1601");
        const valueTok = body[stryMutAct_9fa48("1602") ? eq - 1 : (stryCov_9fa48("1602"), eq + 1)];
        if (stryMutAct_9fa48("1605") ? (!valueTok || valueTok.quoted) && !NUMBERISH_RE.test(valueTok.lower) : stryMutAct_9fa48("1604") ? false : stryMutAct_9fa48("1603") ? true : (stryCov_9fa48("1603", "1604", "1605"), (stryMutAct_9fa48("1607") ? !valueTok && valueTok.quoted : stryMutAct_9fa48("1606") ? false : (stryCov_9fa48("1606", "1607"), (stryMutAct_9fa48("1608") ? valueTok : (stryCov_9fa48("1608"), !valueTok)) || valueTok.quoted)) || (stryMutAct_9fa48("1609") ? NUMBERISH_RE.test(valueTok.lower) : (stryCov_9fa48("1609"), !NUMBERISH_RE.test(valueTok.lower))))) return null;
        const ref = parseRef(stryMutAct_9fa48("1610") ? body : (stryCov_9fa48("1610"), body.slice(0, eq)));
        if (stryMutAct_9fa48("1613") ? !ref?.ok && ref.ref?.by !== 'name' : stryMutAct_9fa48("1612") ? false : stryMutAct_9fa48("1611") ? true : (stryCov_9fa48("1611", "1612", "1613"), (stryMutAct_9fa48("1614") ? ref?.ok : (stryCov_9fa48("1614"), !(stryMutAct_9fa48("1615") ? ref.ok : (stryCov_9fa48("1615"), ref?.ok)))) || (stryMutAct_9fa48("1617") ? ref.ref?.by === 'name' : stryMutAct_9fa48("1616") ? false : (stryCov_9fa48("1616", "1617"), (stryMutAct_9fa48("1618") ? ref.ref.by : (stryCov_9fa48("1618"), ref.ref?.by)) !== (stryMutAct_9fa48("1619") ? "" : (stryCov_9fa48("1619"), 'name')))))) return null;
        return finishReading(ref.ref, stryMutAct_9fa48("1620") ? body : (stryCov_9fa48("1620"), body.slice(stryMutAct_9fa48("1621") ? eq - 1 : (stryCov_9fa48("1621"), eq + 1))), split, stryMutAct_9fa48("1622") ? false : (stryCov_9fa48("1622"), true));
      }
    }

    // A bare number, optionally with a time and a note: for one-to-one chats.
    const first = body[0];
    if (stryMutAct_9fa48("1625") ? first && !first.quoted || /^[+-]?\.?\d/.test(first.text) : stryMutAct_9fa48("1624") ? false : stryMutAct_9fa48("1623") ? true : (stryCov_9fa48("1623", "1624", "1625"), (stryMutAct_9fa48("1627") ? first || !first.quoted : stryMutAct_9fa48("1626") ? true : (stryCov_9fa48("1626", "1627"), first && (stryMutAct_9fa48("1628") ? first.quoted : (stryCov_9fa48("1628"), !first.quoted)))) && (stryMutAct_9fa48("1633") ? /^[+-]?\.?\D/ : stryMutAct_9fa48("1632") ? /^[+-]?\.\d/ : stryMutAct_9fa48("1631") ? /^[^+-]?\.?\d/ : stryMutAct_9fa48("1630") ? /^[+-]\.?\d/ : stryMutAct_9fa48("1629") ? /[+-]?\.?\d/ : (stryCov_9fa48("1629", "1630", "1631", "1632", "1633"), /^[+-]?\.?\d/)).test(first.text))) {
      if (stryMutAct_9fa48("1634")) {
        {}
      } else {
        stryCov_9fa48("1634");
        const value = parseDecimal(first.text);
        if (stryMutAct_9fa48("1637") ? false : stryMutAct_9fa48("1636") ? true : stryMutAct_9fa48("1635") ? value.ok : (stryCov_9fa48("1635", "1636", "1637"), !value.ok)) {
          if (stryMutAct_9fa48("1638")) {
            {}
          } else {
            stryCov_9fa48("1638");
            return (stryMutAct_9fa48("1641") ? value.problem !== 'badNumber' || toks.length === 1 : stryMutAct_9fa48("1640") ? false : stryMutAct_9fa48("1639") ? true : (stryCov_9fa48("1639", "1640", "1641"), (stryMutAct_9fa48("1643") ? value.problem === 'badNumber' : stryMutAct_9fa48("1642") ? true : (stryCov_9fa48("1642", "1643"), value.problem !== (stryMutAct_9fa48("1644") ? "" : (stryCov_9fa48("1644"), 'badNumber')))) && (stryMutAct_9fa48("1646") ? toks.length !== 1 : stryMutAct_9fa48("1645") ? true : (stryCov_9fa48("1645", "1646"), toks.length === 1)))) ? malformed(stryMutAct_9fa48("1647") ? "" : (stryCov_9fa48("1647"), 'reading'), value.problem) : null;
          }
        }
        const timeToks = stryMutAct_9fa48("1648") ? body : (stryCov_9fa48("1648"), body.slice(1));
        const at = (stryMutAct_9fa48("1652") ? timeToks.length <= 0 : stryMutAct_9fa48("1651") ? timeToks.length >= 0 : stryMutAct_9fa48("1650") ? false : stryMutAct_9fa48("1649") ? true : (stryCov_9fa48("1649", "1650", "1651", "1652"), timeToks.length > 0)) ? parseTimeSpec(timeToks) : undefined;
        if (stryMutAct_9fa48("1655") ? at || !at.ok : stryMutAct_9fa48("1654") ? false : stryMutAct_9fa48("1653") ? true : (stryCov_9fa48("1653", "1654", "1655"), at && (stryMutAct_9fa48("1656") ? at.ok : (stryCov_9fa48("1656"), !at.ok)))) return null;
        if (stryMutAct_9fa48("1658") ? false : stryMutAct_9fa48("1657") ? true : (stryCov_9fa48("1657", "1658"), split.noteTooLong)) return malformed(stryMutAct_9fa48("1659") ? "" : (stryCov_9fa48("1659"), 'reading'), stryMutAct_9fa48("1660") ? "" : (stryCov_9fa48("1660"), 'noteTooLong'));
        return stryMutAct_9fa48("1661") ? {} : (stryCov_9fa48("1661"), {
          type: stryMutAct_9fa48("1662") ? "" : (stryCov_9fa48("1662"), 'reading'),
          value: value.value,
          ...(at ? stryMutAct_9fa48("1663") ? {} : (stryCov_9fa48("1663"), {
            at: at.value
          }) : {}),
          ...(split.note ? stryMutAct_9fa48("1664") ? {} : (stryCov_9fa48("1664"), {
            note: split.note
          }) : {})
        });
      }
    }

    // `electric 4521`: exactly one word and a number.
    const [word, number] = toks;
    if (stryMutAct_9fa48("1667") ? toks.length === 2 && word && number && isLooseWord(word.text) || !number.quoted : stryMutAct_9fa48("1666") ? false : stryMutAct_9fa48("1665") ? true : (stryCov_9fa48("1665", "1666", "1667"), (stryMutAct_9fa48("1669") ? toks.length === 2 && word && number || isLooseWord(word.text) : stryMutAct_9fa48("1668") ? true : (stryCov_9fa48("1668", "1669"), (stryMutAct_9fa48("1671") ? toks.length === 2 && word || number : stryMutAct_9fa48("1670") ? true : (stryCov_9fa48("1670", "1671"), (stryMutAct_9fa48("1673") ? toks.length === 2 || word : stryMutAct_9fa48("1672") ? true : (stryCov_9fa48("1672", "1673"), (stryMutAct_9fa48("1675") ? toks.length !== 2 : stryMutAct_9fa48("1674") ? true : (stryCov_9fa48("1674", "1675"), toks.length === 2)) && word)) && number)) && isLooseWord(word.text))) && (stryMutAct_9fa48("1676") ? number.quoted : (stryCov_9fa48("1676"), !number.quoted)))) {
      if (stryMutAct_9fa48("1677")) {
        {}
      } else {
        stryCov_9fa48("1677");
        const value = (stryMutAct_9fa48("1682") ? /^[+-]?\.?\D/ : stryMutAct_9fa48("1681") ? /^[+-]?\.\d/ : stryMutAct_9fa48("1680") ? /^[^+-]?\.?\d/ : stryMutAct_9fa48("1679") ? /^[+-]\.?\d/ : stryMutAct_9fa48("1678") ? /[+-]?\.?\d/ : (stryCov_9fa48("1678", "1679", "1680", "1681", "1682"), /^[+-]?\.?\d/)).test(number.text) ? parseDecimal(number.text) : null;
        if (stryMutAct_9fa48("1685") ? value.ok : stryMutAct_9fa48("1684") ? false : stryMutAct_9fa48("1683") ? true : (stryCov_9fa48("1683", "1684", "1685"), value?.ok)) {
          if (stryMutAct_9fa48("1686")) {
            {}
          } else {
            stryCov_9fa48("1686");
            return stryMutAct_9fa48("1687") ? {} : (stryCov_9fa48("1687"), {
              type: stryMutAct_9fa48("1688") ? "" : (stryCov_9fa48("1688"), 'reading'),
              meter: stryMutAct_9fa48("1689") ? {} : (stryCov_9fa48("1689"), {
                by: stryMutAct_9fa48("1690") ? "" : (stryCov_9fa48("1690"), 'name'),
                name: word.text
              }),
              value: value.value,
              loose: stryMutAct_9fa48("1691") ? false : (stryCov_9fa48("1691"), true)
            });
          }
        }
      }
    }
    return null;
  }
}

/** A word that `word number` may use as a meter name: a plain name that is not chat talk. */
function isLooseWord(word: string): boolean {
  if (stryMutAct_9fa48("1692")) {
    {}
  } else {
    stryCov_9fa48("1692");
    return stryMutAct_9fa48("1695") ? isPlainName(word) || !CHATTER_WORDS.has(word.toLowerCase()) : stryMutAct_9fa48("1694") ? false : stryMutAct_9fa48("1693") ? true : (stryCov_9fa48("1693", "1694", "1695"), isPlainName(word) && (stryMutAct_9fa48("1696") ? CHATTER_WORDS.has(word.toLowerCase()) : (stryCov_9fa48("1696"), !CHATTER_WORDS.has(stryMutAct_9fa48("1697") ? word.toUpperCase() : (stryCov_9fa48("1697"), word.toLowerCase())))));
  }
}

// ---------------------------------------------------------------------------
// Keyword commands

type Family = 'history' | 'fix' | 'delete' | 'setMeter' | 'replaceMeter' | 'usage' | 'chart' | 'share' | 'unshare' | 'access' | 'audit' | 'archive' | 'addMeter';
const EN_FAMILIES = new Map<string, Family>(stryMutAct_9fa48("1698") ? [] : (stryCov_9fa48("1698"), [stryMutAct_9fa48("1699") ? [] : (stryCov_9fa48("1699"), [stryMutAct_9fa48("1700") ? "" : (stryCov_9fa48("1700"), 'history'), stryMutAct_9fa48("1701") ? "" : (stryCov_9fa48("1701"), 'history')]), stryMutAct_9fa48("1702") ? [] : (stryCov_9fa48("1702"), [stryMutAct_9fa48("1703") ? "" : (stryCov_9fa48("1703"), 'fix'), stryMutAct_9fa48("1704") ? "" : (stryCov_9fa48("1704"), 'fix')]), stryMutAct_9fa48("1705") ? [] : (stryCov_9fa48("1705"), [stryMutAct_9fa48("1706") ? "" : (stryCov_9fa48("1706"), 'edit'), stryMutAct_9fa48("1707") ? "" : (stryCov_9fa48("1707"), 'fix')]), stryMutAct_9fa48("1708") ? [] : (stryCov_9fa48("1708"), [stryMutAct_9fa48("1709") ? "" : (stryCov_9fa48("1709"), 'correct'), stryMutAct_9fa48("1710") ? "" : (stryCov_9fa48("1710"), 'fix')]), stryMutAct_9fa48("1711") ? [] : (stryCov_9fa48("1711"), [stryMutAct_9fa48("1712") ? "" : (stryCov_9fa48("1712"), 'delete'), stryMutAct_9fa48("1713") ? "" : (stryCov_9fa48("1713"), 'delete')]), stryMutAct_9fa48("1714") ? [] : (stryCov_9fa48("1714"), [stryMutAct_9fa48("1715") ? "" : (stryCov_9fa48("1715"), 'del'), stryMutAct_9fa48("1716") ? "" : (stryCov_9fa48("1716"), 'delete')]), stryMutAct_9fa48("1717") ? [] : (stryCov_9fa48("1717"), [stryMutAct_9fa48("1718") ? "" : (stryCov_9fa48("1718"), 'remove'), stryMutAct_9fa48("1719") ? "" : (stryCov_9fa48("1719"), 'delete')]), stryMutAct_9fa48("1720") ? [] : (stryCov_9fa48("1720"), [stryMutAct_9fa48("1721") ? "" : (stryCov_9fa48("1721"), 'set'), stryMutAct_9fa48("1722") ? "" : (stryCov_9fa48("1722"), 'setMeter')]), stryMutAct_9fa48("1723") ? [] : (stryCov_9fa48("1723"), [stryMutAct_9fa48("1724") ? "" : (stryCov_9fa48("1724"), 'new'), stryMutAct_9fa48("1725") ? "" : (stryCov_9fa48("1725"), 'replaceMeter')]), stryMutAct_9fa48("1726") ? [] : (stryCov_9fa48("1726"), [stryMutAct_9fa48("1727") ? "" : (stryCov_9fa48("1727"), 'replace'), stryMutAct_9fa48("1728") ? "" : (stryCov_9fa48("1728"), 'replaceMeter')]), stryMutAct_9fa48("1729") ? [] : (stryCov_9fa48("1729"), [stryMutAct_9fa48("1730") ? "" : (stryCov_9fa48("1730"), 'usage'), stryMutAct_9fa48("1731") ? "" : (stryCov_9fa48("1731"), 'usage')]), stryMutAct_9fa48("1732") ? [] : (stryCov_9fa48("1732"), [stryMutAct_9fa48("1733") ? "" : (stryCov_9fa48("1733"), 'chart'), stryMutAct_9fa48("1734") ? "" : (stryCov_9fa48("1734"), 'chart')]), stryMutAct_9fa48("1735") ? [] : (stryCov_9fa48("1735"), [stryMutAct_9fa48("1736") ? "" : (stryCov_9fa48("1736"), 'graph'), stryMutAct_9fa48("1737") ? "" : (stryCov_9fa48("1737"), 'chart')]), stryMutAct_9fa48("1738") ? [] : (stryCov_9fa48("1738"), [stryMutAct_9fa48("1739") ? "" : (stryCov_9fa48("1739"), 'share'), stryMutAct_9fa48("1740") ? "" : (stryCov_9fa48("1740"), 'share')]), stryMutAct_9fa48("1741") ? [] : (stryCov_9fa48("1741"), [stryMutAct_9fa48("1742") ? "" : (stryCov_9fa48("1742"), 'unshare'), stryMutAct_9fa48("1743") ? "" : (stryCov_9fa48("1743"), 'unshare')]), stryMutAct_9fa48("1744") ? [] : (stryCov_9fa48("1744"), [stryMutAct_9fa48("1745") ? "" : (stryCov_9fa48("1745"), 'access'), stryMutAct_9fa48("1746") ? "" : (stryCov_9fa48("1746"), 'access')]), stryMutAct_9fa48("1747") ? [] : (stryCov_9fa48("1747"), [stryMutAct_9fa48("1748") ? "" : (stryCov_9fa48("1748"), 'audit'), stryMutAct_9fa48("1749") ? "" : (stryCov_9fa48("1749"), 'audit')]), stryMutAct_9fa48("1750") ? [] : (stryCov_9fa48("1750"), [stryMutAct_9fa48("1751") ? "" : (stryCov_9fa48("1751"), 'archive'), stryMutAct_9fa48("1752") ? "" : (stryCov_9fa48("1752"), 'archive')])]));

/** `add <word>`: meter is the generic word (kind left to the bot); counter is a cumulative register. */
const ADD_KINDS = new Map<string, SourceKind | undefined>(stryMutAct_9fa48("1753") ? [] : (stryCov_9fa48("1753"), [stryMutAct_9fa48("1754") ? [] : (stryCov_9fa48("1754"), [stryMutAct_9fa48("1755") ? "" : (stryCov_9fa48("1755"), 'meter'), undefined]), stryMutAct_9fa48("1756") ? [] : (stryCov_9fa48("1756"), [stryMutAct_9fa48("1757") ? "" : (stryCov_9fa48("1757"), 'counter'), stryMutAct_9fa48("1758") ? "" : (stryCov_9fa48("1758"), 'cumulative')]), stryMutAct_9fa48("1759") ? [] : (stryCov_9fa48("1759"), [stryMutAct_9fa48("1760") ? "" : (stryCov_9fa48("1760"), 'gauge'), stryMutAct_9fa48("1761") ? "" : (stryCov_9fa48("1761"), 'gauge')]), stryMutAct_9fa48("1762") ? [] : (stryCov_9fa48("1762"), [stryMutAct_9fa48("1763") ? "" : (stryCov_9fa48("1763"), 'amount'), stryMutAct_9fa48("1764") ? "" : (stryCov_9fa48("1764"), 'delta')]), stryMutAct_9fa48("1765") ? [] : (stryCov_9fa48("1765"), [stryMutAct_9fa48("1766") ? "" : (stryCov_9fa48("1766"), 'delta'), stryMutAct_9fa48("1767") ? "" : (stryCov_9fa48("1767"), 'delta')])]));

// Thai has no spaces between words, so Thai keywords match as a prefix of the message.
// Longer keywords first. `glued`: anything may follow (เพิ่มมิเตอร์ไฟฟ้า).
const TH_FAMILIES: ReadonlyArray<{
  re: RegExp;
  family: Family;
  kind?: SourceKind;
  glued?: true;
}> = stryMutAct_9fa48("1768") ? [] : (stryCov_9fa48("1768"), [stryMutAct_9fa48("1769") ? {} : (stryCov_9fa48("1769"), {
  re: stryMutAct_9fa48("1771") ? /^เพิ่ม มิเตอร์/ : stryMutAct_9fa48("1770") ? /เพิ่ม ?มิเตอร์/ : (stryCov_9fa48("1770", "1771"), /^เพิ่ม ?มิเตอร์/),
  family: stryMutAct_9fa48("1772") ? "" : (stryCov_9fa48("1772"), 'addMeter'),
  glued: stryMutAct_9fa48("1773") ? false : (stryCov_9fa48("1773"), true)
}), stryMutAct_9fa48("1774") ? {} : (stryCov_9fa48("1774"), {
  re: stryMutAct_9fa48("1776") ? /^เพิ่ม ตัวนับ/ : stryMutAct_9fa48("1775") ? /เพิ่ม ?ตัวนับ/ : (stryCov_9fa48("1775", "1776"), /^เพิ่ม ?ตัวนับ/),
  family: stryMutAct_9fa48("1777") ? "" : (stryCov_9fa48("1777"), 'addMeter'),
  kind: stryMutAct_9fa48("1778") ? "" : (stryCov_9fa48("1778"), 'cumulative'),
  glued: stryMutAct_9fa48("1779") ? false : (stryCov_9fa48("1779"), true)
}), stryMutAct_9fa48("1780") ? {} : (stryCov_9fa48("1780"), {
  re: stryMutAct_9fa48("1782") ? /^เพิ่ม เกจ/ : stryMutAct_9fa48("1781") ? /เพิ่ม ?เกจ/ : (stryCov_9fa48("1781", "1782"), /^เพิ่ม ?เกจ/),
  family: stryMutAct_9fa48("1783") ? "" : (stryCov_9fa48("1783"), 'addMeter'),
  kind: stryMutAct_9fa48("1784") ? "" : (stryCov_9fa48("1784"), 'gauge'),
  glued: stryMutAct_9fa48("1785") ? false : (stryCov_9fa48("1785"), true)
}), stryMutAct_9fa48("1786") ? {} : (stryCov_9fa48("1786"), {
  re: stryMutAct_9fa48("1788") ? /^เพิ่ม ยอด/ : stryMutAct_9fa48("1787") ? /เพิ่ม ?ยอด/ : (stryCov_9fa48("1787", "1788"), /^เพิ่ม ?ยอด/),
  family: stryMutAct_9fa48("1789") ? "" : (stryCov_9fa48("1789"), 'addMeter'),
  kind: stryMutAct_9fa48("1790") ? "" : (stryCov_9fa48("1790"), 'delta'),
  glued: stryMutAct_9fa48("1791") ? false : (stryCov_9fa48("1791"), true)
}), stryMutAct_9fa48("1792") ? {} : (stryCov_9fa48("1792"), {
  re: stryMutAct_9fa48("1793") ? /ประวัติ/ : (stryCov_9fa48("1793"), /^ประวัติ/),
  family: stryMutAct_9fa48("1794") ? "" : (stryCov_9fa48("1794"), 'history')
}), stryMutAct_9fa48("1795") ? {} : (stryCov_9fa48("1795"), {
  re: stryMutAct_9fa48("1796") ? /แก้ไข/ : (stryCov_9fa48("1796"), /^แก้ไข/),
  family: stryMutAct_9fa48("1797") ? "" : (stryCov_9fa48("1797"), 'fix')
}), stryMutAct_9fa48("1798") ? {} : (stryCov_9fa48("1798"), {
  re: stryMutAct_9fa48("1799") ? /แก้/ : (stryCov_9fa48("1799"), /^แก้/),
  family: stryMutAct_9fa48("1800") ? "" : (stryCov_9fa48("1800"), 'fix')
}), stryMutAct_9fa48("1801") ? {} : (stryCov_9fa48("1801"), {
  re: stryMutAct_9fa48("1802") ? /ลบ/ : (stryCov_9fa48("1802"), /^ลบ/),
  family: stryMutAct_9fa48("1803") ? "" : (stryCov_9fa48("1803"), 'delete')
}), stryMutAct_9fa48("1804") ? {} : (stryCov_9fa48("1804"), {
  re: stryMutAct_9fa48("1805") ? /ตั้งค่า/ : (stryCov_9fa48("1805"), /^ตั้งค่า/),
  family: stryMutAct_9fa48("1806") ? "" : (stryCov_9fa48("1806"), 'setMeter')
}), stryMutAct_9fa48("1807") ? {} : (stryCov_9fa48("1807"), {
  re: stryMutAct_9fa48("1808") ? /เปลี่ยน/ : (stryCov_9fa48("1808"), /^เปลี่ยน/),
  family: stryMutAct_9fa48("1809") ? "" : (stryCov_9fa48("1809"), 'replaceMeter')
}), stryMutAct_9fa48("1810") ? {} : (stryCov_9fa48("1810"), {
  re: stryMutAct_9fa48("1811") ? /(?:การใช้งาน|การใช้|ใช้ไป|ยอดใช้)/ : (stryCov_9fa48("1811"), /^(?:การใช้งาน|การใช้|ใช้ไป|ยอดใช้)/),
  family: stryMutAct_9fa48("1812") ? "" : (stryCov_9fa48("1812"), 'usage')
}), stryMutAct_9fa48("1813") ? {} : (stryCov_9fa48("1813"), {
  re: stryMutAct_9fa48("1814") ? /กราฟ/ : (stryCov_9fa48("1814"), /^กราฟ/),
  family: stryMutAct_9fa48("1815") ? "" : (stryCov_9fa48("1815"), 'chart')
}), stryMutAct_9fa48("1816") ? {} : (stryCov_9fa48("1816"), {
  re: stryMutAct_9fa48("1817") ? /(?:ยกเลิกแชร์|เลิกแชร์)/ : (stryCov_9fa48("1817"), /^(?:ยกเลิกแชร์|เลิกแชร์)/),
  family: stryMutAct_9fa48("1818") ? "" : (stryCov_9fa48("1818"), 'unshare')
}), stryMutAct_9fa48("1819") ? {} : (stryCov_9fa48("1819"), {
  re: stryMutAct_9fa48("1820") ? /แชร์/ : (stryCov_9fa48("1820"), /^แชร์/),
  family: stryMutAct_9fa48("1821") ? "" : (stryCov_9fa48("1821"), 'share')
}), stryMutAct_9fa48("1822") ? {} : (stryCov_9fa48("1822"), {
  re: stryMutAct_9fa48("1824") ? /^สิทธิ์/ : stryMutAct_9fa48("1823") ? /สิทธิ์?/ : (stryCov_9fa48("1823", "1824"), /^สิทธิ์?/),
  family: stryMutAct_9fa48("1825") ? "" : (stryCov_9fa48("1825"), 'access')
}), stryMutAct_9fa48("1826") ? {} : (stryCov_9fa48("1826"), {
  re: stryMutAct_9fa48("1827") ? /ตรวจสอบ/ : (stryCov_9fa48("1827"), /^ตรวจสอบ/),
  family: stryMutAct_9fa48("1828") ? "" : (stryCov_9fa48("1828"), 'audit')
}), stryMutAct_9fa48("1829") ? {} : (stryCov_9fa48("1829"), {
  re: stryMutAct_9fa48("1830") ? /เก็บถาวร/ : (stryCov_9fa48("1830"), /^เก็บถาวร/),
  family: stryMutAct_9fa48("1831") ? "" : (stryCov_9fa48("1831"), 'archive')
})]);
interface FamilyMatch {
  family: Family;
  /** Offset in the message where the arguments start. */
  from: number;
  kind?: SourceKind;
}

/** A Thai keyword ends at a space, a non-Thai character, or before มิเตอร์ / ล่าสุด. */
function matchThaiKeyword(s: string): FamilyMatch | null {
  if (stryMutAct_9fa48("1832")) {
    {}
  } else {
    stryCov_9fa48("1832");
    for (const {
      re,
      family,
      kind,
      glued
    } of TH_FAMILIES) {
      if (stryMutAct_9fa48("1833")) {
        {}
      } else {
        stryCov_9fa48("1833");
        const m = re.exec(s);
        if (stryMutAct_9fa48("1836") ? false : stryMutAct_9fa48("1835") ? true : stryMutAct_9fa48("1834") ? m : (stryCov_9fa48("1834", "1835", "1836"), !m)) continue;
        const after = stryMutAct_9fa48("1837") ? s : (stryCov_9fa48("1837"), s.slice(m[0].length));
        const boundary = stryMutAct_9fa48("1840") ? (glued || after === '' || !THAI_LETTER.test(after[0] ?? '') || after.startsWith('มิเตอร์')) && after.startsWith('ล่าสุด') : stryMutAct_9fa48("1839") ? false : stryMutAct_9fa48("1838") ? true : (stryCov_9fa48("1838", "1839", "1840"), (stryMutAct_9fa48("1842") ? (glued || after === '' || !THAI_LETTER.test(after[0] ?? '')) && after.startsWith('มิเตอร์') : stryMutAct_9fa48("1841") ? false : (stryCov_9fa48("1841", "1842"), (stryMutAct_9fa48("1844") ? (glued || after === '') && !THAI_LETTER.test(after[0] ?? '') : stryMutAct_9fa48("1843") ? false : (stryCov_9fa48("1843", "1844"), (stryMutAct_9fa48("1846") ? glued && after === '' : stryMutAct_9fa48("1845") ? false : (stryCov_9fa48("1845", "1846"), glued || (stryMutAct_9fa48("1848") ? after !== '' : stryMutAct_9fa48("1847") ? false : (stryCov_9fa48("1847", "1848"), after === (stryMutAct_9fa48("1849") ? "Stryker was here!" : (stryCov_9fa48("1849"), '')))))) || (stryMutAct_9fa48("1850") ? THAI_LETTER.test(after[0] ?? '') : (stryCov_9fa48("1850"), !THAI_LETTER.test(stryMutAct_9fa48("1851") ? after[0] && '' : (stryCov_9fa48("1851"), after[0] ?? (stryMutAct_9fa48("1852") ? "Stryker was here!" : (stryCov_9fa48("1852"), '')))))))) || (stryMutAct_9fa48("1853") ? after.endsWith('มิเตอร์') : (stryCov_9fa48("1853"), after.startsWith(stryMutAct_9fa48("1854") ? "" : (stryCov_9fa48("1854"), 'มิเตอร์')))))) || (stryMutAct_9fa48("1855") ? after.endsWith('ล่าสุด') : (stryCov_9fa48("1855"), after.startsWith(stryMutAct_9fa48("1856") ? "" : (stryCov_9fa48("1856"), 'ล่าสุด')))));
        if (stryMutAct_9fa48("1858") ? false : stryMutAct_9fa48("1857") ? true : (stryCov_9fa48("1857", "1858"), boundary)) return stryMutAct_9fa48("1859") ? {} : (stryCov_9fa48("1859"), {
          family,
          from: m[0].length,
          ...(kind ? stryMutAct_9fa48("1860") ? {} : (stryCov_9fa48("1860"), {
            kind
          }) : {})
        });
      }
    }
    return null;
  }
}
function matchFamily(s: string, toks: Token[]): FamilyMatch | null {
  if (stryMutAct_9fa48("1861")) {
    {}
  } else {
    stryCov_9fa48("1861");
    const [first, second] = toks;
    if (stryMutAct_9fa48("1864") ? !first && first.quoted : stryMutAct_9fa48("1863") ? false : stryMutAct_9fa48("1862") ? true : (stryCov_9fa48("1862", "1863", "1864"), (stryMutAct_9fa48("1865") ? first : (stryCov_9fa48("1865"), !first)) || first.quoted)) return null;
    const family = EN_FAMILIES.get(first.lower);
    if (stryMutAct_9fa48("1867") ? false : stryMutAct_9fa48("1866") ? true : (stryCov_9fa48("1866", "1867"), family)) return stryMutAct_9fa48("1868") ? {} : (stryCov_9fa48("1868"), {
      family,
      from: first.end
    });
    if (stryMutAct_9fa48("1871") ? first.lower === 'add' && second || isWord(second, ADD_KINDS) : stryMutAct_9fa48("1870") ? false : stryMutAct_9fa48("1869") ? true : (stryCov_9fa48("1869", "1870", "1871"), (stryMutAct_9fa48("1873") ? first.lower === 'add' || second : stryMutAct_9fa48("1872") ? true : (stryCov_9fa48("1872", "1873"), (stryMutAct_9fa48("1875") ? first.lower !== 'add' : stryMutAct_9fa48("1874") ? true : (stryCov_9fa48("1874", "1875"), first.lower === (stryMutAct_9fa48("1876") ? "" : (stryCov_9fa48("1876"), 'add')))) && second)) && isWord(second, ADD_KINDS))) {
      if (stryMutAct_9fa48("1877")) {
        {}
      } else {
        stryCov_9fa48("1877");
        const kind = ADD_KINDS.get(second.lower);
        return stryMutAct_9fa48("1878") ? {} : (stryCov_9fa48("1878"), {
          family: stryMutAct_9fa48("1879") ? "" : (stryCov_9fa48("1879"), 'addMeter'),
          from: second.end,
          ...(kind ? stryMutAct_9fa48("1880") ? {} : (stryCov_9fa48("1880"), {
            kind
          }) : {})
        });
      }
    }
    return matchThaiKeyword(s);
  }
}

/** The meter of a command that needs one. */
function requiredRef(toks: Token[]): Result<MeterRef> | null {
  if (stryMutAct_9fa48("1881")) {
    {}
  } else {
    stryCov_9fa48("1881");
    const ref = parseRef(toks);
    if (stryMutAct_9fa48("1884") ? false : stryMutAct_9fa48("1883") ? true : stryMutAct_9fa48("1882") ? ref : (stryCov_9fa48("1882", "1883", "1884"), !ref)) return null;
    if (stryMutAct_9fa48("1887") ? false : stryMutAct_9fa48("1886") ? true : stryMutAct_9fa48("1885") ? ref.ok : (stryCov_9fa48("1885", "1886", "1887"), !ref.ok)) return ref;
    return ref.ref ? ok(ref.ref) : bad(stryMutAct_9fa48("1888") ? "" : (stryCov_9fa48("1888"), 'missingMeter'));
  }
}

// history [meter]
function parseHistory(args: Token[]): Command | null {
  if (stryMutAct_9fa48("1889")) {
    {}
  } else {
    stryCov_9fa48("1889");
    const ref = parseRef(args);
    if (stryMutAct_9fa48("1892") ? false : stryMutAct_9fa48("1891") ? true : stryMutAct_9fa48("1890") ? ref : (stryCov_9fa48("1890", "1891", "1892"), !ref)) return null;
    if (stryMutAct_9fa48("1895") ? false : stryMutAct_9fa48("1894") ? true : stryMutAct_9fa48("1893") ? ref.ok : (stryCov_9fa48("1893", "1894", "1895"), !ref.ok)) return malformed(stryMutAct_9fa48("1896") ? "" : (stryCov_9fa48("1896"), 'history'), ref.problem);
    return ref.ref ? stryMutAct_9fa48("1897") ? {} : (stryCov_9fa48("1897"), {
      type: stryMutAct_9fa48("1898") ? "" : (stryCov_9fa48("1898"), 'history'),
      meter: ref.ref
    }) : stryMutAct_9fa48("1899") ? {} : (stryCov_9fa48("1899"), {
      type: stryMutAct_9fa48("1900") ? "" : (stryCov_9fa48("1900"), 'history')
    });
  }
}

// access|audit|archive <meter>
function parseMeterOnly(type: 'access' | 'audit' | 'archive', args: Token[]): Command | null {
  if (stryMutAct_9fa48("1901")) {
    {}
  } else {
    stryCov_9fa48("1901");
    const ref = requiredRef(args);
    if (stryMutAct_9fa48("1904") ? false : stryMutAct_9fa48("1903") ? true : stryMutAct_9fa48("1902") ? ref : (stryCov_9fa48("1902", "1903", "1904"), !ref)) return null;
    return ref.ok ? stryMutAct_9fa48("1905") ? {} : (stryCov_9fa48("1905"), {
      type,
      meter: ref.value
    }) : malformed(type, ref.problem);
  }
}

// usage [meter] [YYYY-MM]
function parseUsage(args: Token[]): Command | null {
  if (stryMutAct_9fa48("1906")) {
    {}
  } else {
    stryCov_9fa48("1906");
    const last = args.at(stryMutAct_9fa48("1907") ? +1 : (stryCov_9fa48("1907"), -1));
    const hasMonth = stryMutAct_9fa48("1910") ? last !== undefined && !last.quoted || MONTH_LIKE_RE.test(last.text) : stryMutAct_9fa48("1909") ? false : stryMutAct_9fa48("1908") ? true : (stryCov_9fa48("1908", "1909", "1910"), (stryMutAct_9fa48("1912") ? last !== undefined || !last.quoted : stryMutAct_9fa48("1911") ? true : (stryCov_9fa48("1911", "1912"), (stryMutAct_9fa48("1914") ? last === undefined : stryMutAct_9fa48("1913") ? true : (stryCov_9fa48("1913", "1914"), last !== undefined)) && (stryMutAct_9fa48("1915") ? last.quoted : (stryCov_9fa48("1915"), !last.quoted)))) && MONTH_LIKE_RE.test(last.text));
    const ref = parseRef(hasMonth ? stryMutAct_9fa48("1916") ? args : (stryCov_9fa48("1916"), args.slice(0, stryMutAct_9fa48("1917") ? +1 : (stryCov_9fa48("1917"), -1))) : args);
    if (stryMutAct_9fa48("1920") ? false : stryMutAct_9fa48("1919") ? true : stryMutAct_9fa48("1918") ? ref : (stryCov_9fa48("1918", "1919", "1920"), !ref)) return null;
    if (stryMutAct_9fa48("1923") ? false : stryMutAct_9fa48("1922") ? true : stryMutAct_9fa48("1921") ? ref.ok : (stryCov_9fa48("1921", "1922", "1923"), !ref.ok)) return malformed(stryMutAct_9fa48("1924") ? "" : (stryCov_9fa48("1924"), 'usage'), ref.problem);
    const meter = ref.ref;
    let month: string | undefined;
    if (stryMutAct_9fa48("1926") ? false : stryMutAct_9fa48("1925") ? true : (stryCov_9fa48("1925", "1926"), hasMonth)) {
      if (stryMutAct_9fa48("1927")) {
        {}
      } else {
        stryCov_9fa48("1927");
        const m = parseMonth(last.text);
        if (stryMutAct_9fa48("1930") ? false : stryMutAct_9fa48("1929") ? true : stryMutAct_9fa48("1928") ? m.ok : (stryCov_9fa48("1928", "1929", "1930"), !m.ok)) return malformed(stryMutAct_9fa48("1931") ? "" : (stryCov_9fa48("1931"), 'usage'), m.problem, meter);
        month = m.value;
      }
    }
    return stryMutAct_9fa48("1932") ? {} : (stryCov_9fa48("1932"), {
      type: stryMutAct_9fa48("1933") ? "" : (stryCov_9fa48("1933"), 'usage'),
      ...(meter ? stryMutAct_9fa48("1934") ? {} : (stryCov_9fa48("1934"), {
        meter
      }) : {}),
      ...(month ? stryMutAct_9fa48("1935") ? {} : (stryCov_9fa48("1935"), {
        month
      }) : {})
    });
  }
}
const READINGS_WORDS = new Set(stryMutAct_9fa48("1936") ? [] : (stryCov_9fa48("1936"), [stryMutAct_9fa48("1937") ? "" : (stryCov_9fa48("1937"), 'readings'), stryMutAct_9fa48("1938") ? "" : (stryCov_9fa48("1938"), 'reading'), stryMutAct_9fa48("1939") ? "" : (stryCov_9fa48("1939"), 'values'), stryMutAct_9fa48("1940") ? "" : (stryCov_9fa48("1940"), 'ค่าที่อ่าน'), stryMutAct_9fa48("1941") ? "" : (stryCov_9fa48("1941"), 'ค่าอ่าน'), stryMutAct_9fa48("1942") ? "" : (stryCov_9fa48("1942"), 'ค่า')]));
const MONTHLY_WORDS = new Set(stryMutAct_9fa48("1943") ? [] : (stryCov_9fa48("1943"), [stryMutAct_9fa48("1944") ? "" : (stryCov_9fa48("1944"), 'monthly'), stryMutAct_9fa48("1945") ? "" : (stryCov_9fa48("1945"), 'รายเดือน')]));
const MONTH_UNITS = new Map(stryMutAct_9fa48("1946") ? [] : (stryCov_9fa48("1946"), [stryMutAct_9fa48("1947") ? [] : (stryCov_9fa48("1947"), [stryMutAct_9fa48("1948") ? "" : (stryCov_9fa48("1948"), 'months'), 1]), stryMutAct_9fa48("1949") ? [] : (stryCov_9fa48("1949"), [stryMutAct_9fa48("1950") ? "" : (stryCov_9fa48("1950"), 'month'), 1]), stryMutAct_9fa48("1951") ? [] : (stryCov_9fa48("1951"), [stryMutAct_9fa48("1952") ? "" : (stryCov_9fa48("1952"), 'เดือน'), 1]), stryMutAct_9fa48("1953") ? [] : (stryCov_9fa48("1953"), [stryMutAct_9fa48("1954") ? "" : (stryCov_9fa48("1954"), 'years'), 12]), stryMutAct_9fa48("1955") ? [] : (stryCov_9fa48("1955"), [stryMutAct_9fa48("1956") ? "" : (stryCov_9fa48("1956"), 'year'), 12]), stryMutAct_9fa48("1957") ? [] : (stryCov_9fa48("1957"), [stryMutAct_9fa48("1958") ? "" : (stryCov_9fa48("1958"), 'ปี'), 12])]));
const GLUED_PERIOD_RE = stryMutAct_9fa48("1964") ? /^(\d+)(months?|เดือน|years|ปี)$/ : stryMutAct_9fa48("1963") ? /^(\d+)(months|เดือน|years?|ปี)$/ : stryMutAct_9fa48("1962") ? /^(\D+)(months?|เดือน|years?|ปี)$/ : stryMutAct_9fa48("1961") ? /^(\d)(months?|เดือน|years?|ปี)$/ : stryMutAct_9fa48("1960") ? /^(\d+)(months?|เดือน|years?|ปี)/ : stryMutAct_9fa48("1959") ? /(\d+)(months?|เดือน|years?|ปี)$/ : (stryCov_9fa48("1959", "1960", "1961", "1962", "1963", "1964"), /^(\d+)(months?|เดือน|years?|ปี)$/);

// chart [meter] [readings|monthly] [N months|N เดือน|N years] — options after the meter, any order
function parseChart(args: Token[]): Command | null {
  if (stryMutAct_9fa48("1965")) {
    {}
  } else {
    stryCov_9fa48("1965");
    let end = args.length;
    let mode: 'monthly' | 'readings' | undefined;
    let period: {
      count: string;
      unit: string;
    } | undefined;
    while (stryMutAct_9fa48("1968") ? end <= 0 : stryMutAct_9fa48("1967") ? end >= 0 : stryMutAct_9fa48("1966") ? false : (stryCov_9fa48("1966", "1967", "1968"), end > 0)) {
      if (stryMutAct_9fa48("1969")) {
        {}
      } else {
        stryCov_9fa48("1969");
        const tok = args[stryMutAct_9fa48("1970") ? end + 1 : (stryCov_9fa48("1970"), end - 1)];
        const before = args[stryMutAct_9fa48("1971") ? end + 2 : (stryCov_9fa48("1971"), end - 2)];
        if (stryMutAct_9fa48("1974") ? !mode || isWord(tok, READINGS_WORDS) : stryMutAct_9fa48("1973") ? false : stryMutAct_9fa48("1972") ? true : (stryCov_9fa48("1972", "1973", "1974"), (stryMutAct_9fa48("1975") ? mode : (stryCov_9fa48("1975"), !mode)) && isWord(tok, READINGS_WORDS))) mode = stryMutAct_9fa48("1976") ? "" : (stryCov_9fa48("1976"), 'readings');else if (stryMutAct_9fa48("1979") ? !mode || isWord(tok, MONTHLY_WORDS) : stryMutAct_9fa48("1978") ? false : stryMutAct_9fa48("1977") ? true : (stryCov_9fa48("1977", "1978", "1979"), (stryMutAct_9fa48("1980") ? mode : (stryCov_9fa48("1980"), !mode)) && isWord(tok, MONTHLY_WORDS))) mode = stryMutAct_9fa48("1981") ? "" : (stryCov_9fa48("1981"), 'monthly');else if (stryMutAct_9fa48("1984") ? !period && tok && isWord(tok, MONTH_UNITS) && before && !before.quoted || DIGITS.test(before.text) : stryMutAct_9fa48("1983") ? false : stryMutAct_9fa48("1982") ? true : (stryCov_9fa48("1982", "1983", "1984"), (stryMutAct_9fa48("1986") ? !period && tok && isWord(tok, MONTH_UNITS) && before || !before.quoted : stryMutAct_9fa48("1985") ? true : (stryCov_9fa48("1985", "1986"), (stryMutAct_9fa48("1988") ? !period && tok && isWord(tok, MONTH_UNITS) || before : stryMutAct_9fa48("1987") ? true : (stryCov_9fa48("1987", "1988"), (stryMutAct_9fa48("1990") ? !period && tok || isWord(tok, MONTH_UNITS) : stryMutAct_9fa48("1989") ? true : (stryCov_9fa48("1989", "1990"), (stryMutAct_9fa48("1992") ? !period || tok : stryMutAct_9fa48("1991") ? true : (stryCov_9fa48("1991", "1992"), (stryMutAct_9fa48("1993") ? period : (stryCov_9fa48("1993"), !period)) && tok)) && isWord(tok, MONTH_UNITS))) && before)) && (stryMutAct_9fa48("1994") ? before.quoted : (stryCov_9fa48("1994"), !before.quoted)))) && DIGITS.test(before.text))) {
          if (stryMutAct_9fa48("1995")) {
            {}
          } else {
            stryCov_9fa48("1995");
            period = stryMutAct_9fa48("1996") ? {} : (stryCov_9fa48("1996"), {
              count: before.text,
              unit: tok.lower
            });
            stryMutAct_9fa48("1997") ? end++ : (stryCov_9fa48("1997"), end--);
          }
        } else if (stryMutAct_9fa48("2000") ? !period && tok && !tok.quoted || GLUED_PERIOD_RE.test(tok.lower) : stryMutAct_9fa48("1999") ? false : stryMutAct_9fa48("1998") ? true : (stryCov_9fa48("1998", "1999", "2000"), (stryMutAct_9fa48("2002") ? !period && tok || !tok.quoted : stryMutAct_9fa48("2001") ? true : (stryCov_9fa48("2001", "2002"), (stryMutAct_9fa48("2004") ? !period || tok : stryMutAct_9fa48("2003") ? true : (stryCov_9fa48("2003", "2004"), (stryMutAct_9fa48("2005") ? period : (stryCov_9fa48("2005"), !period)) && tok)) && (stryMutAct_9fa48("2006") ? tok.quoted : (stryCov_9fa48("2006"), !tok.quoted)))) && GLUED_PERIOD_RE.test(tok.lower))) {
          if (stryMutAct_9fa48("2007")) {
            {}
          } else {
            stryCov_9fa48("2007");
            const m = GLUED_PERIOD_RE.exec(tok.lower);
            period = stryMutAct_9fa48("2008") ? {} : (stryCov_9fa48("2008"), {
              count: stryMutAct_9fa48("2009") ? m?.[1] && '' : (stryCov_9fa48("2009"), (stryMutAct_9fa48("2010") ? m[1] : (stryCov_9fa48("2010"), m?.[1])) ?? (stryMutAct_9fa48("2011") ? "Stryker was here!" : (stryCov_9fa48("2011"), ''))),
              unit: stryMutAct_9fa48("2012") ? m?.[2] && '' : (stryCov_9fa48("2012"), (stryMutAct_9fa48("2013") ? m[2] : (stryCov_9fa48("2013"), m?.[2])) ?? (stryMutAct_9fa48("2014") ? "Stryker was here!" : (stryCov_9fa48("2014"), '')))
            });
          }
        } else break;
        stryMutAct_9fa48("2015") ? end++ : (stryCov_9fa48("2015"), end--);
      }
    }
    const ref = parseRef(stryMutAct_9fa48("2016") ? args : (stryCov_9fa48("2016"), args.slice(0, end)));
    if (stryMutAct_9fa48("2019") ? false : stryMutAct_9fa48("2018") ? true : stryMutAct_9fa48("2017") ? ref : (stryCov_9fa48("2017", "2018", "2019"), !ref)) return null;
    if (stryMutAct_9fa48("2022") ? false : stryMutAct_9fa48("2021") ? true : stryMutAct_9fa48("2020") ? ref.ok : (stryCov_9fa48("2020", "2021", "2022"), !ref.ok)) return malformed(stryMutAct_9fa48("2023") ? "" : (stryCov_9fa48("2023"), 'chart'), ref.problem);
    const meter = ref.ref;
    let months: number | undefined;
    if (stryMutAct_9fa48("2025") ? false : stryMutAct_9fa48("2024") ? true : (stryCov_9fa48("2024", "2025"), period)) {
      if (stryMutAct_9fa48("2026")) {
        {}
      } else {
        stryCov_9fa48("2026");
        const count = smallInt(period.count, LIMITS.chartMonthsMax);
        const n = (stryMutAct_9fa48("2029") ? count !== null : stryMutAct_9fa48("2028") ? false : stryMutAct_9fa48("2027") ? true : (stryCov_9fa48("2027", "2028", "2029"), count === null)) ? null : stryMutAct_9fa48("2030") ? count / (MONTH_UNITS.get(period.unit) ?? 1) : (stryCov_9fa48("2030"), count * (stryMutAct_9fa48("2031") ? MONTH_UNITS.get(period.unit) && 1 : (stryCov_9fa48("2031"), MONTH_UNITS.get(period.unit) ?? 1)));
        if (stryMutAct_9fa48("2034") ? n === null && n > LIMITS.chartMonthsMax : stryMutAct_9fa48("2033") ? false : stryMutAct_9fa48("2032") ? true : (stryCov_9fa48("2032", "2033", "2034"), (stryMutAct_9fa48("2036") ? n !== null : stryMutAct_9fa48("2035") ? false : (stryCov_9fa48("2035", "2036"), n === null)) || (stryMutAct_9fa48("2039") ? n <= LIMITS.chartMonthsMax : stryMutAct_9fa48("2038") ? n >= LIMITS.chartMonthsMax : stryMutAct_9fa48("2037") ? false : (stryCov_9fa48("2037", "2038", "2039"), n > LIMITS.chartMonthsMax)))) return malformed(stryMutAct_9fa48("2040") ? "" : (stryCov_9fa48("2040"), 'chart'), stryMutAct_9fa48("2041") ? "" : (stryCov_9fa48("2041"), 'badMonths'), meter);
        months = n;
      }
    }
    return stryMutAct_9fa48("2042") ? {} : (stryCov_9fa48("2042"), {
      type: stryMutAct_9fa48("2043") ? "" : (stryCov_9fa48("2043"), 'chart'),
      ...(meter ? stryMutAct_9fa48("2044") ? {} : (stryCov_9fa48("2044"), {
        meter
      }) : {}),
      mode: stryMutAct_9fa48("2045") ? mode && 'monthly' : (stryCov_9fa48("2045"), mode ?? (stryMutAct_9fa48("2046") ? "" : (stryCov_9fa48("2046"), 'monthly'))),
      ...(months ? stryMutAct_9fa48("2047") ? {} : (stryCov_9fa48("2047"), {
        months
      }) : {})
    });
  }
}
const ROLE_WORDS = new Map<string, Role>(stryMutAct_9fa48("2048") ? [] : (stryCov_9fa48("2048"), [stryMutAct_9fa48("2049") ? [] : (stryCov_9fa48("2049"), [stryMutAct_9fa48("2050") ? "" : (stryCov_9fa48("2050"), 'read'), stryMutAct_9fa48("2051") ? "" : (stryCov_9fa48("2051"), 'read')]), stryMutAct_9fa48("2052") ? [] : (stryCov_9fa48("2052"), [stryMutAct_9fa48("2053") ? "" : (stryCov_9fa48("2053"), 'view'), stryMutAct_9fa48("2054") ? "" : (stryCov_9fa48("2054"), 'read')]), stryMutAct_9fa48("2055") ? [] : (stryCov_9fa48("2055"), [stryMutAct_9fa48("2056") ? "" : (stryCov_9fa48("2056"), 'อ่าน'), stryMutAct_9fa48("2057") ? "" : (stryCov_9fa48("2057"), 'read')]), stryMutAct_9fa48("2058") ? [] : (stryCov_9fa48("2058"), [stryMutAct_9fa48("2059") ? "" : (stryCov_9fa48("2059"), 'ดู'), stryMutAct_9fa48("2060") ? "" : (stryCov_9fa48("2060"), 'read')]), stryMutAct_9fa48("2061") ? [] : (stryCov_9fa48("2061"), [stryMutAct_9fa48("2062") ? "" : (stryCov_9fa48("2062"), 'write'), stryMutAct_9fa48("2063") ? "" : (stryCov_9fa48("2063"), 'write')]), stryMutAct_9fa48("2064") ? [] : (stryCov_9fa48("2064"), [stryMutAct_9fa48("2065") ? "" : (stryCov_9fa48("2065"), 'เขียน'), stryMutAct_9fa48("2066") ? "" : (stryCov_9fa48("2066"), 'write')]), stryMutAct_9fa48("2067") ? [] : (stryCov_9fa48("2067"), [stryMutAct_9fa48("2068") ? "" : (stryCov_9fa48("2068"), 'บันทึก'), stryMutAct_9fa48("2069") ? "" : (stryCov_9fa48("2069"), 'write')]), stryMutAct_9fa48("2070") ? [] : (stryCov_9fa48("2070"), [stryMutAct_9fa48("2071") ? "" : (stryCov_9fa48("2071"), 'จด'), stryMutAct_9fa48("2072") ? "" : (stryCov_9fa48("2072"), 'write')]), stryMutAct_9fa48("2073") ? [] : (stryCov_9fa48("2073"), [stryMutAct_9fa48("2074") ? "" : (stryCov_9fa48("2074"), 'admin'), stryMutAct_9fa48("2075") ? "" : (stryCov_9fa48("2075"), 'admin')]), stryMutAct_9fa48("2076") ? [] : (stryCov_9fa48("2076"), [stryMutAct_9fa48("2077") ? "" : (stryCov_9fa48("2077"), 'แอดมิน'), stryMutAct_9fa48("2078") ? "" : (stryCov_9fa48("2078"), 'admin')]), stryMutAct_9fa48("2079") ? [] : (stryCov_9fa48("2079"), [stryMutAct_9fa48("2080") ? "" : (stryCov_9fa48("2080"), 'ผู้ดูแล'), stryMutAct_9fa48("2081") ? "" : (stryCov_9fa48("2081"), 'admin')])]));
const MEMBER_CONNECTORS = new Set(stryMutAct_9fa48("2082") ? [] : (stryCov_9fa48("2082"), [stryMutAct_9fa48("2083") ? "" : (stryCov_9fa48("2083"), 'with'), stryMutAct_9fa48("2084") ? "" : (stryCov_9fa48("2084"), 'to'), stryMutAct_9fa48("2085") ? "" : (stryCov_9fa48("2085"), 'from'), stryMutAct_9fa48("2086") ? "" : (stryCov_9fa48("2086"), 'ให้'), stryMutAct_9fa48("2087") ? "" : (stryCov_9fa48("2087"), 'กับ'), stryMutAct_9fa48("2088") ? "" : (stryCov_9fa48("2088"), 'จาก')]));
interface MemberSplit {
  refToks: Token[];
  member?: string;
  role?: Role;
  problem?: Problem;
}

/** `<meter> [with] @Some Name [role]` or `<meter> [role]`; the role word comes last. */
function splitMember(s: string, args: Token[], allowRole: boolean): MemberSplit {
  if (stryMutAct_9fa48("2089")) {
    {}
  } else {
    stryCov_9fa48("2089");
    const at = args.findIndex(stryMutAct_9fa48("2090") ? () => undefined : (stryCov_9fa48("2090"), t => isSymbol(t, stryMutAct_9fa48("2091") ? "" : (stryCov_9fa48("2091"), '@'))));
    let refToks = (stryMutAct_9fa48("2095") ? at < 0 : stryMutAct_9fa48("2094") ? at > 0 : stryMutAct_9fa48("2093") ? false : stryMutAct_9fa48("2092") ? true : (stryCov_9fa48("2092", "2093", "2094", "2095"), at >= 0)) ? stryMutAct_9fa48("2096") ? args : (stryCov_9fa48("2096"), args.slice(0, at)) : args;
    let memberToks = (stryMutAct_9fa48("2100") ? at < 0 : stryMutAct_9fa48("2099") ? at > 0 : stryMutAct_9fa48("2098") ? false : stryMutAct_9fa48("2097") ? true : (stryCov_9fa48("2097", "2098", "2099", "2100"), at >= 0)) ? stryMutAct_9fa48("2101") ? args : (stryCov_9fa48("2101"), args.slice(stryMutAct_9fa48("2102") ? at - 1 : (stryCov_9fa48("2102"), at + 1))) : stryMutAct_9fa48("2103") ? ["Stryker was here"] : (stryCov_9fa48("2103"), []);
    let role: Role | undefined;
    const last = ((stryMutAct_9fa48("2107") ? at < 0 : stryMutAct_9fa48("2106") ? at > 0 : stryMutAct_9fa48("2105") ? false : stryMutAct_9fa48("2104") ? true : (stryCov_9fa48("2104", "2105", "2106", "2107"), at >= 0)) ? memberToks : refToks).at(stryMutAct_9fa48("2108") ? +1 : (stryCov_9fa48("2108"), -1));
    const enough = (stryMutAct_9fa48("2112") ? at < 0 : stryMutAct_9fa48("2111") ? at > 0 : stryMutAct_9fa48("2110") ? false : stryMutAct_9fa48("2109") ? true : (stryCov_9fa48("2109", "2110", "2111", "2112"), at >= 0)) ? stryMutAct_9fa48("2116") ? memberToks.length < 2 : stryMutAct_9fa48("2115") ? memberToks.length > 2 : stryMutAct_9fa48("2114") ? false : stryMutAct_9fa48("2113") ? true : (stryCov_9fa48("2113", "2114", "2115", "2116"), memberToks.length >= 2) : stryMutAct_9fa48("2120") ? refToks.length < 2 : stryMutAct_9fa48("2119") ? refToks.length > 2 : stryMutAct_9fa48("2118") ? false : stryMutAct_9fa48("2117") ? true : (stryCov_9fa48("2117", "2118", "2119", "2120"), refToks.length >= 2);
    if (stryMutAct_9fa48("2123") ? allowRole && enough && last || isWord(last, ROLE_WORDS) : stryMutAct_9fa48("2122") ? false : stryMutAct_9fa48("2121") ? true : (stryCov_9fa48("2121", "2122", "2123"), (stryMutAct_9fa48("2125") ? allowRole && enough || last : stryMutAct_9fa48("2124") ? true : (stryCov_9fa48("2124", "2125"), (stryMutAct_9fa48("2127") ? allowRole || enough : stryMutAct_9fa48("2126") ? true : (stryCov_9fa48("2126", "2127"), allowRole && enough)) && last)) && isWord(last, ROLE_WORDS))) {
      if (stryMutAct_9fa48("2128")) {
        {}
      } else {
        stryCov_9fa48("2128");
        role = ROLE_WORDS.get(last.lower);
        if (stryMutAct_9fa48("2132") ? at < 0 : stryMutAct_9fa48("2131") ? at > 0 : stryMutAct_9fa48("2130") ? false : stryMutAct_9fa48("2129") ? true : (stryCov_9fa48("2129", "2130", "2131", "2132"), at >= 0)) memberToks = stryMutAct_9fa48("2133") ? memberToks : (stryCov_9fa48("2133"), memberToks.slice(0, stryMutAct_9fa48("2134") ? +1 : (stryCov_9fa48("2134"), -1)));else refToks = stryMutAct_9fa48("2135") ? refToks : (stryCov_9fa48("2135"), refToks.slice(0, stryMutAct_9fa48("2136") ? +1 : (stryCov_9fa48("2136"), -1)));
      }
    }
    if (stryMutAct_9fa48("2139") ? at >= 0 && refToks.length > 1 || isWord(refToks.at(-1), MEMBER_CONNECTORS) : stryMutAct_9fa48("2138") ? false : stryMutAct_9fa48("2137") ? true : (stryCov_9fa48("2137", "2138", "2139"), (stryMutAct_9fa48("2141") ? at >= 0 || refToks.length > 1 : stryMutAct_9fa48("2140") ? true : (stryCov_9fa48("2140", "2141"), (stryMutAct_9fa48("2144") ? at < 0 : stryMutAct_9fa48("2143") ? at > 0 : stryMutAct_9fa48("2142") ? true : (stryCov_9fa48("2142", "2143", "2144"), at >= 0)) && (stryMutAct_9fa48("2147") ? refToks.length <= 1 : stryMutAct_9fa48("2146") ? refToks.length >= 1 : stryMutAct_9fa48("2145") ? true : (stryCov_9fa48("2145", "2146", "2147"), refToks.length > 1)))) && isWord(refToks.at(stryMutAct_9fa48("2148") ? +1 : (stryCov_9fa48("2148"), -1)), MEMBER_CONNECTORS))) {
      if (stryMutAct_9fa48("2149")) {
        {}
      } else {
        stryCov_9fa48("2149");
        refToks = stryMutAct_9fa48("2150") ? refToks : (stryCov_9fa48("2150"), refToks.slice(0, stryMutAct_9fa48("2151") ? +1 : (stryCov_9fa48("2151"), -1)));
      }
    }
    const split: MemberSplit = stryMutAct_9fa48("2152") ? {} : (stryCov_9fa48("2152"), {
      refToks,
      ...(role ? stryMutAct_9fa48("2153") ? {} : (stryCov_9fa48("2153"), {
        role
      }) : {})
    });
    if (stryMutAct_9fa48("2157") ? at >= 0 : stryMutAct_9fa48("2156") ? at <= 0 : stryMutAct_9fa48("2155") ? false : stryMutAct_9fa48("2154") ? true : (stryCov_9fa48("2154", "2155", "2156", "2157"), at < 0)) return split;
    const firstMember = memberToks[0];
    const lastMember = memberToks.at(stryMutAct_9fa48("2158") ? +1 : (stryCov_9fa48("2158"), -1));
    if (stryMutAct_9fa48("2161") ? !firstMember && !lastMember : stryMutAct_9fa48("2160") ? false : stryMutAct_9fa48("2159") ? true : (stryCov_9fa48("2159", "2160", "2161"), (stryMutAct_9fa48("2162") ? firstMember : (stryCov_9fa48("2162"), !firstMember)) || (stryMutAct_9fa48("2163") ? lastMember : (stryCov_9fa48("2163"), !lastMember)))) return stryMutAct_9fa48("2164") ? {} : (stryCov_9fa48("2164"), {
      ...split,
      problem: stryMutAct_9fa48("2165") ? "" : (stryCov_9fa48("2165"), 'missingMember')
    });
    if (stryMutAct_9fa48("2168") ? memberToks.every(t => t.quoted || t.text === '@' || t.text === '=') : stryMutAct_9fa48("2167") ? false : stryMutAct_9fa48("2166") ? true : (stryCov_9fa48("2166", "2167", "2168"), memberToks.some(stryMutAct_9fa48("2169") ? () => undefined : (stryCov_9fa48("2169"), t => stryMutAct_9fa48("2172") ? (t.quoted || t.text === '@') && t.text === '=' : stryMutAct_9fa48("2171") ? false : stryMutAct_9fa48("2170") ? true : (stryCov_9fa48("2170", "2171", "2172"), (stryMutAct_9fa48("2174") ? t.quoted && t.text === '@' : stryMutAct_9fa48("2173") ? false : (stryCov_9fa48("2173", "2174"), t.quoted || (stryMutAct_9fa48("2176") ? t.text !== '@' : stryMutAct_9fa48("2175") ? false : (stryCov_9fa48("2175", "2176"), t.text === (stryMutAct_9fa48("2177") ? "" : (stryCov_9fa48("2177"), '@')))))) || (stryMutAct_9fa48("2179") ? t.text !== '=' : stryMutAct_9fa48("2178") ? false : (stryCov_9fa48("2178", "2179"), t.text === (stryMutAct_9fa48("2180") ? "" : (stryCov_9fa48("2180"), '='))))))))) {
      if (stryMutAct_9fa48("2181")) {
        {}
      } else {
        stryCov_9fa48("2181");
        return stryMutAct_9fa48("2182") ? {} : (stryCov_9fa48("2182"), {
          ...split,
          problem: stryMutAct_9fa48("2183") ? "" : (stryCov_9fa48("2183"), 'unexpectedText')
        });
      }
    }
    const member = stryMutAct_9fa48("2184") ? `` : (stryCov_9fa48("2184"), `@${stryMutAct_9fa48("2185") ? s : (stryCov_9fa48("2185"), s.slice(firstMember.start, lastMember.end))}`);
    if (stryMutAct_9fa48("2189") ? codePoints(member) <= LIMITS.memberLength : stryMutAct_9fa48("2188") ? codePoints(member) >= LIMITS.memberLength : stryMutAct_9fa48("2187") ? false : stryMutAct_9fa48("2186") ? true : (stryCov_9fa48("2186", "2187", "2188", "2189"), codePoints(member) > LIMITS.memberLength)) return stryMutAct_9fa48("2190") ? {} : (stryCov_9fa48("2190"), {
      ...split,
      problem: stryMutAct_9fa48("2191") ? "" : (stryCov_9fa48("2191"), 'nameTooLong')
    });
    return stryMutAct_9fa48("2192") ? {} : (stryCov_9fa48("2192"), {
      ...split,
      member
    });
  }
}

// share <meter> [@member] [read|write|admin]
function parseShare(s: string, args: Token[]): Command | null {
  if (stryMutAct_9fa48("2193")) {
    {}
  } else {
    stryCov_9fa48("2193");
    const split = splitMember(s, args, stryMutAct_9fa48("2194") ? false : (stryCov_9fa48("2194"), true));
    const ref = requiredRef(split.refToks);
    if (stryMutAct_9fa48("2197") ? false : stryMutAct_9fa48("2196") ? true : stryMutAct_9fa48("2195") ? ref : (stryCov_9fa48("2195", "2196", "2197"), !ref)) return null;
    if (stryMutAct_9fa48("2200") ? false : stryMutAct_9fa48("2199") ? true : stryMutAct_9fa48("2198") ? ref.ok : (stryCov_9fa48("2198", "2199", "2200"), !ref.ok)) return malformed(stryMutAct_9fa48("2201") ? "" : (stryCov_9fa48("2201"), 'share'), ref.problem);
    const meter = ref.value;
    if (stryMutAct_9fa48("2203") ? false : stryMutAct_9fa48("2202") ? true : (stryCov_9fa48("2202", "2203"), split.problem)) return malformed(stryMutAct_9fa48("2204") ? "" : (stryCov_9fa48("2204"), 'share'), split.problem, meter);
    // A group share is read or write; admin goes to one person.
    if (stryMutAct_9fa48("2207") ? !split.member || split.role === 'admin' : stryMutAct_9fa48("2206") ? false : stryMutAct_9fa48("2205") ? true : (stryCov_9fa48("2205", "2206", "2207"), (stryMutAct_9fa48("2208") ? split.member : (stryCov_9fa48("2208"), !split.member)) && (stryMutAct_9fa48("2210") ? split.role !== 'admin' : stryMutAct_9fa48("2209") ? true : (stryCov_9fa48("2209", "2210"), split.role === (stryMutAct_9fa48("2211") ? "" : (stryCov_9fa48("2211"), 'admin')))))) return malformed(stryMutAct_9fa48("2212") ? "" : (stryCov_9fa48("2212"), 'share'), stryMutAct_9fa48("2213") ? "" : (stryCov_9fa48("2213"), 'badRole'), meter);
    return stryMutAct_9fa48("2214") ? {} : (stryCov_9fa48("2214"), {
      type: stryMutAct_9fa48("2215") ? "" : (stryCov_9fa48("2215"), 'share'),
      meter,
      ...(split.role ? stryMutAct_9fa48("2216") ? {} : (stryCov_9fa48("2216"), {
        role: split.role
      }) : {}),
      ...(split.member ? stryMutAct_9fa48("2217") ? {} : (stryCov_9fa48("2217"), {
        member: split.member
      }) : {})
    });
  }
}

// unshare <meter> [@member]
function parseUnshare(s: string, args: Token[]): Command | null {
  if (stryMutAct_9fa48("2218")) {
    {}
  } else {
    stryCov_9fa48("2218");
    const split = splitMember(s, args, stryMutAct_9fa48("2219") ? true : (stryCov_9fa48("2219"), false));
    const ref = requiredRef(split.refToks);
    if (stryMutAct_9fa48("2222") ? false : stryMutAct_9fa48("2221") ? true : stryMutAct_9fa48("2220") ? ref : (stryCov_9fa48("2220", "2221", "2222"), !ref)) return null;
    if (stryMutAct_9fa48("2225") ? false : stryMutAct_9fa48("2224") ? true : stryMutAct_9fa48("2223") ? ref.ok : (stryCov_9fa48("2223", "2224", "2225"), !ref.ok)) return malformed(stryMutAct_9fa48("2226") ? "" : (stryCov_9fa48("2226"), 'unshare'), ref.problem);
    if (stryMutAct_9fa48("2228") ? false : stryMutAct_9fa48("2227") ? true : (stryCov_9fa48("2227", "2228"), split.problem)) return malformed(stryMutAct_9fa48("2229") ? "" : (stryCov_9fa48("2229"), 'unshare'), split.problem, ref.value);
    return stryMutAct_9fa48("2230") ? {} : (stryCov_9fa48("2230"), {
      type: stryMutAct_9fa48("2231") ? "" : (stryCov_9fa48("2231"), 'unshare'),
      meter: ref.value,
      ...(split.member ? stryMutAct_9fa48("2232") ? {} : (stryCov_9fa48("2232"), {
        member: split.member
      }) : {})
    });
  }
}
const LAST_WORDS = new Set(stryMutAct_9fa48("2233") ? [] : (stryCov_9fa48("2233"), [stryMutAct_9fa48("2234") ? "" : (stryCov_9fa48("2234"), 'last'), stryMutAct_9fa48("2235") ? "" : (stryCov_9fa48("2235"), 'latest'), stryMutAct_9fa48("2236") ? "" : (stryCov_9fa48("2236"), 'ล่าสุด')]));

/** `[meter] #12` or `[meter] last`, then whatever follows (from `next`). */
function parseTarget(topic: 'fix' | 'delete', args: Token[]): {
  target: ReadingRef;
  next: number;
} | Command | null {
  if (stryMutAct_9fa48("2237")) {
    {}
  } else {
    stryCov_9fa48("2237");
    const at = args.findIndex(stryMutAct_9fa48("2238") ? () => undefined : (stryCov_9fa48("2238"), t => stryMutAct_9fa48("2241") ? !t.quoted || t.text.startsWith('#') || LAST_WORDS.has(t.lower) : stryMutAct_9fa48("2240") ? false : stryMutAct_9fa48("2239") ? true : (stryCov_9fa48("2239", "2240", "2241"), (stryMutAct_9fa48("2242") ? t.quoted : (stryCov_9fa48("2242"), !t.quoted)) && (stryMutAct_9fa48("2244") ? t.text.startsWith('#') && LAST_WORDS.has(t.lower) : stryMutAct_9fa48("2243") ? true : (stryCov_9fa48("2243", "2244"), (stryMutAct_9fa48("2245") ? t.text.endsWith('#') : (stryCov_9fa48("2245"), t.text.startsWith(stryMutAct_9fa48("2246") ? "" : (stryCov_9fa48("2246"), '#')))) || LAST_WORDS.has(t.lower))))));
    const marker = args[at];
    if (stryMutAct_9fa48("2249") ? false : stryMutAct_9fa48("2248") ? true : stryMutAct_9fa48("2247") ? marker : (stryCov_9fa48("2247", "2248", "2249"), !marker)) {
      if (stryMutAct_9fa48("2250")) {
        {}
      } else {
        stryCov_9fa48("2250");
        const eq = args.findIndex(stryMutAct_9fa48("2251") ? () => undefined : (stryCov_9fa48("2251"), t => isSymbol(t, stryMutAct_9fa48("2252") ? "" : (stryCov_9fa48("2252"), '='))));
        const ref = parseRef((stryMutAct_9fa48("2256") ? eq < 0 : stryMutAct_9fa48("2255") ? eq > 0 : stryMutAct_9fa48("2254") ? false : stryMutAct_9fa48("2253") ? true : (stryCov_9fa48("2253", "2254", "2255", "2256"), eq >= 0)) ? stryMutAct_9fa48("2257") ? args : (stryCov_9fa48("2257"), args.slice(0, eq)) : args);
        if (stryMutAct_9fa48("2260") ? false : stryMutAct_9fa48("2259") ? true : stryMutAct_9fa48("2258") ? ref : (stryCov_9fa48("2258", "2259", "2260"), !ref)) return null;
        return malformed(topic, stryMutAct_9fa48("2261") ? "" : (stryCov_9fa48("2261"), 'missingReading'), ref.ok ? ref.ref : undefined);
      }
    }
    const ref = parseRef(stryMutAct_9fa48("2262") ? args : (stryCov_9fa48("2262"), args.slice(0, at)));
    if (stryMutAct_9fa48("2265") ? false : stryMutAct_9fa48("2264") ? true : stryMutAct_9fa48("2263") ? ref : (stryCov_9fa48("2263", "2264", "2265"), !ref)) return null;
    if (stryMutAct_9fa48("2268") ? false : stryMutAct_9fa48("2267") ? true : stryMutAct_9fa48("2266") ? ref.ok : (stryCov_9fa48("2266", "2267", "2268"), !ref.ok)) return malformed(topic, ref.problem);
    const meter = ref.ref;
    const withMeter = meter ? stryMutAct_9fa48("2269") ? {} : (stryCov_9fa48("2269"), {
      meter
    }) : {};
    if (stryMutAct_9fa48("2271") ? false : stryMutAct_9fa48("2270") ? true : (stryCov_9fa48("2270", "2271"), LAST_WORDS.has(marker.lower))) {
      if (stryMutAct_9fa48("2272")) {
        {}
      } else {
        stryCov_9fa48("2272");
        return stryMutAct_9fa48("2273") ? {} : (stryCov_9fa48("2273"), {
          target: stryMutAct_9fa48("2274") ? {} : (stryCov_9fa48("2274"), {
            ...withMeter,
            which: stryMutAct_9fa48("2275") ? "" : (stryCov_9fa48("2275"), 'last')
          }),
          next: stryMutAct_9fa48("2276") ? at - 1 : (stryCov_9fa48("2276"), at + 1)
        });
      }
    }
    let digits = stryMutAct_9fa48("2277") ? marker.text : (stryCov_9fa48("2277"), marker.text.slice(1));
    let next = stryMutAct_9fa48("2278") ? at - 1 : (stryCov_9fa48("2278"), at + 1);
    const following = args[next];
    if (stryMutAct_9fa48("2281") ? digits === '' && following && !following.quoted || DIGITS.test(following.text) : stryMutAct_9fa48("2280") ? false : stryMutAct_9fa48("2279") ? true : (stryCov_9fa48("2279", "2280", "2281"), (stryMutAct_9fa48("2283") ? digits === '' && following || !following.quoted : stryMutAct_9fa48("2282") ? true : (stryCov_9fa48("2282", "2283"), (stryMutAct_9fa48("2285") ? digits === '' || following : stryMutAct_9fa48("2284") ? true : (stryCov_9fa48("2284", "2285"), (stryMutAct_9fa48("2287") ? digits !== '' : stryMutAct_9fa48("2286") ? true : (stryCov_9fa48("2286", "2287"), digits === (stryMutAct_9fa48("2288") ? "Stryker was here!" : (stryCov_9fa48("2288"), '')))) && following)) && (stryMutAct_9fa48("2289") ? following.quoted : (stryCov_9fa48("2289"), !following.quoted)))) && DIGITS.test(following.text))) {
      if (stryMutAct_9fa48("2290")) {
        {}
      } else {
        stryCov_9fa48("2290");
        digits = following.text;
        stryMutAct_9fa48("2291") ? next-- : (stryCov_9fa48("2291"), next++);
      }
    }
    const number = smallInt(digits, LIMITS.readingNumberMax);
    if (stryMutAct_9fa48("2294") ? number !== null : stryMutAct_9fa48("2293") ? false : stryMutAct_9fa48("2292") ? true : (stryCov_9fa48("2292", "2293", "2294"), number === null)) return malformed(topic, stryMutAct_9fa48("2295") ? "" : (stryCov_9fa48("2295"), 'badReading'), meter);
    return stryMutAct_9fa48("2296") ? {} : (stryCov_9fa48("2296"), {
      target: stryMutAct_9fa48("2297") ? {} : (stryCov_9fa48("2297"), {
        ...withMeter,
        which: stryMutAct_9fa48("2298") ? "" : (stryCov_9fa48("2298"), 'number'),
        number
      }),
      next
    });
  }
}

// fix [meter] #12|last [=] value
function parseFix(args: Token[]): Command | null {
  if (stryMutAct_9fa48("2299")) {
    {}
  } else {
    stryCov_9fa48("2299");
    const t = parseTarget(stryMutAct_9fa48("2300") ? "" : (stryCov_9fa48("2300"), 'fix'), args);
    if (stryMutAct_9fa48("2303") ? !t && 'type' in t : stryMutAct_9fa48("2302") ? false : stryMutAct_9fa48("2301") ? true : (stryCov_9fa48("2301", "2302", "2303"), (stryMutAct_9fa48("2304") ? t : (stryCov_9fa48("2304"), !t)) || (stryMutAct_9fa48("2305") ? "" : (stryCov_9fa48("2305"), 'type')) in t)) return t;
    const {
      target
    } = t;
    let i = t.next;
    if (stryMutAct_9fa48("2307") ? false : stryMutAct_9fa48("2306") ? true : (stryCov_9fa48("2306", "2307"), isSymbol(args[i], stryMutAct_9fa48("2308") ? "" : (stryCov_9fa48("2308"), '=')))) stryMutAct_9fa48("2309") ? i-- : (stryCov_9fa48("2309"), i++);
    const tok = args[i];
    if (stryMutAct_9fa48("2312") ? (!tok || tok.quoted || tok.text === '=') && tok.text === '@' : stryMutAct_9fa48("2311") ? false : stryMutAct_9fa48("2310") ? true : (stryCov_9fa48("2310", "2311", "2312"), (stryMutAct_9fa48("2314") ? (!tok || tok.quoted) && tok.text === '=' : stryMutAct_9fa48("2313") ? false : (stryCov_9fa48("2313", "2314"), (stryMutAct_9fa48("2316") ? !tok && tok.quoted : stryMutAct_9fa48("2315") ? false : (stryCov_9fa48("2315", "2316"), (stryMutAct_9fa48("2317") ? tok : (stryCov_9fa48("2317"), !tok)) || tok.quoted)) || (stryMutAct_9fa48("2319") ? tok.text !== '=' : stryMutAct_9fa48("2318") ? false : (stryCov_9fa48("2318", "2319"), tok.text === (stryMutAct_9fa48("2320") ? "" : (stryCov_9fa48("2320"), '=')))))) || (stryMutAct_9fa48("2322") ? tok.text !== '@' : stryMutAct_9fa48("2321") ? false : (stryCov_9fa48("2321", "2322"), tok.text === (stryMutAct_9fa48("2323") ? "" : (stryCov_9fa48("2323"), '@')))))) {
      if (stryMutAct_9fa48("2324")) {
        {}
      } else {
        stryCov_9fa48("2324");
        return malformed(stryMutAct_9fa48("2325") ? "" : (stryCov_9fa48("2325"), 'fix'), stryMutAct_9fa48("2326") ? "" : (stryCov_9fa48("2326"), 'missingValue'), target.meter);
      }
    }
    const value = parseDecimal(tok.text);
    if (stryMutAct_9fa48("2329") ? false : stryMutAct_9fa48("2328") ? true : stryMutAct_9fa48("2327") ? value.ok : (stryCov_9fa48("2327", "2328", "2329"), !value.ok)) return malformed(stryMutAct_9fa48("2330") ? "" : (stryCov_9fa48("2330"), 'fix'), value.problem, target.meter);
    if (stryMutAct_9fa48("2334") ? i + 1 >= args.length : stryMutAct_9fa48("2333") ? i + 1 <= args.length : stryMutAct_9fa48("2332") ? false : stryMutAct_9fa48("2331") ? true : (stryCov_9fa48("2331", "2332", "2333", "2334"), (stryMutAct_9fa48("2335") ? i - 1 : (stryCov_9fa48("2335"), i + 1)) < args.length)) return malformed(stryMutAct_9fa48("2336") ? "" : (stryCov_9fa48("2336"), 'fix'), stryMutAct_9fa48("2337") ? "" : (stryCov_9fa48("2337"), 'unexpectedText'), target.meter);
    return stryMutAct_9fa48("2338") ? {} : (stryCov_9fa48("2338"), {
      type: stryMutAct_9fa48("2339") ? "" : (stryCov_9fa48("2339"), 'fix'),
      target,
      value: value.value
    });
  }
}

// delete [meter] #12|last
function parseDelete(args: Token[]): Command | null {
  if (stryMutAct_9fa48("2340")) {
    {}
  } else {
    stryCov_9fa48("2340");
    const t = parseTarget(stryMutAct_9fa48("2341") ? "" : (stryCov_9fa48("2341"), 'delete'), args);
    if (stryMutAct_9fa48("2344") ? !t && 'type' in t : stryMutAct_9fa48("2343") ? false : stryMutAct_9fa48("2342") ? true : (stryCov_9fa48("2342", "2343", "2344"), (stryMutAct_9fa48("2345") ? t : (stryCov_9fa48("2345"), !t)) || (stryMutAct_9fa48("2346") ? "" : (stryCov_9fa48("2346"), 'type')) in t)) return t;
    if (stryMutAct_9fa48("2350") ? t.next >= args.length : stryMutAct_9fa48("2349") ? t.next <= args.length : stryMutAct_9fa48("2348") ? false : stryMutAct_9fa48("2347") ? true : (stryCov_9fa48("2347", "2348", "2349", "2350"), t.next < args.length)) return malformed(stryMutAct_9fa48("2351") ? "" : (stryCov_9fa48("2351"), 'delete'), stryMutAct_9fa48("2352") ? "" : (stryCov_9fa48("2352"), 'unexpectedText'), t.target.meter);
    return stryMutAct_9fa48("2353") ? {} : (stryCov_9fa48("2353"), {
      type: stryMutAct_9fa48("2354") ? "" : (stryCov_9fa48("2354"), 'delete'),
      target: t.target
    });
  }
}
type Setting = 'min' | 'max' | 'digits' | 'maxRate';
const SETTING_WORDS = new Map<string, Setting>(stryMutAct_9fa48("2355") ? [] : (stryCov_9fa48("2355"), [stryMutAct_9fa48("2356") ? [] : (stryCov_9fa48("2356"), [stryMutAct_9fa48("2357") ? "" : (stryCov_9fa48("2357"), 'min'), stryMutAct_9fa48("2358") ? "" : (stryCov_9fa48("2358"), 'min')]), stryMutAct_9fa48("2359") ? [] : (stryCov_9fa48("2359"), [stryMutAct_9fa48("2360") ? "" : (stryCov_9fa48("2360"), 'minimum'), stryMutAct_9fa48("2361") ? "" : (stryCov_9fa48("2361"), 'min')]), stryMutAct_9fa48("2362") ? [] : (stryCov_9fa48("2362"), [stryMutAct_9fa48("2363") ? "" : (stryCov_9fa48("2363"), 'ต่ำสุด'), stryMutAct_9fa48("2364") ? "" : (stryCov_9fa48("2364"), 'min')]), stryMutAct_9fa48("2365") ? [] : (stryCov_9fa48("2365"), [stryMutAct_9fa48("2366") ? "" : (stryCov_9fa48("2366"), 'max'), stryMutAct_9fa48("2367") ? "" : (stryCov_9fa48("2367"), 'max')]), stryMutAct_9fa48("2368") ? [] : (stryCov_9fa48("2368"), [stryMutAct_9fa48("2369") ? "" : (stryCov_9fa48("2369"), 'maximum'), stryMutAct_9fa48("2370") ? "" : (stryCov_9fa48("2370"), 'max')]), stryMutAct_9fa48("2371") ? [] : (stryCov_9fa48("2371"), [stryMutAct_9fa48("2372") ? "" : (stryCov_9fa48("2372"), 'สูงสุด'), stryMutAct_9fa48("2373") ? "" : (stryCov_9fa48("2373"), 'max')]), stryMutAct_9fa48("2374") ? [] : (stryCov_9fa48("2374"), [stryMutAct_9fa48("2375") ? "" : (stryCov_9fa48("2375"), 'digits'), stryMutAct_9fa48("2376") ? "" : (stryCov_9fa48("2376"), 'digits')]), stryMutAct_9fa48("2377") ? [] : (stryCov_9fa48("2377"), [stryMutAct_9fa48("2378") ? "" : (stryCov_9fa48("2378"), 'หลัก'), stryMutAct_9fa48("2379") ? "" : (stryCov_9fa48("2379"), 'digits')]), stryMutAct_9fa48("2380") ? [] : (stryCov_9fa48("2380"), [stryMutAct_9fa48("2381") ? "" : (stryCov_9fa48("2381"), 'rate'), stryMutAct_9fa48("2382") ? "" : (stryCov_9fa48("2382"), 'maxRate')]), stryMutAct_9fa48("2383") ? [] : (stryCov_9fa48("2383"), [stryMutAct_9fa48("2384") ? "" : (stryCov_9fa48("2384"), 'maxrate'), stryMutAct_9fa48("2385") ? "" : (stryCov_9fa48("2385"), 'maxRate')]), stryMutAct_9fa48("2386") ? [] : (stryCov_9fa48("2386"), [stryMutAct_9fa48("2387") ? "" : (stryCov_9fa48("2387"), 'อัตรา'), stryMutAct_9fa48("2388") ? "" : (stryCov_9fa48("2388"), 'maxRate')]), stryMutAct_9fa48("2389") ? [] : (stryCov_9fa48("2389"), [stryMutAct_9fa48("2390") ? "" : (stryCov_9fa48("2390"), 'อัตราสูงสุด'), stryMutAct_9fa48("2391") ? "" : (stryCov_9fa48("2391"), 'maxRate')])]));
const NONE_WORDS = new Set(stryMutAct_9fa48("2392") ? [] : (stryCov_9fa48("2392"), [stryMutAct_9fa48("2393") ? "" : (stryCov_9fa48("2393"), 'none'), stryMutAct_9fa48("2394") ? "" : (stryCov_9fa48("2394"), 'off'), stryMutAct_9fa48("2395") ? "" : (stryCov_9fa48("2395"), 'clear'), stryMutAct_9fa48("2396") ? "" : (stryCov_9fa48("2396"), 'ไม่มี'), stryMutAct_9fa48("2397") ? "" : (stryCov_9fa48("2397"), 'ไม่กำหนด')]));
const PER_DAY_WORDS = new Set(stryMutAct_9fa48("2398") ? [] : (stryCov_9fa48("2398"), [stryMutAct_9fa48("2399") ? "" : (stryCov_9fa48("2399"), '/day'), stryMutAct_9fa48("2400") ? "" : (stryCov_9fa48("2400"), 'ต่อวัน')]));

// set <meter> (min|max|digits|rate [=] <value|none>)+
function parseSetMeter(args: Token[]): Command | null {
  if (stryMutAct_9fa48("2401")) {
    {}
  } else {
    stryCov_9fa48("2401");
    const at = args.findIndex(stryMutAct_9fa48("2402") ? () => undefined : (stryCov_9fa48("2402"), t => isWord(t, SETTING_WORDS)));
    const ref = requiredRef((stryMutAct_9fa48("2406") ? at < 0 : stryMutAct_9fa48("2405") ? at > 0 : stryMutAct_9fa48("2404") ? false : stryMutAct_9fa48("2403") ? true : (stryCov_9fa48("2403", "2404", "2405", "2406"), at >= 0)) ? stryMutAct_9fa48("2407") ? args : (stryCov_9fa48("2407"), args.slice(0, at)) : args);
    if (stryMutAct_9fa48("2410") ? false : stryMutAct_9fa48("2409") ? true : stryMutAct_9fa48("2408") ? ref : (stryCov_9fa48("2408", "2409", "2410"), !ref)) return null;
    if (stryMutAct_9fa48("2413") ? false : stryMutAct_9fa48("2412") ? true : stryMutAct_9fa48("2411") ? ref.ok : (stryCov_9fa48("2411", "2412", "2413"), !ref.ok)) return malformed(stryMutAct_9fa48("2414") ? "" : (stryCov_9fa48("2414"), 'setMeter'), ref.problem);
    const meter = ref.value;
    if (stryMutAct_9fa48("2418") ? at >= 0 : stryMutAct_9fa48("2417") ? at <= 0 : stryMutAct_9fa48("2416") ? false : stryMutAct_9fa48("2415") ? true : (stryCov_9fa48("2415", "2416", "2417", "2418"), at < 0)) return malformed(stryMutAct_9fa48("2419") ? "" : (stryCov_9fa48("2419"), 'setMeter'), stryMutAct_9fa48("2420") ? "" : (stryCov_9fa48("2420"), 'missingSetting'), meter);
    const cmd: SetMeterCommand = stryMutAct_9fa48("2421") ? {} : (stryCov_9fa48("2421"), {
      type: stryMutAct_9fa48("2422") ? "" : (stryCov_9fa48("2422"), 'setMeter'),
      meter
    });
    let i = at;
    while (stryMutAct_9fa48("2425") ? i >= args.length : stryMutAct_9fa48("2424") ? i <= args.length : stryMutAct_9fa48("2423") ? false : (stryCov_9fa48("2423", "2424", "2425"), i < args.length)) {
      if (stryMutAct_9fa48("2426")) {
        {}
      } else {
        stryCov_9fa48("2426");
        let key = SETTING_WORDS.get((stryMutAct_9fa48("2427") ? args[i].quoted : (stryCov_9fa48("2427"), args[i]?.quoted)) ? stryMutAct_9fa48("2428") ? "Stryker was here!" : (stryCov_9fa48("2428"), '') : stryMutAct_9fa48("2429") ? args[i]?.lower && '' : (stryCov_9fa48("2429"), (stryMutAct_9fa48("2430") ? args[i].lower : (stryCov_9fa48("2430"), args[i]?.lower)) ?? (stryMutAct_9fa48("2431") ? "Stryker was here!" : (stryCov_9fa48("2431"), ''))));
        if (stryMutAct_9fa48("2434") ? false : stryMutAct_9fa48("2433") ? true : stryMutAct_9fa48("2432") ? key : (stryCov_9fa48("2432", "2433", "2434"), !key)) return malformed(stryMutAct_9fa48("2435") ? "" : (stryCov_9fa48("2435"), 'setMeter'), stryMutAct_9fa48("2436") ? "" : (stryCov_9fa48("2436"), 'unexpectedText'), meter);
        stryMutAct_9fa48("2437") ? i-- : (stryCov_9fa48("2437"), i++);
        if (stryMutAct_9fa48("2440") ? key === 'max' || args[i]?.lower === 'rate' : stryMutAct_9fa48("2439") ? false : stryMutAct_9fa48("2438") ? true : (stryCov_9fa48("2438", "2439", "2440"), (stryMutAct_9fa48("2442") ? key !== 'max' : stryMutAct_9fa48("2441") ? true : (stryCov_9fa48("2441", "2442"), key === (stryMutAct_9fa48("2443") ? "" : (stryCov_9fa48("2443"), 'max')))) && (stryMutAct_9fa48("2445") ? args[i]?.lower !== 'rate' : stryMutAct_9fa48("2444") ? true : (stryCov_9fa48("2444", "2445"), (stryMutAct_9fa48("2446") ? args[i].lower : (stryCov_9fa48("2446"), args[i]?.lower)) === (stryMutAct_9fa48("2447") ? "" : (stryCov_9fa48("2447"), 'rate')))))) {
          if (stryMutAct_9fa48("2448")) {
            {}
          } else {
            stryCov_9fa48("2448");
            key = stryMutAct_9fa48("2449") ? "" : (stryCov_9fa48("2449"), 'maxRate');
            stryMutAct_9fa48("2450") ? i-- : (stryCov_9fa48("2450"), i++);
          }
        }
        if (stryMutAct_9fa48("2453") ? cmd[key] === undefined : stryMutAct_9fa48("2452") ? false : stryMutAct_9fa48("2451") ? true : (stryCov_9fa48("2451", "2452", "2453"), cmd[key] !== undefined)) return malformed(stryMutAct_9fa48("2454") ? "" : (stryCov_9fa48("2454"), 'setMeter'), stryMutAct_9fa48("2455") ? "" : (stryCov_9fa48("2455"), 'duplicateSetting'), meter);
        if (stryMutAct_9fa48("2457") ? false : stryMutAct_9fa48("2456") ? true : (stryCov_9fa48("2456", "2457"), isSymbol(args[i], stryMutAct_9fa48("2458") ? "" : (stryCov_9fa48("2458"), '=')))) stryMutAct_9fa48("2459") ? i-- : (stryCov_9fa48("2459"), i++);
        const tok = args[i];
        if (stryMutAct_9fa48("2462") ? (!tok || tok.quoted || tok.text === '=') && tok.text === '@' : stryMutAct_9fa48("2461") ? false : stryMutAct_9fa48("2460") ? true : (stryCov_9fa48("2460", "2461", "2462"), (stryMutAct_9fa48("2464") ? (!tok || tok.quoted) && tok.text === '=' : stryMutAct_9fa48("2463") ? false : (stryCov_9fa48("2463", "2464"), (stryMutAct_9fa48("2466") ? !tok && tok.quoted : stryMutAct_9fa48("2465") ? false : (stryCov_9fa48("2465", "2466"), (stryMutAct_9fa48("2467") ? tok : (stryCov_9fa48("2467"), !tok)) || tok.quoted)) || (stryMutAct_9fa48("2469") ? tok.text !== '=' : stryMutAct_9fa48("2468") ? false : (stryCov_9fa48("2468", "2469"), tok.text === (stryMutAct_9fa48("2470") ? "" : (stryCov_9fa48("2470"), '=')))))) || (stryMutAct_9fa48("2472") ? tok.text !== '@' : stryMutAct_9fa48("2471") ? false : (stryCov_9fa48("2471", "2472"), tok.text === (stryMutAct_9fa48("2473") ? "" : (stryCov_9fa48("2473"), '@')))))) {
          if (stryMutAct_9fa48("2474")) {
            {}
          } else {
            stryCov_9fa48("2474");
            return malformed(stryMutAct_9fa48("2475") ? "" : (stryCov_9fa48("2475"), 'setMeter'), stryMutAct_9fa48("2476") ? "" : (stryCov_9fa48("2476"), 'missingValue'), meter);
          }
        }
        stryMutAct_9fa48("2477") ? i-- : (stryCov_9fa48("2477"), i++);
        if (stryMutAct_9fa48("2479") ? false : stryMutAct_9fa48("2478") ? true : (stryCov_9fa48("2478", "2479"), NONE_WORDS.has(tok.lower))) {
          if (stryMutAct_9fa48("2480")) {
            {}
          } else {
            stryCov_9fa48("2480");
            cmd[key] = null;
          }
        } else if (stryMutAct_9fa48("2483") ? key !== 'digits' : stryMutAct_9fa48("2482") ? false : stryMutAct_9fa48("2481") ? true : (stryCov_9fa48("2481", "2482", "2483"), key === (stryMutAct_9fa48("2484") ? "" : (stryCov_9fa48("2484"), 'digits')))) {
          if (stryMutAct_9fa48("2485")) {
            {}
          } else {
            stryCov_9fa48("2485");
            const digits = smallInt(tok.text, LIMITS.digitsMax);
            if (stryMutAct_9fa48("2488") ? digits !== null : stryMutAct_9fa48("2487") ? false : stryMutAct_9fa48("2486") ? true : (stryCov_9fa48("2486", "2487", "2488"), digits === null)) return malformed(stryMutAct_9fa48("2489") ? "" : (stryCov_9fa48("2489"), 'setMeter'), stryMutAct_9fa48("2490") ? "" : (stryCov_9fa48("2490"), 'badDigits'), meter);
            cmd.digits = digits;
          }
        } else {
          if (stryMutAct_9fa48("2491")) {
            {}
          } else {
            stryCov_9fa48("2491");
            const value = parseDecimal(tok.text);
            if (stryMutAct_9fa48("2494") ? false : stryMutAct_9fa48("2493") ? true : stryMutAct_9fa48("2492") ? value.ok : (stryCov_9fa48("2492", "2493", "2494"), !value.ok)) return malformed(stryMutAct_9fa48("2495") ? "" : (stryCov_9fa48("2495"), 'setMeter'), value.problem, meter);
            // A plausible usage per day cannot be negative.
            if (stryMutAct_9fa48("2498") ? key === 'maxRate' || value.value.startsWith('-') : stryMutAct_9fa48("2497") ? false : stryMutAct_9fa48("2496") ? true : (stryCov_9fa48("2496", "2497", "2498"), (stryMutAct_9fa48("2500") ? key !== 'maxRate' : stryMutAct_9fa48("2499") ? true : (stryCov_9fa48("2499", "2500"), key === (stryMutAct_9fa48("2501") ? "" : (stryCov_9fa48("2501"), 'maxRate')))) && (stryMutAct_9fa48("2502") ? value.value.endsWith('-') : (stryCov_9fa48("2502"), value.value.startsWith(stryMutAct_9fa48("2503") ? "" : (stryCov_9fa48("2503"), '-')))))) {
              if (stryMutAct_9fa48("2504")) {
                {}
              } else {
                stryCov_9fa48("2504");
                return malformed(stryMutAct_9fa48("2505") ? "" : (stryCov_9fa48("2505"), 'setMeter'), stryMutAct_9fa48("2506") ? "" : (stryCov_9fa48("2506"), 'badNumber'), meter);
              }
            }
            cmd[key] = value.value;
            if (stryMutAct_9fa48("2509") ? key === 'maxRate' && args[i]?.lower === 'per' || args[i + 1]?.lower === 'day' : stryMutAct_9fa48("2508") ? false : stryMutAct_9fa48("2507") ? true : (stryCov_9fa48("2507", "2508", "2509"), (stryMutAct_9fa48("2511") ? key === 'maxRate' || args[i]?.lower === 'per' : stryMutAct_9fa48("2510") ? true : (stryCov_9fa48("2510", "2511"), (stryMutAct_9fa48("2513") ? key !== 'maxRate' : stryMutAct_9fa48("2512") ? true : (stryCov_9fa48("2512", "2513"), key === (stryMutAct_9fa48("2514") ? "" : (stryCov_9fa48("2514"), 'maxRate')))) && (stryMutAct_9fa48("2516") ? args[i]?.lower !== 'per' : stryMutAct_9fa48("2515") ? true : (stryCov_9fa48("2515", "2516"), (stryMutAct_9fa48("2517") ? args[i].lower : (stryCov_9fa48("2517"), args[i]?.lower)) === (stryMutAct_9fa48("2518") ? "" : (stryCov_9fa48("2518"), 'per')))))) && (stryMutAct_9fa48("2520") ? args[i + 1]?.lower !== 'day' : stryMutAct_9fa48("2519") ? true : (stryCov_9fa48("2519", "2520"), (stryMutAct_9fa48("2521") ? args[i + 1].lower : (stryCov_9fa48("2521"), args[stryMutAct_9fa48("2522") ? i - 1 : (stryCov_9fa48("2522"), i + 1)]?.lower)) === (stryMutAct_9fa48("2523") ? "" : (stryCov_9fa48("2523"), 'day')))))) stryMutAct_9fa48("2524") ? i -= 2 : (stryCov_9fa48("2524"), i += 2);else if (stryMutAct_9fa48("2527") ? key === 'maxRate' || isWord(args[i], PER_DAY_WORDS) : stryMutAct_9fa48("2526") ? false : stryMutAct_9fa48("2525") ? true : (stryCov_9fa48("2525", "2526", "2527"), (stryMutAct_9fa48("2529") ? key !== 'maxRate' : stryMutAct_9fa48("2528") ? true : (stryCov_9fa48("2528", "2529"), key === (stryMutAct_9fa48("2530") ? "" : (stryCov_9fa48("2530"), 'maxRate')))) && isWord(args[i], PER_DAY_WORDS))) stryMutAct_9fa48("2531") ? i-- : (stryCov_9fa48("2531"), i++);
          }
        }
      }
    }
    if (stryMutAct_9fa48("2534") ? typeof cmd.min === 'string' || typeof cmd.max === 'string' : stryMutAct_9fa48("2533") ? false : stryMutAct_9fa48("2532") ? true : (stryCov_9fa48("2532", "2533", "2534"), (stryMutAct_9fa48("2536") ? typeof cmd.min !== 'string' : stryMutAct_9fa48("2535") ? true : (stryCov_9fa48("2535", "2536"), typeof cmd.min === (stryMutAct_9fa48("2537") ? "" : (stryCov_9fa48("2537"), 'string')))) && (stryMutAct_9fa48("2539") ? typeof cmd.max !== 'string' : stryMutAct_9fa48("2538") ? true : (stryCov_9fa48("2538", "2539"), typeof cmd.max === (stryMutAct_9fa48("2540") ? "" : (stryCov_9fa48("2540"), 'string')))))) {
      if (stryMutAct_9fa48("2541")) {
        {}
      } else {
        stryCov_9fa48("2541");
        const minAboveMax = new Decimal(cmd.min).greaterThan(cmd.max);
        if (stryMutAct_9fa48("2543") ? false : stryMutAct_9fa48("2542") ? true : (stryCov_9fa48("2542", "2543"), minAboveMax)) return malformed(stryMutAct_9fa48("2544") ? "" : (stryCov_9fa48("2544"), 'setMeter'), stryMutAct_9fa48("2545") ? "" : (stryCov_9fa48("2545"), 'minAboveMax'), meter);
      }
    }
    return cmd;
  }
}
const REPLACE_WORDS = new Map<string, 'final' | 'initial'>(stryMutAct_9fa48("2546") ? [] : (stryCov_9fa48("2546"), [stryMutAct_9fa48("2547") ? [] : (stryCov_9fa48("2547"), [stryMutAct_9fa48("2548") ? "" : (stryCov_9fa48("2548"), 'final'), stryMutAct_9fa48("2549") ? "" : (stryCov_9fa48("2549"), 'final')]), stryMutAct_9fa48("2550") ? [] : (stryCov_9fa48("2550"), [stryMutAct_9fa48("2551") ? "" : (stryCov_9fa48("2551"), 'old'), stryMutAct_9fa48("2552") ? "" : (stryCov_9fa48("2552"), 'final')]), stryMutAct_9fa48("2553") ? [] : (stryCov_9fa48("2553"), [stryMutAct_9fa48("2554") ? "" : (stryCov_9fa48("2554"), 'ค่าสุดท้าย'), stryMutAct_9fa48("2555") ? "" : (stryCov_9fa48("2555"), 'final')]), stryMutAct_9fa48("2556") ? [] : (stryCov_9fa48("2556"), [stryMutAct_9fa48("2557") ? "" : (stryCov_9fa48("2557"), 'ค่าเก่า'), stryMutAct_9fa48("2558") ? "" : (stryCov_9fa48("2558"), 'final')]), stryMutAct_9fa48("2559") ? [] : (stryCov_9fa48("2559"), [stryMutAct_9fa48("2560") ? "" : (stryCov_9fa48("2560"), 'initial'), stryMutAct_9fa48("2561") ? "" : (stryCov_9fa48("2561"), 'initial')]), stryMutAct_9fa48("2562") ? [] : (stryCov_9fa48("2562"), [stryMutAct_9fa48("2563") ? "" : (stryCov_9fa48("2563"), 'start'), stryMutAct_9fa48("2564") ? "" : (stryCov_9fa48("2564"), 'initial')]), stryMutAct_9fa48("2565") ? [] : (stryCov_9fa48("2565"), [stryMutAct_9fa48("2566") ? "" : (stryCov_9fa48("2566"), 'new'), stryMutAct_9fa48("2567") ? "" : (stryCov_9fa48("2567"), 'initial')]), stryMutAct_9fa48("2568") ? [] : (stryCov_9fa48("2568"), [stryMutAct_9fa48("2569") ? "" : (stryCov_9fa48("2569"), 'ค่าเริ่มต้น'), stryMutAct_9fa48("2570") ? "" : (stryCov_9fa48("2570"), 'initial')]), stryMutAct_9fa48("2571") ? [] : (stryCov_9fa48("2571"), [stryMutAct_9fa48("2572") ? "" : (stryCov_9fa48("2572"), 'ค่าใหม่'), stryMutAct_9fa48("2573") ? "" : (stryCov_9fa48("2573"), 'initial')])]));

// new <meter> final <value> initial <value> [@ time]
function parseReplaceMeter(args: Token[]): Command | null {
  if (stryMutAct_9fa48("2574")) {
    {}
  } else {
    stryCov_9fa48("2574");
    const at = args.findIndex(stryMutAct_9fa48("2575") ? () => undefined : (stryCov_9fa48("2575"), t => stryMutAct_9fa48("2578") ? isWord(t, REPLACE_WORDS) && isSymbol(t, '@') : stryMutAct_9fa48("2577") ? false : stryMutAct_9fa48("2576") ? true : (stryCov_9fa48("2576", "2577", "2578"), isWord(t, REPLACE_WORDS) || isSymbol(t, stryMutAct_9fa48("2579") ? "" : (stryCov_9fa48("2579"), '@')))));
    const ref = requiredRef((stryMutAct_9fa48("2583") ? at < 0 : stryMutAct_9fa48("2582") ? at > 0 : stryMutAct_9fa48("2581") ? false : stryMutAct_9fa48("2580") ? true : (stryCov_9fa48("2580", "2581", "2582", "2583"), at >= 0)) ? stryMutAct_9fa48("2584") ? args : (stryCov_9fa48("2584"), args.slice(0, at)) : args);
    if (stryMutAct_9fa48("2587") ? false : stryMutAct_9fa48("2586") ? true : stryMutAct_9fa48("2585") ? ref : (stryCov_9fa48("2585", "2586", "2587"), !ref)) return null;
    if (stryMutAct_9fa48("2590") ? false : stryMutAct_9fa48("2589") ? true : stryMutAct_9fa48("2588") ? ref.ok : (stryCov_9fa48("2588", "2589", "2590"), !ref.ok)) return malformed(stryMutAct_9fa48("2591") ? "" : (stryCov_9fa48("2591"), 'replaceMeter'), ref.problem);
    const meter = ref.value;
    const values: {
      final?: string;
      initial?: string;
    } = {};
    let i = (stryMutAct_9fa48("2595") ? at >= 0 : stryMutAct_9fa48("2594") ? at <= 0 : stryMutAct_9fa48("2593") ? false : stryMutAct_9fa48("2592") ? true : (stryCov_9fa48("2592", "2593", "2594", "2595"), at < 0)) ? args.length : at;
    let when: TimeSpec | undefined;
    while (stryMutAct_9fa48("2598") ? i >= args.length : stryMutAct_9fa48("2597") ? i <= args.length : stryMutAct_9fa48("2596") ? false : (stryCov_9fa48("2596", "2597", "2598"), i < args.length)) {
      if (stryMutAct_9fa48("2599")) {
        {}
      } else {
        stryCov_9fa48("2599");
        const tok = args[i];
        const key = (stryMutAct_9fa48("2602") ? tok || !tok.quoted : stryMutAct_9fa48("2601") ? false : stryMutAct_9fa48("2600") ? true : (stryCov_9fa48("2600", "2601", "2602"), tok && (stryMutAct_9fa48("2603") ? tok.quoted : (stryCov_9fa48("2603"), !tok.quoted)))) ? REPLACE_WORDS.get(tok.lower) : undefined;
        if (stryMutAct_9fa48("2606") ? false : stryMutAct_9fa48("2605") ? true : stryMutAct_9fa48("2604") ? key : (stryCov_9fa48("2604", "2605", "2606"), !key)) {
          if (stryMutAct_9fa48("2607")) {
            {}
          } else {
            stryCov_9fa48("2607");
            const spec = parseTimeSpec(stryMutAct_9fa48("2608") ? args : (stryCov_9fa48("2608"), args.slice(i)));
            if (stryMutAct_9fa48("2611") ? false : stryMutAct_9fa48("2610") ? true : stryMutAct_9fa48("2609") ? spec.ok : (stryCov_9fa48("2609", "2610", "2611"), !spec.ok)) return malformed(stryMutAct_9fa48("2612") ? "" : (stryCov_9fa48("2612"), 'replaceMeter'), spec.problem, meter);
            when = spec.value;
            break;
          }
        }
        if (stryMutAct_9fa48("2615") ? values[key] === undefined : stryMutAct_9fa48("2614") ? false : stryMutAct_9fa48("2613") ? true : (stryCov_9fa48("2613", "2614", "2615"), values[key] !== undefined)) return malformed(stryMutAct_9fa48("2616") ? "" : (stryCov_9fa48("2616"), 'replaceMeter'), stryMutAct_9fa48("2617") ? "" : (stryCov_9fa48("2617"), 'duplicateSetting'), meter);
        stryMutAct_9fa48("2618") ? i-- : (stryCov_9fa48("2618"), i++);
        if (stryMutAct_9fa48("2620") ? false : stryMutAct_9fa48("2619") ? true : (stryCov_9fa48("2619", "2620"), isSymbol(args[i], stryMutAct_9fa48("2621") ? "" : (stryCov_9fa48("2621"), '=')))) stryMutAct_9fa48("2622") ? i-- : (stryCov_9fa48("2622"), i++);
        const valueTok = args[i];
        if (stryMutAct_9fa48("2625") ? (!valueTok || valueTok.quoted) && !NUMBERISH_RE.test(valueTok.lower) : stryMutAct_9fa48("2624") ? false : stryMutAct_9fa48("2623") ? true : (stryCov_9fa48("2623", "2624", "2625"), (stryMutAct_9fa48("2627") ? !valueTok && valueTok.quoted : stryMutAct_9fa48("2626") ? false : (stryCov_9fa48("2626", "2627"), (stryMutAct_9fa48("2628") ? valueTok : (stryCov_9fa48("2628"), !valueTok)) || valueTok.quoted)) || (stryMutAct_9fa48("2629") ? NUMBERISH_RE.test(valueTok.lower) : (stryCov_9fa48("2629"), !NUMBERISH_RE.test(valueTok.lower))))) {
          if (stryMutAct_9fa48("2630")) {
            {}
          } else {
            stryCov_9fa48("2630");
            return malformed(stryMutAct_9fa48("2631") ? "" : (stryCov_9fa48("2631"), 'replaceMeter'), stryMutAct_9fa48("2632") ? "" : (stryCov_9fa48("2632"), 'missingValue'), meter);
          }
        }
        const value = parseDecimal(valueTok.text);
        if (stryMutAct_9fa48("2635") ? false : stryMutAct_9fa48("2634") ? true : stryMutAct_9fa48("2633") ? value.ok : (stryCov_9fa48("2633", "2634", "2635"), !value.ok)) return malformed(stryMutAct_9fa48("2636") ? "" : (stryCov_9fa48("2636"), 'replaceMeter'), value.problem, meter);
        values[key] = value.value;
        stryMutAct_9fa48("2637") ? i-- : (stryCov_9fa48("2637"), i++);
      }
    }
    if (stryMutAct_9fa48("2640") ? values.final === undefined && values.initial === undefined : stryMutAct_9fa48("2639") ? false : stryMutAct_9fa48("2638") ? true : (stryCov_9fa48("2638", "2639", "2640"), (stryMutAct_9fa48("2642") ? values.final !== undefined : stryMutAct_9fa48("2641") ? false : (stryCov_9fa48("2641", "2642"), values.final === undefined)) || (stryMutAct_9fa48("2644") ? values.initial !== undefined : stryMutAct_9fa48("2643") ? false : (stryCov_9fa48("2643", "2644"), values.initial === undefined)))) {
      if (stryMutAct_9fa48("2645")) {
        {}
      } else {
        stryCov_9fa48("2645");
        return malformed(stryMutAct_9fa48("2646") ? "" : (stryCov_9fa48("2646"), 'replaceMeter'), stryMutAct_9fa48("2647") ? "" : (stryCov_9fa48("2647"), 'missingValue'), meter);
      }
    }
    return stryMutAct_9fa48("2648") ? {} : (stryCov_9fa48("2648"), {
      type: stryMutAct_9fa48("2649") ? "" : (stryCov_9fa48("2649"), 'replaceMeter'),
      meter,
      final: values.final,
      initial: values.initial,
      ...(when ? stryMutAct_9fa48("2650") ? {} : (stryCov_9fa48("2650"), {
        at: when
      }) : {})
    });
  }
}

/** Known units, by lower-case spelling -> canonical spelling. */
const UNITS = new Map<string, string>((stryMutAct_9fa48("2651") ? "" : (stryCov_9fa48("2651"), 'kWh Wh MWh kW m³ m L mL liter liters litre litres gal km mi miles mm cm g lux ppm dB °C °F mmHg bpm kg lb lbs % mg/dL mmol/L kPa psi bar h hours units unit THB baht หน่วย ลิตร ลบ.ม. ลูกบาศก์เมตร กม. กิโลเมตร กก. บาท')).split(stryMutAct_9fa48("2652") ? "" : (stryCov_9fa48("2652"), ' ')).map(stryMutAct_9fa48("2653") ? () => undefined : (stryCov_9fa48("2653"), (u): [string, string] => stryMutAct_9fa48("2654") ? [] : (stryCov_9fa48("2654"), [stryMutAct_9fa48("2655") ? u.toUpperCase() : (stryCov_9fa48("2655"), u.toLowerCase()), u]))).concat(stryMutAct_9fa48("2656") ? [] : (stryCov_9fa48("2656"), [stryMutAct_9fa48("2657") ? [] : (stryCov_9fa48("2657"), [stryMutAct_9fa48("2658") ? "" : (stryCov_9fa48("2658"), 'm3'), stryMutAct_9fa48("2659") ? "" : (stryCov_9fa48("2659"), 'm³')]), // NFKC turns m³ into m3; show it the way people write it
stryMutAct_9fa48("2660") ? [] : (stryCov_9fa48("2660"), [stryMutAct_9fa48("2661") ? "" : (stryCov_9fa48("2661"), 'm^3'), stryMutAct_9fa48("2662") ? "" : (stryCov_9fa48("2662"), 'm³')]), stryMutAct_9fa48("2663") ? [] : (stryCov_9fa48("2663"), [stryMutAct_9fa48("2664") ? "" : (stryCov_9fa48("2664"), 'cu.m'), stryMutAct_9fa48("2665") ? "" : (stryCov_9fa48("2665"), 'm³')]), stryMutAct_9fa48("2666") ? [] : (stryCov_9fa48("2666"), [stryMutAct_9fa48("2667") ? "" : (stryCov_9fa48("2667"), 'cu.m.'), stryMutAct_9fa48("2668") ? "" : (stryCov_9fa48("2668"), 'm³')]), stryMutAct_9fa48("2669") ? [] : (stryCov_9fa48("2669"), [stryMutAct_9fa48("2670") ? "" : (stryCov_9fa48("2670"), 'cbm'), stryMutAct_9fa48("2671") ? "" : (stryCov_9fa48("2671"), 'm³')]), stryMutAct_9fa48("2672") ? [] : (stryCov_9fa48("2672"), [stryMutAct_9fa48("2673") ? "" : (stryCov_9fa48("2673"), 'ltr'), stryMutAct_9fa48("2674") ? "" : (stryCov_9fa48("2674"), 'L')])])));

/** The usual spelling of a known unit (`kwh` -> `kWh`, `m3` -> `m³`); other units unchanged. */
export function canonicalUnit(unit: string): string {
  if (stryMutAct_9fa48("2675")) {
    {}
  } else {
    stryCov_9fa48("2675");
    return stryMutAct_9fa48("2676") ? UNITS.get(unit.toLowerCase()) && unit : (stryCov_9fa48("2676"), UNITS.get(stryMutAct_9fa48("2677") ? unit.toUpperCase() : (stryCov_9fa48("2677"), unit.toLowerCase())) ?? unit);
  }
}

// add meter|counter|gauge|amount|delta <name> [unit]
//   unquoted name: the last word is the unit when it is a known unit (UNITS);
//   quoted name: the one word after it, if any, is the unit, whatever it is.
function parseAddMeter(args: Token[], kind: SourceKind | undefined): Command {
  if (stryMutAct_9fa48("2678")) {
    {}
  } else {
    stryCov_9fa48("2678");
    const first = args[0];
    if (stryMutAct_9fa48("2681") ? false : stryMutAct_9fa48("2680") ? true : stryMutAct_9fa48("2679") ? first : (stryCov_9fa48("2679", "2680", "2681"), !first)) return malformed(stryMutAct_9fa48("2682") ? "" : (stryCov_9fa48("2682"), 'addMeter'), stryMutAct_9fa48("2683") ? "" : (stryCov_9fa48("2683"), 'missingName'));
    let nameToks: Token[];
    let unitTok: Token | undefined;
    if (stryMutAct_9fa48("2685") ? false : stryMutAct_9fa48("2684") ? true : (stryCov_9fa48("2684", "2685"), first.quoted)) {
      if (stryMutAct_9fa48("2686")) {
        {}
      } else {
        stryCov_9fa48("2686");
        if (stryMutAct_9fa48("2690") ? args.length <= 2 : stryMutAct_9fa48("2689") ? args.length >= 2 : stryMutAct_9fa48("2688") ? false : stryMutAct_9fa48("2687") ? true : (stryCov_9fa48("2687", "2688", "2689", "2690"), args.length > 2)) return malformed(stryMutAct_9fa48("2691") ? "" : (stryCov_9fa48("2691"), 'addMeter'), stryMutAct_9fa48("2692") ? "" : (stryCov_9fa48("2692"), 'unexpectedText'));
        nameToks = stryMutAct_9fa48("2693") ? [] : (stryCov_9fa48("2693"), [first]);
        unitTok = args[1];
      }
    } else {
      if (stryMutAct_9fa48("2694")) {
        {}
      } else {
        stryCov_9fa48("2694");
        const last = args.at(stryMutAct_9fa48("2695") ? +1 : (stryCov_9fa48("2695"), -1));
        unitTok = (stryMutAct_9fa48("2698") ? args.length >= 2 || isWord(last, UNITS) : stryMutAct_9fa48("2697") ? false : stryMutAct_9fa48("2696") ? true : (stryCov_9fa48("2696", "2697", "2698"), (stryMutAct_9fa48("2701") ? args.length < 2 : stryMutAct_9fa48("2700") ? args.length > 2 : stryMutAct_9fa48("2699") ? true : (stryCov_9fa48("2699", "2700", "2701"), args.length >= 2)) && isWord(last, UNITS))) ? last : undefined;
        nameToks = unitTok ? stryMutAct_9fa48("2702") ? args : (stryCov_9fa48("2702"), args.slice(0, stryMutAct_9fa48("2703") ? +1 : (stryCov_9fa48("2703"), -1))) : args;
        if (stryMutAct_9fa48("2706") ? nameToks.every(t => t.quoted || t.text === '=' || t.text === '@') : stryMutAct_9fa48("2705") ? false : stryMutAct_9fa48("2704") ? true : (stryCov_9fa48("2704", "2705", "2706"), nameToks.some(stryMutAct_9fa48("2707") ? () => undefined : (stryCov_9fa48("2707"), t => stryMutAct_9fa48("2710") ? (t.quoted || t.text === '=') && t.text === '@' : stryMutAct_9fa48("2709") ? false : stryMutAct_9fa48("2708") ? true : (stryCov_9fa48("2708", "2709", "2710"), (stryMutAct_9fa48("2712") ? t.quoted && t.text === '=' : stryMutAct_9fa48("2711") ? false : (stryCov_9fa48("2711", "2712"), t.quoted || (stryMutAct_9fa48("2714") ? t.text !== '=' : stryMutAct_9fa48("2713") ? false : (stryCov_9fa48("2713", "2714"), t.text === (stryMutAct_9fa48("2715") ? "" : (stryCov_9fa48("2715"), '=')))))) || (stryMutAct_9fa48("2717") ? t.text !== '@' : stryMutAct_9fa48("2716") ? false : (stryCov_9fa48("2716", "2717"), t.text === (stryMutAct_9fa48("2718") ? "" : (stryCov_9fa48("2718"), '@'))))))))) {
          if (stryMutAct_9fa48("2719")) {
            {}
          } else {
            stryCov_9fa48("2719");
            return malformed(stryMutAct_9fa48("2720") ? "" : (stryCov_9fa48("2720"), 'addMeter'), stryMutAct_9fa48("2721") ? "" : (stryCov_9fa48("2721"), 'badName'));
          }
        }
      }
    }
    const name = nameToks.map(stryMutAct_9fa48("2722") ? () => undefined : (stryCov_9fa48("2722"), t => t.text)).join(stryMutAct_9fa48("2723") ? "" : (stryCov_9fa48("2723"), ' '));
    const problem = meterNameProblem(name);
    if (stryMutAct_9fa48("2725") ? false : stryMutAct_9fa48("2724") ? true : (stryCov_9fa48("2724", "2725"), problem)) return malformed(stryMutAct_9fa48("2726") ? "" : (stryCov_9fa48("2726"), 'addMeter'), problem);
    let unit: string | undefined;
    if (stryMutAct_9fa48("2728") ? false : stryMutAct_9fa48("2727") ? true : (stryCov_9fa48("2727", "2728"), unitTok)) {
      if (stryMutAct_9fa48("2729")) {
        {}
      } else {
        stryCov_9fa48("2729");
        unit = canonicalUnit(unitTok.text);
        if (stryMutAct_9fa48("2732") ? (unitTok.quoted || unit === '') && codePoints(unit) > LIMITS.unitLength : stryMutAct_9fa48("2731") ? false : stryMutAct_9fa48("2730") ? true : (stryCov_9fa48("2730", "2731", "2732"), (stryMutAct_9fa48("2734") ? unitTok.quoted && unit === '' : stryMutAct_9fa48("2733") ? false : (stryCov_9fa48("2733", "2734"), unitTok.quoted || (stryMutAct_9fa48("2736") ? unit !== '' : stryMutAct_9fa48("2735") ? false : (stryCov_9fa48("2735", "2736"), unit === (stryMutAct_9fa48("2737") ? "Stryker was here!" : (stryCov_9fa48("2737"), '')))))) || (stryMutAct_9fa48("2740") ? codePoints(unit) <= LIMITS.unitLength : stryMutAct_9fa48("2739") ? codePoints(unit) >= LIMITS.unitLength : stryMutAct_9fa48("2738") ? false : (stryCov_9fa48("2738", "2739", "2740"), codePoints(unit) > LIMITS.unitLength)))) {
          if (stryMutAct_9fa48("2741")) {
            {}
          } else {
            stryCov_9fa48("2741");
            return malformed(stryMutAct_9fa48("2742") ? "" : (stryCov_9fa48("2742"), 'addMeter'), stryMutAct_9fa48("2743") ? "" : (stryCov_9fa48("2743"), 'badUnit'));
          }
        }
        if (stryMutAct_9fa48("2745") ? false : stryMutAct_9fa48("2744") ? true : (stryCov_9fa48("2744", "2745"), NAME_FORBIDDEN_RE.test(unit))) return malformed(stryMutAct_9fa48("2746") ? "" : (stryCov_9fa48("2746"), 'addMeter'), stryMutAct_9fa48("2747") ? "" : (stryCov_9fa48("2747"), 'badUnit'));
      }
    }
    return stryMutAct_9fa48("2748") ? {} : (stryCov_9fa48("2748"), {
      type: stryMutAct_9fa48("2749") ? "" : (stryCov_9fa48("2749"), 'addMeter'),
      name,
      ...(unit ? stryMutAct_9fa48("2750") ? {} : (stryCov_9fa48("2750"), {
        unit
      }) : {}),
      ...(kind ? stryMutAct_9fa48("2751") ? {} : (stryCov_9fa48("2751"), {
        kind
      }) : {})
    });
  }
}
function parseFamily(match: FamilyMatch, s: string): Command | null {
  if (stryMutAct_9fa48("2752")) {
    {}
  } else {
    stryCov_9fa48("2752");
    const args = tokenize(s, match.from);
    switch (match.family) {
      case stryMutAct_9fa48("2754") ? "" : (stryCov_9fa48("2754"), 'history'):
        if (stryMutAct_9fa48("2753")) {} else {
          stryCov_9fa48("2753");
          return parseHistory(args);
        }
      case stryMutAct_9fa48("2756") ? "" : (stryCov_9fa48("2756"), 'fix'):
        if (stryMutAct_9fa48("2755")) {} else {
          stryCov_9fa48("2755");
          return parseFix(args);
        }
      case stryMutAct_9fa48("2758") ? "" : (stryCov_9fa48("2758"), 'delete'):
        if (stryMutAct_9fa48("2757")) {} else {
          stryCov_9fa48("2757");
          return parseDelete(args);
        }
      case stryMutAct_9fa48("2760") ? "" : (stryCov_9fa48("2760"), 'setMeter'):
        if (stryMutAct_9fa48("2759")) {} else {
          stryCov_9fa48("2759");
          return parseSetMeter(args);
        }
      case stryMutAct_9fa48("2762") ? "" : (stryCov_9fa48("2762"), 'replaceMeter'):
        if (stryMutAct_9fa48("2761")) {} else {
          stryCov_9fa48("2761");
          return parseReplaceMeter(args);
        }
      case stryMutAct_9fa48("2764") ? "" : (stryCov_9fa48("2764"), 'usage'):
        if (stryMutAct_9fa48("2763")) {} else {
          stryCov_9fa48("2763");
          return parseUsage(args);
        }
      case stryMutAct_9fa48("2766") ? "" : (stryCov_9fa48("2766"), 'chart'):
        if (stryMutAct_9fa48("2765")) {} else {
          stryCov_9fa48("2765");
          return parseChart(args);
        }
      case stryMutAct_9fa48("2768") ? "" : (stryCov_9fa48("2768"), 'share'):
        if (stryMutAct_9fa48("2767")) {} else {
          stryCov_9fa48("2767");
          return parseShare(s, args);
        }
      case stryMutAct_9fa48("2770") ? "" : (stryCov_9fa48("2770"), 'unshare'):
        if (stryMutAct_9fa48("2769")) {} else {
          stryCov_9fa48("2769");
          return parseUnshare(s, args);
        }
      case stryMutAct_9fa48("2771") ? "" : (stryCov_9fa48("2771"), 'access'):
      case stryMutAct_9fa48("2772") ? "" : (stryCov_9fa48("2772"), 'audit'):
      case stryMutAct_9fa48("2774") ? "" : (stryCov_9fa48("2774"), 'archive'):
        if (stryMutAct_9fa48("2773")) {} else {
          stryCov_9fa48("2773");
          return parseMeterOnly(match.family, args);
        }
      case stryMutAct_9fa48("2776") ? "" : (stryCov_9fa48("2776"), 'addMeter'):
        if (stryMutAct_9fa48("2775")) {} else {
          stryCov_9fa48("2775");
          return parseAddMeter(args, match.kind);
        }
    }
  }
}

// ---------------------------------------------------------------------------
// One-word commands: the whole message, spaces and trailing ?!. ignored

type NullaryType = 'listMeters' | 'undo' | 'linkGoogle' | 'unlinkGoogle' | 'whoami' | 'help';
const NULLARY = new Map<string, NullaryType>(stryMutAct_9fa48("2777") ? [] : (stryCov_9fa48("2777"), [stryMutAct_9fa48("2778") ? [] : (stryCov_9fa48("2778"), [stryMutAct_9fa48("2779") ? "" : (stryCov_9fa48("2779"), 'meters'), stryMutAct_9fa48("2780") ? "" : (stryCov_9fa48("2780"), 'listMeters')]), stryMutAct_9fa48("2781") ? [] : (stryCov_9fa48("2781"), [stryMutAct_9fa48("2782") ? "" : (stryCov_9fa48("2782"), 'meter'), stryMutAct_9fa48("2783") ? "" : (stryCov_9fa48("2783"), 'listMeters')]), stryMutAct_9fa48("2784") ? [] : (stryCov_9fa48("2784"), [stryMutAct_9fa48("2785") ? "" : (stryCov_9fa48("2785"), 'list'), stryMutAct_9fa48("2786") ? "" : (stryCov_9fa48("2786"), 'listMeters')]), stryMutAct_9fa48("2787") ? [] : (stryCov_9fa48("2787"), [stryMutAct_9fa48("2788") ? "" : (stryCov_9fa48("2788"), 'listmeters'), stryMutAct_9fa48("2789") ? "" : (stryCov_9fa48("2789"), 'listMeters')]), stryMutAct_9fa48("2790") ? [] : (stryCov_9fa48("2790"), [stryMutAct_9fa48("2791") ? "" : (stryCov_9fa48("2791"), 'mymeters'), stryMutAct_9fa48("2792") ? "" : (stryCov_9fa48("2792"), 'listMeters')]), stryMutAct_9fa48("2793") ? [] : (stryCov_9fa48("2793"), [stryMutAct_9fa48("2794") ? "" : (stryCov_9fa48("2794"), 'มิเตอร์'), stryMutAct_9fa48("2795") ? "" : (stryCov_9fa48("2795"), 'listMeters')]), stryMutAct_9fa48("2796") ? [] : (stryCov_9fa48("2796"), [stryMutAct_9fa48("2797") ? "" : (stryCov_9fa48("2797"), 'รายการ'), stryMutAct_9fa48("2798") ? "" : (stryCov_9fa48("2798"), 'listMeters')]), stryMutAct_9fa48("2799") ? [] : (stryCov_9fa48("2799"), [stryMutAct_9fa48("2800") ? "" : (stryCov_9fa48("2800"), 'รายการมิเตอร์'), stryMutAct_9fa48("2801") ? "" : (stryCov_9fa48("2801"), 'listMeters')]), stryMutAct_9fa48("2802") ? [] : (stryCov_9fa48("2802"), [stryMutAct_9fa48("2803") ? "" : (stryCov_9fa48("2803"), 'undo'), stryMutAct_9fa48("2804") ? "" : (stryCov_9fa48("2804"), 'undo')]), stryMutAct_9fa48("2805") ? [] : (stryCov_9fa48("2805"), [stryMutAct_9fa48("2806") ? "" : (stryCov_9fa48("2806"), 'ย้อนกลับ'), stryMutAct_9fa48("2807") ? "" : (stryCov_9fa48("2807"), 'undo')]), stryMutAct_9fa48("2808") ? [] : (stryCov_9fa48("2808"), [stryMutAct_9fa48("2809") ? "" : (stryCov_9fa48("2809"), 'เลิกทำ'), stryMutAct_9fa48("2810") ? "" : (stryCov_9fa48("2810"), 'undo')]), stryMutAct_9fa48("2811") ? [] : (stryCov_9fa48("2811"), [stryMutAct_9fa48("2812") ? "" : (stryCov_9fa48("2812"), 'link'), stryMutAct_9fa48("2813") ? "" : (stryCov_9fa48("2813"), 'linkGoogle')]), stryMutAct_9fa48("2814") ? [] : (stryCov_9fa48("2814"), [stryMutAct_9fa48("2815") ? "" : (stryCov_9fa48("2815"), 'linkgoogle'), stryMutAct_9fa48("2816") ? "" : (stryCov_9fa48("2816"), 'linkGoogle')]), stryMutAct_9fa48("2817") ? [] : (stryCov_9fa48("2817"), [stryMutAct_9fa48("2818") ? "" : (stryCov_9fa48("2818"), 'เชื่อมgoogle'), stryMutAct_9fa48("2819") ? "" : (stryCov_9fa48("2819"), 'linkGoogle')]), stryMutAct_9fa48("2820") ? [] : (stryCov_9fa48("2820"), [stryMutAct_9fa48("2821") ? "" : (stryCov_9fa48("2821"), 'เชื่อมต่อgoogle'), stryMutAct_9fa48("2822") ? "" : (stryCov_9fa48("2822"), 'linkGoogle')]), stryMutAct_9fa48("2823") ? [] : (stryCov_9fa48("2823"), [stryMutAct_9fa48("2824") ? "" : (stryCov_9fa48("2824"), 'unlink'), stryMutAct_9fa48("2825") ? "" : (stryCov_9fa48("2825"), 'unlinkGoogle')]), stryMutAct_9fa48("2826") ? [] : (stryCov_9fa48("2826"), [stryMutAct_9fa48("2827") ? "" : (stryCov_9fa48("2827"), 'unlinkgoogle'), stryMutAct_9fa48("2828") ? "" : (stryCov_9fa48("2828"), 'unlinkGoogle')]), stryMutAct_9fa48("2829") ? [] : (stryCov_9fa48("2829"), [stryMutAct_9fa48("2830") ? "" : (stryCov_9fa48("2830"), 'ยกเลิกเชื่อมgoogle'), stryMutAct_9fa48("2831") ? "" : (stryCov_9fa48("2831"), 'unlinkGoogle')]), stryMutAct_9fa48("2832") ? [] : (stryCov_9fa48("2832"), [stryMutAct_9fa48("2833") ? "" : (stryCov_9fa48("2833"), 'ยกเลิกเชื่อมต่อgoogle'), stryMutAct_9fa48("2834") ? "" : (stryCov_9fa48("2834"), 'unlinkGoogle')]), stryMutAct_9fa48("2835") ? [] : (stryCov_9fa48("2835"), [stryMutAct_9fa48("2836") ? "" : (stryCov_9fa48("2836"), 'เลิกเชื่อมgoogle'), stryMutAct_9fa48("2837") ? "" : (stryCov_9fa48("2837"), 'unlinkGoogle')]), stryMutAct_9fa48("2838") ? [] : (stryCov_9fa48("2838"), [stryMutAct_9fa48("2839") ? "" : (stryCov_9fa48("2839"), 'whoami'), stryMutAct_9fa48("2840") ? "" : (stryCov_9fa48("2840"), 'whoami')]), stryMutAct_9fa48("2841") ? [] : (stryCov_9fa48("2841"), [stryMutAct_9fa48("2842") ? "" : (stryCov_9fa48("2842"), 'ฉันคือใคร'), stryMutAct_9fa48("2843") ? "" : (stryCov_9fa48("2843"), 'whoami')]), stryMutAct_9fa48("2844") ? [] : (stryCov_9fa48("2844"), [stryMutAct_9fa48("2845") ? "" : (stryCov_9fa48("2845"), 'help'), stryMutAct_9fa48("2846") ? "" : (stryCov_9fa48("2846"), 'help')]), stryMutAct_9fa48("2847") ? [] : (stryCov_9fa48("2847"), [stryMutAct_9fa48("2848") ? "" : (stryCov_9fa48("2848"), '?'), stryMutAct_9fa48("2849") ? "" : (stryCov_9fa48("2849"), 'help')]), stryMutAct_9fa48("2850") ? [] : (stryCov_9fa48("2850"), [stryMutAct_9fa48("2851") ? "" : (stryCov_9fa48("2851"), 'commands'), stryMutAct_9fa48("2852") ? "" : (stryCov_9fa48("2852"), 'help')]), stryMutAct_9fa48("2853") ? [] : (stryCov_9fa48("2853"), [stryMutAct_9fa48("2854") ? "" : (stryCov_9fa48("2854"), 'ช่วยเหลือ'), stryMutAct_9fa48("2855") ? "" : (stryCov_9fa48("2855"), 'help')]), stryMutAct_9fa48("2856") ? [] : (stryCov_9fa48("2856"), [stryMutAct_9fa48("2857") ? "" : (stryCov_9fa48("2857"), 'วิธีใช้'), stryMutAct_9fa48("2858") ? "" : (stryCov_9fa48("2858"), 'help')])]));
function nullaryKey(s: string): string {
  if (stryMutAct_9fa48("2859")) {
    {}
  } else {
    stryCov_9fa48("2859");
    const compact = stryMutAct_9fa48("2860") ? s.toUpperCase().replace(/ /g, '') : (stryCov_9fa48("2860"), s.toLowerCase().replace(/ /g, stryMutAct_9fa48("2861") ? "Stryker was here!" : (stryCov_9fa48("2861"), '')));
    const trimmed = compact.replace(stryMutAct_9fa48("2864") ? /[^?!.]+$/ : stryMutAct_9fa48("2863") ? /[?!.]$/ : stryMutAct_9fa48("2862") ? /[?!.]+/ : (stryCov_9fa48("2862", "2863", "2864"), /[?!.]+$/), stryMutAct_9fa48("2865") ? "Stryker was here!" : (stryCov_9fa48("2865"), ''));
    return (stryMutAct_9fa48("2868") ? trimmed !== '' : stryMutAct_9fa48("2867") ? false : stryMutAct_9fa48("2866") ? true : (stryCov_9fa48("2866", "2867", "2868"), trimmed === (stryMutAct_9fa48("2869") ? "Stryker was here!" : (stryCov_9fa48("2869"), '')))) ? stryMutAct_9fa48("2870") ? compact : (stryCov_9fa48("2870"), compact.slice(0, 1)) : trimmed;
  }
}

// ---------------------------------------------------------------------------
// Entry point

/**
 * What a chat message asks for, or null for ordinary chatter. Pure, total, never throws;
 * a message longer than LIMITS.messageLength is not read (malformed 'tooLong').
 */
export function parseMessage(text: string): Command | null {
  if (stryMutAct_9fa48("2871")) {
    {}
  } else {
    stryCov_9fa48("2871");
    if (stryMutAct_9fa48("2874") ? typeof text === 'string' : stryMutAct_9fa48("2873") ? false : stryMutAct_9fa48("2872") ? true : (stryCov_9fa48("2872", "2873", "2874"), typeof text !== (stryMutAct_9fa48("2875") ? "" : (stryCov_9fa48("2875"), 'string')))) return null;
    if (stryMutAct_9fa48("2879") ? text.length <= LIMITS.messageLength : stryMutAct_9fa48("2878") ? text.length >= LIMITS.messageLength : stryMutAct_9fa48("2877") ? false : stryMutAct_9fa48("2876") ? true : (stryCov_9fa48("2876", "2877", "2878", "2879"), text.length > LIMITS.messageLength)) {
      if (stryMutAct_9fa48("2880")) {
        {}
      } else {
        stryCov_9fa48("2880");
        return stryMutAct_9fa48("2881") ? {} : (stryCov_9fa48("2881"), {
          type: stryMutAct_9fa48("2882") ? "" : (stryCov_9fa48("2882"), 'malformed'),
          topic: stryMutAct_9fa48("2883") ? "" : (stryCov_9fa48("2883"), 'tooLong'),
          problem: stryMutAct_9fa48("2884") ? "" : (stryCov_9fa48("2884"), 'tooLong')
        });
      }
    }
    const s = normalizeText(text);
    if (stryMutAct_9fa48("2887") ? s !== '' : stryMutAct_9fa48("2886") ? false : stryMutAct_9fa48("2885") ? true : (stryCov_9fa48("2885", "2886", "2887"), s === (stryMutAct_9fa48("2888") ? "Stryker was here!" : (stryCov_9fa48("2888"), '')))) return null;
    const nullary = NULLARY.get(nullaryKey(s));
    if (stryMutAct_9fa48("2890") ? false : stryMutAct_9fa48("2889") ? true : (stryCov_9fa48("2889", "2890"), nullary)) return stryMutAct_9fa48("2891") ? {} : (stryCov_9fa48("2891"), {
      type: nullary
    });
    const toks = tokenize(s);
    const family = matchFamily(s, toks);
    if (stryMutAct_9fa48("2893") ? false : stryMutAct_9fa48("2892") ? true : (stryCov_9fa48("2892", "2893"), family)) return parseFamily(family, s);
    return parseReading(s, toks);
  }
}

// ---------------------------------------------------------------------------
// Formatting: canonical English text that parses back to the same command

/** Words a bare name must not be, or it would read as grammar. */
const RESERVED_WORDS = new Set<string>(stryMutAct_9fa48("2894") ? [] : (stryCov_9fa48("2894"), [...EN_FAMILIES.keys(), stryMutAct_9fa48("2895") ? "" : (stryCov_9fa48("2895"), 'add'), ...ADD_KINDS.keys(), ...(stryMutAct_9fa48("2896") ? [...NULLARY.keys()] : (stryCov_9fa48("2896"), (stryMutAct_9fa48("2897") ? [] : (stryCov_9fa48("2897"), [...NULLARY.keys()])).filter(stryMutAct_9fa48("2898") ? () => undefined : (stryCov_9fa48("2898"), k => (stryMutAct_9fa48("2902") ? /^[^a-z]+$/ : stryMutAct_9fa48("2901") ? /^[a-z]$/ : stryMutAct_9fa48("2900") ? /^[a-z]+/ : stryMutAct_9fa48("2899") ? /[a-z]+$/ : (stryCov_9fa48("2899", "2900", "2901", "2902"), /^[a-z]+$/)).test(k))))), stryMutAct_9fa48("2903") ? "" : (stryCov_9fa48("2903"), 'google'), ...METER_WORDS, ...LAST_WORDS, ...SETTING_WORDS.keys(), ...NONE_WORDS, ...REPLACE_WORDS.keys(), ...READINGS_WORDS, ...MONTHLY_WORDS, ...MONTH_UNITS.keys(), ...ROLE_WORDS.keys(), ...MEMBER_CONNECTORS, ...DAY_WORDS.keys(), ...DAYS_WORDS, ...THAI_AGO_WORDS, ...THAI_AGO_TAIL, ...TIME_SUFFIXES, ...AT_WORDS, ...UNITS.keys(), stryMutAct_9fa48("2904") ? "" : (stryCov_9fa48("2904"), 'ago'), stryMutAct_9fa48("2905") ? "" : (stryCov_9fa48("2905"), 'per'), stryMutAct_9fa48("2906") ? "" : (stryCov_9fa48("2906"), 'day'), stryMutAct_9fa48("2907") ? "" : (stryCov_9fa48("2907"), 'วัน'), stryMutAct_9fa48("2908") ? "" : (stryCov_9fa48("2908"), 'ที่')]));

/** A single word that reads back as itself; anything else is written in quotes. */
function isPlainName(name: string): boolean {
  if (stryMutAct_9fa48("2909")) {
    {}
  } else {
    stryCov_9fa48("2909");
    return stryMutAct_9fa48("2912") ? /^\p{L}[\p{L}\p{M}\p{N}]*$/u.test(name) && meterNameProblem(name) === null && !RESERVED_WORDS.has(name.toLowerCase()) || matchThaiKeyword(name) === null : stryMutAct_9fa48("2911") ? false : stryMutAct_9fa48("2910") ? true : (stryCov_9fa48("2910", "2911", "2912"), (stryMutAct_9fa48("2914") ? /^\p{L}[\p{L}\p{M}\p{N}]*$/u.test(name) && meterNameProblem(name) === null || !RESERVED_WORDS.has(name.toLowerCase()) : stryMutAct_9fa48("2913") ? true : (stryCov_9fa48("2913", "2914"), (stryMutAct_9fa48("2916") ? /^\p{L}[\p{L}\p{M}\p{N}]*$/u.test(name) || meterNameProblem(name) === null : stryMutAct_9fa48("2915") ? true : (stryCov_9fa48("2915", "2916"), (stryMutAct_9fa48("2924") ? /^\p{L}[\p{L}\p{M}\P{N}]*$/u : stryMutAct_9fa48("2923") ? /^\p{L}[\p{L}\P{M}\p{N}]*$/u : stryMutAct_9fa48("2922") ? /^\p{L}[\P{L}\p{M}\p{N}]*$/u : stryMutAct_9fa48("2921") ? /^\p{L}[^\p{L}\p{M}\p{N}]*$/u : stryMutAct_9fa48("2920") ? /^\p{L}[\p{L}\p{M}\p{N}]$/u : stryMutAct_9fa48("2919") ? /^\P{L}[\p{L}\p{M}\p{N}]*$/u : stryMutAct_9fa48("2918") ? /^\p{L}[\p{L}\p{M}\p{N}]*/u : stryMutAct_9fa48("2917") ? /\p{L}[\p{L}\p{M}\p{N}]*$/u : (stryCov_9fa48("2917", "2918", "2919", "2920", "2921", "2922", "2923", "2924"), /^\p{L}[\p{L}\p{M}\p{N}]*$/u)).test(name) && (stryMutAct_9fa48("2926") ? meterNameProblem(name) !== null : stryMutAct_9fa48("2925") ? true : (stryCov_9fa48("2925", "2926"), meterNameProblem(name) === null)))) && (stryMutAct_9fa48("2927") ? RESERVED_WORDS.has(name.toLowerCase()) : (stryCov_9fa48("2927"), !RESERVED_WORDS.has(stryMutAct_9fa48("2928") ? name.toUpperCase() : (stryCov_9fa48("2928"), name.toLowerCase())))))) && (stryMutAct_9fa48("2930") ? matchThaiKeyword(name) !== null : stryMutAct_9fa48("2929") ? true : (stryCov_9fa48("2929", "2930"), matchThaiKeyword(name) === null)));
  }
}
function formatName(name: string): string {
  if (stryMutAct_9fa48("2931")) {
    {}
  } else {
    stryCov_9fa48("2931");
    return isPlainName(name) ? name : stryMutAct_9fa48("2932") ? `` : (stryCov_9fa48("2932"), `"${name}"`);
  }
}
function formatRef(ref: MeterRef): string {
  if (stryMutAct_9fa48("2933")) {
    {}
  } else {
    stryCov_9fa48("2933");
    return (stryMutAct_9fa48("2936") ? ref.by !== 'number' : stryMutAct_9fa48("2935") ? false : stryMutAct_9fa48("2934") ? true : (stryCov_9fa48("2934", "2935", "2936"), ref.by === (stryMutAct_9fa48("2937") ? "" : (stryCov_9fa48("2937"), 'number')))) ? stryMutAct_9fa48("2938") ? `` : (stryCov_9fa48("2938"), `meter ${ref.number}`) : formatName(ref.name);
  }
}
function formatTime(at: TimeSpec): string {
  if (stryMutAct_9fa48("2939")) {
    {}
  } else {
    stryCov_9fa48("2939");
    const time = at.time ? stryMutAct_9fa48("2940") ? `` : (stryCov_9fa48("2940"), ` ${at.time}`) : stryMutAct_9fa48("2941") ? "Stryker was here!" : (stryCov_9fa48("2941"), '');
    if (stryMutAct_9fa48("2944") ? at.kind !== 'date' : stryMutAct_9fa48("2943") ? false : stryMutAct_9fa48("2942") ? true : (stryCov_9fa48("2942", "2943", "2944"), at.kind === (stryMutAct_9fa48("2945") ? "" : (stryCov_9fa48("2945"), 'date')))) return stryMutAct_9fa48("2946") ? `` : (stryCov_9fa48("2946"), `${at.date}${time}`);
    if (stryMutAct_9fa48("2949") ? at.days !== 0 : stryMutAct_9fa48("2948") ? false : stryMutAct_9fa48("2947") ? true : (stryCov_9fa48("2947", "2948", "2949"), at.days === 0)) return stryMutAct_9fa48("2950") ? at.time && 'today' : (stryCov_9fa48("2950"), at.time ?? (stryMutAct_9fa48("2951") ? "" : (stryCov_9fa48("2951"), 'today')));
    if (stryMutAct_9fa48("2954") ? at.days !== 1 : stryMutAct_9fa48("2953") ? false : stryMutAct_9fa48("2952") ? true : (stryCov_9fa48("2952", "2953", "2954"), at.days === 1)) return stryMutAct_9fa48("2955") ? `` : (stryCov_9fa48("2955"), `yesterday${time}`);
    return stryMutAct_9fa48("2956") ? `` : (stryCov_9fa48("2956"), `${at.days} days ago${time}`);
  }
}
function formatTarget(target: ReadingRef): string {
  if (stryMutAct_9fa48("2957")) {
    {}
  } else {
    stryCov_9fa48("2957");
    const meter = target.meter ? stryMutAct_9fa48("2958") ? `` : (stryCov_9fa48("2958"), `${formatRef(target.meter)} `) : stryMutAct_9fa48("2959") ? "Stryker was here!" : (stryCov_9fa48("2959"), '');
    return stryMutAct_9fa48("2960") ? `` : (stryCov_9fa48("2960"), `${meter}${(stryMutAct_9fa48("2963") ? target.which !== 'last' : stryMutAct_9fa48("2962") ? false : stryMutAct_9fa48("2961") ? true : (stryCov_9fa48("2961", "2962", "2963"), target.which === (stryMutAct_9fa48("2964") ? "" : (stryCov_9fa48("2964"), 'last')))) ? stryMutAct_9fa48("2965") ? "" : (stryCov_9fa48("2965"), 'last') : stryMutAct_9fa48("2966") ? `` : (stryCov_9fa48("2966"), `#${target.number}`)}`);
  }
}
const KIND_WORDS: Record<SourceKind, string> = stryMutAct_9fa48("2967") ? {} : (stryCov_9fa48("2967"), {
  cumulative: stryMutAct_9fa48("2968") ? "" : (stryCov_9fa48("2968"), 'counter'),
  gauge: stryMutAct_9fa48("2969") ? "" : (stryCov_9fa48("2969"), 'gauge'),
  delta: stryMutAct_9fa48("2970") ? "" : (stryCov_9fa48("2970"), 'amount')
});

/**
 * Canonical English text for a command; `parseMessage(formatCommand(c))` equals `c`.
 * (A `loose` reading that has a time or a note is written with `=` and loses `loose`.)
 */
export function formatCommand(cmd: WellFormedCommand): string {
  if (stryMutAct_9fa48("2971")) {
    {}
  } else {
    stryCov_9fa48("2971");
    const opt = stryMutAct_9fa48("2972") ? () => undefined : (stryCov_9fa48("2972"), (() => {
      const opt = (part: string | undefined | false): string => part ? stryMutAct_9fa48("2973") ? `` : (stryCov_9fa48("2973"), ` ${part}`) : stryMutAct_9fa48("2974") ? "Stryker was here!" : (stryCov_9fa48("2974"), '');
      return opt;
    })());
    switch (cmd.type) {
      case stryMutAct_9fa48("2976") ? "" : (stryCov_9fa48("2976"), 'reading'):
        if (stryMutAct_9fa48("2975")) {} else {
          stryCov_9fa48("2975");
          {
            if (stryMutAct_9fa48("2977")) {
              {}
            } else {
              stryCov_9fa48("2977");
              const {
                meter
              } = cmd;
              if (stryMutAct_9fa48("2980") ? cmd.loose && meter?.by === 'name' && !cmd.at && !cmd.note || isLooseWord(meter.name) : stryMutAct_9fa48("2979") ? false : stryMutAct_9fa48("2978") ? true : (stryCov_9fa48("2978", "2979", "2980"), (stryMutAct_9fa48("2982") ? cmd.loose && meter?.by === 'name' && !cmd.at || !cmd.note : stryMutAct_9fa48("2981") ? true : (stryCov_9fa48("2981", "2982"), (stryMutAct_9fa48("2984") ? cmd.loose && meter?.by === 'name' || !cmd.at : stryMutAct_9fa48("2983") ? true : (stryCov_9fa48("2983", "2984"), (stryMutAct_9fa48("2986") ? cmd.loose || meter?.by === 'name' : stryMutAct_9fa48("2985") ? true : (stryCov_9fa48("2985", "2986"), cmd.loose && (stryMutAct_9fa48("2988") ? meter?.by !== 'name' : stryMutAct_9fa48("2987") ? true : (stryCov_9fa48("2987", "2988"), (stryMutAct_9fa48("2989") ? meter.by : (stryCov_9fa48("2989"), meter?.by)) === (stryMutAct_9fa48("2990") ? "" : (stryCov_9fa48("2990"), 'name')))))) && (stryMutAct_9fa48("2991") ? cmd.at : (stryCov_9fa48("2991"), !cmd.at)))) && (stryMutAct_9fa48("2992") ? cmd.note : (stryCov_9fa48("2992"), !cmd.note)))) && isLooseWord(meter.name))) {
                if (stryMutAct_9fa48("2993")) {
                  {}
                } else {
                  stryCov_9fa48("2993");
                  return stryMutAct_9fa48("2994") ? `` : (stryCov_9fa48("2994"), `${meter.name} ${cmd.value}`);
                }
              }
              const head = meter ? stryMutAct_9fa48("2995") ? `` : (stryCov_9fa48("2995"), `${formatRef(meter)} = ${cmd.value}`) : cmd.value;
              return stryMutAct_9fa48("2996") ? `` : (stryCov_9fa48("2996"), `${head}${opt(stryMutAct_9fa48("2999") ? cmd.at || `@ ${formatTime(cmd.at)}` : stryMutAct_9fa48("2998") ? false : stryMutAct_9fa48("2997") ? true : (stryCov_9fa48("2997", "2998", "2999"), cmd.at && (stryMutAct_9fa48("3000") ? `` : (stryCov_9fa48("3000"), `@ ${formatTime(cmd.at)}`))))}${opt(stryMutAct_9fa48("3003") ? cmd.note || `# ${cmd.note}` : stryMutAct_9fa48("3002") ? false : stryMutAct_9fa48("3001") ? true : (stryCov_9fa48("3001", "3002", "3003"), cmd.note && (stryMutAct_9fa48("3004") ? `` : (stryCov_9fa48("3004"), `# ${cmd.note}`))))}`);
            }
          }
        }
      case stryMutAct_9fa48("3006") ? "" : (stryCov_9fa48("3006"), 'addMeter'):
        if (stryMutAct_9fa48("3005")) {} else {
          stryCov_9fa48("3005");
          {
            if (stryMutAct_9fa48("3007")) {
              {}
            } else {
              stryCov_9fa48("3007");
              const kind = cmd.kind ? KIND_WORDS[cmd.kind] : stryMutAct_9fa48("3008") ? "" : (stryCov_9fa48("3008"), 'meter');
              // Unquoted, the last word is taken as the unit only when it is a known one.
              const knownUnit = stryMutAct_9fa48("3011") ? cmd.unit === undefined && UNITS.get(cmd.unit.toLowerCase()) === cmd.unit : stryMutAct_9fa48("3010") ? false : stryMutAct_9fa48("3009") ? true : (stryCov_9fa48("3009", "3010", "3011"), (stryMutAct_9fa48("3013") ? cmd.unit !== undefined : stryMutAct_9fa48("3012") ? false : (stryCov_9fa48("3012", "3013"), cmd.unit === undefined)) || (stryMutAct_9fa48("3015") ? UNITS.get(cmd.unit.toLowerCase()) !== cmd.unit : stryMutAct_9fa48("3014") ? false : (stryCov_9fa48("3014", "3015"), UNITS.get(stryMutAct_9fa48("3016") ? cmd.unit.toUpperCase() : (stryCov_9fa48("3016"), cmd.unit.toLowerCase())) === cmd.unit)));
              const plain = stryMutAct_9fa48("3019") ? isPlainName(cmd.name) || knownUnit : stryMutAct_9fa48("3018") ? false : stryMutAct_9fa48("3017") ? true : (stryCov_9fa48("3017", "3018", "3019"), isPlainName(cmd.name) && knownUnit);
              return stryMutAct_9fa48("3020") ? `` : (stryCov_9fa48("3020"), `add ${kind} ${plain ? cmd.name : stryMutAct_9fa48("3021") ? `` : (stryCov_9fa48("3021"), `"${cmd.name}"`)}${opt(cmd.unit)}`);
            }
          }
        }
      case stryMutAct_9fa48("3023") ? "" : (stryCov_9fa48("3023"), 'listMeters'):
        if (stryMutAct_9fa48("3022")) {} else {
          stryCov_9fa48("3022");
          return stryMutAct_9fa48("3024") ? "" : (stryCov_9fa48("3024"), 'meters');
        }
      case stryMutAct_9fa48("3026") ? "" : (stryCov_9fa48("3026"), 'history'):
        if (stryMutAct_9fa48("3025")) {} else {
          stryCov_9fa48("3025");
          return stryMutAct_9fa48("3027") ? `` : (stryCov_9fa48("3027"), `history${opt(stryMutAct_9fa48("3030") ? cmd.meter || formatRef(cmd.meter) : stryMutAct_9fa48("3029") ? false : stryMutAct_9fa48("3028") ? true : (stryCov_9fa48("3028", "3029", "3030"), cmd.meter && formatRef(cmd.meter)))}`);
        }
      case stryMutAct_9fa48("3032") ? "" : (stryCov_9fa48("3032"), 'undo'):
        if (stryMutAct_9fa48("3031")) {} else {
          stryCov_9fa48("3031");
          return stryMutAct_9fa48("3033") ? "" : (stryCov_9fa48("3033"), 'undo');
        }
      case stryMutAct_9fa48("3035") ? "" : (stryCov_9fa48("3035"), 'fix'):
        if (stryMutAct_9fa48("3034")) {} else {
          stryCov_9fa48("3034");
          return stryMutAct_9fa48("3036") ? `` : (stryCov_9fa48("3036"), `fix ${formatTarget(cmd.target)} = ${cmd.value}`);
        }
      case stryMutAct_9fa48("3038") ? "" : (stryCov_9fa48("3038"), 'delete'):
        if (stryMutAct_9fa48("3037")) {} else {
          stryCov_9fa48("3037");
          return stryMutAct_9fa48("3039") ? `` : (stryCov_9fa48("3039"), `delete ${formatTarget(cmd.target)}`);
        }
      case stryMutAct_9fa48("3041") ? "" : (stryCov_9fa48("3041"), 'setMeter'):
        if (stryMutAct_9fa48("3040")) {} else {
          stryCov_9fa48("3040");
          {
            if (stryMutAct_9fa48("3042")) {
              {}
            } else {
              stryCov_9fa48("3042");
              const setting = stryMutAct_9fa48("3043") ? () => undefined : (stryCov_9fa48("3043"), (() => {
                const setting = (word: string, v: string | number | null | undefined) => (stryMutAct_9fa48("3046") ? v !== undefined : stryMutAct_9fa48("3045") ? false : stryMutAct_9fa48("3044") ? true : (stryCov_9fa48("3044", "3045", "3046"), v === undefined)) ? stryMutAct_9fa48("3047") ? "Stryker was here!" : (stryCov_9fa48("3047"), '') : stryMutAct_9fa48("3048") ? `` : (stryCov_9fa48("3048"), ` ${word} ${stryMutAct_9fa48("3049") ? v && 'none' : (stryCov_9fa48("3049"), v ?? (stryMutAct_9fa48("3050") ? "" : (stryCov_9fa48("3050"), 'none')))}`);
                return setting;
              })());
              return stryMutAct_9fa48("3051") ? `` : (stryCov_9fa48("3051"), `set ${formatRef(cmd.meter)}${setting(stryMutAct_9fa48("3052") ? "" : (stryCov_9fa48("3052"), 'min'), cmd.min)}${setting(stryMutAct_9fa48("3053") ? "" : (stryCov_9fa48("3053"), 'max'), cmd.max)}${setting(stryMutAct_9fa48("3054") ? "" : (stryCov_9fa48("3054"), 'digits'), cmd.digits)}${setting(stryMutAct_9fa48("3055") ? "" : (stryCov_9fa48("3055"), 'rate'), cmd.maxRate)}`);
            }
          }
        }
      case stryMutAct_9fa48("3057") ? "" : (stryCov_9fa48("3057"), 'replaceMeter'):
        if (stryMutAct_9fa48("3056")) {} else {
          stryCov_9fa48("3056");
          return stryMutAct_9fa48("3058") ? `` : (stryCov_9fa48("3058"), `new ${formatRef(cmd.meter)} final ${cmd.final} initial ${cmd.initial}${opt(stryMutAct_9fa48("3061") ? cmd.at || `@ ${formatTime(cmd.at)}` : stryMutAct_9fa48("3060") ? false : stryMutAct_9fa48("3059") ? true : (stryCov_9fa48("3059", "3060", "3061"), cmd.at && (stryMutAct_9fa48("3062") ? `` : (stryCov_9fa48("3062"), `@ ${formatTime(cmd.at)}`))))}`);
        }
      case stryMutAct_9fa48("3064") ? "" : (stryCov_9fa48("3064"), 'usage'):
        if (stryMutAct_9fa48("3063")) {} else {
          stryCov_9fa48("3063");
          return stryMutAct_9fa48("3065") ? `` : (stryCov_9fa48("3065"), `usage${opt(stryMutAct_9fa48("3068") ? cmd.meter || formatRef(cmd.meter) : stryMutAct_9fa48("3067") ? false : stryMutAct_9fa48("3066") ? true : (stryCov_9fa48("3066", "3067", "3068"), cmd.meter && formatRef(cmd.meter)))}${opt(cmd.month)}`);
        }
      case stryMutAct_9fa48("3070") ? "" : (stryCov_9fa48("3070"), 'chart'):
        if (stryMutAct_9fa48("3069")) {} else {
          stryCov_9fa48("3069");
          return stryMutAct_9fa48("3071") ? `` : (stryCov_9fa48("3071"), `chart${opt(stryMutAct_9fa48("3074") ? cmd.meter || formatRef(cmd.meter) : stryMutAct_9fa48("3073") ? false : stryMutAct_9fa48("3072") ? true : (stryCov_9fa48("3072", "3073", "3074"), cmd.meter && formatRef(cmd.meter)))}${opt(stryMutAct_9fa48("3077") ? cmd.mode === 'readings' || 'readings' : stryMutAct_9fa48("3076") ? false : stryMutAct_9fa48("3075") ? true : (stryCov_9fa48("3075", "3076", "3077"), (stryMutAct_9fa48("3079") ? cmd.mode !== 'readings' : stryMutAct_9fa48("3078") ? true : (stryCov_9fa48("3078", "3079"), cmd.mode === (stryMutAct_9fa48("3080") ? "" : (stryCov_9fa48("3080"), 'readings')))) && (stryMutAct_9fa48("3081") ? "" : (stryCov_9fa48("3081"), 'readings'))))}${opt(stryMutAct_9fa48("3084") ? cmd.months !== undefined || `${cmd.months} months` : stryMutAct_9fa48("3083") ? false : stryMutAct_9fa48("3082") ? true : (stryCov_9fa48("3082", "3083", "3084"), (stryMutAct_9fa48("3086") ? cmd.months === undefined : stryMutAct_9fa48("3085") ? true : (stryCov_9fa48("3085", "3086"), cmd.months !== undefined)) && (stryMutAct_9fa48("3087") ? `` : (stryCov_9fa48("3087"), `${cmd.months} months`))))}`);
        }
      case stryMutAct_9fa48("3089") ? "" : (stryCov_9fa48("3089"), 'share'):
        if (stryMutAct_9fa48("3088")) {} else {
          stryCov_9fa48("3088");
          return stryMutAct_9fa48("3090") ? `` : (stryCov_9fa48("3090"), `share ${formatRef(cmd.meter)}${opt(cmd.member)}${opt(cmd.role)}`);
        }
      case stryMutAct_9fa48("3092") ? "" : (stryCov_9fa48("3092"), 'unshare'):
        if (stryMutAct_9fa48("3091")) {} else {
          stryCov_9fa48("3091");
          return stryMutAct_9fa48("3093") ? `` : (stryCov_9fa48("3093"), `unshare ${formatRef(cmd.meter)}${opt(cmd.member)}`);
        }
      case stryMutAct_9fa48("3094") ? "" : (stryCov_9fa48("3094"), 'access'):
      case stryMutAct_9fa48("3095") ? "" : (stryCov_9fa48("3095"), 'audit'):
      case stryMutAct_9fa48("3097") ? "" : (stryCov_9fa48("3097"), 'archive'):
        if (stryMutAct_9fa48("3096")) {} else {
          stryCov_9fa48("3096");
          return stryMutAct_9fa48("3098") ? `` : (stryCov_9fa48("3098"), `${cmd.type} ${formatRef(cmd.meter)}`);
        }
      case stryMutAct_9fa48("3100") ? "" : (stryCov_9fa48("3100"), 'linkGoogle'):
        if (stryMutAct_9fa48("3099")) {} else {
          stryCov_9fa48("3099");
          return stryMutAct_9fa48("3101") ? "" : (stryCov_9fa48("3101"), 'link google');
        }
      case stryMutAct_9fa48("3103") ? "" : (stryCov_9fa48("3103"), 'unlinkGoogle'):
        if (stryMutAct_9fa48("3102")) {} else {
          stryCov_9fa48("3102");
          return stryMutAct_9fa48("3104") ? "" : (stryCov_9fa48("3104"), 'unlink google');
        }
      case stryMutAct_9fa48("3106") ? "" : (stryCov_9fa48("3106"), 'whoami'):
        if (stryMutAct_9fa48("3105")) {} else {
          stryCov_9fa48("3105");
          return stryMutAct_9fa48("3107") ? "" : (stryCov_9fa48("3107"), 'whoami');
        }
      case stryMutAct_9fa48("3109") ? "" : (stryCov_9fa48("3109"), 'help'):
        if (stryMutAct_9fa48("3108")) {} else {
          stryCov_9fa48("3108");
          return stryMutAct_9fa48("3110") ? "" : (stryCov_9fa48("3110"), 'help');
        }
    }
  }
}