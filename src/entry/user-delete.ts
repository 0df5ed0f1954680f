import { eraseByLineUserId } from '../accounts/erasure';
import { groupNotice } from '../bot/erasure-messages';
import { text } from '../bot/reply';
import { ConfigError, parseDatabaseConfig } from '../config';
import { createDatabase } from '../db/open';
import { createLineApi } from '../line/client';
import { createLogger } from '../logger';

// npm run user:delete -- <LINE user id>
// Erases one person as "delete my data" does (identities, profile, grants, link states, stored
// messages, the meters only they own; shared meters pass to another admin), acting as them, so
// the same database function and the same audit rows apply. Connects as the owner
// (DATABASE_OWNER_URL, else DATABASE_URL) or opens PGLITE_DIR (stop the server first on PGlite).
// Groups that lose a meter are told by push when LINE_CHANNEL_ACCESS_TOKEN is set; otherwise the
// notices are printed for the operator to pass on. Exit 0 done, 1 unknown id, 2 usage or failure.

async function main(argv: string[]): Promise<number> {
  const lineUserId = argv.find((arg) => arg !== '--');
  if (!lineUserId || argv.filter((arg) => arg !== '--').length !== 1) {
    process.stderr.write('usage: npm run user:delete -- <LINE user id>\n');
    return 2;
  }
  const database = await createDatabase(parseDatabaseConfig(process.env));
  let result: Awaited<ReturnType<typeof eraseByLineUserId>>;
  try {
    await database.migrate();
    result = await eraseByLineUserId(database.db, lineUserId);
  } finally {
    await database.close();
  }
  if (!result) {
    process.stderr.write(
      `user:delete: no Home Log user has the LINE user id ${lineUserId}; nothing was deleted\n`,
    );
    return 1;
  }
  const { userId, erased } = result;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`user:delete: erased Home Log user ${userId}`);
  out(`  identities removed: ${erased.identities}`);
  out(`  personal grants removed: ${erased.grants}`);
  out(`  stored webhook events removed: ${erased.events}`);
  out(`  meters removed with their readings: ${erased.removed.length}`);
  for (const sourceId of erased.removed) out(`    ${sourceId}`);
  out(`  meters passed to another admin: ${erased.passed.length}`);
  for (const meter of erased.passed) out(`    ${meter.sourceId} -> user ${meter.to}`);

  const token = process.env.LINE_CHANNEL_ACCESS_TOKEN;
  const line = token
    ? createLineApi({
        channelAccessToken: token,
        baseUrl: (process.env.LINE_API_BASE_URL ?? 'https://api.line.me').replace(/\/+$/, ''),
        // Only pushes are sent from here; the data API (downloads) is never used.
        dataBaseUrl: (process.env.LINE_DATA_API_BASE_URL ?? 'https://api-data.line.me').replace(
          /\/+$/,
          '',
        ),
        logger: createLogger('warn'),
      })
    : null;
  for (const notice of erased.notices) {
    const message = groupNotice(notice.number, notice.name);
    const sent = line
      ? await line.push(notice.chatId, [text(message)], `user-delete:${userId}:${notice.chatId}`)
      : false;
    out(
      sent
        ? `  group ${notice.chatId} told: meter "${notice.name}" was removed`
        : `  group ${notice.chatId} NOT told (no LINE_CHANNEL_ACCESS_TOKEN or LINE refused); tell it: ${message.replace(/\n+/g, ' / ')}`,
    );
  }
  out('  the audit trail keeps the deletion (user.erase); sealed personal fields are unreadable');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else
      process.stderr.write(
        `user:delete failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    process.exit(2);
  },
);
