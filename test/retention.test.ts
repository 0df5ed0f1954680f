import { randomBytes } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client';
import { startEmbeddedMaintenance } from '../src/db/maintenance';
import { linkStates, users, webhookEvents } from '../src/db/schema';
import worker from '../src/entry/worker';
import { runRetention } from '../src/retention';
import { databaseKinds } from './helpers/db';
import { type Harness, startHarness } from './helpers/harness';

// What people wrote leaves the webhook inbox once the event is done; old events and expired
// link states go on a schedule, on Node and on Workers alike.

describe.each(databaseKinds())('retention on %s', (databaseKind) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const inbox = async () =>
    (
      await h!.database.db
        .select({
          id: webhookEvents.webhookEventId,
          status: webhookEvents.status,
          payload: webhookEvents.payload,
        })
        .from(webhookEvents)
        .orderBy(asc(webhookEvents.occurredAt))
    ).map((row) => ({ ...row, payload: JSON.stringify(row.payload) }));

  it('clears the text of a finished event, keeps its id, and still ignores a redelivery', async () => {
    h = await startHarness({ databaseKind });
    const user = h.platform.addUser({ displayName: 'Nok', language: 'en' });
    const event = h.platform.events.text({
      userId: user.userId,
      text: 'add meter Under the mango tree kWh',
    });
    await h.webhook([event]);
    await h.idle();
    expect(JSON.stringify(h.platform.replies)).toContain('Under the mango tree');

    const [stored] = await inbox();
    expect(stored).toMatchObject({ id: event.webhookEventId, status: 'done' });
    expect(JSON.parse(stored!.payload)).toEqual({
      type: 'message',
      mode: 'active',
      timestamp: event.timestamp,
      webhookEventId: event.webhookEventId,
      message: { type: 'text' },
    });
    for (const personal of ['mango', user.userId, event.replyToken])
      expect(stored!.payload).not.toContain(personal);

    // The id alone still recognises LINE's redelivery: nothing is done twice.
    const repliesBefore = h.platform.replies.length;
    expect((await h.webhook([event], { redelivery: true })).status).toBe(200);
    await h.idle();
    expect(h.platform.replies).toHaveLength(repliesBefore);
    expect(await inbox()).toHaveLength(1);
  });

  it('clears older finished events, prunes month-old ones, and forgets expired link states of everyone', async () => {
    h = await startHarness({ databaseKind });
    const db = h.database.db;
    // A finished event stored in full before texts were cleared on finishing.
    const someone = h.platform.addUser({ displayName: 'Earlier', language: 'th' });
    const old = h.platform.events.text({ userId: someone.userId, text: 'x' });
    await db.insert(webhookEvents).values([
      {
        webhookEventId: 'legacy-done',
        occurredAt: new Date(),
        chatId: someone.userId,
        type: 'message',
        payload: { ...old, message: { type: 'text', id: '1', text: 'my secret note' } },
        status: 'done',
      },
      {
        webhookEventId: 'month-old',
        occurredAt: new Date(),
        chatId: someone.userId,
        type: 'message',
        payload: { type: 'message' },
        status: 'done',
      },
      {
        webhookEventId: 'month-old-pending',
        occurredAt: new Date(),
        chatId: `${someone.userId}-2`,
        type: 'message',
        payload: { ...old, message: { type: 'text', id: '2', text: 'still to do' } },
        status: 'pending',
      },
    ]);
    await db.execute(
      sql`update webhook_events set received_at = now() - interval '31 days'
          where webhook_event_id like 'month-old%'`,
    );

    const [alice, bob] = await db
      .insert(users)
      .values([
        { displayName: 'Alice', timezone: 'UTC' },
        { displayName: 'Bob', timezone: 'UTC' },
      ])
      .returning();
    const hour = 60 * 60_000;
    const state = (userId: string, expiresInMs: number) => ({
      tokenHash: randomBytes(32).toString('hex'),
      userId,
      purpose: 'google_link' as const,
      expiresAt: new Date(Date.now() + expiresInMs),
      data: { kind: 'move', email: `${userId}@example.com` },
    });
    await db
      .insert(linkStates)
      .values([
        state(alice!.id, -48 * hour),
        state(bob!.id, -25 * hour),
        state(bob!.id, -1 * hour),
        state(alice!.id, 10 * 60_000),
      ]);

    expect(await runRetention(h.deps)).toEqual({
      contentsCleared: 1,
      eventsPruned: 1,
      linkStatesForgotten: 2,
      importsForgotten: 0,
    });
    const left = await inbox();
    expect(left.map((row) => row.id).sort()).toEqual(['legacy-done', 'month-old-pending']);
    expect(left.find((row) => row.id === 'legacy-done')!.payload).not.toContain('secret');
    // Unfinished work keeps what it needs.
    expect(left.find((row) => row.id === 'month-old-pending')!.payload).toContain('still to do');
    // Recently expired states stay a day, so a late click is told "expired", not "unknown".
    expect(await db.$count(linkStates)).toBe(2);
    expect(await runRetention(h.deps)).toEqual({
      contentsCleared: 0,
      eventsPruned: 0,
      linkStatesForgotten: 0,
      importsForgotten: 0,
    });
  });

  it.runIf(databaseKind === 'postgres')(
    "runs from the Workers cron trigger's hourly tick",
    async () => {
      h = await startHarness({ databaseKind });
      const db = h.database.db;
      const [carol] = await db
        .insert(users)
        .values({ displayName: 'Carol', timezone: 'UTC' })
        .returning();
      await db.insert(linkStates).values({
        tokenHash: randomBytes(32).toString('hex'),
        userId: carol!.id,
        purpose: 'google_link',
        expiresAt: new Date(Date.now() - 48 * 60 * 60_000),
        data: { kind: 'link' },
      });
      const env = {
        DATABASE_URL: h.database.url!,
        LINE_CHANNEL_SECRET: h.config.line.channelSecret,
        LINE_CHANNEL_ACCESS_TOKEN: h.config.line.channelAccessToken,
        LINE_API_BASE_URL: h.platform.url,
        APP_SECRET: h.config.appSecret,
        PUBLIC_BASE_URL: h.url,
        LOG_LEVEL: 'error',
      };
      const tick = async (at: string) => {
        const background: Promise<unknown>[] = [];
        await worker.scheduled({ scheduledTime: Date.parse(at) }, env, {
          waitUntil: (promise) => void background.push(promise),
        });
        await Promise.all(background);
      };
      await tick('2030-01-01T10:17:00Z');
      expect(await db.$count(linkStates)).toBe(1);
      await tick('2030-01-01T11:00:00Z');
      expect(await db.$count(linkStates)).toBe(0);
    },
  );

  it.runIf(databaseKind === 'pglite')(
    'on PGlite, which has no autovacuum, the check that follows vacuums what retention pruned',
    async () => {
      h = await startHarness({ databaseKind });
      const db = h.database.db;
      await db.insert(webhookEvents).values(
        Array.from({ length: 300 }, (_, i) => ({
          webhookEventId: `pruned-${i}`,
          occurredAt: new Date(),
          chatId: 'C-old',
          type: 'message',
          payload: { type: 'message' },
          status: 'done' as const,
        })),
      );
      await db.execute(
        sql`update webhook_events set received_at = now() - interval '31 days'
            where webhook_event_id like 'pruned-%'`,
      );
      expect((await runRetention(h.deps)).eventsPruned).toBe(300);
      await db.execute(sql`select pg_stat_force_next_flush()`);
      const stop = startEmbeddedMaintenance(h.deps);
      stop();
      await h.idle();
      const [stats] = await rows<{ dead: number; vacuumed: unknown }>(
        db,
        sql`select n_dead_tup::int as dead, last_vacuum as vacuumed from pg_stat_user_tables
            where relname = 'webhook_events'`,
      );
      expect(stats).toMatchObject({ dead: 0 });
      expect(stats!.vacuumed).not.toBeNull();
    },
  );
});
