import { describe, expect, it } from 'vitest';
import { ExportMismatch } from '../src/audit/chain';
import { createLogger } from '../src/logger';
import { describeSafely, safeError } from '../src/safe-error';

describe('safeError', () => {
  it("keeps postgres.js's code, constraint and table, and drops message and detail", () => {
    // The shape of postgres.js's PostgresError.
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      name: 'PostgresError',
      severity: 'ERROR',
      code: '23505',
      constraint_name: 'identities_pkey',
      table_name: 'identities',
      detail: 'Key (provider_id)=(U1234567890abcdef) already exists.',
    });
    const safe = safeError(error);
    expect(safe).toMatchObject({
      name: 'DatabaseError',
      code: '23505',
      constraint: 'identities_pkey',
      table: 'identities',
    });
    expect(JSON.stringify(safe)).not.toMatch(/U1234567890abcdef|duplicate key/);
  });

  it('says the fixed message of our own errors only', () => {
    expect(safeError(new ExportMismatch('row 5 of alice@example.com')).message).toBe(
      'the audit export does not match the database',
    );
    expect(safeError(new Error('hello from alice')).message).toBeUndefined();
    expect(describeSafely(new TypeError('x of alice'))).toBe('TypeError');
    expect(describeSafely('a string with text')).toBe('string');
  });

  it('keeps the stack frames but not the message line', () => {
    const safe = safeError(new Error('Failed query: insert…\nparams: Ualice,hello'));
    expect(safe.stack).toMatch(/^ {4}at /);
    expect(safe.stack).not.toMatch(/Ualice|params/);
  });

  it('never lets pino copy an error message into the line', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    log.error(new Error('text of alice'));
    log.error({ err: new Error('text of bob') });
    log.error({ err: new Error('text of carol') }, 'event failed');
    expect(lines).toHaveLength(3);
    expect(lines.join('')).not.toMatch(/alice|bob|carol/);
    expect(JSON.parse(lines[2]!)).toMatchObject({ msg: 'event failed', err: { name: 'Error' } });
  });
});
