import {
  CARD_COLOURS,
  type FlexComponent,
  type FlexMessage,
  flexMessage,
  flexText,
  hbox,
  heroImage,
  messageButton,
  separator,
  vbox,
} from './flex';
import type { CardCatalog, Catalog } from './messages';
import type { QuickReplyItem } from './reply';

// The answers that read better as cards than as text: usage (the chart on top, the figures
// below, the next steps as buttons) and the list of meters. Each card's altText is the whole
// answer as text, so notifications, the chat list and old LINE versions still say everything.

/** Rows on the meter-list card; the rest is summed up in one line (keeps the bubble small). */
export const METER_CARD_ROWS = 20;

export interface UsageCardInput {
  t: Catalog;
  /** The meter's number in this chat, for the buttons' commands. */
  number: number;
  heading: string;
  lines: string[];
  /** The chart's image URL, or null where charts cannot be drawn. */
  chartUrl: string | null;
  quickReplies: QuickReplyItem[];
}

export function usageCard(input: UsageCardInput): FlexMessage {
  const { t, number, heading, lines } = input;
  const [figure, ...details] = lines;
  const body: FlexComponent[] = [
    flexText(heading, { weight: 'bold', size: 'md', color: CARD_COLOURS.title }),
  ];
  if (figure !== undefined) {
    body.push(
      flexText(figure, { weight: 'bold', size: 'xl', color: CARD_COLOURS.accent, margin: 'md' }),
    );
  }
  for (const line of details) body.push(flexText(line, { size: 'sm', margin: 'sm' }));
  return flexMessage(
    [heading, ...lines].join('\n'),
    {
      type: 'bubble',
      size: 'mega',
      ...(input.chartUrl ? { hero: heroImage(input.chartUrl) } : {}),
      body: vbox(body, { spacing: 'none' }),
      footer: hbox(
        [
          messageButton(t.button.chart, t.say.chart(number), 'primary'),
          messageButton(t.button.history, t.say.history(number)),
        ],
        { spacing: 'sm' },
      ),
    },
    input.quickReplies,
  );
}

export interface MeterRow {
  number: number;
  name: string;
  unit: string;
  /** "last 4,521 kWh, today 08:00" or "no readings yet". */
  status: string;
  /** For a meter used through a group: 'through the group "Family"'. */
  via?: string;
}

export interface MeterListCardInput {
  t: Catalog;
  cards: CardCatalog;
  inGroup: boolean;
  rows: MeterRow[];
  /** The same answer as text (the altText). */
  altText: string;
  quickReplies: QuickReplyItem[];
}

export function meterListCard(input: MeterListCardInput): FlexMessage {
  const { t, cards, inGroup, rows } = input;
  const shown = rows.slice(0, METER_CARD_ROWS);
  const body: FlexComponent[] = [
    flexText(cards.meterListTitle(inGroup), {
      weight: 'bold',
      size: 'lg',
      color: CARD_COLOURS.title,
    }),
  ];
  for (const row of shown) {
    body.push(separator());
    // The whole row is tappable: it asks for that meter's history.
    body.push(
      vbox(
        [
          flexText(`${row.number}. ${cards.meterName(row.name, row.unit)}`, {
            weight: 'bold',
            size: 'md',
            color: CARD_COLOURS.title,
          }),
          ...(row.via ? [flexText(row.via, { size: 'sm', color: CARD_COLOURS.muted })] : []),
          flexText(row.status, { size: 'sm', color: CARD_COLOURS.muted }),
        ],
        {
          margin: 'md',
          action: {
            type: 'message',
            label: `${row.number}. ${row.name}`.slice(0, 20),
            text: t.say.history(row.number),
          },
        },
      ),
    );
  }
  if (rows.length > shown.length) {
    body.push(separator());
    body.push(
      flexText(cards.moreMeters(rows.length - shown.length), {
        size: 'sm',
        color: CARD_COLOURS.muted,
        margin: 'md',
      }),
    );
  }
  const footer = inGroup
    ? undefined
    : vbox([messageButton(t.button.addMeter, t.say.addMeterExample, 'link')]);
  return flexMessage(
    input.altText,
    { type: 'bubble', size: 'mega', body: vbox(body), ...(footer ? { footer } : {}) },
    input.quickReplies,
  );
}
