import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkGoogleIdentity } from '../../src/accounts/identities';
import { exportAuditLog, verifyAuditChain } from '../../src/audit/chain';
import {
  access,
  auditLog,
  erasureRequests,
  groupShares,
  identities,
  personKeys,
  readingPhotos,
  readings,
  sources,
  users,
  webhookEvents,
} from '../../src/db/schema';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import { type Answer, exchange, type Person, person } from '../helpers/chat';
import { databaseKinds } from '../helpers/db';
import { type Harness, startHarness } from '../helpers/harness';

// "delete my data" from the chat, end to end: the list of what goes and what stays, the tap, the
// typed word; then what is left in the database, what the group was told, and that the audit
// chain still verifies (in the database and from an export made after the deletion) while no
// e-mail, note or LINE user id is left readable in it.

const wordIn = (answer: Answer) => /\n((?:DELETE|ลบ) \d{4})\n/.exec(answer.text)?.[1] ?? '';

describe.each(databaseKinds())('delete my data on %s', (kind) => {
  let h: Harness;
  let skewMs = 0;
  let dad: Person;
  let mom: Person;
  let nid: Person;
  let family: FakeGroup;
  let dadId: string;

  const db = () => h.database.db;
  const userOf = async (p: Person) =>
    (await db().select().from(identities).where(eq(identities.providerUserId, p.user.userId)))[0]
      ?.userId ?? null;
  const meterNamed = async (name: string) =>
    (await db().select().from(sources).where(eq(sources.name, name)))[0] ?? null;
  const snapshot = async () => ({
    users: await db().select().from(users).orderBy(asc(users.id)),
    sources: await db().select().from(sources).orderBy(asc(sources.id)),
    readings: await db().select().from(readings).orderBy(asc(readings.id)),
    access: await db().select().from(access).orderBy(asc(access.userId)),
    identities: await db().select().from(identities).orderBy(asc(identities.id)),
  });

  beforeAll(async () => {
    h = await startHarness({ databaseKind: kind, clock: () => new Date(Date.now() + skewMs) });
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    nid = person(h, h.platform.addUser({ displayName: 'นิด', language: 'th' }));
    family = h.platform.addGroup({
      name: 'Family',
      members: [dad.user.userId, mom.user.userId],
    });
    // Create: Electric (Mom becomes an admin: it passes to her), Water (shared into the family
    // group, no other admin: removed, the group told), Gas (his alone: removed).
    await dad.say('add meter Electric kWh');
    await dad.say('add meter Water m3');
    await dad.say('add meter Gas m3');
    await mom.say('hello');
    const mention = (text: string, who: Person) => ({
      mentionees: [
        { index: text.indexOf('@'), length: 4, type: 'user' as const, userId: who.user.userId },
      ],
    });
    const grant = 'share meter 1 @Mom admin';
    expect(
      (await dad.say(grant, { group: family.groupId, mention: mention(grant, mom) })).text,
    ).toMatch(/Mom/);
    expect((await dad.say('share meter 2', { group: family.groupId })).text).toMatch(/Shared/);
    // Record, with notes that are personal text.
    await dad.say('meter 1 = 4521 # dad-secret-note-electric');
    await dad.say('meter 2 = 100 # dad-secret-note-water');
    await dad.say('meter 3 = 7');
    // Mom reads Electric too (her reading stays with her).
    await mom.say('meter 1 = 4600 # mom-note');
    dadId = (await userOf(dad))!;
    // Dad's Google account, linked (its e-mail goes into the audit trail sealed).
    expect(
      await linkGoogleIdentity(h.deps, dadId, {
        sub: 'google-sub-dad-123',
        email: 'dad.private@example.com',
        name: 'Dad',
        picture: null,
      }),
    ).toEqual({ kind: 'linked' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('in a group it asks for the one-to-one chat and changes nothing', async () => {
    const answer = await dad.say('delete my data', { group: family.groupId });
    expect(answer.text).toMatch(/one-to-one chat/);
    expect(await db().select().from(erasureRequests)).toEqual([]);
  });

  it('says what goes and what stays, and a wrong word cancels with nothing changed', async () => {
    const before = await snapshot();
    const plan = await dad.say('delete my data');
    expect(plan.texts[0]).toContain('meter "Water" with its 1 reading (shared into 1 group');
    expect(plan.texts[0]).toContain('meter "Gas" with its 1 reading');
    expect(plan.texts[0]).toContain('the Google account dad.private@example.com');
    expect(plan.texts[0]).toMatch(/Stays:\n• meter "Electric" passes to Mom, an admin of it/);
    expect(plan.choices.map((c) => c.label)).toEqual(['Delete everything', 'Cancel']);

    const asked = await dad.tap(plan, 'Delete everything');
    const word = wordIn(asked);
    expect(word).toMatch(/^DELETE \d{4}$/);
    const wrong = `DELETE ${String((Number(word.slice(7)) + 1) % 10_000).padStart(4, '0')}`;
    expect((await dad.say(wrong)).text).toMatch(/cancelled the deletion. Nothing was deleted/);
    // The right word no longer works: the request is gone.
    expect((await dad.say(word)).text).toMatch(/No deletion is waiting/);
    expect(await snapshot()).toEqual(before);
  });

  it('Cancel and an expired request change nothing', async () => {
    const before = await snapshot();
    const plan = await dad.say('delete my data');
    expect((await dad.tap(plan, 'Cancel')).text).toBe('Cancelled. Nothing was deleted.');

    const again = await dad.say('delete my data');
    const word = wordIn(await dad.tap(again, 'Delete everything'));
    skewMs = 11 * 60_000;
    expect((await dad.say(word)).text).toMatch(/expired. Nothing was deleted/);
    skewMs = 0;
    expect(await snapshot()).toEqual(before);
  });

  it('the typed word before the tap does not erase', async () => {
    await dad.say('delete my data');
    const [request] = await db().select().from(erasureRequests);
    expect((await dad.say(`DELETE ${request!.code}`)).text).toMatch(/First tap/);
    expect(await userOf(dad)).toBe(dadId);
  });

  it('in Thai: the list, the button and the Thai word; a wrong word cancels', async () => {
    await nid.say('เพิ่มมิเตอร์ ไฟ kWh');
    const plan = await nid.say('ลบข้อมูลของฉัน');
    expect(plan.texts[0]).toContain('ลบถาวร:');
    expect(plan.texts[0]).toContain('มิเตอร์ "ไฟ" พร้อมค่าที่จดไว้ 0 ค่า');
    const asked = await nid.tap(plan, 'ลบทั้งหมด');
    const word = wordIn(asked);
    expect(word).toMatch(/^ลบ \d{4}$/);
    const wrong = `ลบ ${String((Number(word.slice(3)) + 1) % 10_000).padStart(4, '0')}`;
    expect((await nid.say(wrong)).text).toMatch(/ยกเลิกการลบแล้ว ไม่มีอะไรถูกลบ/);
    expect(await meterNamed('ไฟ')).not.toBeNull();
  });
});

describe.each(databaseKinds())('after deleting my data on %s', (kind) => {
  let h: Harness;
  const skewMs = 0;
  let dad: Person;
  let mom: Person;
  let nid: Person;
  let family: FakeGroup;
  let dadId: string;
  let pushesBefore: number;
  let word: string;
  let done: Answer;

  const db = () => h.database.db;
  const userOf = async (p: Person) =>
    (await db().select().from(identities).where(eq(identities.providerUserId, p.user.userId)))[0]
      ?.userId ?? null;
  const meterNamed = async (name: string) =>
    (await db().select().from(sources).where(eq(sources.name, name)))[0] ?? null;

  beforeAll(async () => {
    h = await startHarness({ databaseKind: kind, clock: () => new Date(Date.now() + skewMs) });
    dad = person(h, h.platform.addUser({ displayName: 'Dad', language: 'en' }));
    mom = person(h, h.platform.addUser({ displayName: 'Mom', language: 'en' }));
    nid = person(h, h.platform.addUser({ displayName: 'นิด', language: 'th' }));
    family = h.platform.addGroup({
      name: 'Family',
      members: [dad.user.userId, mom.user.userId],
    });
    // Create: Electric (Mom becomes an admin: it passes to her), Water (shared into the family
    // group, no other admin: removed, the group told), Gas (his alone: removed).
    await dad.say('add meter Electric kWh');
    await dad.say('add meter Water m3');
    await dad.say('add meter Gas m3');
    await mom.say('hello');
    const mention = (text: string, who: Person) => ({
      mentionees: [
        { index: text.indexOf('@'), length: 4, type: 'user' as const, userId: who.user.userId },
      ],
    });
    const grant = 'share meter 1 @Mom admin';
    expect(
      (await dad.say(grant, { group: family.groupId, mention: mention(grant, mom) })).text,
    ).toMatch(/Mom/);
    expect((await dad.say('share meter 2', { group: family.groupId })).text).toMatch(/Shared/);
    // Record, with notes that are personal text.
    await dad.say('meter 1 = 4521 # dad-secret-note-electric');
    await dad.say('meter 2 = 100 # dad-secret-note-water');
    await dad.say('meter 3 = 7');
    // Mom reads Electric too (her reading stays with her).
    await mom.say('meter 1 = 4600 # mom-note');
    dadId = (await userOf(dad))!;
    // Dad's Google account, linked (its e-mail goes into the audit trail sealed).
    expect(
      await linkGoogleIdentity(h.deps, dadId, {
        sub: 'google-sub-dad-123',
        email: 'dad.private@example.com',
        name: 'Dad',
        picture: null,
      }),
    ).toEqual({ kind: 'linked' });
    // Photos: his on Electric #1 (the meter passes to Mom) and on Gas (removed), hers on #2.
    const photoOf = (who: Person, ask: string) =>
      who.say(ask).then(() =>
        exchange(h, [
          h.platform.events.image({
            userId: who.user.userId,
            content: {
              bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(500)]),
            },
          }),
        ]),
      );
    expect((await photoOf(dad, 'photo meter 1 #1')).text).toMatch(/^Photo kept with #1/);
    expect((await photoOf(dad, 'photo meter 3 #1')).text).toMatch(/^Photo kept with #1/);
    expect((await photoOf(mom, 'photo meter 1 #2')).text).toMatch(/^Photo kept with #2/);
    expect(await db().$count(readingPhotos)).toBe(3);

    pushesBefore = h.platform.pushes.length;
    const plan = await dad.say('delete my data');
    word = wordIn(await dad.tap(plan, 'Delete everything'));
    done = await dad.say(word);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('erases after the tap and the word: meters pass or go, the group is told', async () => {
    expect(done.text).toMatch(/^Your data is deleted: your account, 2 meters/);

    // Identities, profile, grants, key, requests: gone.
    expect(await db().select().from(users).where(eq(users.id, dadId))).toEqual([]);
    expect(await db().select().from(identities).where(eq(identities.userId, dadId))).toEqual([]);
    expect(await db().select().from(personKeys).where(eq(personKeys.userId, dadId))).toEqual([]);
    expect(await db().select().from(erasureRequests)).toEqual([]);
    // Electric passed to Mom, with her reading and his (without his name and note).
    const momId = await userOf(mom);
    const electric = await meterNamed('Electric');
    expect(electric?.ownerId).toBe(momId);
    expect(await db().select().from(access).where(eq(access.sourceId, electric!.id))).toEqual([]);
    const kept = await db()
      .select()
      .from(readings)
      .where(eq(readings.sourceId, electric!.id))
      .orderBy(asc(readings.number));
    expect(kept.map((r) => [r.value, r.enteredBy, r.note])).toEqual([
      ['4521', null, null],
      ['4600', momId, 'mom-note'],
    ]);
    // Water and Gas are gone with their readings and shares.
    expect(await meterNamed('Water')).toBeNull();
    expect(await meterNamed('Gas')).toBeNull();
    expect(await db().select().from(groupShares)).toEqual([]);
    // No stored message of his is left but the id of the event that erased (text cleared).
    const events = await db()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.chatId, dad.user.userId));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.payload)).not.toContain(word);
    // The family group was told by push, in Thai and English.
    const told = h.platform.pushes.slice(pushesBefore).filter((p) => p.to === family.groupId);
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]!.messages)).toContain(
      'Meter 1 \\"Water\\" was removed from Home Log: its owner deleted their data.',
    );
  });

  it('Mom sees the trail of the meter she now owns, with the erased person marked', async () => {
    const answer = await mom.say('audit meter 1');
    expect(answer.text).toMatch(/\(erased\): recorded #1 4,521 kWh · \(erased\)/);
    expect(answer.text).toMatch(/Mom: recorded #2 4,600 kWh · "mom-note"/);
    expect(answer.text).toMatch(/\(erased\): passed the meter to another admin/);
  });

  it('the chain verifies after the deletion, in the database and from an export', {
    timeout: 300_000,
  }, async () => {
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, firstBadSeq: null });
    const [erase] = await db().select().from(auditLog).where(eq(auditLog.action, 'user.erase'));
    expect(erase).toMatchObject({
      actorId: dadId,
      subjectId: dadId,
      after: { by: 'self', identities: 2, metersRemoved: 2, metersPassed: 1, groupsTold: 1 },
    });
    const dir = await mkdtemp(join(tmpdir(), 'home-log-erasure-'));
    try {
      const result = await exportAuditLog(db(), join(dir, 'out/'));
      expect(result.written).toBeGreaterThan(10);
      const verify = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/entry/audit.ts', 'verify', '--file', join(dir, 'out')],
        { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
      );
      expect(verify.stdout).toContain('audit export intact');
      expect(verify.status).toBe(0);
      // What was written for good holds nothing of his in the clear.
      const [file] = await readdir(join(dir, 'out'));
      const exported = await readFile(join(dir, 'out', file!), 'utf8');
      for (const secret of personalTexts(dad)) expect(exported).not.toContain(secret);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('no e-mail, note text or LINE user id is in clear in any audit row', async () => {
    const rows = await db().execute(sql`select * from audit_log order by seq`);
    const all = JSON.stringify(rows);
    for (const secret of [...personalTexts(dad), mom.user.userId, 'mom-note', nid.user.userId]) {
      expect(all).not.toContain(secret);
    }
  });

  it('takes the photos he kept, also on the meter that passed to Mom; hers stay', async () => {
    const kept = await db().select().from(readingPhotos);
    expect(kept.map((photo) => photo.addedBy)).toEqual([await userOf(mom)]);
  });
});

/** What must never be readable in the audit trail once Dad is erased. */
const personalTexts = (dad: Person) => [
  dad.user.userId,
  'dad.private@example.com',
  'google-sub-dad-123',
  'dad-secret-note-electric',
  'dad-secret-note-water',
];
