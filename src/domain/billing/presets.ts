/**
 * Published residential tariffs, chosen with `set meter 1 tariff <id>`. Each preset is a list of
 * dated editions; a period uses the edition in force on its last day (see tariff.ts), the first
 * edition covering everything before it. Prices exclude VAT, as the utilities publish them; Ft is
 * not part of any preset (the regulator resets it every four months: set it per meter).
 *
 * Where a figure could not be confirmed from the published table, the comment next to it says so.
 */
import type { Block } from './tariff';

export const BILLING_PRESET_IDS = [
  'mea-1.1.1',
  'mea-1.1.2',
  'pea-1.1.1',
  'pea-1.1.2',
  'mwa-residential',
  'pwa-residential',
] as const;
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
const VAT_PERCENT = '7';

// MEA / PEA residential 1.1.1 (≤ 150 kWh a month, meter ≤ 5 A), baht per kWh excluding VAT.
// Source: mea.or.th "ประเภทที่ 1 บ้านอยู่อาศัย", table "1.1 อัตราปกติ ปริมาณการใช้พลังงานไฟฟ้าไม่เกิน
// 150 หน่วยต่อเดือน" (1–15 2.3488, 16–25 2.9882, 26–35 3.2405, 36–100 3.6237, 101–150 3.7171,
// 151–400 4.2218, over 400 4.4217; service 8.19 baht a month). Effective from the November 2015
// billing month (the 2015 tariff structure); that date is not printed on the page excerpt we read.
// The service charge of 8.19 is confirmed by the ERC consumer page (recc.erc.or.th, "ใบแจ้งค่าไฟ
// รูปแบบใหม่ และอะไรอยู่ในค่าบริการ") and was left unchanged by the 2023 reduction below.
const RESIDENTIAL_1_1_1_BLOCKS: readonly Block[] = [
  { upTo: '15', price: '2.3488' },
  { upTo: '25', price: '2.9882' },
  { upTo: '35', price: '3.2405' },
  { upTo: '100', price: '3.6237' },
  { upTo: '150', price: '3.7171' },
  { upTo: '400', price: '4.2218' },
  { upTo: null, price: '4.4217' },
];
const RESIDENTIAL_1_1_1: readonly PresetEdition[] = [
  {
    from: '2015-11-01',
    blocks: RESIDENTIAL_1_1_1_BLOCKS,
    serviceCharge: '8.19',
    minimumCharge: '0',
    vatPercent: VAT_PERCENT,
  },
];

// MEA / PEA residential 1.1.2 (over 150 kWh a month), baht per kWh excluding VAT:
// 1–150 3.2484, 151–400 4.2218, over 400 4.4217 (mea.or.th residential schedule, 2015 structure,
// from the November 2015 billing month); service 38.22 baht a month (ERC consumer page above).
// From the January 2023 billing month the service charge is 24.62 baht a month: ERC resolution
// 51/2565, announced by PEA and MEA ("PEA และ MEA ปรับลดอัตราค่าบริการรายเดือน สำหรับโครงสร้าง
// อัตราค่าไฟฟ้าปี 2566 ตามมติ กกพ.", pea.co.th / peachannel.com, 18 Jan 2023: "จากเดิม 38.22 ปรับลด
// ลงเป็น 24.62 บาทต่อเดือน", covering MEA below 12 kV and PEA below 22 kV; "มีผลในรอบบิลเดือน
// ม.ค. 2566 เป็นต้นไป" per the ERC notice of 6 Jan 2023 as reported by sentangsedtee.com).
const RESIDENTIAL_1_1_2_BLOCKS: readonly Block[] = [
  { upTo: '150', price: '3.2484' },
  { upTo: '400', price: '4.2218' },
  { upTo: null, price: '4.4217' },
];
const RESIDENTIAL_1_1_2: readonly PresetEdition[] = [
  {
    from: '2015-11-01',
    blocks: RESIDENTIAL_1_1_2_BLOCKS,
    serviceCharge: '38.22',
    minimumCharge: '0',
    vatPercent: VAT_PERCENT,
  },
  {
    from: '2023-01-01',
    blocks: RESIDENTIAL_1_1_2_BLOCKS,
    serviceCharge: '24.62',
    minimumCharge: '0',
    vatPercent: VAT_PERCENT,
  },
];

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
const MWA_RESIDENTIAL: readonly PresetEdition[] = [
  {
    from: '2007-01-01',
    blocks: [
      { upTo: '30', price: '8.50' },
      { upTo: '40', price: '10.03' },
      { upTo: '50', price: '10.35' },
      { upTo: '60', price: '10.68' },
      { upTo: '70', price: '11.00' },
      { upTo: '80', price: '11.33' },
      { upTo: '90', price: '12.50' },
      { upTo: '100', price: '12.82' },
      { upTo: '120', price: '13.15' },
      { upTo: '160', price: '13.47' },
      { upTo: '200', price: '13.80' },
      { upTo: null, price: '14.45' },
    ],
    serviceCharge: '25',
    minimumCharge: '0',
    vatPercent: VAT_PERCENT,
  },
];

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
const PWA_RESIDENTIAL: readonly PresetEdition[] = [
  {
    from: null,
    blocks: [
      { upTo: '10', price: '10.20' },
      { upTo: '20', price: '16.00' },
      { upTo: '30', price: '19.00' },
      { upTo: null, price: '21.20' },
    ],
    serviceCharge: '0',
    minimumCharge: '0',
    vatPercent: VAT_PERCENT,
  },
];

const PRESETS: Record<BillingPresetId, BillingPreset> = {
  'mea-1.1.1': {
    id: 'mea-1.1.1',
    utility: 'MEA',
    commodity: 'electricity',
    unit: 'kWh',
    editions: RESIDENTIAL_1_1_1,
  },
  'mea-1.1.2': {
    id: 'mea-1.1.2',
    utility: 'MEA',
    commodity: 'electricity',
    unit: 'kWh',
    editions: RESIDENTIAL_1_1_2,
  },
  // PEA applies the same national residential schedule (the ERC sets one tariff structure for both
  // distributors) and the same 2023 service-charge reduction (PEA press release above).
  'pea-1.1.1': {
    id: 'pea-1.1.1',
    utility: 'PEA',
    commodity: 'electricity',
    unit: 'kWh',
    editions: RESIDENTIAL_1_1_1,
  },
  'pea-1.1.2': {
    id: 'pea-1.1.2',
    utility: 'PEA',
    commodity: 'electricity',
    unit: 'kWh',
    editions: RESIDENTIAL_1_1_2,
  },
  'mwa-residential': {
    id: 'mwa-residential',
    utility: 'MWA',
    commodity: 'water',
    unit: 'm³',
    editions: MWA_RESIDENTIAL,
  },
  'pwa-residential': {
    id: 'pwa-residential',
    utility: 'PWA',
    commodity: 'water',
    unit: 'm³',
    editions: PWA_RESIDENTIAL,
  },
};

export function isBillingPresetId(text: string): text is BillingPresetId {
  return (BILLING_PRESET_IDS as readonly string[]).includes(text);
}

export function billingPreset(id: BillingPresetId): BillingPreset {
  return PRESETS[id];
}

/** The edition in force on `day` ('YYYY-MM-DD'): the latest dated on or before it, else the first. */
export function presetEditionOn(preset: BillingPreset, day: string): PresetEdition {
  let inForce = preset.editions[0]!;
  for (const edition of preset.editions) {
    if (edition.from !== null && edition.from <= day) inForce = edition;
  }
  return inForce;
}
