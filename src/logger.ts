import pino from 'pino';
import type { LogLevel } from './config';
import { safeError } from './safe-error';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout. Secrets never reach a log line: the known secret-bearing
 * fields are redacted wherever they appear, and nothing logs the configuration itself. Errors
 * (`log.x({ err })`, `log.x(error)`) are written by name, code and constraint only (safeError):
 * their messages may carry bound parameters, which redaction cannot reach inside a string.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'home-log' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: safeError, error: safeError },
      hooks: {
        // Without a message of its own, pino would copy the error's message into the line.
        logMethod(args, method) {
          const [first] = args as unknown[];
          const carriesError =
            first instanceof Error ||
            (typeof first === 'object' && first !== null && 'err' in first);
          if (args.length === 1 && carriesError) {
            return method.apply(this, [first as object, 'error']);
          }
          return method.apply(this, args);
        },
      },
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
