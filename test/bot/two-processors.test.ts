import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createBot } from '../../src/bot/bot';
import type { Database } from '../../src/db/client';
import { createDatabase } from '../../src/db/open';
import { readings, webhookEvents } from '../../src/db/schema';
import type { Deps } from '../../src/deps';
import type { FakeUser } from '../../src/dev/fake-line-platform';
import { silentLogger } from '../../src/logger';
import { createNodeDeps } from '../../src/runtime';
import { type Harness, recordingOnlyBot, startHarness } from '../helpers/harness';

// Two instances of the bot on one database (PostgreSQL when TEST_DATABASE_URL is set: each
// instance with connections of its own). Events are recorded by a webhook that does not process
// them, then both instances go after the same chats at once.

/** Records events and leaves them for the processors under test. */
const recordOnly = recordingOnlyBot('record-only');

describe('two processors on one database', () => {
  let h: Harness;
  let second: { deps: Deps; drain: (ms: number) => Promise<number>; database: Database };

  beforeEach(async () => {
    h = await startHarness({ createApp: (deps) => createApp(deps, recordOnly) });
    // The second instance: its own connections to the same database where there can be two.
    const database = h.database.url
      ? await createDatabase({ databaseUrl: h.database.url, pgliteDir: '' })
      : h.database;
    const { deps, drain } = await createNodeDeps(h.config, { logger: silentLogger(), database });
    second = { deps, drain, database };
  });
  afterEach(async () => {
    await second?.drain(5_000);
    if (second && second.database !== h.database) await second.database.close();
    await h?.close();
  });

  const idle = async () => {
    await Promise.all([h.idle(30_000), second.drain(30_000)]);
  };
  const events = async () =>
    h.database.db
      .select({
        chatId: webhookEvents.chatId,
        status: webhookEvents.status,
        attempts: webhookEvents.attempts,
      })
      .from(webhookEvents);
  const values = async () =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .orderBy(asc(readings.number))
    ).map((r) => r.value);

  /** A user with meter 1, set up by a working bot; then `texts` arrive and wait. */
  async function userWithWaiting(texts: string[]): Promise<FakeUser> {
    const user = h.platform.addUser({ displayName: 'Somchai', language: 'en' });
    await h.webhook([
      h.platform.events.text({ userId: user.userId, text: 'add meter Electric kWh' }),
    ]);
    const setup = createBot(h.deps);
    await setup.processor.recover();
    await idle();
    for (const text of texts) {
      await h.webhook([h.platform.events.text({ userId: user.userId, text })]);
    }
    return user;
  }

  const readingsText = (n: number, start = 4500) =>
    Array.from({ length: n }, (_, i) => `meter 1 = ${start + i * 10}`);

  it('processes one chat in order, each event exactly once, with both racing for it', async () => {
    const texts = readingsText(8);
    const user = await userWithWaiting(texts);
    h.platform.clearRecorded();

    const [a, b] = [createBot(h.deps), createBot(second.deps)];
    await Promise.all([a.processor.recover(), b.processor.recover()]);
    await idle();

    expect(await values()).toEqual(texts.map((t) => t.split(' = ')[1]));
    const all = await events();
    expect(all.map((e) => e.status)).toEqual(all.map(() => 'done'));
    expect(all.filter((e) => e.attempts !== 1)).toEqual([]);
    // One answer per event, in the order the readings were sent.
    const answers = h.platform.textsTo(user.userId).filter((line) => line.startsWith('Recorded'));
    expect(answers).toHaveLength(8);
    expect(answers.map((line) => /: ([\d,]+) kWh/.exec(line)?.[1])).toEqual(
      texts.map((t) => Number(t.split(' = ')[1]).toLocaleString('en-US')),
    );
  });

  it('does not steal an event another live worker has just claimed, nor run past it (PostgreSQL); on PGlite, where no other process can exist, resumes it at once', async () => {
    const user = await userWithWaiting(readingsText(3));
    // A worker claimed the first waiting event a moment ago.
    await h.database.db.execute(
      sql`update webhook_events set status = 'processing', attempts = 1, claimed_at = now(),
            claimed_by = 'a-live-worker'
          where webhook_event_id = (select webhook_event_id from webhook_events
                                    where status = 'pending' order by occurred_at limit 1)`,
    );
    h.platform.clearRecorded();

    const [a, b] = [createBot(h.deps), createBot(second.deps)];
    await Promise.all([a.processor.recover(), b.processor.recover()]);
    await idle();

    if (h.database.kind === 'pglite') {
      // One process owns a PGlite directory: a claim found at start is a dead process's.
      expect(await values()).toEqual(['4500', '4510', '4520']);
      expect((await events()).every((e) => e.status === 'done')).toBe(true);
      return;
    }
    // Nothing of that chat ran: the claim is fresh, and the chat's later events wait behind it.
    expect(await values()).toEqual([]);
    expect((await events()).map((e) => e.status).sort()).toEqual([
      'done',
      'pending',
      'pending',
      'processing',
    ]);
    expect(h.platform.textsTo(user.userId)).toEqual([]);
  });

  it('resumes an orphaned chat from the sweeper, without a restart', async () => {
    const user = await userWithWaiting(readingsText(2));
    // One more chat whose worker died mid-event long ago.
    const other = h.platform.addUser({ displayName: 'Malee', language: 'en' });
    await h.webhook([h.platform.events.text({ userId: other.userId, text: 'meters' })]);
    await h.database.db.execute(
      sql`update webhook_events set status = 'processing', attempts = 1,
            claimed_at = now() - interval '5 minutes'
          where chat_id = ${other.userId}`,
    );
    h.platform.clearRecorded();

    // A running instance that was never told about these chats: only its sweeper can find them.
    const b = createBot(second.deps);
    const stop = b.processor.startSweeper(100);
    try {
      const deadline = Date.now() + 30_000;
      while ((await events()).some((e) => e.status !== 'done')) {
        if (Date.now() > deadline) throw new Error(JSON.stringify(await events()));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      stop();
    }
    await idle();
    expect(await values()).toEqual(['4500', '4510']);
    expect(h.platform.textsTo(user.userId).filter((l) => l.startsWith('Recorded'))).toHaveLength(2);
    expect(h.platform.textsTo(other.userId).join('\n')).toMatch(/meter/i);
  });
});
