// @ts-nocheck
// The baseline: LINE's official echo bot (line/line-bot-sdk-nodejs examples/echo-bot), Express +
// the SDK's `middleware({ channelSecret })`, replying with the same text through
// `messagingApi.MessagingApiClient`. As in the example, the webhook answers once the reply call
// has finished. The only changes: the API base URL points at the bench's fake LINE platform, it
// listens on a free port, prints {"port", "pid"} as one JSON line, and exits when stdin closes.
//
//   LINE_CHANNEL_SECRET=… LINE_CHANNEL_ACCESS_TOKEN=… LINE_API_BASE_URL=… \
//     node --import tsx bench/echo-server.ts

import type { AddressInfo } from 'node:net';
import { messagingApi, middleware, type webhook } from '@line/bot-sdk';
import express from 'express';

const channelSecret = process.env.LINE_CHANNEL_SECRET;
const channelAccessToken = process.env.LINE_CHANNEL_ACCESS_TOKEN;
if (!channelSecret || !channelAccessToken) {
  process.stderr.write('LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are required\n');
  process.exit(2);
}

const client = new messagingApi.MessagingApiClient({
  channelAccessToken,
  ...(process.env.LINE_API_BASE_URL ? { baseURL: process.env.LINE_API_BASE_URL } : {}),
});

const app = express();

app.post('/webhook', middleware({ channelSecret }), (req, res) => {
  Promise.all((req.body as webhook.CallbackRequest).events.map(handleEvent))
    .then((result) => res.json(result))
    .catch((err) => {
      console.error(err);
      res.status(500).end();
    });
});

function handleEvent(event: webhook.Event) {
  if (event.type !== 'message' || (event as webhook.MessageEvent).message.type !== 'text') {
    // ignore non-text-message event
    return Promise.resolve(null);
  }
  const message = event as webhook.MessageEvent & { message: webhook.TextMessageContent };
  // create an echoing text message
  const echo: messagingApi.TextMessage = { type: 'text', text: message.message.text };
  // use reply API
  return client.replyMessage({ replyToken: message.replyToken as string, messages: [echo] });
}

const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
});

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('error', shutdown);
process.stdin.resume();
