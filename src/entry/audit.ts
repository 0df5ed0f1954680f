import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { ExportMismatch, exportAuditLog, verifyAuditChain } from '../audit/chain';
import { InvalidKey, parsePublicKey, parseSigningKey } from '../audit/checkpoint';
import { openRows, readableLine, readExport } from '../audit/readable';
import { verifyExport } from '../audit/verify-export';
import { ConfigError, parseDatabaseConfig } from '../config';
import { createDatabase } from '../db/open';
import { auditLog } from '../db/schema';

// npm run audit:verify            checks the hash chain in the database; exit 1 naming the first
//                                 bad row
// npm run audit:verify -- --file <export> [--file …] [--checkpoint <file> …] [--public-key <key>]
//                                 checks exported files with no database: hashes, links, seq
//                                 numbers, and with the public key the signed checkpoints
// npm run audit:export -- <target> appends new rows as JSON Lines to a file or directory, and
//                                 with AUDIT_SIGNING_KEY writes a signed checkpoint of the head
// npm run audit:show [-- --file <export> …]  prints the trail (from the database or exported
//                                 files) as lines, sealed personal fields opened with the keys in
//                                 the database, "(erased)" where the person's data was deleted
// The database commands connect as the owner, DATABASE_OWNER_URL or else DATABASE_URL (row security
// hides rows from the app role), or open PGLITE_DIR, which only one process can hold: stop the
// server first on PGlite.

const USAGE = [
  'usage: audit verify',
  '       audit verify --file <export file or directory> [--file …] [--checkpoint <file> …]',
  '                    [--public-key <PEM file, PEM, or base64 Ed25519 key>]',
  '       audit export <file.jsonl | directory/>   (AUDIT_SIGNING_KEY: signs a checkpoint)',
  '       audit show [--file <export file or directory> …]',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'verify' && command !== 'export' && command !== 'show') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let options: { file?: string[]; checkpoint?: string[]; 'public-key'?: string };
  let positionals: string[];
  try {
    ({ values: options, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        file: { type: 'string', multiple: true },
        checkpoint: { type: 'string', multiple: true },
        'public-key': { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (command === 'verify' && options.file) return verifyFiles(options);
  if (command === 'show') return show(options.file ?? []);
  const target = positionals[0];
  if (command === 'export' && !target) {
    process.stderr.write(`audit export needs a target file or directory\n${USAGE}\n`);
    return 2;
  }
  const signingKey = process.env.AUDIT_SIGNING_KEY
    ? parseSigningKey(process.env.AUDIT_SIGNING_KEY)
    : null;

  const database = await createDatabase(parseDatabaseConfig(process.env));
  try {
    await database.migrate();
    if (command === 'verify') {
      const verdict = await verifyAuditChain(database.db);
      if (verdict.ok) {
        process.stdout.write(
          `audit log intact: ${verdict.rowsChecked} rows, hash chain verified\n`,
        );
        return 0;
      }
      process.stdout.write(
        `audit log BROKEN at row ${verdict.firstBadSeq}: ${verdict.problem} (${verdict.rowsChecked} rows before it are intact)\n`,
      );
      return 1;
    }
    const result = await exportAuditLog(database.db, target!, { signingKey });
    process.stdout.write(
      result.written === 0
        ? 'audit export: nothing new since the last export\n'
        : `audit export: ${result.written} rows (seq ${result.fromSeq}-${result.toSeq}) written to ${result.file}\n`,
    );
    process.stdout.write(
      result.checkpoint
        ? `audit export: signed checkpoint written to ${result.checkpoint}\n`
        : 'audit export: no AUDIT_SIGNING_KEY, so no signed checkpoint was written\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportMismatch) {
      process.stdout.write(`audit export refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function show(files: string[]): Promise<number> {
  const database = await createDatabase(parseDatabaseConfig(process.env));
  try {
    await database.migrate();
    const found =
      files.length > 0
        ? await readExport(files)
        : (await database.db.select().from(auditLog).orderBy(asc(auditLog.seq))).map((row) => ({
            ...row,
            at: row.at.toISOString(),
          }));
    for (const row of await openRows(database.db, found)) {
      process.stdout.write(`${readableLine(row)}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

async function verifyFiles(options: {
  file?: string[];
  checkpoint?: string[];
  'public-key'?: string;
}): Promise<number> {
  const keyText = options['public-key'];
  const publicKey = keyText
    ? parsePublicKey(existsSync(keyText) ? readFileSync(keyText, 'utf8') : keyText)
    : null;
  const verdict = await verifyExport({
    paths: options.file ?? [],
    checkpoints: options.checkpoint ?? [],
    publicKey,
  });
  const range = verdict.fromSeq === null ? 'no rows' : `rows ${verdict.fromSeq}-${verdict.toSeq}`;
  if (!verdict.ok) {
    const where = verdict.firstBadSeq === null ? '' : ` at row ${verdict.firstBadSeq}`;
    process.stdout.write(
      `audit export BROKEN${where}: ${verdict.problem} (${verdict.rowsChecked} rows before it are intact)\n`,
    );
    return 1;
  }
  process.stdout.write(
    `audit export intact: ${range}, ${verdict.rowsChecked} rows verified without the database\n`,
  );
  process.stdout.write(
    publicKey
      ? `audit export: ${verdict.checkpointsVerified} signed checkpoint(s) verified\n`
      : `audit export: ${verdict.checkpointsUnchecked} checkpoint(s) not checked (give --public-key)\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError || error instanceof InvalidKey)
      process.stderr.write(`${error.message}\n`);
    else
      process.stderr.write(
        `audit failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    process.exit(2);
  },
);
