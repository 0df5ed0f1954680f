import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { identities, readings, sources, users, webhookEvents } from '../../src/db/schema';
import { createTestDatabase, databaseKinds, rejection, type TestDatabase } from '../helpers/db';

describe.each(databaseKinds())('schema and migrations on %s', (kind) => {
  let database: TestDatabase;
  let userId: string;
  let sourceId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [user] = await database.db
      .insert(users)
      .values({ displayName: 'Somchai', timezone: 'Asia/Bangkok' })
      .returning();
    userId = user!.id;
    const [source] = await database.db
      .insert(sources)
      .values({ ownerId: userId, name: 'Electric', unit: 'kWh', timezone: 'Asia/Bangkok' })
      .returning();
    sourceId = source!.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('creates every table from empty, and a second migration run applies nothing', async () => {
    const tables = await rows<{ tablename: string }>(
      database.db,
      sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
    );
    expect(tables.map((t) => t.tablename)).toEqual([
      'access',
      'audit_chain_head',
      'audit_log',
      'chat_changes',
      'chat_meters',
      'erasure_requests',
      'flood_notices',
      'group_members',
      'group_shares',
      'identities',
      'link_states',
      'paid_bills',
      'person_keys',
      'photo_requests',
      'push_claims',
      'quota_notices',
      'reading_confirmations',
      'reading_imports',
      'reading_photos',
      'readings',
      'reminders',
      'shown_histories',
      'source_validators',
      'sources',
      'tariff_settings',
      'usage_alerts',
      'users',
      'webhook_events',
    ]);
    expect(await database.migrate()).toBe(0);
  });

  it('indexes current readings by source and time, and uses that index for a boundary probe', async () => {
    const [index] = await rows<{ indexdef: string }>(
      database.db,
      sql`select indexdef from pg_indexes where indexname = 'readings_current_by_source_time'`,
    );
    expect(index?.indexdef).toMatch(/\(source_id, taken_at\) WHERE/);
    const plan = await rows<Record<string, string>>(
      database.db,
      sql`explain select taken_at, value from readings
          where source_id = ${sourceId} and superseded_at is null and deleted_at is null
            and taken_at <= now() order by taken_at desc limit 1`,
    );
    expect(JSON.stringify(plan)).toMatch(/readings_current_by_source_time/);
  });

  it('refuses a duplicate webhook event id', async () => {
    const event = {
      webhookEventId: '01JDEDUPE0000000000000000',
      occurredAt: new Date(),
      chatId: 'U1',
      type: 'message',
      payload: { type: 'message' },
    };
    await database.db.insert(webhookEvents).values(event);
    expect(await rejection(database.db.insert(webhookEvents).values(event))).toMatch(
      /duplicate key|unique/i,
    );
    const inserted = await database.db
      .insert(webhookEvents)
      .values(event)
      .onConflictDoNothing()
      .returning();
    expect(inserted).toEqual([]);
  });

  it('keeps one identity per provider account', async () => {
    await database.db
      .insert(identities)
      .values({ userId, provider: 'line', providerUserId: 'U0123' });
    expect(
      await rejection(
        database.db
          .insert(identities)
          .values({ userId, provider: 'line', providerUserId: 'U0123' }),
      ),
    ).toMatch(/identities_provider_subject_unique/);
    // The same id at another provider is a different account.
    await database.db
      .insert(identities)
      .values({ userId, provider: 'google', providerUserId: 'U0123' });
  });

  it('stores a reading from one webhook event once', async () => {
    const reading = {
      sourceId,
      number: 1,
      takenAt: new Date('2026-11-01T01:00:00Z'),
      value: '4521',
      enteredBy: userId,
      origin: 'evt-1',
    };
    await database.db.insert(readings).values(reading);
    expect(await rejection(database.db.insert(readings).values({ ...reading, number: 2 }))).toMatch(
      /readings_origin_unique/,
    );
  });

  it('keeps exact decimals', async () => {
    await database.db.insert(readings).values({
      sourceId,
      number: 3,
      takenAt: new Date('2026-11-02T01:00:00Z'),
      value: '12345678901234.123456',
      enteredBy: userId,
    });
    const [stored] = await database.db
      .select({ value: readings.value })
      .from(readings)
      .where(sql`${readings.number} = 3`);
    expect(stored?.value).toBe('12345678901234.123456');
  });

  it.each([
    [
      'an unknown provider',
      sql`insert into identities (user_id, provider, provider_user_id) values (${'USER'}, 'facebook', 'x')`,
    ],
    [
      'an unknown language',
      sql`insert into users (display_name, timezone, language) values ('x', 'UTC', 'fr')`,
    ],
    [
      'an unknown kind',
      sql`insert into sources (owner_id, name, timezone, kind) values (${'USER'}, 'x', 'UTC', 'odometer')`,
    ],
    [
      'a zero-digit register',
      sql`insert into sources (owner_id, name, timezone, digits) values (${'USER'}, 'y', 'UTC', 0)`,
    ],
    [
      'an unknown role',
      sql`insert into access (user_id, source_id, role) values (${'USER'}, ${'SOURCE'}, 'owner')`,
    ],
    [
      'an unknown group role',
      sql`insert into group_shares (chat_id, source_id, role) values ('C1', ${'SOURCE'}, 'admin')`,
    ],
    [
      'an unknown quality',
      sql`insert into readings (source_id, number, taken_at, value, quality) values (${'SOURCE'}, 9, now(), 1, 'guess')`,
    ],
    [
      'an unknown register event',
      sql`insert into readings (source_id, number, taken_at, value, register_event) values (${'SOURCE'}, 9, now(), 1, 'reset')`,
    ],
    [
      'a NaN reading',
      sql`insert into readings (source_id, number, taken_at, value) values (${'SOURCE'}, 9, now(), 'NaN')`,
    ],
    [
      'an unknown event status',
      sql`insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, status) values ('e', now(), 'U', 'message', '{}', 'lost')`,
    ],
    [
      'an unknown link purpose',
      sql`insert into link_states (token_hash, user_id, purpose, expires_at) values ('h', ${'USER'}, 'facebook', now())`,
    ],
  ])('refuses %s with a check constraint', async (_what, statement) => {
    // Placeholders are swapped for real ids so that only the check can fail.
    const query = sql.join(
      statement.queryChunks.map((chunk) =>
        chunk === 'USER' ? sql`${userId}` : chunk === 'SOURCE' ? sql`${sourceId}` : chunk,
      ) as never,
    );
    expect(await rejection(database.db.execute(query))).toMatch(/check constraint/);
  });

  it('refuses to delete a user who still owns meters', async () => {
    expect(await rejection(database.db.delete(users).where(sql`${users.id} = ${userId}`))).toMatch(
      /foreign key/,
    );
  });
});
