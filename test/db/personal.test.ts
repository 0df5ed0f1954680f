import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ERASED, openWith, personal, sealWith } from '../../src/db/personal';

// The sealing of personal audit fields: only the person's key opens a field, and a field moved to
// another person, altered, or whose key is gone reads as erased instead of failing.

describe('sealed personal fields', () => {
  const key = randomBytes(32);
  const person = '0b4e3c56-6f1a-4c43-9a4a-3f2a1f6f0c11';

  it('opens with the person’s key, and the stored form shows nothing of the value', () => {
    const sealed = sealWith(key, person, 'บ้านแม่ "gate-code-4821"');
    expect(JSON.stringify(sealed)).not.toContain('gate-code');
    expect(Object.keys(sealed).sort()).toEqual(['person', 'sealed']);
    expect(openWith(key, sealed)).toBe('บ้านแม่ "gate-code-4821"');
    // A fresh IV each time: the same value never seals to the same bytes.
    expect(sealWith(key, person, 'x').sealed).not.toBe(sealWith(key, person, 'x').sealed);
  });

  it('reads as erased without the key, under another key, moved to another person, or altered', () => {
    const sealed = sealWith(key, person, 'a@example.com');
    expect(openWith(null, sealed)).toBe(ERASED);
    expect(openWith(randomBytes(32), sealed)).toBe(ERASED);
    expect(openWith(key, { ...sealed, person: person.replace('0b', '0c') })).toBe(ERASED);
    const bytes = Buffer.from(sealed.sealed, 'base64');
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(openWith(key, { ...sealed, sealed: bytes.toString('base64') })).toBe(ERASED);
  });

  it('a personal value can never be written out unsealed by accident', () => {
    expect(() => JSON.stringify({ note: personal('secret') })).toThrow(/sealed/);
    expect(personal(null)).toBeNull();
    expect(personal(undefined)).toBeNull();
  });
});
