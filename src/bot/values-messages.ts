import type { Language } from '../domain/types';
import type { ValuesProblem } from '../domain/values';
import type { Figures } from './messages';

// What the chat says about meters that record several values per reading (blood pressure:
// sys/dia pulse): creating one, a reading with the wrong number of values or a value out of its
// range, per-value ranges, and the usage math such a meter does not have.

export interface ValuesCatalog {
  /** Added to the "created" answer: the value names, and which of them may be left out. */
  created(names: string, optional: string[]): string;
  problem(problem: ValuesProblem, show: Figures): string;
  /** usage, bill, prices, alerts, meter replacement: only for meters that count up. */
  notCounting(label: string, names: string, history: string, chart: string): string;
  /** min/max/digits/rate of the whole meter: its values have ranges of their own. */
  useValueRanges(label: string, example: string): string;
  rangeSaved(label: string, name: string, range: string | null): string;
  unknownValue(label: string, name: string, names: string): string;
  /** `… sys range 70-250` on a meter with one value per reading. */
  oneValueMeter(label: string, example: string): string;
  say: {
    range(number: number, name: string): string;
    setMinMax(number: number): string;
  };
}

const EN: ValuesCatalog = {
  created: (names, optional) => {
    const leaveOut = optional.length === 0 ? '' : ` (${optional.join(', ')} may be left out)`;
    return `Each reading has the values ${names}${leaveOut}, in that order.`;
  },
  problem: (problem, { amount: u }) => {
    switch (problem.code) {
      case 'valueCount': {
        const allowed =
          problem.required === problem.names.length
            ? `${problem.names.length}`
            : `${problem.required} to ${problem.names.length}`;
        return `This meter takes ${allowed} values per reading (${problem.names.join(', ')}), in that order, like 120/80 72; you sent ${problem.given}. Nothing was stored.`;
      }
      case 'oneValueOnly':
        return `This meter takes one number per reading; you sent ${problem.given}. Nothing was stored.`;
      case 'valueBelowMin':
        return `${problem.name} ${u(problem.value)} is below its lowest allowed value (${u(problem.limit)}). Please check the numbers and send them again; nothing was stored.`;
      case 'valueAboveMax':
        return `${problem.name} ${u(problem.value)} is above its highest allowed value (${u(problem.limit)}). Please check the numbers and send them again; nothing was stored.`;
    }
  },
  notCounting: (label, names, history, chart) =>
    `${label} records several values per reading (${names}). Usage, bills, prices and alerts are only for meters that count up. See its readings with "${history}" or "${chart}".`,
  useValueRanges: (label, example) =>
    `${label} records several values per reading, and each value has its own range instead, for example: ${example}`,
  rangeSaved: (label, name, range) =>
    range === null
      ? `${label}: ${name} has no range any more.`
      : `${label}: ${name} must now be between ${range}.`,
  unknownValue: (label, name, names) => `${label} has no value "${name}". Its values are ${names}.`,
  oneValueMeter: (label, example) =>
    `${label} records one value per reading; set its range with min and max, for example: ${example}`,
  say: {
    range: (number, name) => `set meter ${number} ${name} range 70-250`,
    setMinMax: (number) => `set meter ${number} min 0 max 99999`,
  },
};

const TH: ValuesCatalog = {
  created: (names, optional) => {
    const leaveOut = optional.length === 0 ? '' : ` (${optional.join(', ')} เว้นได้)`;
    return `แต่ละครั้งจดค่า ${names}${leaveOut} ตามลำดับนี้`;
  },
  problem: (problem, { amount: u }) => {
    switch (problem.code) {
      case 'valueCount': {
        const allowed =
          problem.required === problem.names.length
            ? `${problem.names.length}`
            : `${problem.required} ถึง ${problem.names.length}`;
        return `มิเตอร์นี้จด ${allowed} ค่าต่อครั้ง (${problem.names.join(', ')}) ตามลำดับ เช่น 120/80 72 แต่ส่งมา ${problem.given} ค่า ยังไม่ได้บันทึก`;
      }
      case 'oneValueOnly':
        return `มิเตอร์นี้จดค่าเดียวต่อครั้ง แต่ส่งมา ${problem.given} ค่า ยังไม่ได้บันทึก`;
      case 'valueBelowMin':
        return `${problem.name} ${u(problem.value)} ต่ำกว่าค่าต่ำสุดที่ตั้งไว้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่ ยังไม่ได้บันทึก`;
      case 'valueAboveMax':
        return `${problem.name} ${u(problem.value)} สูงกว่าค่าสูงสุดที่ตั้งไว้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่ ยังไม่ได้บันทึก`;
    }
  },
  notCounting: (label, names, history, chart) =>
    `${label} จดหลายค่าต่อครั้ง (${names}) การใช้ ค่าใช้จ่าย ราคา และการแจ้งเตือนมีเฉพาะมิเตอร์ที่นับขึ้น ดูค่าที่จดได้ด้วย "${history}" หรือ "${chart}"`,
  useValueRanges: (label, example) => `${label} จดหลายค่าต่อครั้ง แต่ละค่ามีช่วงของตัวเอง เช่น ${example}`,
  rangeSaved: (label, name, range) =>
    range === null ? `${label}: ${name} ไม่มีช่วงกำหนดแล้ว` : `${label}: ${name} ต้องอยู่ระหว่าง ${range}`,
  unknownValue: (label, name, names) => `${label} ไม่มีค่า "${name}" ค่าของมิเตอร์นี้คือ ${names}`,
  oneValueMeter: (label, example) => `${label} จดค่าเดียวต่อครั้ง ตั้งช่วงด้วยต่ำสุดและสูงสุด เช่น ${example}`,
  say: {
    range: (number, name) => `ตั้งค่า มิเตอร์ ${number} ${name} ช่วง 70-250`,
    setMinMax: (number) => `ตั้งค่า มิเตอร์ ${number} ต่ำสุด 0 สูงสุด 99999`,
  },
};

export const valuesCatalogs: Record<Language, ValuesCatalog> = { en: EN, th: TH };

/** A problem with a reading's values (count, a value's range) rather than with its number. */
export function isValuesProblem(problem: { code: string }): problem is ValuesProblem {
  return (
    problem.code === 'valueCount' ||
    problem.code === 'oneValueOnly' ||
    problem.code === 'valueBelowMin' ||
    problem.code === 'valueAboveMax'
  );
}
