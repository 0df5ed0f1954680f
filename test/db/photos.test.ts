import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { access, readings, sources, users } from '../../src/db/schema';
import { createTestDatabase, databaseKinds, rejection, type TestDatabase } from '../helpers/db';

// Photos follow their meter's roles at the database too, whatever the application asks: a reader
// sees them and cannot add one, a stranger sees nothing, and nobody changes or removes one.

describe.each(databaseKinds())('reading photos under row-level security on %s', (kind) => {
  let database: TestDatabase;
  let owner: string;
  let writer: string;
  let reader: string;
  let stranger: string;
  let meter: string;
  let reading: string;

  const asApp = async <T = Record<string, unknown>>(userId: string, statement: string) =>
    database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'home_log_app', true), set_config('app.user_id', ${userId}, true), set_config('app.chat_id', '', true)`,
      );
      return rows<T>(tx, sql.raw(statement));
    });

  const insertAs = (userId: string, addedBy = userId, origin = `evt-${Math.random()}`) =>
    asApp<{ id: string }>(
      userId,
      `insert into reading_photos (source_id, number, reading_id, content_type, bytes, size, sha256, added_by, origin)
       values ('${meter}', 1, '${reading}', 'image/png', '\\x89504e47'::bytea, 4, 'x', '${addedBy}', '${origin}')
       returning id`,
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    [owner, writer, reader, stranger] = (
      await db
        .insert(users)
        .values(
          ['Owner', 'Writer', 'Reader', 'Stranger'].map((displayName) => ({
            displayName,
            timezone: 'Asia/Bangkok',
          })),
        )
        .returning({ id: users.id })
    ).map((u) => u.id) as [string, string, string, string];
    const [source] = await db
      .insert(sources)
      .values({ ownerId: owner, name: 'Electric', unit: 'kWh', timezone: 'Asia/Bangkok' })
      .returning({ id: sources.id });
    meter = source!.id;
    const [row] = await db
      .insert(readings)
      .values({
        sourceId: meter,
        number: 1,
        takenAt: new Date('2026-11-01T01:00:00Z'),
        value: '4521',
        enteredBy: owner,
      })
      .returning({ id: readings.id });
    reading = row!.id;
    await db.insert(access).values([
      { userId: writer, sourceId: meter, role: 'write', grantedBy: owner },
      { userId: reader, sourceId: meter, role: 'read', grantedBy: owner },
    ]);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('lets the owner and a writer add a photo signed as themselves, and nobody else', async () => {
    expect(await insertAs(owner)).toHaveLength(1);
    expect(await insertAs(writer)).toHaveLength(1);
    expect(await rejection(insertAs(reader))).toMatch(/row-level security/);
    expect(await rejection(insertAs(stranger))).toMatch(/row-level security/);
    // A writer cannot sign a photo in someone else's name.
    expect(await rejection(insertAs(writer, owner))).toMatch(/row-level security/);
  });

  it('shows photos to whoever may read the meter, and to nobody else', async () => {
    const count = `select count(*)::int as n from reading_photos`;
    expect(await asApp(reader, count)).toEqual([{ n: 2 }]);
    expect(await asApp(owner, count)).toEqual([{ n: 2 }]);
    expect(await asApp(stranger, count)).toEqual([{ n: 0 }]);
  });

  it('never changes or removes a photo through the application role', async () => {
    expect(
      await rejection(asApp(owner, `update reading_photos set content_type = 'image/jpeg'`)),
    ).toMatch(/permission denied/);
    expect(await rejection(asApp(owner, 'delete from reading_photos'))).toMatch(
      /permission denied/,
    );
  });

  it('refuses a size that is not the size of the bytes, and a type that is not a picture', async () => {
    expect(
      await rejection(
        database.db.execute(
          sql.raw(`insert into reading_photos (source_id, number, reading_id, content_type, bytes, size, sha256, added_by, origin)
            values ('${meter}', 1, '${reading}', 'image/png', '\\x00'::bytea, 2, 'x', '${owner}', 'size')`),
        ),
      ),
    ).toMatch(/reading_photos_size_check/);
    expect(
      await rejection(
        database.db.execute(
          sql.raw(`insert into reading_photos (source_id, number, reading_id, content_type, bytes, size, sha256, added_by, origin)
            values ('${meter}', 1, '${reading}', 'text/html', '\\x00'::bytea, 1, 'x', '${owner}', 'type')`),
        ),
      ),
    ).toMatch(/reading_photos_content_type_check/);
  });

  it("keeps a waiting `photo #N` its author's, and a reader cannot leave one", async () => {
    const ask = (userId: string) =>
      asApp(
        userId,
        `insert into photo_requests (user_id, chat_key, source_id, number, requested_at)
         values ('${userId}', 'user:${userId}', '${meter}', 1, now()) returning number`,
      );
    expect(await ask(writer)).toEqual([{ number: 1 }]);
    expect(await rejection(ask(reader))).toMatch(/row-level security/);
    expect(await asApp(owner, 'select * from photo_requests')).toEqual([]);
    expect(await asApp(writer, 'select number from photo_requests')).toEqual([{ number: 1 }]);
  });
});
