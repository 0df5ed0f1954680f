// @ts-nocheck
import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout. Secrets never reach a log line: the known secret-bearing
 * fields are redacted wherever they appear, and nothing logs the configuration itself.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'home-log' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'channelSecret',
          'channelAccessToken',
          'appSecret',
          'clientSecret',
          'replyToken',
          'authorization',
          '*.channelSecret',
          '*.channelAccessToken',
          '*.appSecret',
          '*.clientSecret',
          '*.replyToken',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A logger that discards everything, for tests that do not look at logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
