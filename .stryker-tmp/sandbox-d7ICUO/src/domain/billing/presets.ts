/**
 * Published residential tariffs, chosen with `set meter 1 tariff <id>`. Each preset is a list of
 * dated editions; a period uses the edition in force on its last day (see tariff.ts), the first
 * edition covering everything before it. Prices exclude VAT, as the utilities publish them; Ft is
 * not part of any preset (the regulator resets it every four months: set it per meter).
 *
 * Where a figure could not be confirmed from the published table, the comment next to it says so.
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
import type { Block } from './tariff';
export const BILLING_PRESET_IDS = ['mea-1.1.1', 'mea-1.1.2', 'pea-1.1.1', 'pea-1.1.2', 'mwa-residential', 'pwa-residential'] as const;
export type BillingPresetId = (typeof BILLING_PRESET_IDS)[number];
export interface PresetEdition {
  /**
   * First local day ('YYYY-MM-DD') of the billing month the edition applies from; null when the
   * published effective date could not be confirmed (allowed only for the first edition, which
   * covers the whole history anyway).
   */
  from: string | null;
  blocks: readonly Block[];
  serviceCharge: string;
  minimumCharge: string;
  vatPercent: string;
}
export interface BillingPreset {
  id: BillingPresetId;
  utility: 'MEA' | 'PEA' | 'MWA' | 'PWA';
  commodity: 'electricity' | 'water';
  unit: 'kWh' | 'm³';
  /** Oldest first. */
  editions: readonly PresetEdition[];
}

/** Thai VAT on electricity and water bills. */
const VAT_PERCENT = stryMutAct_9fa48("429") ? "" : (stryCov_9fa48("429"), '7');

// MEA / PEA residential 1.1.1 (≤ 150 kWh a month, meter ≤ 5 A), baht per kWh excluding VAT.
// Source: mea.or.th "ประเภทที่ 1 บ้านอยู่อาศัย", table "1.1 อัตราปกติ ปริมาณการใช้พลังงานไฟฟ้าไม่เกิน
// 150 หน่วยต่อเดือน" (1–15 2.3488, 16–25 2.9882, 26–35 3.2405, 36–100 3.6237, 101–150 3.7171,
// 151–400 4.2218, over 400 4.4217; service 8.19 baht a month). Effective from the November 2015
// billing month (the 2015 tariff structure); that date is not printed on the page excerpt we read.
// The service charge of 8.19 is confirmed by the ERC consumer page (recc.erc.or.th, "ใบแจ้งค่าไฟ
// รูปแบบใหม่ และอะไรอยู่ในค่าบริการ") and was left unchanged by the 2023 reduction below.
const RESIDENTIAL_1_1_1_BLOCKS: readonly Block[] = stryMutAct_9fa48("430") ? [] : (stryCov_9fa48("430"), [stryMutAct_9fa48("431") ? {} : (stryCov_9fa48("431"), {
  upTo: stryMutAct_9fa48("432") ? "" : (stryCov_9fa48("432"), '15'),
  price: stryMutAct_9fa48("433") ? "" : (stryCov_9fa48("433"), '2.3488')
}), stryMutAct_9fa48("434") ? {} : (stryCov_9fa48("434"), {
  upTo: stryMutAct_9fa48("435") ? "" : (stryCov_9fa48("435"), '25'),
  price: stryMutAct_9fa48("436") ? "" : (stryCov_9fa48("436"), '2.9882')
}), stryMutAct_9fa48("437") ? {} : (stryCov_9fa48("437"), {
  upTo: stryMutAct_9fa48("438") ? "" : (stryCov_9fa48("438"), '35'),
  price: stryMutAct_9fa48("439") ? "" : (stryCov_9fa48("439"), '3.2405')
}), stryMutAct_9fa48("440") ? {} : (stryCov_9fa48("440"), {
  upTo: stryMutAct_9fa48("441") ? "" : (stryCov_9fa48("441"), '100'),
  price: stryMutAct_9fa48("442") ? "" : (stryCov_9fa48("442"), '3.6237')
}), stryMutAct_9fa48("443") ? {} : (stryCov_9fa48("443"), {
  upTo: stryMutAct_9fa48("444") ? "" : (stryCov_9fa48("444"), '150'),
  price: stryMutAct_9fa48("445") ? "" : (stryCov_9fa48("445"), '3.7171')
}), stryMutAct_9fa48("446") ? {} : (stryCov_9fa48("446"), {
  upTo: stryMutAct_9fa48("447") ? "" : (stryCov_9fa48("447"), '400'),
  price: stryMutAct_9fa48("448") ? "" : (stryCov_9fa48("448"), '4.2218')
}), stryMutAct_9fa48("449") ? {} : (stryCov_9fa48("449"), {
  upTo: null,
  price: stryMutAct_9fa48("450") ? "" : (stryCov_9fa48("450"), '4.4217')
})]);
const RESIDENTIAL_1_1_1: readonly PresetEdition[] = stryMutAct_9fa48("451") ? [] : (stryCov_9fa48("451"), [stryMutAct_9fa48("452") ? {} : (stryCov_9fa48("452"), {
  from: stryMutAct_9fa48("453") ? "" : (stryCov_9fa48("453"), '2015-11-01'),
  blocks: RESIDENTIAL_1_1_1_BLOCKS,
  serviceCharge: stryMutAct_9fa48("454") ? "" : (stryCov_9fa48("454"), '8.19'),
  minimumCharge: stryMutAct_9fa48("455") ? "" : (stryCov_9fa48("455"), '0'),
  vatPercent: VAT_PERCENT
})]);

// MEA / PEA residential 1.1.2 (over 150 kWh a month), baht per kWh excluding VAT:
// 1–150 3.2484, 151–400 4.2218, over 400 4.4217 (mea.or.th residential schedule, 2015 structure,
// from the November 2015 billing month); service 38.22 baht a month (ERC consumer page above).
// From the January 2023 billing month the service charge is 24.62 baht a month: ERC resolution
// 51/2565, announced by PEA and MEA ("PEA และ MEA ปรับลดอัตราค่าบริการรายเดือน สำหรับโครงสร้าง
// อัตราค่าไฟฟ้าปี 2566 ตามมติ กกพ.", pea.co.th / peachannel.com, 18 Jan 2023: "จากเดิม 38.22 ปรับลด
// ลงเป็น 24.62 บาทต่อเดือน", covering MEA below 12 kV and PEA below 22 kV; "มีผลในรอบบิลเดือน
// ม.ค. 2566 เป็นต้นไป" per the ERC notice of 6 Jan 2023 as reported by sentangsedtee.com).
const RESIDENTIAL_1_1_2_BLOCKS: readonly Block[] = stryMutAct_9fa48("456") ? [] : (stryCov_9fa48("456"), [stryMutAct_9fa48("457") ? {} : (stryCov_9fa48("457"), {
  upTo: stryMutAct_9fa48("458") ? "" : (stryCov_9fa48("458"), '150'),
  price: stryMutAct_9fa48("459") ? "" : (stryCov_9fa48("459"), '3.2484')
}), stryMutAct_9fa48("460") ? {} : (stryCov_9fa48("460"), {
  upTo: stryMutAct_9fa48("461") ? "" : (stryCov_9fa48("461"), '400'),
  price: stryMutAct_9fa48("462") ? "" : (stryCov_9fa48("462"), '4.2218')
}), stryMutAct_9fa48("463") ? {} : (stryCov_9fa48("463"), {
  upTo: null,
  price: stryMutAct_9fa48("464") ? "" : (stryCov_9fa48("464"), '4.4217')
})]);
const RESIDENTIAL_1_1_2: readonly PresetEdition[] = stryMutAct_9fa48("465") ? [] : (stryCov_9fa48("465"), [stryMutAct_9fa48("466") ? {} : (stryCov_9fa48("466"), {
  from: stryMutAct_9fa48("467") ? "" : (stryCov_9fa48("467"), '2015-11-01'),
  blocks: RESIDENTIAL_1_1_2_BLOCKS,
  serviceCharge: stryMutAct_9fa48("468") ? "" : (stryCov_9fa48("468"), '38.22'),
  minimumCharge: stryMutAct_9fa48("469") ? "" : (stryCov_9fa48("469"), '0'),
  vatPercent: VAT_PERCENT
}), stryMutAct_9fa48("470") ? {} : (stryCov_9fa48("470"), {
  from: stryMutAct_9fa48("471") ? "" : (stryCov_9fa48("471"), '2023-01-01'),
  blocks: RESIDENTIAL_1_1_2_BLOCKS,
  serviceCharge: stryMutAct_9fa48("472") ? "" : (stryCov_9fa48("472"), '24.62'),
  minimumCharge: stryMutAct_9fa48("473") ? "" : (stryCov_9fa48("473"), '0'),
  vatPercent: VAT_PERCENT
})]);

// MWA (การประปานครหลวง) type 1, residence. Source: mwa.co.th "อัตราค่าน้ำและบริการ", table
// "อัตราค่าน้ำประปา (WATER TARIFFS) ตั้งแต่ ธันวาคม 2542 / Effective December 1999", column
// "ประเภทที่ 1 ที่พักอาศัย (Residence)", baht per m³, "ไม่รวมภาษีมูลค่าเพิ่ม (Vat not included)":
// 0–30 8.50, 31–40 10.03, 41–50 10.35, 51–60 10.68, 61–70 11.00, 71–80 11.33, 81–90 12.50,
// 91–100 12.82, 101–120 13.15, 121–160 13.47, 161–200 13.80, over 200 14.45.
// No minimum charge for residences (only type 2 has "แต่ไม่ต่ำกว่า 90.00 บาท").
// Service charge 25 baht a month for the usual ½-inch meter: mwa.co.th "อัตราค่าบริการรายเดือน"
// (by meter size; "ตั้งแต่งวดการออกใบเสร็จของเดือนมกราคม 2550", the tariff page says November
// 2549); larger meters pay more (¾ in 40, 1 in 50): set the service charge per meter for those.
// Not included: the raw-water fee of 0.15 baht per m³ MWA collects since 1 June 2004 for the
// Royal Irrigation Department; we could not confirm that it shows as a separate residential
// line, so set it as the per-unit adjustment if your bill shows it.
// The edition is dated from the January 2007 billing month, when its newest figure took effect.
const MWA_RESIDENTIAL: readonly PresetEdition[] = stryMutAct_9fa48("474") ? [] : (stryCov_9fa48("474"), [stryMutAct_9fa48("475") ? {} : (stryCov_9fa48("475"), {
  from: stryMutAct_9fa48("476") ? "" : (stryCov_9fa48("476"), '2007-01-01'),
  blocks: stryMutAct_9fa48("477") ? [] : (stryCov_9fa48("477"), [stryMutAct_9fa48("478") ? {} : (stryCov_9fa48("478"), {
    upTo: stryMutAct_9fa48("479") ? "" : (stryCov_9fa48("479"), '30'),
    price: stryMutAct_9fa48("480") ? "" : (stryCov_9fa48("480"), '8.50')
  }), stryMutAct_9fa48("481") ? {} : (stryCov_9fa48("481"), {
    upTo: stryMutAct_9fa48("482") ? "" : (stryCov_9fa48("482"), '40'),
    price: stryMutAct_9fa48("483") ? "" : (stryCov_9fa48("483"), '10.03')
  }), stryMutAct_9fa48("484") ? {} : (stryCov_9fa48("484"), {
    upTo: stryMutAct_9fa48("485") ? "" : (stryCov_9fa48("485"), '50'),
    price: stryMutAct_9fa48("486") ? "" : (stryCov_9fa48("486"), '10.35')
  }), stryMutAct_9fa48("487") ? {} : (stryCov_9fa48("487"), {
    upTo: stryMutAct_9fa48("488") ? "" : (stryCov_9fa48("488"), '60'),
    price: stryMutAct_9fa48("489") ? "" : (stryCov_9fa48("489"), '10.68')
  }), stryMutAct_9fa48("490") ? {} : (stryCov_9fa48("490"), {
    upTo: stryMutAct_9fa48("491") ? "" : (stryCov_9fa48("491"), '70'),
    price: stryMutAct_9fa48("492") ? "" : (stryCov_9fa48("492"), '11.00')
  }), stryMutAct_9fa48("493") ? {} : (stryCov_9fa48("493"), {
    upTo: stryMutAct_9fa48("494") ? "" : (stryCov_9fa48("494"), '80'),
    price: stryMutAct_9fa48("495") ? "" : (stryCov_9fa48("495"), '11.33')
  }), stryMutAct_9fa48("496") ? {} : (stryCov_9fa48("496"), {
    upTo: stryMutAct_9fa48("497") ? "" : (stryCov_9fa48("497"), '90'),
    price: stryMutAct_9fa48("498") ? "" : (stryCov_9fa48("498"), '12.50')
  }), stryMutAct_9fa48("499") ? {} : (stryCov_9fa48("499"), {
    upTo: stryMutAct_9fa48("500") ? "" : (stryCov_9fa48("500"), '100'),
    price: stryMutAct_9fa48("501") ? "" : (stryCov_9fa48("501"), '12.82')
  }), stryMutAct_9fa48("502") ? {} : (stryCov_9fa48("502"), {
    upTo: stryMutAct_9fa48("503") ? "" : (stryCov_9fa48("503"), '120'),
    price: stryMutAct_9fa48("504") ? "" : (stryCov_9fa48("504"), '13.15')
  }), stryMutAct_9fa48("505") ? {} : (stryCov_9fa48("505"), {
    upTo: stryMutAct_9fa48("506") ? "" : (stryCov_9fa48("506"), '160'),
    price: stryMutAct_9fa48("507") ? "" : (stryCov_9fa48("507"), '13.47')
  }), stryMutAct_9fa48("508") ? {} : (stryCov_9fa48("508"), {
    upTo: stryMutAct_9fa48("509") ? "" : (stryCov_9fa48("509"), '200'),
    price: stryMutAct_9fa48("510") ? "" : (stryCov_9fa48("510"), '13.80')
  }), stryMutAct_9fa48("511") ? {} : (stryCov_9fa48("511"), {
    upTo: null,
    price: stryMutAct_9fa48("512") ? "" : (stryCov_9fa48("512"), '14.45')
  })]),
  serviceCharge: stryMutAct_9fa48("513") ? "" : (stryCov_9fa48("513"), '25'),
  minimumCharge: stryMutAct_9fa48("514") ? "" : (stryCov_9fa48("514"), '0'),
  vatPercent: VAT_PERCENT
})]);

// PWA (การประปาส่วนภูมิภาค) residential ("1. ที่อยู่อาศัย"). Source: pwa.co.th "อัตราค่าน้ำประปา
// ส่วนภูมิภาค", "ตารางหมายเลข 1 อัตราค่าน้ำประปาพื้นที่เอกชนร่วมลงทุน" (the branches served with a
// private partner, e.g. Chachoengsao, Rayong, Pathum Thani, Chon Buri, Pattaya), baht per m³ a month:
// 0–10 10.20, 11–20 16.00, 21–30 19.00, 31–50 21.20.
// NOT CONFIRMED, and said so rather than guessed:
// - use above 50 m³: the copy of the table we could read shows no residential price past 31–50,
//   so the last published price (21.20) is applied to every unit above 50 m³;
// - the minimum charge: the table's residential minimum cell is empty in that copy (types 2 and 3
//   show 150 and 300 baht a month), so none is applied;
// - the monthly service charge by meter size: not found; 0 here, set it per meter from the bill;
// - the table for the other PWA branches ("ตารางหมายเลข 2") and the effective date: not found.
const PWA_RESIDENTIAL: readonly PresetEdition[] = stryMutAct_9fa48("515") ? [] : (stryCov_9fa48("515"), [stryMutAct_9fa48("516") ? {} : (stryCov_9fa48("516"), {
  from: null,
  blocks: stryMutAct_9fa48("517") ? [] : (stryCov_9fa48("517"), [stryMutAct_9fa48("518") ? {} : (stryCov_9fa48("518"), {
    upTo: stryMutAct_9fa48("519") ? "" : (stryCov_9fa48("519"), '10'),
    price: stryMutAct_9fa48("520") ? "" : (stryCov_9fa48("520"), '10.20')
  }), stryMutAct_9fa48("521") ? {} : (stryCov_9fa48("521"), {
    upTo: stryMutAct_9fa48("522") ? "" : (stryCov_9fa48("522"), '20'),
    price: stryMutAct_9fa48("523") ? "" : (stryCov_9fa48("523"), '16.00')
  }), stryMutAct_9fa48("524") ? {} : (stryCov_9fa48("524"), {
    upTo: stryMutAct_9fa48("525") ? "" : (stryCov_9fa48("525"), '30'),
    price: stryMutAct_9fa48("526") ? "" : (stryCov_9fa48("526"), '19.00')
  }), stryMutAct_9fa48("527") ? {} : (stryCov_9fa48("527"), {
    upTo: null,
    price: stryMutAct_9fa48("528") ? "" : (stryCov_9fa48("528"), '21.20')
  })]),
  serviceCharge: stryMutAct_9fa48("529") ? "" : (stryCov_9fa48("529"), '0'),
  minimumCharge: stryMutAct_9fa48("530") ? "" : (stryCov_9fa48("530"), '0'),
  vatPercent: VAT_PERCENT
})]);
const PRESETS: Record<BillingPresetId, BillingPreset> = stryMutAct_9fa48("531") ? {} : (stryCov_9fa48("531"), {
  'mea-1.1.1': stryMutAct_9fa48("532") ? {} : (stryCov_9fa48("532"), {
    id: stryMutAct_9fa48("533") ? "" : (stryCov_9fa48("533"), 'mea-1.1.1'),
    utility: stryMutAct_9fa48("534") ? "" : (stryCov_9fa48("534"), 'MEA'),
    commodity: stryMutAct_9fa48("535") ? "" : (stryCov_9fa48("535"), 'electricity'),
    unit: stryMutAct_9fa48("536") ? "" : (stryCov_9fa48("536"), 'kWh'),
    editions: RESIDENTIAL_1_1_1
  }),
  'mea-1.1.2': stryMutAct_9fa48("537") ? {} : (stryCov_9fa48("537"), {
    id: stryMutAct_9fa48("538") ? "" : (stryCov_9fa48("538"), 'mea-1.1.2'),
    utility: stryMutAct_9fa48("539") ? "" : (stryCov_9fa48("539"), 'MEA'),
    commodity: stryMutAct_9fa48("540") ? "" : (stryCov_9fa48("540"), 'electricity'),
    unit: stryMutAct_9fa48("541") ? "" : (stryCov_9fa48("541"), 'kWh'),
    editions: RESIDENTIAL_1_1_2
  }),
  // PEA applies the same national residential schedule (the ERC sets one tariff structure for both
  // distributors) and the same 2023 service-charge reduction (PEA press release above).
  'pea-1.1.1': stryMutAct_9fa48("542") ? {} : (stryCov_9fa48("542"), {
    id: stryMutAct_9fa48("543") ? "" : (stryCov_9fa48("543"), 'pea-1.1.1'),
    utility: stryMutAct_9fa48("544") ? "" : (stryCov_9fa48("544"), 'PEA'),
    commodity: stryMutAct_9fa48("545") ? "" : (stryCov_9fa48("545"), 'electricity'),
    unit: stryMutAct_9fa48("546") ? "" : (stryCov_9fa48("546"), 'kWh'),
    editions: RESIDENTIAL_1_1_1
  }),
  'pea-1.1.2': stryMutAct_9fa48("547") ? {} : (stryCov_9fa48("547"), {
    id: stryMutAct_9fa48("548") ? "" : (stryCov_9fa48("548"), 'pea-1.1.2'),
    utility: stryMutAct_9fa48("549") ? "" : (stryCov_9fa48("549"), 'PEA'),
    commodity: stryMutAct_9fa48("550") ? "" : (stryCov_9fa48("550"), 'electricity'),
    unit: stryMutAct_9fa48("551") ? "" : (stryCov_9fa48("551"), 'kWh'),
    editions: RESIDENTIAL_1_1_2
  }),
  'mwa-residential': stryMutAct_9fa48("552") ? {} : (stryCov_9fa48("552"), {
    id: stryMutAct_9fa48("553") ? "" : (stryCov_9fa48("553"), 'mwa-residential'),
    utility: stryMutAct_9fa48("554") ? "" : (stryCov_9fa48("554"), 'MWA'),
    commodity: stryMutAct_9fa48("555") ? "" : (stryCov_9fa48("555"), 'water'),
    unit: stryMutAct_9fa48("556") ? "" : (stryCov_9fa48("556"), 'm³'),
    editions: MWA_RESIDENTIAL
  }),
  'pwa-residential': stryMutAct_9fa48("557") ? {} : (stryCov_9fa48("557"), {
    id: stryMutAct_9fa48("558") ? "" : (stryCov_9fa48("558"), 'pwa-residential'),
    utility: stryMutAct_9fa48("559") ? "" : (stryCov_9fa48("559"), 'PWA'),
    commodity: stryMutAct_9fa48("560") ? "" : (stryCov_9fa48("560"), 'water'),
    unit: stryMutAct_9fa48("561") ? "" : (stryCov_9fa48("561"), 'm³'),
    editions: PWA_RESIDENTIAL
  })
});
export function isBillingPresetId(text: string): text is BillingPresetId {
  if (stryMutAct_9fa48("562")) {
    {}
  } else {
    stryCov_9fa48("562");
    return (BILLING_PRESET_IDS as readonly string[]).includes(text);
  }
}
export function billingPreset(id: BillingPresetId): BillingPreset {
  if (stryMutAct_9fa48("563")) {
    {}
  } else {
    stryCov_9fa48("563");
    return PRESETS[id];
  }
}

/** The edition in force on `day` ('YYYY-MM-DD'): the latest dated on or before it, else the first. */
export function presetEditionOn(preset: BillingPreset, day: string): PresetEdition {
  if (stryMutAct_9fa48("564")) {
    {}
  } else {
    stryCov_9fa48("564");
    let inForce = preset.editions[0]!;
    for (const edition of preset.editions) {
      if (stryMutAct_9fa48("565")) {
        {}
      } else {
        stryCov_9fa48("565");
        if (stryMutAct_9fa48("568") ? edition.from !== null || edition.from <= day : stryMutAct_9fa48("567") ? false : stryMutAct_9fa48("566") ? true : (stryCov_9fa48("566", "567", "568"), (stryMutAct_9fa48("570") ? edition.from === null : stryMutAct_9fa48("569") ? true : (stryCov_9fa48("569", "570"), edition.from !== null)) && (stryMutAct_9fa48("573") ? edition.from > day : stryMutAct_9fa48("572") ? edition.from < day : stryMutAct_9fa48("571") ? true : (stryCov_9fa48("571", "572", "573"), edition.from <= day)))) inForce = edition;
      }
    }
    return inForce;
  }
}