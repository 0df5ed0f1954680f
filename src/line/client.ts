import { createHash } from 'node:crypto';
import { type ApiResponseType, HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Logger } from '../logger';

export type Message = messagingApi.Message;

export interface LineProfile {
  userId: string;
  displayName: string;
  pictureUrl?: string;
  /** BCP 47 tag from the LINE app settings (1:1 profiles only), e.g. "th", "en", "ja". */
  language?: string;
}

/** What the bot needs from the LINE Messaging API. Tests talk to a local fake platform. */
export interface LineApi {
  /** Replies with a reply token (single use, about a minute). Returns false if LINE refused. */
  reply(replyToken: string, messages: Message[]): Promise<boolean>;
  /**
   * Pushes to a user, group or room. `retryKey` (any string; hashed to a UUID) makes retries
   * safe: LINE accepts one request per key within 24 hours.
   */
  push(to: string, messages: Message[], retryKey: string): Promise<boolean>;
  getProfile(userId: string): Promise<LineProfile | null>;
  getGroupMemberProfile(groupId: string, userId: string): Promise<LineProfile | null>;
  getRoomMemberProfile(roomId: string, userId: string): Promise<LineProfile | null>;
  /** A group's name as LINE shows it now; null if LINE refused (the bot left, or a room id). */
  groupName(groupId: string): Promise<string | null>;
  /**
   * A link token for LINE's account-link dialog, for one user who is a friend of the bot
   * (valid about 10 minutes, single use); null if LINE refused.
   */
  issueLinkToken(userId: string): Promise<string | null>;
  /** The "…" typing indicator in a one-to-one chat while something slow (a chart) is made. */
  showLoading(userId: string, seconds?: number): Promise<void>;
  /**
   * This month's push quota: `limit` null when LINE sets none, `used` the messages counted so
   * far. Null when LINE could not be asked (callers then push nothing).
   */
  quota(): Promise<PushQuota | null>;
  /**
   * The bytes of an image (or other content) a user sent, from LINE's data API, read up to
   * `maxBytes`: 'tooLarge' past that, 'unavailable' when LINE could not give it (gone, or down).
   */
  messageContent(messageId: string, maxBytes: number): Promise<MessageContent>;
}

export type MessageContent =
  | { ok: true; bytes: Buffer; contentType: string | null }
  | { ok: false; reason: 'tooLarge' | 'unavailable' };

export interface PushQuota {
  limit: number | null;
  used: number;
}

/** An answer to a JSON POST: what the LINE client reads of it. */
export interface JsonPostAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/**
 * Sends a JSON POST and returns the answer, whatever its status (it throws only when no
 * answer came). The Node entry passes one over Node's own HTTP client (node-http-post.ts).
 */
export type JsonPost = (
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
) => Promise<JsonPostAnswer>;

const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;

/**
 * The Messaging API through @line/bot-sdk. Every failed call is logged with LINE's
 * x-line-request-id. Retries happen only where a repeat cannot double-send: pushes carry a
 * retry key, and a repeated reply fails harmlessly with "Invalid reply token". 4xx answers are
 * never retried.
 */
export function createLineApi(options: {
  channelAccessToken: string;
  baseUrl: string;
  /** The data API (content downloads), https://api-data.line.me in production. */
  dataBaseUrl: string;
  logger: Logger;
  /** Pause between attempts; tests make it zero. */
  backoffMs?: (attempt: number) => number;
  /**
   * How replies and pushes are posted (the most frequent calls), when not with the SDK's
   * `fetch`. Every other call goes through the SDK.
   */
  post?: JsonPost;
}): LineApi {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseUrl,
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.dataBaseUrl,
  });
  const log = options.logger.child({ component: 'line-api' });
  const { post } = options;
  const backoff = options.backoffMs ?? ((attempt) => 200 * 2 ** attempt);

  /** Runs one API call with a timeout and bounded retries on 5xx, 429 and network errors. */
  async function call<T>(
    endpoint: string,
    retry: boolean,
    request: () => Promise<WithHeaders<T> | T>,
  ): Promise<{ ok: true; body: T } | { ok: false; status: number | null }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await withTimeout(request(), TIMEOUT_MS);
        const body = isHttpInfo<T>(response) ? response.body : response;
        if (isHttpInfo<T>(response)) {
          log.debug(
            { endpoint, requestId: response.httpResponse.headers.get('x-line-request-id') },
            'LINE API call',
          );
        }
        return { ok: true, body };
      } catch (error) {
        const status = error instanceof HTTPFetchError ? error.status : null;
        const requestId =
          error instanceof HTTPFetchError ? error.headers.get('x-line-request-id') : null;
        const retryable = retry && (status === null || status >= 500 || status === 429);
        const last = attempt + 1 >= ATTEMPTS || !retryable;
        log[last ? 'error' : 'warn'](
          {
            endpoint,
            status,
            requestId,
            attempt: attempt + 1,
            body: error instanceof HTTPFetchError ? error.body.slice(0, 500) : undefined,
            err: error instanceof HTTPFetchError ? undefined : error,
          },
          last ? 'LINE API call failed' : 'LINE API call failed, retrying',
        );
        if (last) return { ok: false, status };
        await sleep(backoff(attempt));
      }
    }
  }

  /**
   * Posts to a Messaging API endpoint through `options.post`, answering as the SDK's
   * `...WithHttpInfo` methods do: a 2xx gives the headers and the parsed body, anything else
   * throws the SDK's HTTPFetchError, so that `call` retries and logs it the same way.
   */
  async function postJson<T>(
    path: string,
    payload: unknown,
    post: JsonPost,
    headers: Record<string, string> = {},
  ): Promise<WithHeaders<T>> {
    const answer = await post(
      new URL(path, options.baseUrl).toString(),
      {
        'content-type': 'application/json',
        authorization: `Bearer ${options.channelAccessToken}`,
        'user-agent': 'home-log',
        ...headers,
      },
      JSON.stringify(payload),
      TIMEOUT_MS,
    );
    if (answer.status < 200 || answer.status >= 300) {
      throw new HTTPFetchError(`${answer.status} - ${answer.statusText}`, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
        body: answer.text,
      });
    }
    // Replies and pushes answer `{}` (or sent messages' ids): a body that does not parse is no
    // reason to send the messages again.
    let body: unknown = {};
    try {
      body = answer.text ? JSON.parse(answer.text) : {};
    } catch {
      log.warn({ requestId: answer.headers.get('x-line-request-id') }, 'LINE answered not JSON');
    }
    return { httpResponse: { headers: answer.headers }, body: body as T };
  }

  async function profile(
    endpoint: string,
    fetchProfile: () => Promise<ApiResponseType<LineProfile>>,
  ): Promise<LineProfile | null> {
    const result = await call<LineProfile>(endpoint, true, fetchProfile);
    return result.ok ? result.body : null;
  }

  return {
    async reply(replyToken, messages) {
      const result = await call('reply', true, () =>
        post
          ? postJson('/v2/bot/message/reply', { replyToken, messages }, post)
          : client.replyMessageWithHttpInfo({ replyToken, messages }),
      );
      return result.ok;
    },
    async push(to, messages, retryKey) {
      const key = retryKeyUuid(retryKey);
      const result = await call('push', true, () =>
        post
          ? postJson('/v2/bot/message/push', { to, messages }, post, { 'x-line-retry-key': key })
          : client.pushMessageWithHttpInfo({ to, messages }, key),
      );
      // 409: an earlier attempt with this key was accepted, so the message is on its way.
      return result.ok || result.status === 409;
    },
    getProfile: (userId) => profile('profile', () => client.getProfileWithHttpInfo(userId)),
    getGroupMemberProfile: (groupId, userId) =>
      profile('group member profile', () =>
        client.getGroupMemberProfileWithHttpInfo(groupId, userId),
      ),
    getRoomMemberProfile: (roomId, userId) =>
      profile('room member profile', () => client.getRoomMemberProfileWithHttpInfo(roomId, userId)),
    async groupName(groupId) {
      const result = await call('group summary', true, () =>
        client.getGroupSummaryWithHttpInfo(groupId),
      );
      return result.ok ? result.body.groupName : null;
    },
    async quota() {
      const limit = await call('quota', true, () => client.getMessageQuotaWithHttpInfo());
      if (!limit.ok) return null;
      const used = await call('quota consumption', true, () =>
        client.getMessageQuotaConsumptionWithHttpInfo(),
      );
      if (!used.ok) return null;
      return {
        limit: limit.body.type === 'limited' ? (limit.body.value ?? 0) : null,
        used: used.body.totalUsage,
      };
    },
    async issueLinkToken(userId) {
      const result = await call('link token', true, () =>
        client.issueLinkTokenWithHttpInfo(userId),
      );
      return result.ok ? result.body.linkToken : null;
    },
    async messageContent(messageId, maxBytes) {
      const result = await call('message content', true, async () => {
        const response = await blob.getMessageContentWithHttpInfo(messageId);
        return { httpResponse: response.httpResponse, body: await readCapped(response, maxBytes) };
      });
      if (!result.ok) return { ok: false, reason: 'unavailable' };
      if (result.body === null) return { ok: false, reason: 'tooLarge' };
      return { ok: true, ...result.body };
    },
    async showLoading(userId, seconds = 20) {
      await call('loading', false, () =>
        client.showLoadingAnimation({ chatId: userId, loadingSeconds: seconds }),
      );
    },
  };
}

/** LINE wants the retry key as a UUID; derive it deterministically from any string. */
export function retryKeyUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  // Shape it as a version-4-style UUID so that strict validators accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The body of a content download, or null when it is longer than `maxBytes`: a declared length
 * over the limit is refused before reading, and the stream is cut off as soon as it passes it.
 */
async function readCapped(
  response: { httpResponse: Response; body: AsyncIterable<unknown> & { destroy?: () => void } },
  maxBytes: number,
): Promise<{ bytes: Buffer; contentType: string | null } | null> {
  const { httpResponse, body } = response;
  const declared = Number(httpResponse.headers.get('content-length') ?? Number.NaN);
  const contentType = httpResponse.headers.get('content-type');
  if (declared > maxBytes) {
    body.destroy?.();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += part.length;
    if (size > maxBytes) {
      body.destroy?.();
      return null;
    }
    chunks.push(part);
  }
  return { bytes: Buffer.concat(chunks), contentType };
}

/** An answer with its headers (the SDK's `...WithHttpInfo` methods and `postJson`). */
type WithHeaders<T> = { httpResponse: { headers: Headers }; body: T };

function isHttpInfo<T>(value: unknown): value is WithHeaders<T> {
  return typeof value === 'object' && value !== null && 'httpResponse' in value && 'body' in value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
