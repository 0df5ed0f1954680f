import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * The whole runtime configuration, parsed once from a plain record (process.env in production,
 * an object literal in tests). Nothing else in the app reads the environment.
 */
export interface Config {
  port: number;
  databaseUrl: string | null;
  /**
   * The table owner's login, for migrations and audit tools (DATABASE_OWNER_URL). Null: the
   * single-box set-up, where DATABASE_URL is the owner too (see README, "Database roles").
   */
  databaseOwnerUrl: string | null;
  pgliteDir: string;
  line: {
    channelSecret: string;
    channelAccessToken: string;
    apiBaseUrl: string;
    dataApiBaseUrl: string;
    /** Base of LINE's account-link dialog (`/dialog/bot/accountLink`); tests point it at the fake. */
    accessBaseUrl: string;
  };
  publicBaseUrl: string;
  appSecret: string;
  google: {
    clientId: string;
    clientSecret: string;
    authUrl: string;
    tokenUrl: string;
    certsUrl: string;
    issuer: string;
  } | null;
  defaultTimezone: string;
  logLevel: LogLevel;
  webhook: {
    /** Days a finished event's id is kept, so a redelivery of it is recognised. */
    dedupeDays: number;
    /**
     * Events older than this are refused at the door: past the deduplication window a captured,
     * validly signed body could otherwise be replayed and processed again.
     */
    maxEventAgeHours: number;
  };
  /** How long a chart link works (CHART_LINK_LIFETIME_DAYS, default 7). */
  chartLinkLifetimeMs: number;
  /** Requests a minute one IP address may make to the web pages (WEB_REQUESTS_PER_MINUTE, 30). */
  webRequestsPerMinute: number;
  photos: {
    /** The largest photo kept with a reading (PHOTO_MAX_MB, default 5). */
    maxBytes: number;
    /** How long a photo link in `history` works (PHOTO_LINK_LIFETIME_HOURS, default 24). */
    linkLifetimeMs: number;
  };
  /** How long an `export` download link works (EXPORT_LINK_LIFETIME_HOURS, default 24). */
  exportLinkLifetimeMs: number;
  /**
   * Messages and button taps one person may send in a clock minute before the rest of that
   * minute's are not processed (CHAT_EVENTS_PER_MINUTE, 30); they are listed back to them.
   */
  chatEventsPerMinute: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One bad variable: its name and what it should look like. Never its value (it may be a secret). */
export interface ConfigProblem {
  variable: string;
  expected: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
        .map((p) => `  ${p.variable}: ${p.expected}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const GOOGLE_DEFAULTS = {
  GOOGLE_AUTH_URL: 'https://accounts.google.com/o/oauth2/v2/auth',
  GOOGLE_TOKEN_URL: 'https://oauth2.googleapis.com/token',
  GOOGLE_CERTS_URL: 'https://www.googleapis.com/oauth2/v1/certs',
  GOOGLE_ISSUER: 'https://accounts.google.com',
} as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// Empty strings count as unset: `FOO= npm start` is a common way to "unset" in a shell.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const httpUrl = z.url({ protocol: /^https?$/ });

const required = (what: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string({ error: `required: ${what}` }).min(1, `required: ${what}`),
  );

const schema = z.object({
  PORT: optional(z.string().regex(/^\d{1,5}$/, 'a TCP port number, 1-65535')),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+/,
        'a PostgreSQL URL like postgres://user:password@host:5432/dbname',
      ),
  ),
  DATABASE_OWNER_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+/,
        'a PostgreSQL URL of the table owner, like postgres://owner:password@host:5432/dbname',
      ),
  ),
  PGLITE_DIR: optional(z.string().min(1)),
  LINE_CHANNEL_SECRET: required(
    'the channel secret of your Messaging API channel (LINE Developers console, Basic settings)',
  ),
  LINE_CHANNEL_ACCESS_TOKEN: required(
    'a long-lived channel access token (LINE Developers console, Messaging API tab)',
  ),
  LINE_API_BASE_URL: optional(httpUrl),
  LINE_DATA_API_BASE_URL: optional(httpUrl),
  LINE_ACCESS_BASE_URL: optional(httpUrl),
  PUBLIC_BASE_URL: optional(httpUrl),
  APP_SECRET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: 'required: at least 32 bytes of random text, e.g. `openssl rand -hex 32`' })
      .refine(
        (s) => Buffer.byteLength(s, 'utf8') >= 32,
        'must be at least 32 bytes long, e.g. `openssl rand -hex 32`',
      ),
  ),
  GOOGLE_CLIENT_ID: optional(z.string().min(1)),
  GOOGLE_CLIENT_SECRET: optional(z.string().min(1)),
  GOOGLE_AUTH_URL: optional(httpUrl),
  GOOGLE_TOKEN_URL: optional(httpUrl),
  GOOGLE_CERTS_URL: optional(httpUrl),
  GOOGLE_ISSUER: optional(z.string().min(1)),
  DEFAULT_TIMEZONE: optional(
    z.string().refine((tz) => IANAZone.isValidZone(tz), 'an IANA time zone such as Asia/Bangkok'),
  ),
  WEBHOOK_DEDUPE_DAYS: optional(z.string().regex(/^\d{1,3}$/, 'whole days, 2-365')),
  WEBHOOK_MAX_EVENT_AGE_HOURS: optional(z.string().regex(/^\d{1,4}$/, 'whole hours, 1-8736')),
  CHART_LINK_LIFETIME_DAYS: optional(
    z
      .string()
      .regex(/^\d{1,2}$/, 'whole days, 1-30')
      .refine((v) => Number(v) >= 1 && Number(v) <= 30, 'whole days, 1-30'),
  ),
  PHOTO_MAX_MB: optional(
    z
      .string()
      .regex(/^\d{1,2}$/, 'whole megabytes, 1-20')
      .refine((v) => Number(v) >= 1 && Number(v) <= 20, 'whole megabytes, 1-20'),
  ),
  PHOTO_LINK_LIFETIME_HOURS: optional(
    z
      .string()
      .regex(/^\d{1,3}$/, 'whole hours, 1-720')
      .refine((v) => Number(v) >= 1 && Number(v) <= 720, 'whole hours, 1-720'),
  ),
  EXPORT_LINK_LIFETIME_HOURS: optional(
    z
      .string()
      .regex(/^\d{1,3}$/, 'whole hours, 1-168')
      .refine((v) => Number(v) >= 1 && Number(v) <= 168, 'whole hours, 1-168'),
  ),
  WEB_REQUESTS_PER_MINUTE: optional(z.string().regex(/^[1-9]\d{0,4}$/, 'a whole number, 1-99999')),
  CHAT_EVENTS_PER_MINUTE: optional(z.string().regex(/^[1-9]\d{0,4}$/, 'a whole number, 1-99999')),
  LOG_LEVEL: optional(
    z.enum(['debug', 'info', 'warn', 'error'], 'one of debug, info, warn, error'),
  ),
});

/** Parses and validates the configuration; throws ConfigError naming every bad variable. */
export function parseConfig(record: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(record);
  const problems: ConfigProblem[] = [];
  const add = (problem: ConfigProblem) => {
    if (!problems.some((p) => p.variable === problem.variable)) problems.push(problem);
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // zod phrases a missing value as "expected string, received undefined": say what we need.
      const expected =
        issue.code === 'invalid_type' && !issue.message.startsWith('required')
          ? 'required'
          : issue.message;
      add({ variable: String(issue.path[0] ?? '(configuration)'), expected });
    }
  }
  // Cross-variable rules run on the raw record too, so one run reports every problem at once.
  for (const problem of crossChecks(record)) add(problem);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const env = parsed.data;
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  const google =
    env.GOOGLE_CLIENT_ID !== undefined && env.GOOGLE_CLIENT_SECRET !== undefined
      ? {
          clientId: env.GOOGLE_CLIENT_ID,
          clientSecret: env.GOOGLE_CLIENT_SECRET,
          authUrl: env.GOOGLE_AUTH_URL ?? GOOGLE_DEFAULTS.GOOGLE_AUTH_URL,
          tokenUrl: env.GOOGLE_TOKEN_URL ?? GOOGLE_DEFAULTS.GOOGLE_TOKEN_URL,
          certsUrl: env.GOOGLE_CERTS_URL ?? GOOGLE_DEFAULTS.GOOGLE_CERTS_URL,
          issuer: env.GOOGLE_ISSUER ?? GOOGLE_DEFAULTS.GOOGLE_ISSUER,
        }
      : null;
  return {
    port,
    databaseUrl: env.DATABASE_URL ?? null,
    databaseOwnerUrl: env.DATABASE_OWNER_URL ?? null,
    pgliteDir: env.PGLITE_DIR ?? './data/pglite',
    line: {
      channelSecret: env.LINE_CHANNEL_SECRET as string,
      channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN as string,
      apiBaseUrl: withoutTrailingSlash(env.LINE_API_BASE_URL ?? 'https://api.line.me'),
      dataApiBaseUrl: withoutTrailingSlash(
        env.LINE_DATA_API_BASE_URL ?? 'https://api-data.line.me',
      ),
      accessBaseUrl: withoutTrailingSlash(env.LINE_ACCESS_BASE_URL ?? 'https://access.line.me'),
    },
    publicBaseUrl: withoutTrailingSlash(env.PUBLIC_BASE_URL ?? `http://localhost:${port}`),
    appSecret: env.APP_SECRET as string,
    google,
    defaultTimezone: env.DEFAULT_TIMEZONE ?? 'Asia/Bangkok',
    logLevel: env.LOG_LEVEL ?? 'info',
    webhook: {
      dedupeDays: Number(env.WEBHOOK_DEDUPE_DAYS ?? DEFAULT_DEDUPE_DAYS),
      maxEventAgeHours: Number(env.WEBHOOK_MAX_EVENT_AGE_HOURS ?? DEFAULT_MAX_EVENT_AGE_HOURS),
    },
    chartLinkLifetimeMs: Number(env.CHART_LINK_LIFETIME_DAYS ?? 7) * 86_400_000,
    webRequestsPerMinute: Number(env.WEB_REQUESTS_PER_MINUTE ?? 30),
    photos: {
      maxBytes: Number(env.PHOTO_MAX_MB ?? 5) * 1024 * 1024,
      linkLifetimeMs: Number(env.PHOTO_LINK_LIFETIME_HOURS ?? 24) * 3_600_000,
    },
    exportLinkLifetimeMs: Number(env.EXPORT_LINK_LIFETIME_HOURS ?? 24) * 3_600_000,
    chatEventsPerMinute: Number(env.CHAT_EVENTS_PER_MINUTE ?? 30),
  };
}

/** LINE redelivers within hours; a day's margin on both sides keeps the two settings safe. */
const DEFAULT_DEDUPE_DAYS = 30;
const DEFAULT_MAX_EVENT_AGE_HOURS = 24;

function crossChecks(record: Record<string, string | undefined>): ConfigProblem[] {
  const value = (name: string) => (record[name] === '' ? undefined : record[name]);
  const problems: ConfigProblem[] = [];

  const port = Number(value('PORT') ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push({ variable: 'PORT', expected: 'a TCP port number, 1-65535' });
  }

  const publicBaseUrl = value('PUBLIC_BASE_URL');
  if (publicBaseUrl !== undefined && URL.canParse(publicBaseUrl)) {
    const url = new URL(publicBaseUrl);
    // LINE fetches images only over HTTPS and OAuth redirects must be HTTPS, so plain http is
    // accepted only for a local trial on this machine.
    if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      problems.push({
        variable: 'PUBLIC_BASE_URL',
        expected:
          'an https:// origin (LINE fetches images only over HTTPS); http only for localhost',
      });
    } else if (url.pathname !== '/' || url.search || url.hash) {
      problems.push({ variable: 'PUBLIC_BASE_URL', expected: 'an origin only, without a path' });
    }
  }

  // An event may be accepted only while its id would still be recognised, with a day to spare.
  const dedupeDays = Number(value('WEBHOOK_DEDUPE_DAYS') ?? DEFAULT_DEDUPE_DAYS);
  const maxAgeHours = Number(value('WEBHOOK_MAX_EVENT_AGE_HOURS') ?? DEFAULT_MAX_EVENT_AGE_HOURS);
  if (dedupeDays < 2 || dedupeDays > 365) {
    problems.push({ variable: 'WEBHOOK_DEDUPE_DAYS', expected: 'whole days, 2-365' });
  } else if (maxAgeHours < 1 || maxAgeHours > (dedupeDays - 1) * 24) {
    problems.push({
      variable: 'WEBHOOK_MAX_EVENT_AGE_HOURS',
      expected: `whole hours, 1 to ${(dedupeDays - 1) * 24} (a day less than WEBHOOK_DEDUPE_DAYS)`,
    });
  }
  if (value('DATABASE_OWNER_URL') !== undefined && value('DATABASE_URL') === undefined) {
    problems.push({
      variable: 'DATABASE_OWNER_URL',
      expected: "set DATABASE_URL too (the app's own login); the owner URL is for migrations",
    });
  }

  const hasId = value('GOOGLE_CLIENT_ID') !== undefined;
  const hasSecret = value('GOOGLE_CLIENT_SECRET') !== undefined;
  if (hasId !== hasSecret) {
    problems.push({
      variable: hasId ? 'GOOGLE_CLIENT_SECRET' : 'GOOGLE_CLIENT_ID',
      expected: 'set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or neither (linking off)',
    });
  }
  return problems;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Only where the data is, as its owner: for tools such as audit:verify that never talk to LINE
 * and must see every row (DATABASE_OWNER_URL, else DATABASE_URL).
 */
export function parseDatabaseConfig(record: Record<string, string | undefined>): {
  databaseUrl: string | null;
  pgliteDir: string;
} {
  const parsed = schema
    .pick({ DATABASE_URL: true, DATABASE_OWNER_URL: true, PGLITE_DIR: true })
    .safeParse(record);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0]),
        expected: issue.message,
      })),
    );
  }
  return {
    databaseUrl: parsed.data.DATABASE_OWNER_URL ?? parsed.data.DATABASE_URL ?? null,
    pgliteDir: parsed.data.PGLITE_DIR ?? './data/pglite',
  };
}
