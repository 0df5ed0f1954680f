import type { messagingApi } from '@line/bot-sdk';
import { PALETTE } from '../charts/theme';
import type { QuickReplyItem } from './reply';

// Flex Message building blocks and the way a Flex card reads as plain text (for `npm run chat`
// and for tests). LINE's limits: altText ≤ 1500 characters, a bubble's JSON ≤ 30 kB, a
// carousel ≤ 50 kB and ≤ 12 bubbles, button labels ≤ 40 characters.

export type FlexBubble = messagingApi.FlexBubble;
export type FlexBox = messagingApi.FlexBox;
export type FlexComponent = messagingApi.FlexComponent;
export type FlexMessage = messagingApi.FlexMessage;

export const FLEX_LIMITS = {
  altText: 1500,
  bubbleBytes: 30_000,
  carouselBytes: 50_000,
  bubbles: 12,
  buttonLabel: 40,
} as const;

/** Colours of a card: the charts' palette, so a card and its chart look alike. */
export const CARD_COLOURS = {
  title: PALETTE.title,
  text: PALETTE.text,
  muted: '#8a8a8a',
  accent: PALETTE.usage,
} as const;

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

export const flexText = (
  text: string,
  style: Partial<Omit<messagingApi.FlexText, 'type' | 'text'>> = {},
): messagingApi.FlexText => ({
  type: 'text',
  // LINE refuses an empty text component.
  text: text.length > 0 ? text : ' ',
  wrap: true,
  color: CARD_COLOURS.text,
  ...style,
});

export const vbox = (
  contents: FlexComponent[],
  style: Partial<Omit<FlexBox, 'type' | 'layout' | 'contents'>> = {},
): FlexBox => ({ type: 'box', layout: 'vertical', contents, ...style });

export const hbox = (
  contents: FlexComponent[],
  style: Partial<Omit<FlexBox, 'type' | 'layout' | 'contents'>> = {},
): FlexBox => ({ type: 'box', layout: 'horizontal', contents, ...style });

export const separator = (): messagingApi.FlexSeparator => ({ type: 'separator', margin: 'md' });

/** A footer button that sends `message` as if typed (the same command a quick reply sends). */
export const messageButton = (
  label: string,
  message: string,
  style: 'primary' | 'secondary' | 'link' = 'secondary',
): messagingApi.FlexButton => ({
  type: 'button',
  style,
  height: 'sm',
  ...(style === 'primary' ? { color: CARD_COLOURS.accent } : {}),
  action: {
    type: 'message',
    label: clip(label, FLEX_LIMITS.buttonLabel),
    text: clip(message, 300),
  },
});

/** A square picture across the top of the card (the charts are square). */
export const heroImage = (url: string): messagingApi.FlexImage => ({
  type: 'image',
  url,
  size: 'full',
  aspectRatio: '1:1',
  aspectMode: 'fit',
});

/** UTF-8 size of a container's JSON, the way LINE measures its 30 kB / 50 kB limits. */
export const flexBytes = (contents: messagingApi.FlexContainer): number =>
  Buffer.byteLength(JSON.stringify(contents), 'utf8');

/**
 * A Flex message; refuses (RangeError) a bubble over LINE's size limit, which would make LINE
 * refuse the whole reply. Cards cap their rows so that this never happens in practice.
 */
export function flexMessage(
  altText: string,
  bubble: FlexBubble,
  quickReplies: QuickReplyItem[] = [],
): FlexMessage {
  const size = flexBytes(bubble);
  if (size > FLEX_LIMITS.bubbleBytes) {
    throw new RangeError(`Flex bubble is ${size} bytes; LINE accepts at most 30 kB`);
  }
  return {
    type: 'flex',
    altText: clip(altText.trim() || ' ', FLEX_LIMITS.altText),
    contents: bubble,
    ...(quickReplies.length > 0 ? { quickReply: { items: quickReplies.slice(0, 13) } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a card as text

export interface FlexReading {
  /** Lines top to bottom: texts (a horizontal box on one line), `[image] url` for pictures. */
  lines: string[];
  /** Tappable things in reading order: buttons, and boxes, texts or images with an action. */
  actions: messagingApi.Action[];
}

/** What a person sees on a Flex card, as lines of text and the actions they can tap. */
export function readFlex(message: FlexMessage): FlexReading {
  const lines: string[] = [];
  const actions: messagingApi.Action[] = [];
  const bubbles =
    message.contents.type === 'carousel'
      ? (message.contents as messagingApi.FlexCarousel).contents
      : [message.contents as FlexBubble];
  for (const bubble of bubbles) {
    for (const part of [bubble.header, bubble.hero, bubble.body, bubble.footer]) {
      if (part) lines.push(...readComponent(part, actions));
    }
  }
  return { lines: lines.filter((line) => line.trim().length > 0), actions };
}

function textOf(component: messagingApi.FlexText): string {
  if (component.contents && component.contents.length > 0) {
    return component.contents.map((span) => span.text ?? '').join('');
  }
  return component.text ?? '';
}

function readComponent(component: FlexComponent, actions: messagingApi.Action[]): string[] {
  const withAction = (c: { action?: messagingApi.Action }) => {
    if (c.action) actions.push(c.action);
  };
  switch (component.type) {
    case 'text': {
      const text = component as messagingApi.FlexText;
      withAction(text);
      return textOf(text).split('\n');
    }
    case 'image': {
      const image = component as messagingApi.FlexImage;
      withAction(image);
      return [`[image] ${image.url}`];
    }
    case 'button': {
      actions.push((component as messagingApi.FlexButton).action);
      return [];
    }
    case 'box': {
      const box = component as FlexBox;
      withAction(box);
      const inner = box.contents.map((child) => readComponent(child, actions));
      if (box.layout === 'vertical') return inner.flat();
      // Side by side: one line, parts joined by a space.
      const joined = inner
        .map((parts) => parts.join(' '))
        .filter((part) => part.trim().length > 0)
        .join(' ');
      return joined ? [joined] : [];
    }
    default:
      return [];
  }
}
