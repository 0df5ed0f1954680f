import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedRow } from '../../../src/audit/chain';
import {
  CHECKPOINT_FORMAT,
  InvalidKey,
  openCheckpoint,
  parsePublicKey,
  parseSigningKey,
  signCheckpoint,
} from '../../../src/audit/checkpoint';
import { verifyExport } from '../../../src/audit/verify-export';

// The export verifier with no database at all: export files are written here by hand, each row's
// hashed bytes and SHA-256 computed in this test, so the verifier is checked against an oracle of
// its own rather than against what the database happened to export.

type Fields = Omit<ExportedRow, 'hash' | 'hashed' | 'prevHash' | 'seq'>;

const FIELD_ORDER = [
  'prevHash',
  'seq',
  'at',
  'actorId',
  'chatKey',
  'action',
  'subjectType',
  'subjectId',
  'sourceId',
  'before',
  'after',
] as const;

function sealRow(seq: number, prevHash: string, fields: Fields): ExportedRow {
  const unsealed = { ...fields, seq, prevHash };
  const hashed = JSON.stringify(FIELD_ORDER.map((name) => unsealed[name]));
  return {
    ...unsealed,
    hashed,
    hash: createHash('sha256').update(hashed, 'utf8').digest('hex'),
  };
}

function fieldsFor(seq: number): Fields {
  return {
    at: `2026-11-0${1 + (seq % 9)}T08:00:00.${String(seq).padStart(6, '0')}Z`,
    actorId: `user-${seq}`,
    chatKey: 'user:1',
    action: 'reading.add',
    subjectType: 'reading',
    subjectId: String(100 + seq),
    sourceId: 's-1',
    before: null,
    after: { value: String(4500 + seq), note: null },
  };
}

function chain(length: number, from = 1, prevHash = ''): ExportedRow[] {
  const rows: ExportedRow[] = [];
  let previous = prevHash;
  for (let seq = from; seq < from + length; seq++) {
    const row = sealRow(seq, previous, fieldsFor(seq));
    rows.push(row);
    previous = row.hash;
  }
  return rows;
}

const lines = (rows: unknown[]) => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'home-log-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportFile(rows: unknown[], name = 'audit-000000000001-000000000005.jsonl') {
  const path = join(dir, name);
  await writeFile(path, lines(rows));
  return path;
}

function ed25519(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

describe('verifyExport on files written by hand', () => {
  it('accepts an intact chain and says which rows it checked', async () => {
    const path = await exportFile(chain(5));
    expect(await verifyExport({ paths: [path] })).toEqual({
      ok: true,
      rowsChecked: 5,
      fromSeq: 1,
      toSeq: 5,
      firstBadSeq: null,
      problem: null,
      checkpointsVerified: 0,
      checkpointsUnchecked: 0,
    });
  });

  it('skips blank lines', async () => {
    const path = join(dir, 'audit-000000000001-000000000003.jsonl');
    await writeFile(path, `\n${lines(chain(3))}\n  \n`);
    expect(await verifyExport({ paths: [path] })).toMatchObject({ ok: true, rowsChecked: 3 });
  });

  it('accepts an export that starts in the middle of the chain', async () => {
    const earlier = chain(3);
    const later = chain(2, 4, earlier[2]!.hash);
    const path = await exportFile(later, 'audit-000000000004-000000000005.jsonl');
    expect(await verifyExport({ paths: [path] })).toMatchObject({
      ok: true,
      rowsChecked: 2,
      fromSeq: 4,
      toSeq: 5,
    });
  });

  // Each field of a row changed on its own, with the hash left as it was: the row no longer says
  // what its hashed bytes say.
  const tampered: [keyof Fields, unknown][] = [
    ['at', '2026-11-05T08:00:00.000004Z'],
    ['actorId', 'someone-else'],
    ['chatKey', 'group:9'],
    ['action', 'reading.delete'],
    ['subjectType', 'source'],
    ['subjectId', '999'],
    ['sourceId', 's-2'],
    ['before', { value: '1' }],
    ['after', { value: '9999', note: null }],
  ];
  it.each(tampered)(
    'names the row whose %s is not what its hashed bytes say',
    async (field, value) => {
      const rows = chain(5);
      (rows[2] as unknown as Record<string, unknown>)[field] = value;
      const verdict = await verifyExport({ paths: [await exportFile(rows)] });
      expect(verdict).toMatchObject({
        ok: false,
        firstBadSeq: 3,
        problem: `the row's ${field} is not what its hashed bytes say`,
      });
    },
  );

  it('refuses hashed bytes that do not match the hash', async () => {
    const rows = chain(4);
    rows[1] = { ...rows[1]!, hashed: rows[1]!.hashed.replace('4502', '4503') };
    expect(await verifyExport({ paths: [await exportFile(rows)] })).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'row content does not match its hash',
    });
  });

  it('refuses a row rewritten with a fresh hash, because the next row links to the old one', async () => {
    const rows = chain(4);
    rows[1] = sealRow(2, rows[0]!.hash, { ...fieldsFor(2), after: { value: '1', note: null } });
    expect(await verifyExport({ paths: [await exportFile(rows)] })).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'prev_hash does not match the previous row',
    });
  });

  it('names a missing row in the middle, and keeps the rows checked before it', async () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(await verifyExport({ paths: [await exportFile(rows)] })).toMatchObject({
      ok: false,
      rowsChecked: 2,
      firstBadSeq: 3,
      problem: 'row 3 is missing (found 4)',
    });
  });

  it('refuses a first row that names a previous row', async () => {
    const rows = chain(2, 1, 'f'.repeat(64));
    expect(await verifyExport({ paths: [await exportFile(rows)] })).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      problem: 'row 1 names a previous row',
    });
  });

  it('refuses lines that are not rows', async () => {
    const notJson = join(dir, 'audit-000000000001-000000000002.jsonl');
    await writeFile(notJson, `${JSON.stringify(chain(1)[0])}\n{not json\n`);
    expect(await verifyExport({ paths: [notJson] })).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'a line of audit-000000000001-000000000002.jsonl is not JSON',
    });

    const noSeq = { ...chain(1)[0]!, seq: 'one' };
    expect(await verifyExport({ paths: [await exportFile([noSeq])] })).toMatchObject({
      ok: false,
      firstBadSeq: null,
      problem: 'a row has no seq',
    });

    const { hashed: _hashed, ...older } = chain(1)[0]!;
    expect(await verifyExport({ paths: [await exportFile([older])] })).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      problem: 'the row carries no hashed bytes (exported by an older version)',
    });
  });

  it('refuses a row numbered below 1, which no chain has', async () => {
    for (const seq of [0, -3]) {
      const rows = chain(2, seq);
      expect(await verifyExport({ paths: [await exportFile(rows)] })).toMatchObject({
        ok: false,
        firstBadSeq: null,
        problem: 'a row has no seq',
      });
    }
  });

  it('refuses a row whose hash is missing', async () => {
    const { hash: _hash, ...unhashed } = chain(1)[0]!;
    expect(await verifyExport({ paths: [await exportFile([unhashed])] })).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      problem: 'the row carries no hashed bytes (exported by an older version)',
    });
  });

  it('names a first row whose prevHash or seq is not what its hashed bytes say', async () => {
    const earlier = chain(3);
    const later = chain(2, 4, earlier[2]!.hash);
    const name = 'audit-000000000004-000000000005.jsonl';
    const otherPrev = [{ ...later[0]!, prevHash: 'e'.repeat(64) }, later[1]!];
    expect(await verifyExport({ paths: [await exportFile(otherPrev, name)] })).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: "the row's prevHash is not what its hashed bytes say",
    });
    const otherSeq = [{ ...later[0]!, seq: 7 }];
    expect(await verifyExport({ paths: [await exportFile(otherSeq, name)] })).toMatchObject({
      ok: false,
      firstBadSeq: 7,
      problem: "the row's seq is not what its hashed bytes say",
    });
  });

  it('accepts an export file with no rows: the export of an empty chain', async () => {
    const path = join(dir, 'audit-000000000001-000000000000.jsonl');
    await writeFile(path, '');
    expect(await verifyExport({ paths: [path] })).toEqual({
      ok: true,
      rowsChecked: 0,
      fromSeq: null,
      toSeq: null,
      firstBadSeq: null,
      problem: null,
      checkpointsVerified: 0,
      checkpointsUnchecked: 0,
    });
  });

  it('refuses hashed bytes that are not an audit row', async () => {
    const sealBytes = (hashed: string) => ({
      ...chain(1)[0]!,
      hashed,
      hash: createHash('sha256').update(hashed, 'utf8').digest('hex'),
    });
    for (const hashed of ['{"a":1}', '[1,2,3]']) {
      expect(await verifyExport({ paths: [await exportFile([sealBytes(hashed)])] })).toMatchObject({
        ok: false,
        firstBadSeq: 1,
        problem: 'the hashed bytes are not an audit row',
      });
    }
    expect(
      await verifyExport({ paths: [await exportFile([sealBytes('not json')])] }),
    ).toMatchObject({ ok: false, firstBadSeq: 1, problem: 'the hashed bytes are not JSON' });
  });

  it('reads a directory in file-name order and ignores other files', async () => {
    const rows = chain(6);
    await writeFile(join(dir, 'audit-000000000004-000000000006.jsonl'), lines(rows.slice(3)));
    await writeFile(join(dir, 'audit-000000000001-000000000003.jsonl'), lines(rows.slice(0, 3)));
    await writeFile(join(dir, 'notes.txt'), 'not an export');
    expect(await verifyExport({ paths: [dir] })).toMatchObject({
      ok: true,
      rowsChecked: 6,
      fromSeq: 1,
      toSeq: 6,
    });
  });

  it('says so when a directory holds no export', async () => {
    expect(await verifyExport({ paths: [dir] })).toMatchObject({
      ok: false,
      problem: 'no export files found',
    });
  });
});

describe('checkpoints', () => {
  const head = (rows: ExportedRow[], index: number) => ({
    seq: rows[index]!.seq,
    hash: rows[index]!.hash,
    at: '2026-11-30T00:00:00.000Z',
  });

  it('verifies a signed checkpoint beside a file export, and counts it', async () => {
    const { privateKey, publicKey } = ed25519();
    const rows = chain(5);
    const path = await exportFile(rows);
    await writeFile(
      `${path}.checkpoint-000000000005-a.json`,
      JSON.stringify(signCheckpoint(head(rows, 4), privateKey)),
    );
    expect(await verifyExport({ paths: [path], publicKey })).toMatchObject({
      ok: true,
      checkpointsVerified: 1,
      checkpointsUnchecked: 0,
    });
    // Without the key it is found but not checked.
    expect(await verifyExport({ paths: [path] })).toMatchObject({
      ok: true,
      checkpointsVerified: 0,
      checkpointsUnchecked: 1,
    });
  });

  it('finds the checkpoints in a directory export, and only those', async () => {
    const { privateKey, publicKey } = ed25519();
    const rows = chain(5);
    await exportFile(rows);
    await writeFile(
      join(dir, 'checkpoint-000000000005-a.json'),
      JSON.stringify(signCheckpoint(head(rows, 4), privateKey)),
    );
    await writeFile(join(dir, 'notes.txt'), 'not a checkpoint');
    expect(await verifyExport({ paths: [dir], publicKey })).toMatchObject({
      ok: true,
      checkpointsVerified: 1,
    });
    expect(await verifyExport({ paths: [dir] })).toMatchObject({
      ok: true,
      checkpointsUnchecked: 1,
    });
  });

  it('checks the checkpoints beside a file export in file-name order, naming the first that fails', async () => {
    const { privateKey } = ed25519();
    const other = ed25519();
    const rows = chain(5);
    const path = await exportFile(rows);
    for (const stamp of ['b', 'a', 'c']) {
      await writeFile(
        `${path}.checkpoint-000000000005-${stamp}.json`,
        JSON.stringify(signCheckpoint(head(rows, 4), privateKey)),
      );
    }
    expect(await verifyExport({ paths: [path], publicKey: other.publicKey })).toMatchObject({
      ok: false,
      problem:
        'checkpoint audit-000000000001-000000000005.jsonl.checkpoint-000000000005-a.json is not signed by this key',
    });
  });

  it('proves rows were cut from the end: the checkpoint vouches for a row the export lacks', async () => {
    const { privateKey, publicKey } = ed25519();
    const rows = chain(5);
    const kept = join(dir, 'elsewhere.checkpoint-000000000005-a.json');
    await writeFile(kept, JSON.stringify(signCheckpoint(head(rows, 4), privateKey)));
    const path = await exportFile(rows.slice(0, 4), 'audit-000000000001-000000000004.jsonl');
    expect(await verifyExport({ paths: [path], checkpoints: [kept], publicKey })).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      problem:
        'checkpoint elsewhere.checkpoint-000000000005-a.json: it vouches for row 5, which the export does not reach: rows were removed',
    });
  });

  it('proves a rewritten chain: the checkpoint names another hash for its row', async () => {
    const { privateKey, publicKey } = ed25519();
    const original = chain(3);
    const kept = join(dir, 'kept.checkpoint-000000000003-a.json');
    await writeFile(kept, JSON.stringify(signCheckpoint(head(original, 2), privateKey)));
    // Every hash recomputed after changing row 2: the chain alone looks intact.
    const rewritten = [original[0]!];
    rewritten.push(sealRow(2, rewritten[0]!.hash, { ...fieldsFor(2), actorId: 'mallory' }));
    rewritten.push(sealRow(3, rewritten[1]!.hash, fieldsFor(3)));
    const path = await exportFile(rewritten, 'audit-000000000001-000000000003.jsonl');
    expect((await verifyExport({ paths: [path] })).ok).toBe(true);
    expect(await verifyExport({ paths: [path], checkpoints: [kept], publicKey })).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem:
        'checkpoint kept.checkpoint-000000000003-a.json: row 3 is not the row it vouches for',
    });
  });

  it('refuses a checkpoint for a row before the files given', async () => {
    const { privateKey, publicKey } = ed25519();
    const rows = chain(5);
    const kept = join(dir, 'kept.checkpoint-000000000002-a.json');
    await writeFile(kept, JSON.stringify(signCheckpoint(head(rows, 1), privateKey)));
    const path = await exportFile(rows.slice(3), 'audit-000000000004-000000000005.jsonl');
    expect(await verifyExport({ paths: [path], checkpoints: [kept], publicKey })).toMatchObject({
      ok: false,
      problem: 'checkpoint kept.checkpoint-000000000002-a.json: row 2 is not in the files given',
    });
  });

  it('accepts the checkpoint of an empty chain, and refuses an empty chain with a hash', async () => {
    const { privateKey, publicKey } = ed25519();
    const path = await exportFile(chain(2), 'audit-000000000001-000000000002.jsonl');
    const empty = join(dir, 'empty.checkpoint-000000000000-a.json');
    await writeFile(
      empty,
      JSON.stringify(signCheckpoint({ seq: 0, hash: '', at: 'x' }, privateKey)),
    );
    expect(await verifyExport({ paths: [path], checkpoints: [empty], publicKey })).toMatchObject({
      ok: true,
      checkpointsVerified: 1,
    });
    await writeFile(
      empty,
      JSON.stringify(signCheckpoint({ seq: 0, hash: 'ab', at: 'x' }, privateKey)),
    );
    expect(await verifyExport({ paths: [path], checkpoints: [empty], publicKey })).toMatchObject({
      ok: false,
      problem: 'checkpoint empty.checkpoint-000000000000-a.json: an empty chain with a hash',
    });
  });

  it('refuses a checkpoint signed by another key, a malformed one, and a key with none to check', async () => {
    const { privateKey } = ed25519();
    const other = ed25519();
    const rows = chain(2);
    const path = await exportFile(rows, 'audit-000000000001-000000000002.jsonl');
    const kept = join(dir, 'kept.checkpoint-000000000002-a.json');
    await writeFile(kept, JSON.stringify(signCheckpoint(head(rows, 1), privateKey)));
    const problem = 'checkpoint kept.checkpoint-000000000002-a.json is not signed by this key';
    expect(
      await verifyExport({ paths: [path], checkpoints: [kept], publicKey: other.publicKey }),
    ).toMatchObject({ ok: false, problem });
    await writeFile(kept, '{not json');
    expect(
      await verifyExport({ paths: [path], checkpoints: [kept], publicKey: other.publicKey }),
    ).toMatchObject({ ok: false, problem });
    expect(await verifyExport({ paths: [path], publicKey: other.publicKey })).toMatchObject({
      ok: false,
      problem: 'no checkpoint to check the public key against',
    });
  });
});

describe('signing and opening a checkpoint', () => {
  const head = { seq: 7, hash: 'a'.repeat(64), at: '2026-11-30T00:00:00.000Z' };

  it('signs exactly the head, and opens only with the matching key', () => {
    const { privateKey, publicKey } = ed25519();
    const file = signCheckpoint(head, privateKey);
    expect(file.format).toBe(CHECKPOINT_FORMAT);
    expect(JSON.parse(file.signed)).toEqual(head);
    expect(openCheckpoint(file, publicKey)).toEqual(head);
    expect(openCheckpoint(file, ed25519().publicKey)).toBeNull();
  });

  it('opens nothing that is malformed or altered', () => {
    const { privateKey, publicKey } = ed25519();
    const file = signCheckpoint(head, privateKey);
    expect(openCheckpoint(null, publicKey)).toBeNull();
    expect(openCheckpoint({ ...file, format: 'other' }, publicKey)).toBeNull();
    expect(openCheckpoint({ ...file, signed: 7 }, publicKey)).toBeNull();
    expect(openCheckpoint({ ...file, signature: 7 }, publicKey)).toBeNull();
    expect(
      openCheckpoint({ ...file, signed: file.signed.replace('"seq":7', '"seq":8') }, publicKey),
    ).toBeNull();
    // Correctly signed, but not a head.
    for (const body of [
      { seq: 1.5, hash: 'a', at: 'x' },
      { seq: -1, hash: 'a', at: 'x' },
      { seq: 1, hash: 2, at: 'x' },
      { seq: 1, hash: 'a', at: 3 },
    ]) {
      const signed = JSON.stringify(body);
      const signature = sign(null, Buffer.from(signed, 'utf8'), privateKey).toString('base64');
      const forged = { format: CHECKPOINT_FORMAT, signed, signature };
      expect(openCheckpoint(forged, publicKey)).toBeNull();
    }
  });

  it('refuses a base64 key one byte too long instead of reading its first 32 bytes', () => {
    const { privateKey, publicKey } = ed25519();
    const seed = (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(-32);
    const raw = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
    const longer = (key: Buffer) => Buffer.concat([key, Buffer.from([0])]).toString('base64');
    expect(() => parseSigningKey(longer(seed))).toThrow(InvalidKey);
    expect(() => parsePublicKey(longer(raw))).toThrow(InvalidKey);
  });

  it('reads keys as PEM or as raw base64, and refuses anything else', () => {
    const { privateKey, publicKey } = ed25519();
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const seed = (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(-32);
    const raw = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
    const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const file = signCheckpoint(head, parseSigningKey(pem));
    expect(openCheckpoint(file, parsePublicKey(publicPem))).toEqual(head);
    expect(
      openCheckpoint(signCheckpoint(head, parseSigningKey(seed.toString('base64'))), publicKey),
    ).toEqual(head);
    expect(openCheckpoint(file, parsePublicKey(raw.toString('base64')))).toEqual(head);

    expect(() => parseSigningKey('c2hvcnQ=')).toThrow(InvalidKey);
    expect(() => parsePublicKey('c2hvcnQ=')).toThrow(InvalidKey);
    expect(() => parseSigningKey('c2hvcnQ=')).toThrow(
      'AUDIT_SIGNING_KEY must be an Ed25519 private key: a PKCS8 PEM or a base64 32-byte seed',
    );
    expect(() => parsePublicKey('c2hvcnQ=')).toThrow(
      'the public key must be an Ed25519 key: an SPKI PEM or a base64 32-byte key',
    );
    // A key pasted over several lines, with spaces around it, still reads.
    const wrapped = ` ${raw.toString('base64').replace(/(.{20})/, '$1\n')}\n`;
    expect(openCheckpoint(file, parsePublicKey(wrapped))).toEqual(head);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() =>
      parseSigningKey(rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()),
    ).toThrow('AUDIT_SIGNING_KEY must be an Ed25519 key');
    expect(() =>
      parsePublicKey(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString()),
    ).toThrow('the public key is not Ed25519');
  });
});
