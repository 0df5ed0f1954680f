// A fake LINE Platform for tests and `npm run chat`: a local HTTP server that speaks the
// Messaging API the way api.line.me does (auth, reply-token rules, retry keys, limits, error
// bodies), records every call, and issues the webhook events whose reply tokens it later accepts.
// Facts: LINE's Messaging API reference and its OpenAPI descriptions (messaging-api.yml, webhook.yml).

import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { messagingApi, webhook } from '@line/bot-sdk';
import { signBody } from './webhook-client';

// ---------------------------------------------------------------------------------------------
// Identifiers

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** `U` + 32 hex: the format of LINE user IDs (webhook.yml `destination` pattern). */
export const newUserId = (): string => `U${hex(16)}`;
/** `C…` / `R…`: what LINE's examples show for group and room IDs. */
export const newGroupId = (): string => `C${hex(16)}`;
export const newRoomId = (): string => `R${hex(16)}`;

const USER_ID = /^U[0-9a-f]{32}$/;
const CHAT_ID = /^[UCR][0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAX_80_BITS = (1n << 80n) - 1n;

function base32(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD.charAt(Number(value & 31n)) + out;
    value >>= 5n;
  }
  return out;
}

/**
 * A ULID generator (26 chars Crockford base32: 48-bit ms time + 80 random bits), as LINE uses
 * for `webhookEventId`. Monotonic: IDs made in the same millisecond (or while a test clock runs
 * backwards) increment the random part, so sorting the strings sorts by creation order.
 */
export function ulidFactory(): (timeMs?: number) => string {
  let lastTime = -1;
  let random = 0n;
  return (timeMs = Date.now()) => {
    if (timeMs > lastTime) {
      lastTime = timeMs;
      random = BigInt(`0x${hex(10)}`);
    } else if (random < MAX_80_BITS) {
      random += 1n;
    } else {
      lastTime += 1;
      random = 0n;
    }
    return base32(BigInt(lastTime), 10) + base32(random, 16);
  };
}

/** Process-wide monotonic ULIDs (each platform has its own generator, following its clock). */
export const newUlid = ulidFactory();

export const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

// ---------------------------------------------------------------------------------------------
// Public types

export interface FakeLinePlatformOptions {
  channelAccessToken: string;
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: a fresh `U` + 32 hex. */
  botUserId?: string;
  botDisplayName?: string;
  /** Reply tokens die this long after the event was issued. LINE documents one minute. */
  replyTokenTtlMs?: number;
  /** Accept http://127.0.0.1 / localhost image URLs besides https (default true: local charts). */
  allowHttpImages?: boolean;
  /** Clock for event timestamps, token expiry and `at` (default Date.now); lets tests skip time. */
  now?: () => number;
}

export interface FakeUser {
  userId: string;
  displayName: string;
  language?: 'th' | 'en';
  pictureUrl?: string;
  /** false = the user didn't consent to profile access: LINE omits their userId in group sources. */
  consented: boolean;
  /** Friend of the bot (getProfile answers only for friends). follow/unfollow events flip it. */
  friend: boolean;
}

export interface AddUserInput {
  userId?: string;
  displayName: string;
  language?: 'th' | 'en';
  pictureUrl?: string;
  consented?: boolean;
  friend?: boolean;
}

export interface FakeGroup {
  groupId: string;
  name: string;
  pictureUrl?: string;
  members: string[];
  /** The bot is in the group (join/leave events flip it). Member/summary APIs 404 otherwise. */
  botIsMember: boolean;
}

export interface FakeRoom {
  roomId: string;
  members: string[];
  botIsMember: boolean;
}

export interface RecordedCall {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  status: number;
  response: unknown;
  /** The `x-line-request-id` this call was answered with. */
  requestId: string;
  at: number;
}

export interface RecordedReply {
  replyToken: string;
  /** userId, groupId or roomId of the chat the token was issued for. */
  chatId: string;
  source: webhook.Source;
  messages: messagingApi.Message[];
  sentMessages: messagingApi.SentMessage[];
  notificationDisabled: boolean;
  requestId: string;
  at: number;
}

export interface RecordedPush {
  to: string;
  messages: messagingApi.Message[];
  sentMessages: messagingApi.SentMessage[];
  retryKey?: string;
  notificationDisabled: boolean;
  requestId: string;
  at: number;
}

export interface RecordedLoading {
  chatId: string;
  loadingSeconds: number;
  requestId: string;
  at: number;
}

/** Where an event happens: a 1:1 chat (userId only), or a group/room (optionally with a sender). */
export interface ChatRef {
  userId?: string;
  groupId?: string;
  roomId?: string;
}

export type GroupOrRoom = { groupId: string; roomId?: never } | { roomId: string; groupId?: never };

export interface MentioneeInput {
  index: number;
  length: number;
  type: 'user' | 'all';
  userId?: string;
  isSelf?: boolean;
}

export type TextMessageEvent = webhook.MessageEvent & {
  replyToken: string;
  message: webhook.TextMessageContent;
};
export type ImageMessageEvent = webhook.MessageEvent & {
  replyToken: string;
  message: webhook.ImageMessageContent;
};
export type FileMessageEvent = webhook.MessageEvent & {
  replyToken: string;
  message: webhook.FileMessageContent;
};
export type PostbackEvent = webhook.PostbackEvent & { replyToken: string };

/**
 * Which LINE user "is logged in" in a browser that opens the account-link dialog: a cookie on
 * the fake's origin. Without it the dialog first asks which known user you are.
 */
export const FAKE_LINE_LOGIN_COOKIE = 'fake_line_user';

/** One pass through the account-link dialog, as the fake handled it. */
export interface RecordedAccountLink {
  linkToken: string;
  nonce: string;
  /** The LINE user logged in in the browser. */
  browserUserId: string;
  result: 'ok' | 'failed';
  /** The app's answer to the webhook carrying the event (null: no webhook connected). */
  webhookStatus: number | null;
  at: number;
}

export interface EventFactory {
  text(
    input: ChatRef & {
      text: string;
      mention?: { mentionees: MentioneeInput[] };
      quotedMessageId?: string;
    },
  ): TextMessageEvent;
  /**
   * An image message. `content` is what GET /v2/bot/message/{id}/content then serves (default: a
   * small PNG); the content type is LINE's header for it (default image/jpeg, as LINE sends
   * photos), which need not match the bytes.
   */
  image(input: ChatRef & { content?: { bytes: Buffer; contentType?: string } }): ImageMessageEvent;
  /** A file; its bytes are served from GET /v2/bot/message/{id}/content, as on api-data.line.me. */
  file(input: ChatRef & { fileName: string; content: Buffer | string }): FileMessageEvent;
  follow(input: { userId: string; isUnblocked?: boolean }): webhook.FollowEvent;
  unfollow(input: { userId: string }): webhook.UnfollowEvent;
  join(input: GroupOrRoom): webhook.JoinEvent;
  leave(input: GroupOrRoom): webhook.LeaveEvent;
  memberJoined(input: GroupOrRoom & { userIds: string[] }): webhook.MemberJoinedEvent;
  memberLeft(input: GroupOrRoom & { userIds: string[] }): webhook.MemberLeftEvent;
  postback(
    input: ChatRef & { userId: string; data: string; params?: Record<string, string> },
  ): PostbackEvent;
  unsend(input: ChatRef & { userId: string; messageId: string }): webhook.UnsendEvent;
  /** What LINE sends when the account-link dialog finishes (a reply token only when ok). */
  accountLink(input: {
    userId: string;
    nonce: string;
    result: 'ok' | 'failed';
  }): webhook.AccountLinkEvent;
}

export interface FakeLinePlatform {
  /** Base URL for `new messagingApi.MessagingApiClient({ baseURL })`, e.g. http://127.0.0.1:PORT */
  readonly url: string;
  readonly botUserId: string;
  /** Live arrays, in arrival order; reset() empties them in place. */
  readonly calls: readonly RecordedCall[];
  readonly replies: readonly RecordedReply[];
  readonly pushes: readonly RecordedPush[];
  readonly loadings: readonly RecordedLoading[];
  readonly accountLinks: readonly RecordedAccountLink[];
  readonly events: EventFactory;
  /**
   * Where the account-link dialog delivers its `accountLink` event (signed with the channel
   * secret, as LINE does). Until this is called the dialog sends nothing.
   */
  connectWebhook(url: string, channelSecret: string): void;
  addUser(input: AddUserInput): FakeUser;
  addGroup(input: {
    groupId?: string;
    name: string;
    members: string[];
    pictureUrl?: string;
    botIsMember?: boolean;
  }): FakeGroup;
  addRoom(input: { roomId?: string; members: string[]; botIsMember?: boolean }): FakeRoom;
  user(userId: string): FakeUser | undefined;
  group(groupId: string): FakeGroup | undefined;
  room(roomId: string): FakeRoom | undefined;
  /** `{destination: botUserId, events}`: a webhook body as LINE would send it. */
  callbackRequest(events: webhook.Event[]): webhook.CallbackRequest;
  /**
   * The next `times` requests matching method + path (exact path, or a RegExp on it) are
   * answered with `status` before anything else happens: no token is used, nothing is recorded
   * as sent, so a retry can succeed.
   */
  failNext(method: string, path: string | RegExp, status: number, times?: number): void;
  /** Resolves with the first recorded call (past or future) matching predicate. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Messages delivered to a chat: replies to tokens issued for it and pushes to it, in order. */
  messagesTo(chatId: string): messagingApi.Message[];
  /** messagesTo as readable lines: text, altText of flex/template, `[image] <url>`, `[type]`. */
  textsTo(chatId: string): string[];
  /**
   * The monthly push quota GET /v2/bot/message/quota reports: a number of messages, or null for
   * none (unlimited). Pushes past it are refused with 429, as LINE does. Consumption counts the
   * messages pushed since the last reset().
   */
  setQuota(limit: number | null): void;
  /** Drops a message's content, as LINE does after a while: fetching it then answers 404. */
  expireContent(messageId: string): void;
  /** Rich menus, their images, aliases, the default and per-user links, as LINE holds them. */
  richMenuState(): FakeRichMenuState;
  /** Forget recorded calls only. */
  clearRecorded(): void;
  /** Back to a fresh platform (same URL and bot): recordings, users, groups, tokens, keys, faults. */
  reset(): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Request validation (only what this project can get wrong; LINE checks far more)

interface ErrorDetail {
  message: string;
  property: string;
}

const MESSAGE_TYPES = [
  'text',
  'textV2',
  'sticker',
  'image',
  'video',
  'audio',
  'location',
  'imagemap',
  'template',
  'flex',
  'coupon',
];
/** Types LINE answers with a quoteToken in sentMessages (they can be quoted). */
const QUOTABLE = new Set(['text', 'textV2', 'sticker', 'image', 'video', 'audio', 'location']);
/** Actions a quick-reply button may carry (richmenuswitch may not). */
const QUICK_REPLY_ACTIONS = [
  'message',
  'postback',
  'uri',
  'datetimepicker',
  'camera',
  'cameraRoll',
  'location',
  'clipboard',
];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const oneOf = (values: string[]) => `Must be one of the following values: [${values.join(', ')}]`;

/** Collects errors the way LINE reports them: one `{message, property}` per problem. */
class Errors {
  readonly details: ErrorDetail[] = [];
  add(property: string, message: string): void {
    this.details.push({ message, property });
  }
  /** min 0 allows ''. LINE counts UTF-16 code units, which is what String#length is. */
  string(v: unknown, property: string, max: number, min = 1): void {
    if (typeof v !== 'string' || (min > 0 && v.length === 0)) {
      this.add(property, 'May not be empty');
    } else if (v.length < min || v.length > max) {
      this.add(property, `Length must be between ${min} and ${max}`);
    }
  }
}

function checkImageUrl(v: unknown, property: string, allowHttp: boolean, errors: Errors): void {
  if (!isNonEmptyString(v)) {
    errors.add(property, 'May not be empty');
    return;
  }
  if (v.length > 2000) {
    errors.add(property, 'Length must be between 0 and 2000');
    return;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    errors.add(property, 'Must be a valid URL');
    return;
  }
  const ok =
    url.protocol === 'https:' ||
    (allowHttp && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!ok) errors.add(property, 'Must be an HTTPS URL');
}

function checkSubstitution(v: unknown, p: string, errors: Errors): void {
  if (v === undefined) return;
  if (!isObject(v)) {
    errors.add(p, 'Must be an object');
    return;
  }
  const entries = Object.entries(v);
  if (entries.length > 100) errors.add(p, 'Size must be between 0 and 100');
  let mentions = 0;
  for (const [key, sub] of entries) {
    const kp = `${p}.${key}`;
    if (!/^[0-9a-zA-Z_]{1,20}$/.test(key)) errors.add(kp, 'Key must match [0-9a-zA-Z_]{1,20}');
    if (!isObject(sub)) {
      errors.add(kp, 'Must be an object');
    } else if (sub.type === 'mention') {
      mentions++;
      const t = sub.mentionee;
      const ok =
        isObject(t) && ((t.type === 'user' && isNonEmptyString(t.userId)) || t.type === 'all');
      if (!ok) errors.add(`${kp}.mentionee`, 'Must be {type:"user", userId} or {type:"all"}');
    } else if (sub.type === 'emoji') {
      if (!isNonEmptyString(sub.productId)) errors.add(`${kp}.productId`, 'May not be empty');
      if (!isNonEmptyString(sub.emojiId)) errors.add(`${kp}.emojiId`, 'May not be empty');
    } else {
      errors.add(`${kp}.type`, oneOf(['mention', 'emoji']));
    }
  }
  if (mentions > 20) errors.add(p, 'At most 20 mentions');
}

function checkQuickReply(v: unknown, p: string, errors: Errors): void {
  if (v === undefined) return;
  if (!isObject(v) || !Array.isArray(v.items)) {
    errors.add(`${p}.items`, 'May not be empty');
    return;
  }
  if (v.items.length > 13) errors.add(`${p}.items`, 'Size must be between 0 and 13');
  for (const [i, item] of (v.items as unknown[]).entries()) {
    const ap = `${p}.items[${i}].action`;
    if (!isObject(item) || item.type !== 'action' || !isObject(item.action)) {
      errors.add(`${p}.items[${i}]`, 'Must be {type:"action", action}');
      continue;
    }
    const a = item.action;
    if (typeof a.type !== 'string' || !QUICK_REPLY_ACTIONS.includes(a.type)) {
      errors.add(`${ap}.type`, oneOf(QUICK_REPLY_ACTIONS));
      continue;
    }
    if (a.type !== 'clipboard') errors.string(a.label, `${ap}.label`, 20);
    if (a.type === 'message') errors.string(a.text, `${ap}.text`, 300);
    if (a.type === 'postback' || a.type === 'datetimepicker') {
      errors.string(a.data, `${ap}.data`, 300, 0);
    }
    if (a.type === 'datetimepicker' && !['date', 'time', 'datetime'].includes(String(a.mode))) {
      errors.add(`${ap}.mode`, oneOf(['date', 'time', 'datetime']));
    }
    if (a.type === 'uri') errors.string(a.uri, `${ap}.uri`, 1000);
  }
}

const ACTION_TYPES = [...QUICK_REPLY_ACTIONS, 'richmenuswitch'];

/**
 * An action object (messaging-api.yml `Action` and its subtypes) where a label may be needed:
 * Flex buttons need one (≤ 40), rich-menu areas and other Flex parts may carry one (≤ 20 / 40).
 */
function checkAction(
  a: unknown,
  p: string,
  errors: Errors,
  options: { labelRequired: boolean; labelMax: number; allowed?: string[] },
): void {
  const allowed = options.allowed ?? ACTION_TYPES;
  if (!isObject(a) || typeof a.type !== 'string' || !allowed.includes(a.type)) {
    errors.add(`${p}.type`, oneOf(allowed));
    return;
  }
  if (options.labelRequired || a.label !== undefined) {
    errors.string(a.label, `${p}.label`, options.labelMax);
  }
  switch (a.type) {
    case 'message':
      errors.string(a.text, `${p}.text`, 300);
      break;
    case 'postback':
      errors.string(a.data, `${p}.data`, 300, 0);
      if (a.displayText !== undefined) errors.string(a.displayText, `${p}.displayText`, 300);
      if (a.displayText !== undefined && a.text !== undefined) {
        errors.add(`${p}.text`, 'Cannot be used together with displayText');
      }
      if (a.fillInText !== undefined) errors.string(a.fillInText, `${p}.fillInText`, 300, 0);
      if (
        a.inputOption !== undefined &&
        !['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice'].includes(
          String(a.inputOption),
        )
      ) {
        errors.add(
          `${p}.inputOption`,
          oneOf(['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice']),
        );
      }
      break;
    case 'uri':
      errors.string(a.uri, `${p}.uri`, 1000);
      if (typeof a.uri === 'string' && !/^(https?|line|tel):/.test(a.uri)) {
        errors.add(`${p}.uri`, 'Must be an http, https, line or tel URI');
      }
      break;
    case 'richmenuswitch':
      errors.string(a.richMenuAliasId, `${p}.richMenuAliasId`, 32);
      errors.string(a.data, `${p}.data`, 300, 0);
      break;
    case 'datetimepicker':
      errors.string(a.data, `${p}.data`, 300, 0);
      if (!['date', 'time', 'datetime'].includes(String(a.mode))) {
        errors.add(`${p}.mode`, oneOf(['date', 'time', 'datetime']));
      }
      break;
    case 'clipboard':
      errors.string(a.clipboardText, `${p}.clipboardText`, 1000);
      break;
  }
}

// Flex Message (messaging-api.yml `FlexContainer`, `FlexBubble`, `FlexComponent` and its
// subtypes): structure, enums, images, actions, and LINE's size limits (a bubble's JSON ≤ 30 kB,
// a carousel ≤ 50 kB with ≤ 12 bubbles).
const FLEX_COMPONENTS = [
  'box',
  'button',
  'image',
  'video',
  'icon',
  'text',
  'span',
  'separator',
  'filler',
];
const FLEX_BUBBLE_SIZES = ['nano', 'micro', 'deca', 'hecto', 'kilo', 'mega', 'giga'];
const FLEX_BOX_LAYOUTS = ['horizontal', 'vertical', 'baseline'];
const FLEX_BUTTON_STYLES = ['primary', 'secondary', 'link'];
const FLEX_TEXT_WEIGHTS = ['regular', 'bold'];
const FLEX_ASPECT_RATIO = /^[1-9][0-9]*:[1-9][0-9]*$/;
const FLEX_BUBBLE_BYTES = 30 * 1000;
const FLEX_CAROUSEL_BYTES = 50 * 1000;
const FLEX_CAROUSEL_BUBBLES = 12;

function checkEnum(v: unknown, p: string, values: string[], errors: Errors): void {
  if (v !== undefined && (typeof v !== 'string' || !values.includes(v))) {
    errors.add(p, oneOf(values));
  }
}

function checkFlexComponent(
  c: unknown,
  p: string,
  allowHttp: boolean,
  errors: Errors,
  depth = 0,
): void {
  if (!isObject(c) || typeof c.type !== 'string' || !FLEX_COMPONENTS.includes(c.type)) {
    errors.add(`${p}.type`, oneOf(FLEX_COMPONENTS));
    return;
  }
  if (depth > 20) {
    errors.add(p, 'Nested too deeply');
    return;
  }
  if (c.action !== undefined && c.type !== 'button') {
    checkAction(c.action, `${p}.action`, errors, { labelRequired: false, labelMax: 40 });
  }
  switch (c.type) {
    case 'box':
      checkEnum(c.layout, `${p}.layout`, FLEX_BOX_LAYOUTS, errors);
      if (c.layout === undefined) errors.add(`${p}.layout`, 'May not be empty');
      if (!Array.isArray(c.contents)) {
        errors.add(`${p}.contents`, 'May not be empty');
        break;
      }
      for (const [i, child] of (c.contents as unknown[]).entries()) {
        checkFlexComponent(child, `${p}.contents[${i}]`, allowHttp, errors, depth + 1);
      }
      break;
    case 'text': {
      const spans = Array.isArray(c.contents) && c.contents.length > 0;
      if (!spans) errors.string(c.text, `${p}.text`, Number.MAX_SAFE_INTEGER);
      checkEnum(c.weight, `${p}.weight`, FLEX_TEXT_WEIGHTS, errors);
      if (spans) {
        for (const [i, span] of (c.contents as unknown[]).entries()) {
          if (!isObject(span) || span.type !== 'span') {
            errors.add(`${p}.contents[${i}].type`, oneOf(['span']));
          } else errors.string(span.text, `${p}.contents[${i}].text`, Number.MAX_SAFE_INTEGER);
        }
      }
      break;
    }
    case 'button':
      checkEnum(c.style, `${p}.style`, FLEX_BUTTON_STYLES, errors);
      checkEnum(c.height, `${p}.height`, ['sm', 'md'], errors);
      if (c.action === undefined) errors.add(`${p}.action`, 'May not be empty');
      else checkAction(c.action, `${p}.action`, errors, { labelRequired: true, labelMax: 40 });
      break;
    case 'image':
    case 'icon':
      checkImageUrl(c.url, `${p}.url`, allowHttp, errors);
      if (c.aspectRatio !== undefined && !FLEX_ASPECT_RATIO.test(String(c.aspectRatio))) {
        errors.add(`${p}.aspectRatio`, 'Must be {width}:{height}, e.g. 1:1');
      }
      checkEnum(c.aspectMode, `${p}.aspectMode`, ['fit', 'cover'], errors);
      break;
    case 'video':
      checkImageUrl(c.url, `${p}.url`, allowHttp, errors);
      checkImageUrl(c.previewUrl, `${p}.previewUrl`, allowHttp, errors);
      break;
  }
}

function checkFlexBubble(b: unknown, p: string, allowHttp: boolean, errors: Errors): void {
  if (!isObject(b) || b.type !== 'bubble') {
    errors.add(`${p}.type`, oneOf(['bubble']));
    return;
  }
  if (Buffer.byteLength(JSON.stringify(b), 'utf8') > FLEX_BUBBLE_BYTES) {
    errors.add(p, 'A bubble must be at most 30 KB');
  }
  checkEnum(b.size, `${p}.size`, FLEX_BUBBLE_SIZES, errors);
  checkEnum(b.direction, `${p}.direction`, ['ltr', 'rtl'], errors);
  for (const block of ['header', 'body', 'footer'] as const) {
    const box = b[block];
    if (box === undefined) continue;
    if (!isObject(box) || box.type !== 'box') errors.add(`${p}.${block}.type`, oneOf(['box']));
    else checkFlexComponent(box, `${p}.${block}`, allowHttp, errors);
  }
  if (b.hero !== undefined) {
    if (!isObject(b.hero) || !['box', 'image', 'video'].includes(String(b.hero.type))) {
      errors.add(`${p}.hero.type`, oneOf(['box', 'image', 'video']));
    } else checkFlexComponent(b.hero, `${p}.hero`, allowHttp, errors);
  }
  if (b.action !== undefined) {
    checkAction(b.action, `${p}.action`, errors, { labelRequired: false, labelMax: 40 });
  }
}

function checkFlexContainer(c: unknown, p: string, allowHttp: boolean, errors: Errors): void {
  if (!isObject(c)) {
    errors.add(p, 'May not be empty');
    return;
  }
  if (c.type === 'bubble') {
    checkFlexBubble(c, p, allowHttp, errors);
    return;
  }
  if (c.type !== 'carousel') {
    errors.add(`${p}.type`, oneOf(['bubble', 'carousel']));
    return;
  }
  if (!Array.isArray(c.contents) || c.contents.length < 1) {
    errors.add(`${p}.contents`, 'May not be empty');
    return;
  }
  if (c.contents.length > FLEX_CAROUSEL_BUBBLES) {
    errors.add(`${p}.contents`, `Size must be between 1 and ${FLEX_CAROUSEL_BUBBLES}`);
  }
  if (Buffer.byteLength(JSON.stringify(c), 'utf8') > FLEX_CAROUSEL_BYTES) {
    errors.add(p, 'A carousel must be at most 50 KB');
  }
  for (const [i, bubble] of (c.contents as unknown[]).entries()) {
    checkFlexBubble(bubble, `${p}.contents[${i}]`, allowHttp, errors);
  }
}

function checkMessage(m: unknown, p: string, allowHttp: boolean, errors: Errors): void {
  if (!isObject(m)) {
    errors.add(p, 'Must be an object');
    return;
  }
  switch (m.type) {
    case 'text':
      errors.string(m.text, `${p}.text`, 5000);
      break;
    case 'textV2':
      errors.string(m.text, `${p}.text`, 5000);
      checkSubstitution(m.substitution, `${p}.substitution`, errors);
      break;
    case 'image':
      checkImageUrl(m.originalContentUrl, `${p}.originalContentUrl`, allowHttp, errors);
      checkImageUrl(m.previewImageUrl, `${p}.previewImageUrl`, allowHttp, errors);
      break;
    case 'template':
      errors.string(m.altText, `${p}.altText`, 400);
      if (!isObject(m.template)) errors.add(`${p}.template`, 'May not be empty');
      break;
    case 'flex':
      errors.string(m.altText, `${p}.altText`, 1500);
      checkFlexContainer(m.contents, `${p}.contents`, allowHttp, errors);
      break;
    default:
      if (typeof m.type !== 'string' || !MESSAGE_TYPES.includes(m.type)) {
        errors.add(`${p}.type`, oneOf(MESSAGE_TYPES));
      }
  }
  checkQuickReply(m.quickReply, `${p}.quickReply`, errors);
}

function checkMessages(v: unknown, allowHttp: boolean, errors: Errors): void {
  if (!Array.isArray(v)) {
    errors.add('messages', 'May not be empty');
    return;
  }
  if (v.length < 1 || v.length > 5) errors.add('messages', 'Size must be between 1 and 5');
  for (const [i, m] of (v as unknown[]).entries()) {
    checkMessage(m, `messages[${i}]`, allowHttp, errors);
  }
}

// Rich menus: LINE's documented limits on the menu object and its image.
const RICH_MENU_ALIAS_ID = /^[a-zA-Z0-9_-]{1,32}$/;
const RICH_MENU_IMAGE_MAX_BYTES = 1024 * 1024;
const RICH_MENUS_MAX = 1000;

export interface FakeRichMenu {
  richMenuId: string;
  request: messagingApi.RichMenuRequest;
  image: { contentType: string; bytes: Buffer } | null;
}

export interface FakeRichMenuState {
  menus: FakeRichMenu[];
  aliases: Record<string, string>;
  defaultRichMenuId: string | null;
  userRichMenus: Record<string, string>;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** messaging-api.yml `RichMenuRequest` plus the documented size rules. */
function checkRichMenuRequest(v: unknown): Errors {
  const errors = new Errors();
  if (!isObject(v)) {
    errors.add('', 'Must be an object');
    return errors;
  }
  const size = isObject(v.size) ? v.size : {};
  const { width, height } = size;
  if (!isInt(width) || width < 800 || width > 2500) {
    errors.add('size.width', 'Must be between 800 and 2500');
  }
  if (!isInt(height) || height < 250) errors.add('size.height', 'Must be at least 250');
  if (isInt(width) && isInt(height) && height > 0 && width / height < 1.45) {
    errors.add('size', 'width / height must be at least 1.45');
  }
  if (typeof v.selected !== 'boolean') errors.add('selected', 'Must be a boolean');
  errors.string(v.name, 'name', 300);
  errors.string(v.chatBarText, 'chatBarText', 14);
  if (!Array.isArray(v.areas)) {
    errors.add('areas', 'May not be empty');
    return errors;
  }
  if (v.areas.length > 20) errors.add('areas', 'Size must be between 0 and 20');
  for (const [i, area] of (v.areas as unknown[]).entries()) {
    const p = `areas[${i}]`;
    const b = isObject(area) && isObject(area.bounds) ? area.bounds : null;
    if (!b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) {
      errors.add(`${p}.bounds`, 'Must have integer x, y, width and height');
    } else if (
      b.x < 0 ||
      b.y < 0 ||
      b.width < 1 ||
      b.height < 1 ||
      (isInt(width) && b.x + b.width > width) ||
      (isInt(height) && b.y + b.height > height)
    ) {
      errors.add(`${p}.bounds`, 'Must lie within the rich menu');
    }
    checkAction(isObject(area) ? area.action : undefined, `${p}.action`, errors, {
      labelRequired: false,
      labelMax: 20,
    });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

interface ApiRequest {
  method: string;
  path: string;
  /** The query string as sent ('' or '?…'). */
  query: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  requestId: string;
  now: number;
}

interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Bytes to send instead of JSON (content downloads). */
  raw?: { bytes: Buffer; contentType: string };
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handle: (req: ApiRequest) => ApiResponse;
}

/** '/v2/bot/profile/:userId' → a RegExp with named segments. */
function route(method: string, template: string, handle: (req: ApiRequest) => ApiResponse): Route {
  const names: string[] = [];
  const source = template.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handle };
}

const json = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
const NOT_FOUND = (): ApiResponse => json(404, { message: 'Not found' });
const bodyErrors = ({ details }: Errors): ApiResponse =>
  json(400, { message: `The request body has ${details.length} error(s)`, details });

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.',
  403: 'Access to this API is not available for your account',
  404: 'Not found',
  429: 'The API rate limit has been exceeded. Try again later.',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

const MAX_BODY_BYTES = 2 * 1024 * 1024; // LINE answers 413 above 2 MB

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describeMessage(m: messagingApi.Message): string {
  switch (m.type) {
    case 'text':
    case 'textV2':
      return m.text;
    case 'flex':
    case 'template':
      return m.altText;
    case 'image':
      return `[image] ${m.originalContentUrl}`;
    default:
      return `[${m.type}]`;
  }
}

// ---------------------------------------------------------------------------------------------
// The platform

interface IssuedToken {
  chatId: string;
  source: webhook.Source;
  issuedAt: number;
  used: boolean;
}

interface Fault {
  method: string;
  path: string | RegExp;
  status: number;
  remaining: number;
}

interface Waiter {
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

class Platform {
  readonly calls: RecordedCall[] = [];
  readonly replies: RecordedReply[] = [];
  readonly pushes: RecordedPush[] = [];
  readonly loadings: RecordedLoading[] = [];
  readonly accountLinks: RecordedAccountLink[] = [];
  private webhookTarget: { url: string; channelSecret: string } | null = null;
  /** Issued account-link tokens: for whom, when, and whether the dialog has used them. */
  private linkTokens = new Map<string, { userId: string; issuedAt: number; used: boolean }>();
  private users = new Map<string, FakeUser>();
  private groups = new Map<string, FakeGroup>();
  private rooms = new Map<string, FakeRoom>();
  private tokens = new Map<string, IssuedToken>();
  /** Accepted retry keys → the request that was accepted (LINE keeps them 24 h). */
  private retryKeys = new Map<
    string,
    { requestId: string; sentMessages: messagingApi.SentMessage[] }
  >();
  private faults: Fault[] = [];
  private waiters = new Set<Waiter>();
  private ulid = ulidFactory();
  private nextMessageId = 500_000_000_000_000_000n + BigInt(randomInt(1_000_000_000)) * 1000n;
  readonly now: () => number;
  readonly ttlMs: number;
  readonly allowHttpImages: boolean;
  readonly botUserId: string;
  readonly botDisplayName: string;
  readonly basicId = `@${randomInt(100, 999)}${hex(3).slice(0, 5)}`;

  constructor(readonly options: FakeLinePlatformOptions) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.replyTokenTtlMs ?? 60_000;
    this.allowHttpImages = options.allowHttpImages ?? true;
    this.botUserId = options.botUserId ?? newUserId();
    this.botDisplayName = options.botDisplayName ?? 'Home Log (fake)';
  }

  private readonly routes: Route[] = [
    route('POST', '/v2/bot/message/reply', (r) => this.reply(r)),
    route('POST', '/v2/bot/message/push', (r) => this.push(r)),
    route('GET', '/v2/bot/profile/:userId', (r) => this.profile(r)),
    route('GET', '/v2/bot/group/:groupId/member/:userId', (r) => this.groupMember(r)),
    route('GET', '/v2/bot/room/:roomId/member/:userId', (r) => this.roomMember(r)),
    route('GET', '/v2/bot/group/:groupId/summary', (r) => this.groupSummary(r)),
    route('POST', '/v2/bot/chat/loading/start', (r) => this.loading(r)),
    route('GET', '/v2/bot/info', () => this.botInfo()),
    route('GET', '/v2/bot/message/quota', () => this.quota()),
    route('GET', '/v2/bot/message/quota/consumption', () => this.quotaConsumption()),
    route('POST', '/v2/bot/user/:userId/linkToken', (r) => this.issueLinkToken(r)),
    route('GET', '/v2/bot/message/:messageId/content', (r) => this.messageContent(r)),
    route('POST', '/v2/bot/richmenu/validate', (r) => this.validateRichMenu(r)),
    route('POST', '/v2/bot/richmenu', (r) => this.createRichMenu(r)),
    route('GET', '/v2/bot/richmenu/list', () => this.listRichMenus()),
    route('POST', '/v2/bot/richmenu/bulk/link', (r) => this.bulkLinkRichMenu(r)),
    route('POST', '/v2/bot/richmenu/alias', (r) => this.createRichMenuAlias(r)),
    route('GET', '/v2/bot/richmenu/alias/list', () => this.listRichMenuAliases()),
    route('POST', '/v2/bot/richmenu/alias/:aliasId', (r) => this.updateRichMenuAlias(r)),
    route('DELETE', '/v2/bot/richmenu/alias/:aliasId', (r) => this.deleteRichMenuAlias(r)),
    route('DELETE', '/v2/bot/richmenu/:richMenuId', (r) => this.deleteRichMenu(r)),
    route('POST', '/v2/bot/richmenu/:richMenuId/content', (r) => this.setRichMenuImage(r)),
    route('POST', '/v2/bot/user/all/richmenu/:richMenuId', (r) => this.setDefaultRichMenu(r)),
    route('GET', '/v2/bot/user/all/richmenu', () => this.defaultRichMenu()),
    route('POST', '/v2/bot/user/:userId/richmenu/:richMenuId', (r) => this.linkRichMenu(r)),
    route('GET', '/v2/bot/user/:userId/richmenu', (r) => this.richMenuOfUser(r)),
  ];

  // --- Content (messaging-api.yml getMessageContent, on api-data.line.me) ---------------------

  /** What users sent, by message id, as LINE keeps it for the bot to download (then 404). */
  private contents = new Map<string, { bytes: Buffer; contentType: string }>();

  private messageContent(req: ApiRequest): ApiResponse {
    // getMessageContent: one required path parameter, no query, no body; LINE message ids are
    // decimal strings.
    const messageId = req.params.messageId ?? '';
    if (!/^\d{1,30}$/.test(messageId)) {
      return json(400, { message: 'The value for the messageId is invalid' });
    }
    if (req.body !== undefined) {
      return json(400, { message: 'A GET request must not have a body' });
    }
    if (req.query !== '') return json(400, { message: 'Unexpected query parameters' });
    const content = this.contents.get(messageId);
    if (!content) return NOT_FOUND();
    return { status: 200, body: undefined, raw: content };
  }

  /** Forget a message's content, as LINE does after a while (its fetch then answers 404). */
  expireContent(messageId: string): void {
    this.contents.delete(messageId);
  }

  // --- Monthly push quota ----------------------------------------------------------------------
  private quotaLimit: number | null = null;
  private pushedMessages = 0;

  setQuota(limit: number | null): void {
    this.quotaLimit = limit;
  }

  private quota(): ApiResponse {
    return json(
      200,
      this.quotaLimit === null ? { type: 'none' } : { type: 'limited', value: this.quotaLimit },
    );
  }

  private quotaConsumption(): ApiResponse {
    return json(200, { totalUsage: this.pushedMessages });
  }

  // --- Rich menus (messaging-api.yml RichMenuRequest, setRichMenuImage, aliases) ----------------

  private richMenus = new Map<string, FakeRichMenu>();
  private richMenuAliases = new Map<string, string>();
  private defaultRichMenuId: string | null = null;
  private userRichMenus = new Map<string, string>();

  private validateRichMenu(req: ApiRequest): ApiResponse {
    const errors = checkRichMenuRequest(req.body);
    return errors.details.length > 0 ? bodyErrors(errors) : json(200, {});
  }

  private createRichMenu(req: ApiRequest): ApiResponse {
    const errors = checkRichMenuRequest(req.body);
    if (errors.details.length > 0) return bodyErrors(errors);
    if (this.richMenus.size >= RICH_MENUS_MAX) {
      return json(400, { message: 'The maximum number of rich menus has been reached' });
    }
    const richMenuId = `richmenu-${hex(16)}`;
    this.richMenus.set(richMenuId, {
      richMenuId,
      request: req.body as messagingApi.RichMenuRequest,
      image: null,
    });
    return json(200, { richMenuId } satisfies messagingApi.RichMenuIdResponse);
  }

  private listRichMenus(): ApiResponse {
    const richmenus = [...this.richMenus.values()].map((m) => ({
      richMenuId: m.richMenuId,
      ...m.request,
    }));
    return json(200, { richmenus } as messagingApi.RichMenuListResponse);
  }

  private deleteRichMenu(req: ApiRequest): ApiResponse {
    const id = req.params.richMenuId ?? '';
    if (!this.richMenus.delete(id)) return NOT_FOUND();
    if (this.defaultRichMenuId === id) this.defaultRichMenuId = null;
    for (const [user, menu] of this.userRichMenus) if (menu === id) this.userRichMenus.delete(user);
    for (const [alias, menu] of this.richMenuAliases) {
      if (menu === id) this.richMenuAliases.delete(alias);
    }
    return json(200, {});
  }

  private setRichMenuImage(req: ApiRequest): ApiResponse {
    const menu = this.richMenus.get(req.params.richMenuId ?? '');
    if (!menu) return NOT_FOUND();
    if (menu.image) {
      return json(400, { message: 'An image has already been uploaded to the richmenu' });
    }
    const type = req.headers['content-type'] ?? '';
    if (!Buffer.isBuffer(req.body) || !['image/png', 'image/jpeg'].includes(type)) {
      return json(415, { message: 'Content-Type must be image/png or image/jpeg' });
    }
    const bytes = req.body;
    if (bytes.length > RICH_MENU_IMAGE_MAX_BYTES) {
      return json(400, { message: 'The image must be at most 1 MB' });
    }
    const size = type === 'image/png' ? pngSize(bytes) : null;
    if (type === 'image/png' && !size) return json(400, { message: 'The image is not a PNG' });
    const want = menu.request.size;
    if (size && (size.width !== want?.width || size.height !== want?.height)) {
      return json(400, {
        message: `Image size ${size.width}x${size.height} does not match the rich menu size ${want?.width}x${want?.height}`,
      });
    }
    menu.image = { contentType: type, bytes };
    return json(200, {});
  }

  /** A rich menu that can be shown: it exists and has its image. */
  private showable(id: string): ApiResponse | null {
    const menu = this.richMenus.get(id);
    if (!menu) return NOT_FOUND();
    if (!menu.image) return json(400, { message: 'must upload richmenu image before applying it' });
    return null;
  }

  private setDefaultRichMenu(req: ApiRequest): ApiResponse {
    const id = req.params.richMenuId ?? '';
    const refused = this.showable(id);
    if (refused) return refused;
    this.defaultRichMenuId = id;
    return json(200, {});
  }

  private defaultRichMenu(): ApiResponse {
    return this.defaultRichMenuId
      ? json(200, { richMenuId: this.defaultRichMenuId })
      : json(404, { message: 'no default richmenu' });
  }

  private linkRichMenu(req: ApiRequest): ApiResponse {
    const userId = req.params.userId ?? '';
    if (!USER_ID.test(userId)) return json(400, { message: 'The value for the userId is invalid' });
    const id = req.params.richMenuId ?? '';
    const refused = this.showable(id);
    if (refused) return refused;
    this.userRichMenus.set(userId, id);
    return json(200, {});
  }

  private bulkLinkRichMenu(req: ApiRequest): ApiResponse {
    const body = isObject(req.body) ? req.body : {};
    const errors = new Errors();
    const userIds = body.userIds;
    if (!Array.isArray(userIds) || userIds.length < 1 || userIds.length > 500) {
      errors.add('userIds', 'Size must be between 1 and 500');
    } else {
      for (const [i, id] of userIds.entries()) {
        if (typeof id !== 'string' || !USER_ID.test(id)) errors.add(`userIds[${i}]`, 'Invalid');
      }
    }
    errors.string(body.richMenuId, 'richMenuId', 100);
    if (errors.details.length > 0) return bodyErrors(errors);
    const refused = this.showable(body.richMenuId as string);
    if (refused) return refused;
    for (const id of userIds as string[]) this.userRichMenus.set(id, body.richMenuId as string);
    return json(202, {});
  }

  private richMenuOfUser(req: ApiRequest): ApiResponse {
    const id = this.userRichMenus.get(req.params.userId ?? '');
    return id ? json(200, { richMenuId: id }) : json(404, { message: 'the user has no richmenu' });
  }

  private createRichMenuAlias(req: ApiRequest): ApiResponse {
    const body = isObject(req.body) ? req.body : {};
    const errors = new Errors();
    const alias = body.richMenuAliasId;
    if (typeof alias !== 'string' || !RICH_MENU_ALIAS_ID.test(alias)) {
      errors.add('richMenuAliasId', 'Must match [a-zA-Z0-9_-]{1,32}');
    }
    errors.string(body.richMenuId, 'richMenuId', 100);
    if (errors.details.length > 0) return bodyErrors(errors);
    if (this.richMenuAliases.has(alias as string)) {
      return json(400, { message: 'conflict richmenu alias id' });
    }
    const refused = this.showable(body.richMenuId as string);
    if (refused) return refused;
    this.richMenuAliases.set(alias as string, body.richMenuId as string);
    return json(200, {});
  }

  private updateRichMenuAlias(req: ApiRequest): ApiResponse {
    const alias = req.params.aliasId ?? '';
    if (!this.richMenuAliases.has(alias)) return NOT_FOUND();
    const body = isObject(req.body) ? req.body : {};
    const refused = this.showable(String(body.richMenuId ?? ''));
    if (refused) return refused;
    this.richMenuAliases.set(alias, body.richMenuId as string);
    return json(200, {});
  }

  private deleteRichMenuAlias(req: ApiRequest): ApiResponse {
    return this.richMenuAliases.delete(req.params.aliasId ?? '') ? json(200, {}) : NOT_FOUND();
  }

  private listRichMenuAliases(): ApiResponse {
    const aliases = [...this.richMenuAliases].map(([richMenuAliasId, richMenuId]) => ({
      richMenuAliasId,
      richMenuId,
    }));
    return json(200, { aliases } satisfies messagingApi.RichMenuAliasListResponse);
  }

  richMenuState(): FakeRichMenuState {
    return {
      menus: [...this.richMenus.values()].map((m) => ({
        richMenuId: m.richMenuId,
        request: m.request,
        image: m.image,
      })),
      aliases: Object.fromEntries(this.richMenuAliases),
      defaultRichMenuId: this.defaultRichMenuId,
      userRichMenus: Object.fromEntries(this.userRichMenus),
    };
  }

  // --- HTTP entry -----------------------------------------------------------------------------

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://fake-line');
    const headers = flatHeaders(req);
    // The account-link dialog is a browser page on access.line.me, not the Messaging API.
    if (method === 'GET' && url.pathname === ACCOUNT_LINK_DIALOG) {
      await this.accountLinkDialog(url, headers, res);
      return;
    }
    const raw = await readBody(req);
    // Images (rich-menu content) arrive as bytes; everything else is JSON.
    const binary = raw !== 'too-large' && /^image\//.test(headers['content-type'] ?? '');
    const text = raw === 'too-large' || binary ? '' : raw.toString('utf8');
    let body: unknown = binary ? raw : text === '' ? undefined : text;
    let parsed = true;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        parsed = false;
      }
    }

    const answer = ((): ApiResponse => {
      if (raw === 'too-large') return json(413, { message: 'Request entity too large' });
      const found = this.match(method, url.pathname);
      if (!found) return NOT_FOUND();
      const fault = this.takeFault(method, url.pathname);
      if (fault !== undefined) return json(fault, { message: STATUS_MESSAGES[fault] ?? 'Error' });
      if (headers.authorization !== `Bearer ${this.options.channelAccessToken}`) {
        return json(401, { message: STATUS_MESSAGES[401] });
      }
      if (!parsed) {
        return json(400, { message: 'The request body could not be parsed as JSON' });
      }
      const { route: r, params } = found;
      return r.handle({
        method,
        path: url.pathname,
        query: url.search,
        params,
        headers,
        body,
        requestId,
        now: this.now(),
      });
    })();

    if (answer.raw) {
      res.writeHead(answer.status, {
        'content-type': answer.raw.contentType,
        'content-length': answer.raw.bytes.length,
        'x-line-request-id': requestId,
        ...answer.headers,
      });
      res.end(answer.raw.bytes);
    } else {
      const payload = JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        'x-line-request-id': requestId,
        ...answer.headers,
      });
      res.end(payload);
    }

    this.record({
      method,
      path: url.pathname,
      query: url.search,
      headers,
      body: Buffer.isBuffer(body) ? `[${headers['content-type']}, ${body.length} bytes]` : body,
      status: answer.status,
      response: answer.raw
        ? `[${answer.raw.contentType}, ${answer.raw.bytes.length} bytes]`
        : answer.body,
      requestId,
      at: this.now(),
    });
  }

  private match(method: string, path: string) {
    for (const r of this.routes) {
      const m = r.method === method ? r.pattern.exec(path) : null;
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: r, params };
    }
    return undefined;
  }

  private takeFault(method: string, path: string): number | undefined {
    const fault = this.faults.find(
      (f) =>
        f.method === method && (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
    );
    if (!fault) return undefined;
    if (--fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault.status;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const w of this.waiters) {
      if (w.predicate(call)) {
        this.waiters.delete(w);
        w.resolve(call);
      }
    }
  }

  // --- Endpoints ------------------------------------------------------------------------------

  private sentMessages(messages: messagingApi.Message[]): messagingApi.SentMessage[] {
    return messages.map((m) => ({
      id: String(this.nextMessageId++),
      ...(QUOTABLE.has(m.type) ? { quoteToken: newQuoteToken() } : {}),
    }));
  }

  private reply(req: ApiRequest): ApiResponse {
    // Retry keys are for push/multicast/narrowcast/broadcast only; elsewhere LINE answers 400.
    if (req.headers['x-line-retry-key'] !== undefined) {
      return json(400, { message: 'X-Line-Retry-Key is not supported by this API' });
    }
    const body = isObject(req.body) ? req.body : {};
    const errors = new Errors();
    if (!isNonEmptyString(body.replyToken)) errors.add('replyToken', 'May not be empty');
    checkMessages(body.messages, this.allowHttpImages, errors);
    // Checked before the token, so a malformed reply leaves the token usable.
    if (errors.details.length > 0) return bodyErrors(errors);

    const replyToken = body.replyToken as string;
    const token = this.tokens.get(replyToken);
    if (!token || token.used || req.now - token.issuedAt > this.ttlMs) {
      return json(400, { message: 'Invalid reply token' });
    }
    token.used = true;
    const messages = body.messages as messagingApi.Message[];
    const sentMessages = this.sentMessages(messages);
    this.replies.push({
      replyToken,
      chatId: token.chatId,
      source: token.source,
      messages,
      sentMessages,
      notificationDisabled: body.notificationDisabled === true,
      requestId: req.requestId,
      at: req.now,
    });
    return json(200, { sentMessages });
  }

  private push(req: ApiRequest): ApiResponse {
    const retryKey = req.headers['x-line-retry-key'];
    if (retryKey !== undefined && !UUID.test(retryKey)) {
      return json(400, { message: 'The value of the X-Line-Retry-Key header must be a UUID' });
    }
    const accepted =
      retryKey === undefined ? undefined : this.retryKeys.get(retryKey.toLowerCase());
    if (accepted) {
      return json(
        409,
        { message: 'The retry key is already accepted', sentMessages: accepted.sentMessages },
        { 'x-line-accepted-request-id': accepted.requestId },
      );
    }
    const body = isObject(req.body) ? req.body : {};
    const errors = new Errors();
    if (!isNonEmptyString(body.to)) errors.add('to', 'May not be empty');
    else if (!CHAT_ID.test(body.to)) errors.add('to', 'Must be a user, group or room ID');
    checkMessages(body.messages, this.allowHttpImages, errors);
    if (errors.details.length > 0) return bodyErrors(errors);

    // Like LINE: a push to a blocked or unknown (but well-formed) ID is accepted with 200.
    const messages = body.messages as messagingApi.Message[];
    // LINE counts each message to each recipient against the month's quota.
    if (this.quotaLimit !== null && this.pushedMessages + messages.length > this.quotaLimit) {
      return json(429, { message: 'You have reached your monthly limit.' });
    }
    this.pushedMessages += messages.length;
    const sentMessages = this.sentMessages(messages);
    this.pushes.push({
      to: body.to as string,
      messages,
      sentMessages,
      ...(retryKey !== undefined ? { retryKey } : {}),
      notificationDisabled: body.notificationDisabled === true,
      requestId: req.requestId,
      at: req.now,
    });
    if (retryKey !== undefined) {
      this.retryKeys.set(retryKey.toLowerCase(), { requestId: req.requestId, sentMessages });
    }
    return json(200, { sentMessages });
  }

  private profile(req: ApiRequest): ApiResponse {
    const user = this.users.get(req.params.userId ?? '');
    if (!user?.friend) return NOT_FOUND();
    return json(200, {
      userId: user.userId,
      displayName: user.displayName,
      ...(user.pictureUrl ? { pictureUrl: user.pictureUrl } : {}),
      ...(user.language ? { language: user.language } : {}),
    } satisfies messagingApi.UserProfileResponse);
  }

  private memberProfile(chat: FakeGroup | FakeRoom | undefined, userId: string): ApiResponse {
    const user = this.users.get(userId);
    if (!chat?.botIsMember || !user || !chat.members.includes(userId)) return NOT_FOUND();
    return json(200, {
      userId: user.userId,
      displayName: user.displayName,
      ...(user.pictureUrl ? { pictureUrl: user.pictureUrl } : {}),
    } satisfies messagingApi.GroupUserProfileResponse);
  }

  private groupMember(req: ApiRequest): ApiResponse {
    return this.memberProfile(this.groups.get(req.params.groupId ?? ''), req.params.userId ?? '');
  }

  private roomMember(req: ApiRequest): ApiResponse {
    return this.memberProfile(this.rooms.get(req.params.roomId ?? ''), req.params.userId ?? '');
  }

  private groupSummary(req: ApiRequest): ApiResponse {
    const group = this.groups.get(req.params.groupId ?? '');
    if (!group?.botIsMember) return NOT_FOUND();
    return json(200, {
      groupId: group.groupId,
      groupName: group.name,
      ...(group.pictureUrl ? { pictureUrl: group.pictureUrl } : {}),
    } satisfies messagingApi.GroupSummaryResponse);
  }

  private loading(req: ApiRequest): ApiResponse {
    const body = isObject(req.body) ? req.body : {};
    const errors = new Errors();
    // 1:1 chats only: a group or room ID is a 400.
    if (typeof body.chatId !== 'string' || !USER_ID.test(body.chatId)) {
      errors.add('chatId', 'Must be the user ID of a one-on-one chat');
    }
    const seconds = body.loadingSeconds ?? 20;
    const validSeconds =
      typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 5 && seconds <= 60;
    if (!validSeconds || seconds % 5 !== 0) {
      errors.add('loadingSeconds', 'Must be a multiple of 5 between 5 and 60');
    }
    if (errors.details.length > 0) return bodyErrors(errors);
    this.loadings.push({
      chatId: body.chatId as string,
      loadingSeconds: seconds as number,
      requestId: req.requestId,
      at: req.now,
    });
    return json(202, {});
  }

  // --- Account linking ------------------------------------------------------------------------

  private issueLinkToken(req: ApiRequest): ApiResponse {
    const userId = req.params.userId ?? '';
    if (!USER_ID.test(userId)) return json(400, { message: 'The value for the userId is invalid' });
    // LINE issues link tokens only for users who have added the bot as a friend.
    if (!this.users.get(userId)?.friend) return NOT_FOUND();
    const linkToken = randomBytes(24).toString('base64url');
    this.linkTokens.set(linkToken, { userId, issuedAt: req.now, used: false });
    return json(200, { linkToken } satisfies messagingApi.IssueLinkTokenResponse);
  }

  /**
   * LINE's dialog: checks that the browser's LINE user is the one the link token was issued
   * for and sends the `accountLink` event (`failed` when not). An unknown, used or expired
   * token gets an error page and no event, as on LINE.
   */
  private async accountLinkDialog(
    url: URL,
    headers: Record<string, string>,
    res: ServerResponse,
  ): Promise<void> {
    const page = (status: number, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...extra });
      res.end(
        `<!doctype html><html><head><title>LINE (fake)</title></head><body>${body}</body></html>`,
      );
    };
    const linkToken = url.searchParams.get('linkToken') ?? '';
    const nonce = url.searchParams.get('nonce') ?? '';
    const token = this.linkTokens.get(linkToken);
    if (!token || token.used || this.now() - token.issuedAt > LINK_TOKEN_TTL_MS) {
      page(400, '<h1>This link has expired or is invalid.</h1>');
      return;
    }
    if (nonce.length < 10 || nonce.length > 255) {
      page(400, '<h1>The nonce is invalid.</h1>');
      return;
    }
    // "Logging in": ?as=U… (from the picker below) sets the cookie for this browser.
    const chosen = url.searchParams.get('as');
    const browserUserId =
      chosen && this.users.has(chosen)
        ? chosen
        : cookieValue(headers.cookie, FAKE_LINE_LOGIN_COOKIE);
    if (!browserUserId || !this.users.has(browserUserId)) {
      const choices = [...this.users.values()].map((user) => {
        const next = new URL(url);
        next.searchParams.set('as', user.userId);
        return `<li><a href="${escapeAttribute(`${next.pathname}${next.search}`)}">${escapeAttribute(user.displayName)}</a></li>`;
      });
      page(
        200,
        `<h1>Log in to LINE (fake)</h1><p>Which LINE user are you?</p><ul>${choices.join('')}</ul>`,
      );
      return;
    }
    token.used = true;
    const result = browserUserId === token.userId ? 'ok' : 'failed';
    const event = this.events.accountLink({ userId: browserUserId, nonce, result });
    let webhookStatus: number | null = null;
    if (this.webhookTarget) {
      const body = JSON.stringify(this.callbackRequest([event]));
      const response = await fetch(this.webhookTarget.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-line-signature': signBody(body, this.webhookTarget.channelSecret),
        },
        body,
      });
      webhookStatus = response.status;
      await response.arrayBuffer();
    }
    this.accountLinks.push({
      linkToken,
      nonce,
      browserUserId,
      result,
      webhookStatus,
      at: this.now(),
    });
    const login: Record<string, string> = chosen
      ? { 'set-cookie': `${FAKE_LINE_LOGIN_COOKIE}=${browserUserId}; Path=/` }
      : {};
    page(
      200,
      result === 'ok'
        ? '<h1>Accounts linked</h1><p>Go back to the LINE chat.</p>'
        : '<h1>Linking failed</h1><p>Go back to the LINE chat.</p>',
      login,
    );
  }

  connectWebhook(url: string, channelSecret: string): void {
    this.webhookTarget = { url, channelSecret };
  }

  private botInfo(): ApiResponse {
    return json(200, {
      userId: this.botUserId,
      basicId: this.basicId,
      displayName: this.botDisplayName,
      chatMode: 'bot',
      markAsReadMode: 'auto',
    } satisfies messagingApi.BotInfoResponse);
  }

  // --- Directory ------------------------------------------------------------------------------

  addUser(input: AddUserInput): FakeUser {
    const user: FakeUser = {
      userId: input.userId ?? newUserId(),
      displayName: input.displayName,
      ...(input.language ? { language: input.language } : {}),
      ...(input.pictureUrl ? { pictureUrl: input.pictureUrl } : {}),
      consented: input.consented ?? true,
      friend: input.friend ?? true,
    };
    this.users.set(user.userId, user);
    return user;
  }

  addGroup(input: {
    groupId?: string;
    name: string;
    members: string[];
    pictureUrl?: string;
    botIsMember?: boolean;
  }): FakeGroup {
    const group: FakeGroup = {
      groupId: input.groupId ?? newGroupId(),
      name: input.name,
      ...(input.pictureUrl ? { pictureUrl: input.pictureUrl } : {}),
      members: [...input.members],
      botIsMember: input.botIsMember ?? true,
    };
    this.groups.set(group.groupId, group);
    return group;
  }

  addRoom(input: { roomId?: string; members: string[]; botIsMember?: boolean }): FakeRoom {
    const room: FakeRoom = {
      roomId: input.roomId ?? newRoomId(),
      members: [...input.members],
      botIsMember: input.botIsMember ?? true,
    };
    this.rooms.set(room.roomId, room);
    return room;
  }

  user(userId: string) {
    return this.users.get(userId);
  }
  group(groupId: string) {
    return this.groups.get(groupId);
  }
  room(roomId: string) {
    return this.rooms.get(roomId);
  }

  // --- Event factory --------------------------------------------------------------------------

  private requireUser(userId: string): FakeUser {
    const user = this.users.get(userId);
    if (!user) throw new Error(`fake LINE: unknown user ${userId}; call addUser() first`);
    return user;
  }

  private requireChat(ref: GroupOrRoom | ChatRef): FakeGroup | FakeRoom {
    if (ref.groupId !== undefined) {
      const group = this.groups.get(ref.groupId);
      if (!group) throw new Error(`fake LINE: unknown group ${ref.groupId}; call addGroup() first`);
      return group;
    }
    const room = this.rooms.get(ref.roomId ?? '');
    if (!room) throw new Error(`fake LINE: unknown room ${ref.roomId}; call addRoom() first`);
    return room;
  }

  /** The event source; in groups/rooms userId is left out for users who didn't consent. */
  private source(ref: ChatRef, withUser: boolean): { source: webhook.Source; chatId: string } {
    if (ref.groupId === undefined && ref.roomId === undefined) {
      if (ref.userId === undefined) throw new Error('fake LINE: give a userId, groupId or roomId');
      this.requireUser(ref.userId);
      return { source: { type: 'user', userId: ref.userId }, chatId: ref.userId };
    }
    const chat = this.requireChat(ref);
    let userId: string | undefined;
    if (withUser && ref.userId !== undefined) {
      const user = this.requireUser(ref.userId);
      if (!chat.members.includes(user.userId)) {
        throw new Error(
          `fake LINE: ${user.userId} is not a member of ${ref.groupId ?? ref.roomId}`,
        );
      }
      if (user.consented) userId = user.userId;
    }
    const extra = userId ? { userId } : {};
    return 'groupId' in chat
      ? { source: { type: 'group', groupId: chat.groupId, ...extra }, chatId: chat.groupId }
      : { source: { type: 'room', roomId: chat.roomId, ...extra }, chatId: chat.roomId };
  }

  private base(source: webhook.Source | undefined) {
    const timestamp = this.now();
    return {
      timestamp,
      mode: 'active' as const,
      webhookEventId: this.ulid(timestamp),
      deliveryContext: { isRedelivery: false },
      ...(source ? { source } : {}),
    };
  }

  private issueToken(source: webhook.Source, chatId: string): string {
    const token = hex(16);
    this.tokens.set(token, { chatId, source, issuedAt: this.now(), used: false });
    return token;
  }

  private withToken(ref: ChatRef, withUser: boolean) {
    const { source, chatId } = this.source(ref, withUser);
    return { ...this.base(source), replyToken: this.issueToken(source, chatId) };
  }

  private mentionees(text: string, input: MentioneeInput[]): webhook.Mentionee[] {
    if (input.length > 20) throw new Error('fake LINE: at most 20 mentionees');
    return input.map((m): webhook.Mentionee => {
      if (m.index < 0 || m.length < 1 || m.index + m.length > text.length) {
        throw new RangeError(`fake LINE: mention ${m.index}+${m.length} is outside "${text}"`);
      }
      if (m.type === 'all') return { type: 'all', index: m.index, length: m.length };
      const consented = m.userId === this.botUserId || this.users.get(m.userId ?? '')?.consented;
      return {
        type: 'user',
        index: m.index,
        length: m.length,
        ...(m.userId && consented !== false ? { userId: m.userId } : {}),
        isSelf: m.isSelf ?? m.userId === this.botUserId,
      };
    });
  }

  readonly events: EventFactory = {
    text: (input) => {
      const message: webhook.TextMessageContent = {
        id: String(this.nextMessageId++),
        type: 'text',
        quoteToken: newQuoteToken(),
        text: input.text,
        ...(input.mention
          ? { mention: { mentionees: this.mentionees(input.text, input.mention.mentionees) } }
          : {}),
        ...(input.quotedMessageId ? { quotedMessageId: input.quotedMessageId } : {}),
      };
      return { type: 'message', ...this.withToken(input, true), message };
    },
    image: ({ content, ...input }) => {
      const message: webhook.ImageMessageContent = {
        id: String(this.nextMessageId++),
        type: 'image',
        quoteToken: newQuoteToken(),
        contentProvider: { type: 'line' },
      };
      this.contents.set(message.id, {
        bytes: content?.bytes ?? SAMPLE_PNG,
        contentType: content?.contentType ?? 'image/jpeg',
      });
      return { type: 'message', ...this.withToken(input, true), message };
    },
    file: ({ fileName, content, ...input }) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      const message: webhook.FileMessageContent = {
        id: String(this.nextMessageId++),
        type: 'file',
        fileName,
        fileSize: bytes.length,
      };
      this.contents.set(message.id, { bytes, contentType: 'application/octet-stream' });
      return { type: 'message', ...this.withToken(input, true), message };
    },
    follow: ({ userId, isUnblocked = false }) => {
      const event = { type: 'follow' as const, ...this.withToken({ userId }, true) };
      this.requireUser(userId).friend = true;
      return { ...event, follow: { isUnblocked } };
    },
    unfollow: ({ userId }) => {
      const event = {
        type: 'unfollow' as const,
        ...this.base(this.source({ userId }, true).source),
      };
      this.requireUser(userId).friend = false;
      return event;
    },
    join: (input) => {
      this.requireChat(input).botIsMember = true;
      return { type: 'join', ...this.withToken(input, false) };
    },
    leave: (input) => {
      const event = { type: 'leave' as const, ...this.base(this.source(input, false).source) };
      this.requireChat(input).botIsMember = false;
      return event;
    },
    memberJoined: ({ userIds, ...ref }) => {
      const chat = this.requireChat(ref);
      for (const id of userIds) if (!chat.members.includes(id)) chat.members.push(id);
      const members = userIds.map((userId) => ({ type: 'user' as const, userId }));
      return { type: 'memberJoined', ...this.withToken(ref, false), joined: { members } };
    },
    memberLeft: ({ userIds, ...ref }) => {
      const chat = this.requireChat(ref);
      for (const id of userIds) {
        const at = chat.members.indexOf(id);
        if (at >= 0) chat.members.splice(at, 1);
      }
      const members = userIds.map((userId) => ({ type: 'user' as const, userId }));
      return {
        type: 'memberLeft',
        ...this.base(this.source(ref, false).source),
        left: { members },
      };
    },
    postback: ({ data, params, ...ref }) => ({
      type: 'postback',
      ...this.withToken(ref, true),
      postback: { data, ...(params ? { params } : {}) },
    }),
    unsend: ({ messageId, ...ref }) => ({
      type: 'unsend',
      ...this.base(this.source(ref, true).source),
      unsend: { messageId },
    }),
    accountLink: ({ userId, nonce, result }) => {
      const link = { result, nonce } as webhook.LinkContent;
      return result === 'ok'
        ? { type: 'accountLink', ...this.withToken({ userId }, true), link }
        : { type: 'accountLink', ...this.base(this.source({ userId }, true).source), link };
    },
  };

  // --- Controls -------------------------------------------------------------------------------

  failNext(method: string, path: string | RegExp, status: number, times = 1): void {
    this.faults.push({ method: method.toUpperCase(), path, status, remaining: times });
  }

  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const past = this.calls.find(predicate);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.calls.map(
          (c) =>
            `  ${c.method} ${c.path} → ${c.status} ${JSON.stringify(c.body ?? null).slice(0, 200)}`,
        );
        reject(
          new Error(
            `fake LINE: no call matched ${predicate.toString().slice(0, 200)} within ${timeoutMs} ms; ` +
              `recorded ${this.calls.length} call(s)${seen.length ? `:\n${seen.join('\n')}` : ''}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  messagesTo(chatId: string): messagingApi.Message[] {
    const deliveries = [
      ...this.replies.filter((r) => r.chatId === chatId),
      ...this.pushes.filter((p) => p.to === chatId),
    ];
    // Both lists are in arrival order; a stable sort on time keeps ties in that order.
    deliveries.sort((a, b) => a.at - b.at);
    return deliveries.flatMap((d) => d.messages);
  }

  textsTo(chatId: string): string[] {
    return this.messagesTo(chatId).map(describeMessage);
  }

  callbackRequest(events: webhook.Event[]): webhook.CallbackRequest {
    return { destination: this.botUserId, events };
  }

  clearRecorded(): void {
    this.calls.length = 0;
    this.replies.length = 0;
    this.pushes.length = 0;
    this.loadings.length = 0;
    this.accountLinks.length = 0;
  }

  reset(): void {
    this.clearRecorded();
    this.users.clear();
    this.groups.clear();
    this.rooms.clear();
    this.tokens.clear();
    this.retryKeys.clear();
    this.linkTokens.clear();
    this.faults.length = 0;
    this.quotaLimit = null;
    this.pushedMessages = 0;
    this.richMenus.clear();
    this.richMenuAliases.clear();
    this.defaultRichMenuId = null;
    this.userRichMenus.clear();
    this.contents.clear();
  }
}

/** A 1×1 PNG: what an image message carries when a test gives no content. */
const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const ACCOUNT_LINK_DIALOG = '/dialog/bot/accountLink';
/** LINE documents link tokens as valid for 10 minutes. */
const LINK_TOKEN_TTL_MS = 10 * 60_000;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

const escapeAttribute = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function newQuoteToken(): string {
  return randomBytes(48).toString('base64url');
}

/** Starts the fake on 127.0.0.1 (random port by default). Remember to `close()` it. */
export async function startFakeLinePlatform(
  options: FakeLinePlatformOptions,
): Promise<FakeLinePlatform> {
  const platform = new Platform(options);
  const server = createServer((req, res) => {
    platform.handle(req, res).catch((error: unknown) => {
      // A bug in the fake must be loud in tests, not a hung request.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake LINE crashed: ${String(error)}` }));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    botUserId: platform.botUserId,
    calls: platform.calls,
    replies: platform.replies,
    pushes: platform.pushes,
    loadings: platform.loadings,
    accountLinks: platform.accountLinks,
    events: platform.events,
    connectWebhook: (url, channelSecret) => platform.connectWebhook(url, channelSecret),
    addUser: (input) => platform.addUser(input),
    addGroup: (input) => platform.addGroup(input),
    addRoom: (input) => platform.addRoom(input),
    user: (id) => platform.user(id),
    group: (id) => platform.group(id),
    room: (id) => platform.room(id),
    callbackRequest: (events) => platform.callbackRequest(events),
    failNext: (method, path, status, times) => platform.failNext(method, path, status, times),
    waitFor: (predicate, timeoutMs) => platform.waitFor(predicate, timeoutMs),
    messagesTo: (chatId) => platform.messagesTo(chatId),
    textsTo: (chatId) => platform.textsTo(chatId),
    setQuota: (limit) => platform.setQuota(limit),
    expireContent: (messageId) => platform.expireContent(messageId),
    richMenuState: () => platform.richMenuState(),
    clearRecorded: () => platform.clearRecorded(),
    reset: () => platform.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; drop them so close() doesn't wait for their timeout.
        server.closeAllConnections();
      }),
  };
}
