// @ts-nocheck
// Plays the LINE Platform's side of a webhook: signs a body with the channel secret and POSTs it
// to the app, the way LINE does (REFERENCE §1.1: HMAC-SHA256 over the exact bytes, base64).

import { createHmac } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';

/** The `x-line-signature` value for body: base64(HMAC-SHA256(channelSecret, body)). */
export function signBody(body: string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body, 'utf8').digest('base64');
}

/** Used as `destination` when only an events array is given (any valid-looking bot ID). */
export const PLACEHOLDER_DESTINATION = `U${'0'.repeat(32)}`;

export interface PostWebhookOptions {
  /** Replace the computed signature; null sends no `x-line-signature` header at all. */
  signature?: string | null;
  /** Send every event with `deliveryContext.isRedelivery: true` (IDs and reply tokens unchanged, as LINE does). */
  redelivery?: boolean;
  /** `destination` when `payload` is a bare events array (default PLACEHOLDER_DESTINATION). */
  destination?: string;
  /** Send through this instead of global fetch, e.g. `(url, init) => app.request(url, init)` for a hono app. */
  fetch?: (url: string, init: RequestInit) => Promise<Response> | Response;
}

export interface WebhookResult {
  status: number;
  body: string;
}

/**
 * POSTs `{destination, events}` to the app. appUrl is the webhook URL; a bare origin
 * (`http://127.0.0.1:3000`) gets `/webhook` appended (DESIGN §1). The body is serialised once
 * and those exact bytes are signed and sent.
 */
export async function postWebhook(
  appUrl: string,
  channelSecret: string,
  payload: webhook.Event[] | webhook.CallbackRequest,
  options: PostWebhookOptions = {},
): Promise<WebhookResult> {
  const request: webhook.CallbackRequest = Array.isArray(payload)
    ? { destination: options.destination ?? PLACEHOLDER_DESTINATION, events: payload }
    : payload;
  const events = options.redelivery
    ? request.events.map((e) => ({ ...e, deliveryContext: { isRedelivery: true } }))
    : request.events;
  const body = JSON.stringify({ destination: request.destination, events });

  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'LineBotWebhook/2.0',
  };
  const signature =
    options.signature === undefined ? signBody(body, channelSecret) : options.signature;
  if (signature !== null) headers['x-line-signature'] = signature;

  const url = new URL(appUrl);
  if (url.pathname === '/') url.pathname = '/webhook';
  const send = options.fetch ?? fetch;
  const response = await send(url.toString(), { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}
