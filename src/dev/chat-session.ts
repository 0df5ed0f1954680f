// The logic behind `npm run chat`: the real app, in this process, on the embedded
// database, served over real HTTP on 127.0.0.1, talking to a local fake LINE platform. A person
// types lines; each becomes a signed webhook exactly as LINE would send it, and what the bot
// sends back (replies and pushes) is turned into printable lines. No terminal here: the entry
// (src/entry/chat.ts) only reads lines and prints what `send` returns, so tests drive this.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { messagingApi, webhook } from '@line/bot-sdk';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import pino from 'pino';
import { createApp } from '../app';
import { createBot } from '../bot/bot';
import { readFlex } from '../bot/flex';
import { parseConfig } from '../config';
import { withActor } from '../db/actor';
import type { Database } from '../db/client';
import { createDatabase } from '../db/open';
import { webhookEvents } from '../db/schema';
import type { Deps } from '../deps';
import { createLogger, type Logger } from '../logger';
import { createNodeDeps } from '../runtime';
import { findUserByLineId } from '../store/users';
import {
  type FakeGroup,
  type FakeLinePlatform,
  type FakeUser,
  type MentioneeInput,
  startFakeLinePlatform,
} from './fake-line-platform';
import { postWebhook } from './webhook-client';

export const DEFAULT_CHAT_DATA_DIR = './data/chat';
export const DEFAULT_CHAT_OUT_DIR = './chat-out';
/** The bot's name in the fake platform; `@Home Log` (or `@bot`) in a group mentions it. */
export const CHAT_BOT_NAME = 'Home Log';

/** Environment variables a chat session passes through to the app's configuration. */
export const CHAT_PASSTHROUGH_ENV = [
  'DEFAULT_TIMEZONE',
  'LOG_LEVEL',
  'GOOGLE_CLIENT_ID',
  'GOOGLE_CLIENT_SECRET',
  'GOOGLE_AUTH_URL',
  'GOOGLE_TOKEN_URL',
  'GOOGLE_CERTS_URL',
  'GOOGLE_ISSUER',
] as const;

export interface ChatSessionOptions {
  /** PGlite data directory (default ./data/chat, kept between runs); `memory://` throws it away. */
  dataDir?: string;
  /**
   * A database already open and migrated, used instead of one in `dataDir` and closed with the
   * session (tests hand in a copy of a migrated one: migrating a new one takes seconds).
   */
  database?: Database;
  /** The LINE app language of the people you play (default en). */
  language?: 'th' | 'en';
  /** Display name of the default person, "you" (default "You"). */
  displayName?: string;
  /** Where chart images are saved (default ./chat-out). */
  outDir?: string;
  /** Extra configuration (see CHAT_PASSTHROUGH_ENV); LOG_LEVEL defaults to warn. */
  env?: Record<string, string | undefined>;
  /** Default: JSON logs on stderr at LOG_LEVEL, so stdout stays a readable conversation. */
  logger?: Logger;
  /** Called with the lines of messages that arrive outside `send` (pushes, late answers). */
  onOutput?: (lines: string[]) => void;
  /** How often to look for such messages (default 200 ms). */
  pollIntervalMs?: number;
  /** How long `send` waits for the bot to finish (default 30 s). */
  answerTimeoutMs?: number;
}

export interface ChatSession {
  /** The app's origin (also its PUBLIC_BASE_URL), e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** The fake LINE platform's origin (the app's LINE_API_BASE_URL). */
  readonly lineUrl: string;
  readonly dataDir: string;
  /** True when the data survives the session (not `memory://`). */
  readonly persistent: boolean;
  readonly outDir: string;
  readonly closed: boolean;
  /** `you@dm › `, `mom@family › `. */
  prompt(): string;
  /** The default person follows the bot (if new to this database): the greeting. */
  start(): Promise<string[]>;
  /** One typed line (a message, or a /command); resolves with the lines to print. */
  send(line: string): Promise<string[]>;
  /** Waits for background work, stops the server, closes the database. Idempotent. */
  close(): Promise<void>;
  /** For tests and tinkering: the fake platform and the app's dependencies. */
  readonly platform: FakeLinePlatform;
  readonly deps: Deps;
}

export const CHAT_HELP: readonly string[] = [
  'Type as a LINE user would; plain lines are messages to the bot. Commands:',
  '  /as NAME      speak as NAME (a new LINE user on first use, who follows the bot)',
  '  /group NAME   talk in group NAME (created on first use, with the bot in it)',
  '  /dm           back to your one-to-one chat with the bot',
  '  /who          where you are and who is here',
  '  /1, /2 …      tap a button or quick reply of the last answer',
  '  /photo PATH   send a picture (JPEG or PNG file), as after a reading or `photo #12`',
  '  /file PATH    send a file, as after `import meter 1` (a CSV of readings)',
  '  //text        send a message that starts with "/"',
  `  @bot          in a group, mentions the bot (as @${CHAT_BOT_NAME})`,
  '  /help         this list',
  '  /quit         leave (Ctrl-D too)',
  'Try: add meter Electric kWh · meter 1 = 4521 · help',
];

const BOT = 'bot › ';
const INDENT = ' '.repeat(BOT.length);
const CHOICE_LINE_WIDTH = 100;

interface Person {
  key: string;
  handle: string;
  user: FakeUser;
}

interface Group {
  key: string;
  name: string;
  group: FakeGroup;
}

interface Choice {
  label: string;
  action: messagingApi.Action;
  /** The chat the button was shown in: a user id (one-to-one) or a group id. */
  chatId: string;
}

interface Delivery {
  chatId: string;
  messages: messagingApi.Message[];
  at: number;
}

/** Stable LINE-looking IDs from names, so a second run on the same data finds the same people. */
const stableId = (prefix: 'U' | 'C', kind: string, key: string): string =>
  `${prefix}${createHash('sha256').update(`home-log chat ${kind}:${key}`).digest('hex').slice(0, 32)}`;

const keyOf = (name: string) => name.normalize('NFKC').trim().toLocaleLowerCase();

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function createChatSession(options: ChatSessionOptions = {}): Promise<ChatSession> {
  const dataDir = options.database ? 'memory://' : (options.dataDir ?? DEFAULT_CHAT_DATA_DIR);
  const persistent = !dataDir.startsWith('memory://');
  const language = options.language ?? 'en';
  const outDir = options.outDir ?? DEFAULT_CHAT_OUT_DIR;
  const answerTimeoutMs = options.answerTimeoutMs ?? 30_000;

  // Everything is generated: the person trying the bot needs no LINE account and no settings.
  const channelSecret = randomBytes(16).toString('hex');
  const channelAccessToken = `chat-${randomBytes(16).toString('hex')}`;
  const platform = await startFakeLinePlatform({
    channelAccessToken,
    botDisplayName: CHAT_BOT_NAME,
    allowHttpImages: true,
  });

  let database: Database | undefined;
  let server: Server | undefined;
  let unlock: (() => Promise<void>) | undefined;
  try {
    // PGlite is one process's database: two chats on one directory would corrupt it.
    if (persistent) unlock = await lockDataDir(dataDir);
    // The server listens first so that the configuration can name its own origin.
    let handler: Hono['fetch'] | undefined;
    server = serve({
      fetch: (request, env) =>
        handler ? handler(request, env) : new Response('starting', { status: 503 }),
      port: 0,
      hostname: '127.0.0.1',
    }) as Server;
    const listening = server;
    await new Promise<void>((done, fail) => {
      listening.once('listening', () => done());
      listening.once('error', fail);
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The fake's account-link dialog delivers its event to this app, as LINE would.
    platform.connectWebhook(`${url}/webhook`, channelSecret);

    const passthrough: Record<string, string> = {};
    for (const name of CHAT_PASSTHROUGH_ENV) {
      const value = options.env?.[name];
      if (value !== undefined && value !== '') passthrough[name] = value;
    }
    const config = parseConfig({
      LOG_LEVEL: 'warn',
      ...passthrough,
      PGLITE_DIR: dataDir,
      LINE_CHANNEL_SECRET: channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken,
      LINE_API_BASE_URL: platform.url,
      LINE_DATA_API_BASE_URL: platform.url,
      LINE_ACCESS_BASE_URL: platform.url,
      PUBLIC_BASE_URL: url,
      APP_SECRET: randomBytes(32).toString('hex'),
    });
    const logger =
      options.logger ?? createLogger(config.logLevel, pino.destination({ dest: 2, sync: true }));

    // Always the embedded database, whatever DATABASE_URL says: this is a local trial.
    database =
      options.database ?? (await createDatabase({ databaseUrl: null, pgliteDir: dataDir }));
    await database.migrate();
    const { deps, drain } = await createNodeDeps(config, { logger, database });
    const bot = createBot(deps);
    handler = createApp(deps, bot).fetch;
    // Events a previous run left unfinished are picked up, as the production server does.
    await bot.processor.recover();
    const stopSweeper = bot.processor.startSweeper();

    return new Session({
      url,
      dataDir,
      persistent,
      language,
      displayName: options.displayName?.trim() || 'You',
      outDir,
      channelSecret,
      platform,
      deps,
      database,
      server,
      drain,
      stopSweeper,
      unlock: unlock ?? (async () => {}),
      answerTimeoutMs,
      pollIntervalMs: options.pollIntervalMs ?? 200,
      ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    });
  } catch (error) {
    server?.close();
    server?.closeAllConnections();
    await database?.close().catch(() => undefined);
    await platform.close().catch(() => undefined);
    await unlock?.().catch(() => undefined);
    throw error;
  }
}

interface SessionParts {
  url: string;
  dataDir: string;
  persistent: boolean;
  language: 'th' | 'en';
  displayName: string;
  outDir: string;
  channelSecret: string;
  platform: FakeLinePlatform;
  deps: Deps;
  database: Database;
  server: Server;
  drain: (timeoutMs: number) => Promise<number>;
  stopSweeper: () => void;
  unlock: () => Promise<void>;
  answerTimeoutMs: number;
  pollIntervalMs: number;
  onOutput?: (lines: string[]) => void;
}

class Session implements ChatSession {
  readonly url: string;
  readonly lineUrl: string;
  readonly dataDir: string;
  readonly persistent: boolean;
  readonly outDir: string;
  readonly platform: FakeLinePlatform;
  readonly deps: Deps;

  private readonly people = new Map<string, Person>();
  private readonly groups = new Map<string, Group>();
  private me: Person | undefined;
  private here: Group | null = null;
  private choices: Choice[] = [];
  /** How many recorded replies and pushes have been shown already. */
  private seenReplies = 0;
  private seenPushes = 0;
  private imagesSaved = 0;
  /** Sends and background printing run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private polling = false;
  private readonly poller: NodeJS.Timeout;
  private closing: Promise<void> | undefined;
  private isClosed = false;

  constructor(private readonly parts: SessionParts) {
    this.url = parts.url;
    this.lineUrl = parts.platform.url;
    this.dataDir = parts.dataDir;
    this.persistent = parts.persistent;
    this.outDir = parts.outDir;
    this.platform = parts.platform;
    this.deps = parts.deps;
    this.poller = setInterval(() => this.poll(), parts.pollIntervalMs);
    this.poller.unref();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  prompt(): string {
    return `${this.me?.handle ?? 'you'}@${this.here ? this.here.name : 'dm'} › `;
  }

  start(): Promise<string[]> {
    return this.serial(async () => {
      if (this.me) return [];
      const { person } = this.personFor('you', this.parts.displayName, true);
      this.me = person;
      // The default person always (re)follows, so the greeting shows how to start.
      return this.exchange([this.platform.events.follow({ userId: person.user.userId })]);
    });
  }

  send(line: string): Promise<string[]> {
    if (this.isClosed || this.closing) return Promise.resolve(['(the chat is closed)']);
    if (/^\/(quit|exit|q)\s*$/i.test(line.trim())) {
      // Closing waits for earlier lines to be answered and for the bot's background work.
      return this.close().then(() => ['Bye.']);
    }
    return this.serial(async () => {
      try {
        return await this.handle(line);
      } catch (error) {
        return [`! ${error instanceof Error ? error.message : String(error)}`];
      }
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.poller);
      this.parts.stopSweeper();
      // Let what is under way finish (a send in progress, then background event processing).
      await Promise.race([this.queue.catch(() => undefined), delay(this.parts.answerTimeoutMs)]);
      const left = await this.parts.drain(10_000);
      if (left > 0) this.deps.logger.warn({ left }, 'background work still running at quit');
      const server = this.parts.server;
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await Promise.race([closed, delay(2_000)]);
      this.deps.charts?.close();
      await this.platform.close();
      await this.parts.database.close();
      await this.parts.unlock();
      this.isClosed = true;
    })();
    return this.closing;
  }

  // --- Typed lines -----------------------------------------------------------------------------

  private async handle(raw: string): Promise<string[]> {
    const line = raw.trim();
    if (line === '') return [];
    if (line.startsWith('//')) return this.say(line.slice(1));
    if (!line.startsWith('/')) return this.say(line);

    const [, command = '', rest = ''] = /^\/(\S*)\s*(.*)$/s.exec(line) ?? [];
    const argument = rest.trim();
    if (/^\d+$/.test(command)) return this.pick(Number(command));
    switch (command.toLowerCase()) {
      case 'as':
        return this.switchPerson(argument);
      case 'group':
        return this.switchGroup(argument);
      case 'dm':
        this.here = null;
        this.choices = [];
        return [`(your one-to-one chat with ${CHAT_BOT_NAME})`];
      case 'who':
        return this.who();
      case 'photo':
      case 'image':
        return this.sendFile('image', argument);
      case 'file':
        return this.sendFile('file', argument);
      case 'help':
      case '?':
        return [...CHAT_HELP];
      default:
        return [
          `Unknown command /${command}. /help lists them; //text sends a line starting with "/".`,
        ];
    }
  }

  private current(): Person {
    if (!this.me) throw new Error('the session has not started');
    return this.me;
  }

  private async switchPerson(name: string): Promise<string[]> {
    if (!name) return ['Usage: /as NAME   (for example /as mom)'];
    if (name.length > 20) return ['A LINE display name has at most 20 characters.'];
    const { person, isNew } = this.personFor(name, name, false);
    this.me = person;
    this.choices = [];
    const lines = [`(speaking as ${person.handle}${this.here ? ` in ${this.here.name}` : ''})`];
    // Someone new adds the bot as a friend: LINE sends a follow (once in the life of the data).
    if (isNew && !(await this.userKnown(person.user.userId))) {
      lines.push(
        ...(await this.exchange([this.platform.events.follow({ userId: person.user.userId })])),
      );
    } else person.user.friend = true;
    return lines;
  }

  private async switchGroup(name: string): Promise<string[]> {
    if (!name) {
      const known = [...this.groups.values()].map((g) => g.name);
      return [
        'Usage: /group NAME   (for example /group family)',
        ...(known.length ? [`Groups so far: ${known.join(', ')}`] : []),
      ];
    }
    if (name.length > 50) return ['A group name has at most 50 characters.'];
    const lines: string[] = [];
    let group = this.groups.get(keyOf(name));
    if (!group) {
      const groupId = stableId('C', 'group', keyOf(name));
      group = {
        key: keyOf(name),
        name,
        group: this.platform.addGroup({ groupId, name, members: [], botIsMember: true }),
      };
      this.groups.set(group.key, group);
      this.here = group;
      // The bot is added to the group: LINE sends a join event (not again on a later run).
      if (await this.groupKnown(groupId)) {
        lines.push(`(in group "${name}", which ${CHAT_BOT_NAME} is in from an earlier run)`);
      } else {
        lines.push(`(group "${name}" created, with ${CHAT_BOT_NAME} in it)`);
        lines.push(...(await this.exchange([this.platform.events.join({ groupId })])));
      }
    } else {
      this.here = group;
      lines.push(`(in group "${group.name}")`);
    }
    this.choices = lines.length > 1 ? this.choices : [];
    return lines;
  }

  private who(): string[] {
    const me = this.current();
    const where = this.here
      ? `in group "${this.here.name}" (members so far: ${
          this.here.group.members.map((id) => this.handleOf(id)).join(', ') || 'nobody has spoken'
        })`
      : `in your one-to-one chat with ${CHAT_BOT_NAME}`;
    return [
      `You are ${me.handle} (LINE name "${me.user.displayName}", ${me.user.userId}) ${where}.`,
      `People: ${[...this.people.values()].map((p) => p.handle).join(', ')}`,
      `Groups: ${[...this.groups.values()].map((g) => g.name).join(', ') || 'none yet (/group NAME)'}`,
      `Data: ${this.persistent ? this.dataDir : 'in memory (gone at /quit)'} · app ${this.url}`,
    ];
  }

  /** The fake LINE user behind a name, made on first use with a stable ID. */
  private personFor(
    handle: string,
    displayName: string,
    isDefault: boolean,
  ): { person: Person; isNew: boolean } {
    const key = keyOf(handle);
    const existing = this.people.get(key);
    if (existing) return { person: existing, isNew: false };
    const user = this.platform.addUser({
      userId: stableId('U', 'user', key),
      displayName,
      language: this.parts.language,
      friend: false,
    });
    const person: Person = { key, handle: isDefault ? 'you' : handle, user };
    this.people.set(key, person);
    return { person, isNew: true };
  }

  private async userKnown(lineUserId: string): Promise<boolean> {
    const user = await withActor(this.deps.database.db, { userId: null }, ({ tx }) =>
      findUserByLineId(tx, lineUserId),
    );
    return user !== null;
  }

  private async groupKnown(groupId: string): Promise<boolean> {
    const rows = await this.deps.database.db
      .select({ id: webhookEvents.webhookEventId })
      .from(webhookEvents)
      .where(eq(webhookEvents.chatId, groupId))
      .limit(1);
    return rows.length > 0;
  }

  /** A text message from the current person in the current chat. */
  private say(text: string, as?: { person: Person; group: Group | null }): Promise<string[]> {
    const person = as?.person ?? this.current();
    const group = as ? as.group : this.here;
    if (!group) {
      return this.exchange([this.platform.events.text({ userId: person.user.userId, text })]);
    }
    this.join(group, person);
    const people = [...this.people.values()].map((p) => ({
      handle: p.handle,
      userId: p.user.userId,
      displayName: p.user.displayName,
    }));
    const { body, mentionees } = mentionsOfBot(text, this.platform.botUserId, people);
    // A person mentioned in a group is in it, as in LINE (the bot may ask for their profile).
    for (const mentionee of mentionees) {
      const mentioned = [...this.people.values()].find((p) => p.user.userId === mentionee.userId);
      if (mentioned && !mentionee.isSelf) this.join(group, mentioned);
    }
    return this.exchange([
      this.platform.events.text({
        userId: person.user.userId,
        groupId: group.group.groupId,
        text: body,
        ...(mentionees.length > 0 ? { mention: { mentionees } } : {}),
      }),
    ]);
  }

  /** `/photo PATH`, `/file PATH`: the file's bytes as an image or file message from here. */
  private async sendFile(kind: 'image' | 'file', path: string): Promise<string[]> {
    if (!path) {
      return [
        kind === 'image'
          ? 'Usage: /photo PATH   (a JPEG or PNG file, for example /photo ./meter.jpg)'
          : 'Usage: /file PATH   (for example /file ./readings.csv after import meter 1)',
      ];
    }
    const file = resolve(path.replace(/^["']|["']$/g, ''));
    let bytes: Buffer;
    try {
      const size = (await stat(file)).size;
      if (size > MAX_SENT_FILE_BYTES) {
        return [`${displayPath(file)} is ${Math.ceil(size / 2 ** 20)} MB; send at most 50 MB.`];
      }
      bytes = await readFile(file);
    } catch (error) {
      return [
        `Could not read ${displayPath(file)}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      ];
    }
    const person = this.current();
    const group = this.here;
    if (group) this.join(group, person);
    const where = {
      userId: person.user.userId,
      ...(group ? { groupId: group.group.groupId } : {}),
    };
    const event =
      kind === 'image'
        ? this.platform.events.image({
            ...where,
            content: { bytes, contentType: imageType(bytes) },
          })
        : this.platform.events.file({ ...where, fileName: basename(file), content: bytes });
    const sent = `(${kind === 'image' ? 'picture' : 'file'} ${basename(file)}, ${Math.ceil(bytes.length / 1024)} KB)`;
    return [sent, ...(await this.exchange([event]))];
  }

  private join(group: Group, person: Person): void {
    if (!group.group.members.includes(person.user.userId)) {
      group.group.members.push(person.user.userId);
    }
  }

  /** `/N`: taps the Nth button or quick reply of the last answer, as LINE does. */
  private async pick(n: number): Promise<string[]> {
    if (this.choices.length === 0)
      return ['There is nothing to pick: the last answer had no buttons.'];
    const choice = this.choices[n - 1];
    if (!choice) return [`Pick a number from 1 to ${this.choices.length}.`];
    const where = this.chatOfChoice(choice);
    const action = choice.action as messagingApi.Action & {
      text?: string;
      data?: string;
      displayText?: string;
      uri?: string;
    };
    switch (action.type) {
      case 'message': {
        const text = action.text ?? choice.label;
        return [`${where.person.handle} › ${text}`, ...(await this.say(text, where))];
      }
      case 'postback': {
        // LINE shows displayText in the chat as if the person wrote it, and sends a postback.
        const shown = action.displayText
          ? `${where.person.handle} › ${action.displayText}`
          : `(tapped "${choice.label}")`;
        if (where.group) this.join(where.group, where.person);
        const event = this.platform.events.postback({
          userId: where.person.user.userId,
          ...(where.group ? { groupId: where.group.group.groupId } : {}),
          data: action.data ?? '',
        });
        return [shown, ...(await this.exchange([event]))];
      }
      case 'uri':
        return [`Open in a browser: ${action.uri ?? '(no address)'}`];
      default:
        return [`"${choice.label}" is a ${action.type} action, which needs the LINE app.`];
    }
  }

  /** Who taps where: a one-to-one chat's owner, or the current person in that group. */
  private chatOfChoice(choice: Choice): { person: Person; group: Group | null } {
    const owner = [...this.people.values()].find((p) => p.user.userId === choice.chatId);
    if (owner) return { person: owner, group: null };
    const group = [...this.groups.values()].find((g) => g.group.groupId === choice.chatId);
    return { person: this.current(), group: group ?? this.here };
  }

  // --- Talking to the app ----------------------------------------------------------------------

  /** Posts events as a signed webhook, waits until the bot is done, and shows its answer. */
  private async exchange(events: webhook.Event[]): Promise<string[]> {
    const result = await postWebhook(
      this.url,
      this.parts.channelSecret,
      this.platform.callbackRequest(events),
    );
    if (result.status !== 200) {
      return [`! the app answered the webhook with ${result.status}: ${result.body.slice(0, 200)}`];
    }
    const left = await this.parts.drain(this.parts.answerTimeoutMs);
    const lines = await this.collect(true);
    if (left > 0) lines.push('(the bot is still working; its answer will show when it comes)');
    return lines.length > 0
      ? lines
      : [
          this.here
            ? '(no answer: in a group the bot only answers messages written for it)'
            : '(no answer)',
        ];
  }

  /** Everything LINE delivered since last time, in arrival order, as printable lines. */
  private async collect(fromSend: boolean): Promise<string[]> {
    const replies = this.platform.replies.slice(this.seenReplies);
    const pushes = this.platform.pushes.slice(this.seenPushes);
    this.seenReplies += replies.length;
    this.seenPushes += pushes.length;
    const deliveries: Delivery[] = [
      ...replies.map((r) => ({ chatId: r.chatId, messages: r.messages, at: r.at })),
      ...pushes.map((p) => ({ chatId: p.to, messages: p.messages, at: p.at })),
    ].sort((a, b) => a.at - b.at);

    const lines: string[] = [];
    const choices: Choice[] = [];
    for (const delivery of deliveries) {
      const to = this.isCurrentChat(delivery.chatId)
        ? ''
        : `(to ${this.labelOf(delivery.chatId)}) `;
      for (const message of delivery.messages) {
        lines.push(...(await this.describe(message, to, delivery.chatId, choices)));
      }
    }
    // Numbers always refer to the last answer's buttons.
    if (fromSend || choices.length > 0) this.choices = choices;
    return lines;
  }

  /** Messages that arrive on their own (a push after Google linking, a late answer). */
  private poll(): void {
    if (this.polling || this.closing) return;
    const pending =
      this.platform.replies.length > this.seenReplies ||
      this.platform.pushes.length > this.seenPushes;
    if (!pending || !this.parts.onOutput) return;
    this.polling = true;
    void this.serial(async () => {
      const lines = await this.collect(false);
      if (lines.length > 0) this.parts.onOutput?.(lines);
      return lines;
    })
      .catch(() => undefined)
      .finally(() => {
        this.polling = false;
      });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private isCurrentChat(chatId: string): boolean {
    return this.here ? chatId === this.here.group.groupId : chatId === this.me?.user.userId;
  }

  private handleOf(userId: string): string {
    return [...this.people.values()].find((p) => p.user.userId === userId)?.handle ?? userId;
  }

  private labelOf(chatId: string): string {
    const group = [...this.groups.values()].find((g) => g.group.groupId === chatId);
    if (group) return `group ${group.name}`;
    return `${this.handleOf(chatId)}@dm`;
  }

  // --- Showing messages ------------------------------------------------------------------------

  private async describe(
    message: messagingApi.Message,
    to: string,
    chatId: string,
    choices: Choice[],
  ): Promise<string[]> {
    const body: string[] = [];
    const offer = (actions: (messagingApi.Action | undefined)[]) => {
      const labels: string[] = [];
      for (const action of actions) {
        if (!action) continue;
        const label = labelOfAction(action);
        choices.push({ label, action, chatId });
        labels.push(`[${choices.length}] ${label}`);
      }
      body.push(...wrapChoices(labels));
    };

    switch (message.type) {
      case 'text':
        body.push(...(message as messagingApi.TextMessage).text.split('\n'));
        break;
      case 'template': {
        const template = (message as messagingApi.TemplateMessage).template as {
          type: string;
          title?: string;
          text?: string;
          actions?: messagingApi.Action[];
          columns?: {
            title?: string;
            text?: string;
            actions?: messagingApi.Action[];
            action?: messagingApi.Action;
          }[];
        };
        if (template.title) body.push(template.title);
        if (template.text) body.push(...template.text.split('\n'));
        if (template.actions) offer(template.actions);
        for (const column of template.columns ?? []) {
          if (column.title) body.push(column.title);
          if (column.text) body.push(...column.text.split('\n'));
          offer(column.actions ?? [column.action]);
        }
        if (body.length === 0) body.push((message as messagingApi.TemplateMessage).altText);
        break;
      }
      case 'image':
        body.push(await this.saveImage((message as messagingApi.ImageMessage).originalContentUrl));
        break;
      case 'flex': {
        // A card reads top to bottom; its picture is fetched and saved like an image message.
        const card = readFlex(message as messagingApi.FlexMessage);
        for (const line of card.lines) {
          body.push(line.startsWith('[image] ') ? await this.saveImage(line.slice(8)) : line);
        }
        offer(card.actions);
        break;
      }
      case 'sticker':
        body.push('[sticker]');
        break;
      default:
        body.push(`[${message.type} message]`);
    }
    offer((message.quickReply?.items ?? []).map((item) => item.action));
    return body.map((line, i) => (i === 0 ? `${BOT}${to}${line}` : line ? `${INDENT}${line}` : ''));
  }

  /** Fetches a chart the bot sent (from the app itself) and keeps it as a PNG file. */
  private async saveImage(url: string): Promise<string> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return `[image] ${url} (not a valid address)`;
    }
    if (target.origin !== this.url && !LOCAL_HOSTS.has(target.hostname)) {
      return `[image] ${url}`;
    }
    let response: Response;
    try {
      response = await fetch(target, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      return `[image] ${url} (could not fetch it: ${error instanceof Error ? error.message : String(error)})`;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return `[image] ${url} (${response.status} ${response.statusText})`;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      return `[image] ${url} (${response.headers.get('content-type') ?? 'unknown type'}, not a PNG)`;
    }
    await mkdir(this.outDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    for (;;) {
      this.imagesSaved += 1;
      const file = join(this.outDir, `chart-${stamp}-${this.imagesSaved}.png`);
      try {
        await writeFile(file, bytes, { flag: 'wx' });
        return `[image] saved ${displayPath(file)} (${Math.ceil(bytes.length / 1024)} KB)`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
}

/**
 * `<dataDir>.lock` holds the pid of the chat using the directory; a lock whose process is gone
 * is taken over. Returns the release function.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lock = `${resolve(dataDir)}.lock`;
  await mkdir(dirname(lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      throw new Error(
        `another chat (pid ${pid}) is using ${dataDir}; quit it first, or use --fresh for a throwaway database`,
      );
    }
    await rm(lock, { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function labelOfAction(action: messagingApi.Action): string {
  const a = action as { label?: string; text?: string; type: string };
  return a.label || a.text || a.type;
}

function wrapChoices(labels: string[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const label of labels) {
    if (current && current.length + 2 + label.length > CHOICE_LINE_WIDTH - INDENT.length) {
      lines.push(current);
      current = label;
    } else current = current ? `${current}  ${label}` : label;
  }
  if (current) lines.push(current);
  return lines;
}

/** Someone `/as NAME` created, whom `@NAME` in a group mentions. */
export interface Mentionable {
  handle: string;
  userId: string;
  displayName: string;
}

/**
 * `@bot` and `@Home Log` in a group message become a mention of the bot, and `@NAME` a mention
 * of the person `/as NAME` created (shown as their LINE name), as LINE sends them.
 */
export function mentionsOfBot(
  text: string,
  botUserId: string,
  people: Mentionable[] = [],
): { body: string; mentionees: MentioneeInput[] } {
  const tag = `@${CHAT_BOT_NAME}`;
  const byHandle = new Map(people.map((p) => [p.handle.toLowerCase(), p]));
  const mentionees: MentioneeInput[] = [];
  let body = '';
  // One pass, left to right, so every mention's index is its place in the final text.
  const MENTION_RE = new RegExp(`${escapeRegExp(tag)}|@([\\p{L}\\p{N}_-]+)`, 'giu');
  let last = 0;
  for (const match of text.matchAll(MENTION_RE)) {
    const word = match[1]?.toLowerCase();
    const person = word && word !== 'bot' ? byHandle.get(word) : undefined;
    const isBot = !word || word === 'bot';
    if (!isBot && !person) continue;
    body += text.slice(last, match.index);
    const shown = isBot ? tag : `@${person?.displayName}`;
    mentionees.push({
      index: body.length,
      length: shown.length,
      type: 'user',
      userId: isBot ? botUserId : (person?.userId ?? ''),
      ...(isBot ? { isSelf: true } : {}),
    });
    body += shown;
    last = match.index + match[0].length;
  }
  body += text.slice(last);
  return { body, mentionees: mentionees.slice(0, 20) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Larger files are refused before they are read (LINE's own limits are lower for pictures). */
const MAX_SENT_FILE_BYTES = 50 * 2 ** 20;

/** The type LINE gives a picture's content: what its first bytes say (the bot checks them too). */
function imageType(bytes: Buffer): string {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  return 'application/octet-stream';
}

function displayPath(file: string): string {
  const absolute = resolve(file);
  const fromHere = relative(process.cwd(), absolute);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : absolute;
}

const delay = (ms: number) =>
  new Promise<void>((done) => {
    setTimeout(done, ms).unref();
  });
