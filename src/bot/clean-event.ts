import type { webhook } from '@line/bot-sdk';

// PostgreSQL cannot store U+0000 in text or jsonb, nor an unpaired surrogate in jsonb, so a
// single such character anywhere in an event would fail the insert of the whole webhook
// body. Every string in an event is made storable before anything is written.

/** C0 and C1 control characters except tab, line feed and carriage return. */
const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}/gu;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` without control characters (each becomes a space, so "45␀21" is not read as 4521)
 * and with any unpaired surrogate replaced by U+FFFD.
 */
export function storableText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(LONE_SURROGATE, '\uFFFD');
}

function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value !== 'object' || value === null || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [storableText(key), clean(item, depth + 1)]),
  );
}

/** A copy of `event` that the database can store: strings cleaned, an impossible timestamp dropped. */
export function storableEvent(event: webhook.Event): webhook.Event {
  const cleaned = clean(event, 0) as webhook.Event & { timestamp?: unknown };
  const timestamp = cleaned.timestamp;
  // A timestamp no Date can hold would fail the insert; the time of arrival is used instead.
  if (typeof timestamp === 'number' && Number.isNaN(new Date(timestamp).getTime())) {
    const { timestamp: _dropped, ...rest } = cleaned;
    return rest as webhook.Event;
  }
  return cleaned;
}
