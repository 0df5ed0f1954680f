// @ts-nocheck
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config';
import {
  CHAT_BOT_NAME,
  CHAT_PASSTHROUGH_ENV,
  type ChatSession,
  createChatSession,
  DEFAULT_CHAT_DATA_DIR,
  DEFAULT_CHAT_OUT_DIR,
} from '../dev/chat-session';

// `npm run chat` (DESIGN §8): talk to the real bot in the terminal as a LINE user, with no LINE
// account. Only the terminal lives here (arguments, readline, printing); the session logic is
// in src/dev/chat-session.ts.

const USAGE = `Usage: npm run chat -- [--fresh] [--lang en|th] [--data DIR]

  --fresh        a throwaway in-memory database (same as CHAT_DATA_DIR=memory://)
  --lang en|th   the language of your LINE app (default en)
  --data DIR     where the embedded database lives (default $CHAT_DATA_DIR or ${DEFAULT_CHAT_DATA_DIR})

Chart images are saved under $CHAT_OUT_DIR (default ${DEFAULT_CHAT_OUT_DIR}).
Lines can be piped in:  printf 'add meter Electric kWh\\nmeter 1 = 4521\\n' | npm run chat
`;

const write = (lines: string[]) => {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
};

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseOptions>;
  try {
    args = parseOptions();
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const language = args.lang ?? 'en';
  if (language !== 'en' && language !== 'th') fail(`--lang must be en or th\n\n${USAGE}`, 2);
  const dataDir = args.fresh
    ? 'memory://'
    : args.data || process.env.CHAT_DATA_DIR || DEFAULT_CHAT_DATA_DIR;

  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let rl: Interface | undefined;
  let waiting = true; // a line is being answered: no prompt on screen

  // Messages that arrive on their own (pushes): print them above the prompt.
  const printLater = (lines: string[]) => {
    if (interactive && rl && !waiting) {
      process.stdout.write('\r\x1b[K');
      write(lines);
      rl.prompt(true);
    } else write(lines);
  };

  write([`Starting ${CHAT_BOT_NAME} (real app, embedded database, fake LINE platform)…`]);
  const env: Record<string, string | undefined> = {};
  for (const name of CHAT_PASSTHROUGH_ENV) env[name] = process.env[name];
  let session: ChatSession;
  try {
    session = await createChatSession({
      dataDir,
      language,
      displayName: process.env.USER || process.env.USERNAME || 'You',
      outDir: process.env.CHAT_OUT_DIR || DEFAULT_CHAT_OUT_DIR,
      env,
      onOutput: printLater,
    });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    fail(`could not start: ${error instanceof Error ? error.message : String(error)}`, 1);
  }

  write([
    session.persistent
      ? `Data: ${session.dataDir} (kept for next time; --fresh for a throwaway database)`
      : 'Data: in memory (gone when you quit)',
    `App: ${session.url} · fake LINE: ${session.lineUrl} · charts go to ${session.outDir}`,
    'Type /help for commands, /quit to leave.',
    '',
  ]);
  write(await session.start());

  rl = createInterface({
    input: process.stdin,
    ...(interactive ? { output: process.stdout } : {}),
    terminal: interactive,
    prompt: session.prompt(),
  });
  const input = rl;
  // Ctrl-C and SIGTERM leave as cleanly as /quit and Ctrl-D.
  input.on('SIGINT', () => input.close());
  process.once('SIGTERM', () => input.close());
  process.once('SIGINT', () => input.close());

  const showPrompt = () => {
    waiting = false;
    if (!interactive) return;
    input.setPrompt(session.prompt());
    input.prompt();
  };
  showPrompt();
  for await (const line of input) {
    waiting = true;
    // Piped lines are echoed after the prompt, so the output reads as a conversation.
    if (!interactive && line.trim() !== '') write([`${session.prompt()}${line}`]);
    write(await session.send(line));
    if (session.closed) break;
    showPrompt();
  }
  waiting = true;
  input.close();
  if (!session.closed) {
    if (interactive) write(['', 'Bye.']);
    await session.close();
  }
  // Flush stdout, then leave (nothing else should keep the process, but be sure).
  process.stdout.write('', () => process.exit(0));
}

function parseOptions() {
  return parseArgs({
    options: {
      fresh: { type: 'boolean' },
      lang: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  }).values;
}

main().catch((error) => {
  fail(`npm run chat failed: ${error instanceof Error ? error.message : String(error)}`, 1);
});
