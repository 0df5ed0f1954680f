import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config';

const valid = {
  LINE_CHANNEL_SECRET: 'channel-secret-value',
  LINE_CHANNEL_ACCESS_TOKEN: 'access-token-value',
  APP_SECRET: 'a'.repeat(32),
};

const problemsOf = (record: Record<string, string | undefined>) => {
  try {
    parseConfig(record);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('fills the documented defaults', () => {
    const config = parseConfig(valid);
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      pgliteDir: './data/pglite',
      line: { apiBaseUrl: 'https://api.line.me', dataApiBaseUrl: 'https://api-data.line.me' },
      publicBaseUrl: 'http://localhost:3000',
      google: null,
      defaultTimezone: 'Asia/Bangkok',
      logLevel: 'info',
      chatEventsPerMinute: 30,
    });
  });

  it('reads the per-person chat limit, a whole number of at least 1', () => {
    expect(parseConfig({ ...valid, CHAT_EVENTS_PER_MINUTE: '12' }).chatEventsPerMinute).toBe(12);
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect(problemsOf({ ...valid, CHAT_EVENTS_PER_MINUTE: bad }).problems).toEqual([
        { variable: 'CHAT_EVENTS_PER_MINUTE', expected: 'a whole number, 1-99999' },
      ]);
    }
  });

  it('reads every variable', () => {
    const config = parseConfig({
      ...valid,
      PORT: '8080',
      DATABASE_URL: 'postgres://app:pw@db:5432/homelog',
      PGLITE_DIR: 'memory://',
      LINE_API_BASE_URL: 'http://127.0.0.1:9000/',
      LINE_DATA_API_BASE_URL: 'http://127.0.0.1:9001',
      PUBLIC_BASE_URL: 'https://homelog.example.com/',
      GOOGLE_CLIENT_ID: 'client-id',
      GOOGLE_CLIENT_SECRET: 'client-secret',
      GOOGLE_AUTH_URL: 'http://127.0.0.1:9100/authorize',
      GOOGLE_TOKEN_URL: 'http://127.0.0.1:9100/token',
      GOOGLE_CERTS_URL: 'http://127.0.0.1:9100/pem',
      GOOGLE_ISSUER: 'http://127.0.0.1:9100',
      DEFAULT_TIMEZONE: 'Europe/Berlin',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://app:pw@db:5432/homelog',
      pgliteDir: 'memory://',
      line: { apiBaseUrl: 'http://127.0.0.1:9000', dataApiBaseUrl: 'http://127.0.0.1:9001' },
      publicBaseUrl: 'https://homelog.example.com',
      google: {
        clientId: 'client-id',
        clientSecret: 'client-secret',
        authUrl: 'http://127.0.0.1:9100/authorize',
        tokenUrl: 'http://127.0.0.1:9100/token',
        certsUrl: 'http://127.0.0.1:9100/pem',
        issuer: 'http://127.0.0.1:9100',
      },
      defaultTimezone: 'Europe/Berlin',
      logLevel: 'debug',
    });
  });

  it('names every missing required variable at once', () => {
    const error = problemsOf({});
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'APP_SECRET',
      'LINE_CHANNEL_ACCESS_TOKEN',
      'LINE_CHANNEL_SECRET',
    ]);
    expect(error.message).toMatch(/LINE_CHANNEL_SECRET: required/);
  });

  it('treats an empty value as missing', () => {
    const error = problemsOf({ ...valid, LINE_CHANNEL_SECRET: '' });
    expect(error.problems).toEqual([
      { variable: 'LINE_CHANNEL_SECRET', expected: expect.stringMatching(/^required/) },
    ]);
  });

  it.each([
    ['PORT', 'eighty', /port number/],
    ['PORT', '70000', /port number/],
    ['PORT', '0', /port number/],
    ['DATABASE_URL', 'mysql://localhost/db', /PostgreSQL URL/],
    ['LINE_API_BASE_URL', 'not a url', /./],
    ['LINE_DATA_API_BASE_URL', 'ftp://files', /./],
    ['PUBLIC_BASE_URL', 'http://homelog.example.com', /https/],
    ['PUBLIC_BASE_URL', 'https://homelog.example.com/app', /origin only/],
    ['APP_SECRET', 'too-short', /at least 32 bytes/],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus', /IANA time zone/],
    ['LOG_LEVEL', 'verbose', /one of debug, info, warn, error/],
    ['GOOGLE_AUTH_URL', 'nope', /./],
    ['GOOGLE_CLIENT_ID', 'only-the-id', /both/],
  ])('reports a malformed %s (%s)', (variable, value, expected) => {
    const error = problemsOf({ ...valid, [variable]: value });
    const problem = error.problems.find((p) =>
      variable === 'GOOGLE_CLIENT_ID'
        ? p.variable === 'GOOGLE_CLIENT_SECRET'
        : p.variable === variable,
    );
    expect(problem?.expected).toMatch(expected);
  });

  it('reports several malformed variables together, and never prints a value', () => {
    const secret = 'super-secret-channel-value-123';
    const error = problemsOf({
      LINE_CHANNEL_SECRET: secret,
      APP_SECRET: 'short-secret-xyz',
      PORT: 'x',
      LOG_LEVEL: 'loud',
      PUBLIC_BASE_URL: 'http://example.org',
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'APP_SECRET',
      'LINE_CHANNEL_ACCESS_TOKEN',
      'LOG_LEVEL',
      'PORT',
      'PUBLIC_BASE_URL',
    ]);
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('short-secret-xyz');
  });

  it('allows plain http for a local trial only', () => {
    expect(parseConfig({ ...valid, PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }).publicBaseUrl).toBe(
      'http://127.0.0.1:3000',
    );
    expect(parseConfig({ ...valid, PUBLIC_BASE_URL: 'http://localhost:8080' }).publicBaseUrl).toBe(
      'http://localhost:8080',
    );
  });

  it('limits photos to PHOTO_MAX_MB and their links to PHOTO_LINK_LIFETIME_HOURS', () => {
    expect(parseConfig(valid).photos).toEqual({
      maxBytes: 5 * 1024 * 1024,
      linkLifetimeMs: 24 * 3_600_000,
    });
    expect(
      parseConfig({ ...valid, PHOTO_MAX_MB: '10', PHOTO_LINK_LIFETIME_HOURS: '2' }).photos,
    ).toEqual({ maxBytes: 10 * 1024 * 1024, linkLifetimeMs: 2 * 3_600_000 });
    expect(
      problemsOf({ ...valid, PHOTO_MAX_MB: '0', PHOTO_LINK_LIFETIME_HOURS: '721' }).problems,
    ).toEqual([
      { variable: 'PHOTO_MAX_MB', expected: 'whole megabytes, 1-20' },
      { variable: 'PHOTO_LINK_LIFETIME_HOURS', expected: 'whole hours, 1-720' },
    ]);
  });

  it('keeps the accepted event age inside the deduplication window, with a day to spare', () => {
    expect(parseConfig(valid).webhook).toEqual({ dedupeDays: 30, maxEventAgeHours: 24 });
    expect(
      parseConfig({ ...valid, WEBHOOK_DEDUPE_DAYS: '10', WEBHOOK_MAX_EVENT_AGE_HOURS: '216' })
        .webhook,
    ).toEqual({ dedupeDays: 10, maxEventAgeHours: 216 });
    const tooOld = problemsOf({
      ...valid,
      WEBHOOK_DEDUPE_DAYS: '10',
      WEBHOOK_MAX_EVENT_AGE_HOURS: '217',
    });
    expect(tooOld.problems.map((p) => p.variable)).toEqual(['WEBHOOK_MAX_EVENT_AGE_HOURS']);
    expect(
      problemsOf({ ...valid, WEBHOOK_DEDUPE_DAYS: '1' }).problems.map((p) => p.variable),
    ).toEqual(['WEBHOOK_DEDUPE_DAYS']);
    expect(
      problemsOf({ ...valid, WEBHOOK_MAX_EVENT_AGE_HOURS: '0' }).problems.map((p) => p.variable),
    ).toEqual(['WEBHOOK_MAX_EVENT_AGE_HOURS']);
  });

  it('measures APP_SECRET in bytes, not characters', () => {
    // 11 Thai characters are 33 bytes in UTF-8.
    expect(parseConfig({ ...valid, APP_SECRET: 'กขคฆงจฉชซฌญ' }).appSecret).toBe('กขคฆงจฉชซฌญ');
  });
});
