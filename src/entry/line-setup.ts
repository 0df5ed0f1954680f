import { HTTPFetchError } from '@line/bot-sdk';
import { ConfigError, parseConfig, parseDatabaseConfig } from '../config';
import { createDatabase } from '../db/open';
import { setUpRichMenus } from '../line/rich-menu';
import { lineUsersWithLanguage } from '../store/line-audience';

// npm run line:setup: the rich menus (Thai and English), their aliases, the default menu, and
// each person linked to their language's menu. Safe to run again: unchanged menus are kept.
// Connects as DATABASE_URL (the owner) or opens PGLITE_DIR, like the audit commands.

async function main(): Promise<number> {
  const config = parseConfig(process.env);
  const database = await createDatabase(parseDatabaseConfig(process.env));
  try {
    await database.migrate();
    const people = await lineUsersWithLanguage(database.db);
    const result = await setUpRichMenus({
      channelAccessToken: config.line.channelAccessToken,
      apiBaseUrl: config.line.apiBaseUrl,
      dataApiBaseUrl: config.line.dataApiBaseUrl,
      people,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const created = Object.values(result.menus).filter((menu) => menu.created).length;
    process.stdout.write(
      `line:setup done: ${created} menu(s) created, ${result.deleted.length} old menu(s) deleted\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof HTTPFetchError) {
      process.stderr.write(`line:setup failed: LINE answered ${error.status}: ${error.body}\n`);
    } else {
      process.stderr.write(
        `line:setup failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    process.exit(2);
  },
);
