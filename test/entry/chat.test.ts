import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readings, sources } from '../../src/db/schema';
import { type ChatSession, createChatSession } from '../../src/dev/chat-session';
import { silentLogger } from '../../src/logger';
import { createTestDatabase, createTestPgliteDir } from '../helpers/db';

// `npm run chat`: the session logic driven without a terminal, then the real command
// in a pipe.

/** The number `[N] label` was given in these printed lines. */
function choiceNumber(lines: string[], label: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\[(\\d+)\\] ${escaped}(?:  |$)`, 'm').exec(lines.join('\n'));
  if (!match?.[1]) throw new Error(`no choice "${label}" in:\n${lines.join('\n')}`);
  return Number(match[1]);
}

// Each test gets a session of its own and builds what it needs, so any one runs alone.
describe('the chat session', () => {
  let session: ChatSession;
  let outDir: string;
  const later: string[][] = [];

  beforeEach(async () => {
    later.length = 0;
    outDir = await mkdtemp(join(tmpdir(), 'home-log-chat-out-'));
    session = await createChatSession({
      database: await createTestDatabase('pglite'),
      language: 'en',
      displayName: 'Somchai',
      outDir,
      logger: silentLogger(),
      onOutput: (lines) => later.push(lines),
      pollIntervalMs: 50,
    });
  });
  afterEach(async () => {
    await session?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  const text = (lines: string[]) => lines.join('\n');

  it('starts with the greeting of a follow, its quick replies numbered', async () => {
    const lines = await session.start();
    expect(lines[0]).toMatch(/^bot › Hi Somchai! I'm Home Log/);
    expect(text(lines)).toContain('[1] Add a meter  [2] My meters  [3] Help');
    expect(session.prompt()).toBe('you@dm › ');
    expect(session.persistent).toBe(false);
  });

  it('adds a meter and confirms a reading with numbered choices', async () => {
    await session.start();
    expect(text(await session.send('add meter Electric kWh'))).toContain(
      'bot › Created meter 1 "Electric" (kWh).',
    );
    const stored = await session.send('meter 1 = 4521');
    expect(stored[0]).toMatch(/^bot › Recorded meter 1 "Electric": 4,521 kWh/);
    expect(text(stored)).toMatch(/^ {6}\[1\] Undo {2}\[2\] History/m);
  });

  it('picks a choice with /N, sending what the button sends', async () => {
    await session.start();
    await session.send('add meter Electric kWh');
    await session.send('meter 1 = 4521');
    const history = await session.send('/2');
    expect(history[0]).toBe('you › history meter 1');
    expect(text(history)).toMatch(/#1 4,521 kWh.*Somchai/);
    expect(await session.send('/9')).toEqual([
      expect.stringMatching(/^Pick a number from 1 to \d\.$/),
    ]);
  });

  it('switches person and group; the group message is answered', async () => {
    await session.start();
    const mom = await session.send('/as mom');
    expect(mom[0]).toBe('(speaking as mom)');
    // New to the bot: mom follows it, and her greeting comes to her own chat.
    expect(text(mom)).toMatch(/Hi mom! I'm Home Log/);
    expect(session.prompt()).toBe('mom@dm › ');

    const family = await session.send('/group family');
    expect(family[0]).toBe('(group "family" created, with Home Log in it)');
    expect(text(family)).toMatch(/^bot › .*Home Log/m); // the bot joined and said hello
    expect(session.prompt()).toBe('mom@family › ');

    const created = await session.send('add meter Water m3');
    expect(text(created)).toContain(
      'bot › Created meter 1 "Water" (m³). Everyone in this group can report it.',
    );
    // Chatter in a group gets no answer, as in LINE.
    expect(await session.send('see you at dinner')).toEqual([
      '(no answer: in a group the bot only answers messages written for it)',
    ]);
    expect(text(await session.send('/who'))).toMatch(
      /You are mom .* in group "family" \(members so far: mom\)/,
    );
    expect(await session.send('/dm')).toEqual(['(your one-to-one chat with Home Log)']);
    expect(await session.send('/as you')).toEqual(['(speaking as you)']);
    expect(session.prompt()).toBe('you@dm › ');
  });

  it('shows a questioned reading with its buttons; picking rollover stores it', async () => {
    await session.start();
    await session.send('add meter Electric kWh');
    await session.send('add meter Gas m3');
    expect(text(await session.send('set meter 2 digits 5'))).toContain('5 digits');
    expect(text(await session.send('meter 2 = 99950'))).toContain('Recorded meter 2 "Gas"');

    const question = await session.send('meter 2 = 70');
    expect(text(question)).toMatch(/70 is lower than the last reading 99,950 m³/);
    const rollover = choiceNumber(question, 'Rolled over (+120)');
    expect(text(question)).toContain(`[${rollover}] Rolled over (+120)`);

    const confirmed = await session.send(`/${rollover}`);
    expect(confirmed[0]).toBe('you › Rolled over (+120)'); // the postback's displayText
    expect(text(confirmed)).toMatch(/Recorded meter 2 "Gas": 70 m³[\s\S]*Used 120 m³/);

    const stored = await session.deps.database.db
      .select({ value: readings.value, event: readings.registerEvent })
      .from(readings)
      .innerJoin(sources, eq(sources.id, readings.sourceId))
      .where(eq(sources.name, 'Gas'))
      .orderBy(asc(readings.number));
    expect(stored).toEqual([
      { value: '99950', event: null },
      { value: '70', event: 'rollover' },
    ]);
  });

  it('prints pushes as they arrive, saving images as PNG files (or saying why not)', async () => {
    await session.start(); // the greeting tells which chat is "you"
    const png = new PNG({ width: 4, height: 3 });
    png.data.fill(200);
    const bytes = PNG.sync.write(png);
    const images: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' }).end(bytes);
    });
    await new Promise<void>((done) => images.listen(0, '127.0.0.1', done));
    try {
      const chartUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}/chart.png`;
      const missing = `${session.url}/charts/not-a-token.png`;
      const you = session.platform.replies[0]?.chatId ?? '';
      await session.deps.line.push(
        you,
        [
          { type: 'text', text: 'Linked to your Google account.' },
          { type: 'image', originalContentUrl: chartUrl, previewImageUrl: chartUrl },
          { type: 'image', originalContentUrl: missing, previewImageUrl: missing },
        ],
        'chat-test-push',
      );
      await vi.waitFor(() => expect(later.flat().join('\n')).toContain('[image]'), {
        timeout: 5_000,
      });
      const printed = later.flat();
      expect(printed[0]).toBe('bot › Linked to your Google account.');
      expect(printed).toContain(`bot › [image] ${missing} (404 Not Found)`);
      const saved = printed.find((line) => line.includes('[image] saved'));
      expect(saved).toMatch(/^bot › \[image\] saved .*chart-\d{8}T\d{6}-1\.png \(1 KB\)$/);
      const files = await readdir(outDir);
      expect(files).toHaveLength(1);
      expect(await readFile(join(outDir, files[0] ?? ''))).toEqual(bytes);
    } finally {
      await new Promise((done) => images.close(done));
    }
  });

  it('prints a Flex card as lines: the meter list and the usage card with its chart saved', async () => {
    await session.start();
    await session.send('add meter Electric kWh');
    await session.send('meter 1 = 4521');
    const list = await session.send('meters');
    expect(list[0]).toBe('bot › Your meters');
    expect(text(list)).toMatch(/^ {6}1\. Electric \(kWh\)$/m);
    expect(text(list)).toMatch(/^ {6}last 4,521 kWh/m);
    // The row itself is a button; so is the footer's "Add a meter".
    expect(choiceNumber(list, 'Add a meter')).toBeGreaterThan(0);

    const usage = await session.send('usage meter 1');
    expect(text(usage)).toMatch(/^bot › \[image\] saved .*chart-.*\.png \(\d+ KB\)$/m);
    expect(text(usage)).toMatch(/^ {6}meter 1 "Electric" — /m);
    expect(choiceNumber(usage, 'Chart')).toBeGreaterThan(0);
    expect(choiceNumber(usage, 'History')).toBeGreaterThan(0);
  });

  it('sends a picture with /photo: kept with the reading, whose history then links to it', async () => {
    await session.start();
    await session.send('add meter Electric kWh');
    await session.send('meter 1 = 4521');
    const png = new PNG({ width: 2, height: 2 });
    png.data.fill(200);
    const picture = join(outDir, 'meter.png');
    await writeFile(picture, PNG.sync.write(png));

    const kept = await session.send(`/photo ${picture}`);
    expect(kept[0]).toBe('(picture meter.png, 1 KB)');
    expect(text(kept)).toMatch(/^bot › Photo kept with #1 4,521 kWh on meter 1 "Electric"/m);
    const history = text(await session.send('history meter 1'));
    expect(history).toMatch(/#1 4,521 kWh, .*Somchai 📷/);
    const link = /#1 (http:\/\/127\.0\.0\.1:\d+\/photos\/\S+)/.exec(history)?.[1];
    const served = await fetch(link!);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(await readFile(picture));
  });

  it('sends a CSV with /file after "import meter 1": the readings are added after a tap', async () => {
    await session.start();
    await session.send('add meter Electric kWh');
    await session.send('import meter 1');
    const csv = join(outDir, 'readings.csv');
    await writeFile(csv, 'time,value\n2026-11-01 08:00,4400\n2026-11-15 08:00,4460\n');

    const preview = await session.send(`/file ${csv}`);
    expect(preview[0]).toBe('(file readings.csv, 1 KB)');
    expect(text(preview)).toContain('Ready to add 2 readings to meter 1 "Electric"');
    const added = await session.send(`/${choiceNumber(preview, 'Add 2')}`);
    expect(text(added)).toContain('Added 2 readings to meter 1 "Electric"');
    const stored = await session.deps.database.db
      .select({ value: readings.value })
      .from(readings)
      .orderBy(asc(readings.takenAt));
    expect(stored.map((r) => r.value)).toEqual(['4400', '4460']);
  });

  it('says why /photo and /file send nothing: no path, or a file that cannot be read', async () => {
    await session.start();
    const calls = session.platform.calls.length;
    expect(await session.send('/photo')).toEqual([
      'Usage: /photo PATH   (a JPEG or PNG file, for example /photo ./meter.jpg)',
    ]);
    expect(await session.send(`/file ${join(outDir, 'missing.csv')}`)).toEqual([
      `Could not read ${join(outDir, 'missing.csv')}: ENOENT`,
    ]);
    expect(session.platform.calls.length).toBe(calls);
  });

  it('answers /help and unknown commands without sending anything', async () => {
    await session.start();
    const calls = session.platform.calls.length;
    expect((await session.send('/help')).join('\n')).toContain('/group NAME');
    expect((await session.send('/frobnicate'))[0]).toMatch(/^Unknown command \/frobnicate/);
    expect(session.platform.calls.length).toBe(calls);
  });

  it('/quit closes the session', async () => {
    await session.start();
    expect(await session.send('/quit')).toEqual(['Bye.']);
    expect(session.closed).toBe(true);
    expect(await session.send('meters')).toEqual(['(the chat is closed)']);
    await session.close(); // idempotent
  });
});

describe('npm run chat in a pipe', () => {
  it('answers each piped line in order and exits 0 at end of input', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'home-log-chat-pipe-'));
    // An already migrated directory: creating a database is the first boot's test (entry/node),
    // and in this process it would cost several seconds of CPU.
    const dataDir = join(outDir, 'data');
    await (await createTestPgliteDir(dataDir)).close();
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/entry/chat.ts', '--data', dataDir],
        {
          env: { ...process.env, CHAT_OUT_DIR: outDir, LOG_LEVEL: 'warn' },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      child.stdin.end('add meter Electric kWh\nmeter 1 = 4521\n');

      expect(await exited, `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(0);
      expect(stdout).toContain(`Data: ${dataDir} (kept for next time`);
      expect(stdout).toContain('you@dm › meter 1 = 4521');
      expect(stdout).toContain('bot › Recorded meter 1 "Electric": 4,521 kWh');
      // Both answers, in the order the lines were typed.
      expect(stdout).toMatch(/Created meter 1[\s\S]*Recorded meter 1/);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
