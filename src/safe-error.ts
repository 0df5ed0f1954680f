/**
 * What may be said about an error in a log line or in `webhook_events.last_error`: its kind, and
 * for a database error its SQLSTATE code and the constraint, table and column it names. Never a
 * message text: drizzle's DrizzleQueryError message holds the SQL and every bound parameter
 * (other people's texts, user ids, reply tokens), a database message or `detail` may quote
 * values ("Key (id)=(…)", "invalid input syntax for type uuid: …"), and pino's redaction cannot
 * reach inside a string.
 */
export interface SafeError {
  name: string;
  /** SQLSTATE of a database error, or a Node error code (ECONNREFUSED…). */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** Only the fixed messages of our own error classes (listed below). */
  message?: string;
  /** Stack frames without the first line, which repeats the message. */
  stack?: string;
  /** The same, for the error this one wraps (drizzle wraps the driver's error). */
  cause?: SafeError;
}

/**
 * Our own error classes, by class name, with a message that holds no data. Anything else is
 * logged by name (and code) alone.
 */
const FIXED_MESSAGES: Record<string, string> = {
  ConfigError: 'the configuration is invalid',
  ConcurrentUserCreation: 'the user was created concurrently',
  ChartsUnavailableError: 'charts are not available on this deployment',
  ChartSourceNotFoundError: 'the chart source was not found',
  ExportMismatch: 'the audit export does not match the database',
  PushRefused: 'LINE refused the push',
};

const SAFE_CODE = /^[A-Za-z0-9_]{1,40}$/;
const SAFE_IDENTIFIER = /^[A-Za-z0-9_.]{1,63}$/;
const MAX_DEPTH = 3;
const FRAME = /^ {4}at [^\n]*:\d+:\d+\)?$/;

export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) {
    return { name: typeof error };
  }
  const fields = error as Record<string, unknown>;
  const className = error.constructor?.name ?? 'Object';
  const code = pick(fields.code, SAFE_CODE);
  // postgres.js names the fields constraint_name, table_name; PGlite constraint, table.
  const constraint = pick(fields.constraint_name ?? fields.constraint, SAFE_IDENTIFIER);
  const table = pick(fields.table_name ?? fields.table, SAFE_IDENTIFIER);
  const column = pick(fields.column_name ?? fields.column, SAFE_IDENTIFIER);
  // PGlite's errors are named after the protocol message ("error"): call them what they are.
  const isDatabaseError = code !== undefined && /^[0-9A-Z]{5}$/.test(code) && 'severity' in fields;
  const name = isDatabaseError
    ? 'DatabaseError'
    : className !== 'Error' && className !== 'Object'
      ? className
      : (pick(fields.name, SAFE_IDENTIFIER) ?? 'Error');

  const safe: SafeError = { name };
  if (code) safe.code = code;
  if (constraint) safe.constraint = constraint;
  if (table) safe.table = table;
  if (column) safe.column = column;
  const fixed = FIXED_MESSAGES[className];
  if (fixed) safe.message = fixed;
  if (error instanceof Error && typeof error.stack === 'string') {
    // V8 starts the stack with "name: message"; only the frames after it are kept, and only
    // lines shaped like a frame (a message line can never pass for one).
    const head = String(error);
    const rest = error.stack.startsWith(head) ? error.stack.slice(head.length) : error.stack;
    const frames = rest.split('\n').filter((line) => FRAME.test(line));
    if (frames.length > 0) safe.stack = frames.join('\n');
  }
  if (depth < MAX_DEPTH && fields.cause !== undefined && fields.cause !== null) {
    safe.cause = safeError(fields.cause, depth + 1);
  }
  return safe;
}

/** One line for a text column: "DrizzleQueryError <- DatabaseError 23514 readings_note_check". */
export function describeSafely(error: unknown): string {
  const parts: string[] = [];
  for (let safe: SafeError | undefined = safeError(error); safe; safe = safe.cause) {
    parts.push(
      [
        safe.name,
        safe.code,
        safe.constraint && `constraint=${safe.constraint}`,
        safe.table && `table=${safe.table}`,
        safe.column && `column=${safe.column}`,
        safe.message && `(${safe.message})`,
      ]
        .filter(Boolean)
        .join(' '),
    );
  }
  return parts.join(' <- ');
}

function pick(value: unknown, pattern: RegExp): string | undefined {
  if (typeof value === 'number') value = String(value);
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}
