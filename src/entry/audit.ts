import { ExportMismatch, exportAuditLog, verifyAuditChain } from '../audit/chain';
import { ConfigError, parseDatabaseConfig } from '../config';
import { createDatabase } from '../db/open';

// npm run audit:verify            checks the hash chain; exit 1 naming the first bad row
// npm run audit:export -- <target> appends new rows as JSON Lines to a file or directory
// Both connect as the owner, DATABASE_OWNER_URL or else DATABASE_URL (row security hides rows
// from the app role), or open
// PGLITE_DIR, which only one process can hold: stop the server first when using PGlite.

const USAGE = 'usage: audit verify | audit export <file.jsonl | directory/>';

async function main(argv: string[]): Promise<number> {
  const [command, target] = argv;
  if (command !== 'verify' && command !== 'export') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === 'export' && !target) {
    process.stderr.write(`audit export needs a target file or directory\n${USAGE}\n`);
    return 2;
  }
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
    const result = await exportAuditLog(database.db, target!);
    process.stdout.write(
      result.written === 0
        ? 'audit export: nothing new since the last export\n'
        : `audit export: ${result.written} rows (seq ${result.fromSeq}-${result.toSeq}) written to ${result.file}\n`,
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else
      process.stderr.write(
        `audit failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    process.exit(2);
  },
);
