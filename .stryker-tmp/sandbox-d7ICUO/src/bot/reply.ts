// @ts-nocheck
import type { messagingApi } from '@line/bot-sdk';

// Small builders for LINE message objects, within LINE's limits (text ≤ 5000 characters,
// quick reply labels ≤ 20, at most 13 quick replies, buttons ≤ 4 actions, postback data ≤ 300).

export type Message = messagingApi.Message;
export type QuickReplyItem = messagingApi.QuickReplyItem;
export type Action = messagingApi.Action;

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

export function text(body: string, quickReplies: QuickReplyItem[] = []): messagingApi.TextMessage {
  return {
    type: 'text',
    text: clip(body, 5000),
    ...(quickReplies.length > 0 ? { quickReply: { items: quickReplies.slice(0, 13) } } : {}),
  };
}

/** A quick reply that sends `message` as if the user typed it. */
export const quickMessage = (label: string, message: string): QuickReplyItem => ({
  type: 'action',
  action: { type: 'message', label: clip(label, 20), text: clip(message, 300) },
});

/** A quick reply that sends a postback (not shown as the user's message except displayText). */
export const quickPostback = (
  label: string,
  data: string,
  displayText?: string,
): QuickReplyItem => ({
  type: 'action',
  action: {
    type: 'postback',
    label: clip(label, 20),
    data: clip(data, 300),
    ...(displayText ? { displayText: clip(displayText, 300) } : {}),
  },
});

export const postbackAction = (label: string, data: string, displayText?: string): Action => ({
  type: 'postback',
  label: clip(label, 20),
  data: clip(data, 300),
  ...(displayText ? { displayText: clip(displayText, 300) } : {}),
});

export const uriAction = (label: string, uri: string): Action => ({
  type: 'uri',
  label: clip(label, 20),
  uri,
});

/** A message with up to four buttons that stays in the chat (unlike quick replies). */
export function buttons(
  altText: string,
  body: string,
  actions: Action[],
): messagingApi.TemplateMessage {
  return {
    type: 'template',
    altText: clip(altText, 400),
    template: { type: 'buttons', text: clip(body, 160), actions: actions.slice(0, 4) },
  };
}

export function image(
  originalContentUrl: string,
  previewImageUrl: string,
): messagingApi.ImageMessage {
  return { type: 'image', originalContentUrl, previewImageUrl };
}
