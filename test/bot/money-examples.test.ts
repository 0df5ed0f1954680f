import { describe, expect, it } from 'vitest';
import { moneyCatalogs } from '../../src/bot/messages';
import { parseMessage } from '../../src/domain/grammar';

// The example the bot gives for a meter with no price is in the person's language, names that
// meter, and is a command the bot understands.
describe('the example for a meter without a price', () => {
  it.each([
    ['en', /For example: (set meter 2 tariff mea-1\.1\.2)$/],
    ['th', /ตัวอย่าง: (ตั้งค่า มิเตอร์ 2 ประเภท mea-1\.1\.2)$/],
  ] as const)('%s', (language, shape) => {
    const line = moneyCatalogs[language].noTariff('meter 2 "Water"', 2);
    const example = shape.exec(line)?.[1] ?? '';
    expect(parseMessage(example)).toMatchObject({
      type: 'setTariff',
      meter: { by: 'number', number: 2 },
      change: { kind: 'preset', preset: 'mea-1.1.2' },
    });
  });
});
