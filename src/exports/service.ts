/**
 * `export meter 1` and `export my data`: the links handed out in the chat, and the files behind
 * them, read afresh at every download as the person the link was made for (row-level security
 * decides again what they may see). Each download is an audit row holding counts only.
 *
 * Decisions:
 * - Links live EXPORT_LINK_LIFETIME_HOURS (default 24): long enough to open on another device,
 *   short enough that a forwarded link soon stops working.
 * - A meter's CSV has every row the meter ever had (current, corrected, deleted) with its
 *   status, so a correction never hides what was first written.
 * - An archived meter, or one the person can no longer read, answers 404 like a bad link.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { withActor } from '../db/actor';
import type { Tx } from '../db/client';
import {
  access,
  auditLog,
  groupShares,
  identities,
  paidBills,
  readings,
  reminders,
  sources,
  sourceValidators,
  tariffSettings,
  usageAlerts,
  users,
} from '../db/schema';
import type { Deps } from '../deps';
import {
  type CsvReading,
  isoInZone,
  type ReadingStatus,
  readingsCsv,
} from '../domain/readings-csv';
import type { Language } from '../domain/types';
import { type ExportLink, signExportLink, type VerifiedExportLink } from './links';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the "who" column names the person downloading, and someone without a display name. */
const WHO: Record<Language, { you: string; someone: string }> = {
  en: { you: 'you', someone: 'someone' },
  th: { you: 'คุณ', someone: 'ผู้ใช้อีกคน' },
};

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/** A signed download URL for `link`, living EXPORT_LINK_LIFETIME_HOURS from now. */
export function issueExportLink(deps: Deps, link: ExportLink): IssuedLink {
  const expiresAt = new Date(deps.clock().getTime() + deps.config.exportLinkLifetimeMs);
  const token = signExportLink(deps.config.appSecret, link, expiresAt);
  const extension = link.kind === 'meter' ? 'csv' : 'json';
  return { url: `${deps.config.publicBaseUrl}/exports/${token}.${extension}`, expiresAt };
}

export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

const statusOf = (row: { supersededAt: Date | null; deletedAt: Date | null }): ReadingStatus =>
  row.supersededAt ? 'corrected' : row.deletedAt ? 'deleted' : 'current';

/** The CSV behind a meter link, or null when the person may no longer read the meter. */
export async function meterCsv(
  deps: Deps,
  link: Extract<VerifiedExportLink, { kind: 'meter' }>,
): Promise<ExportFile | null> {
  if (!UUID.test(link.sourceId) || !UUID.test(link.userId)) return null;
  return withActor(deps.database.db, { userId: link.userId }, async ({ tx, audit }) => {
    // Under row-level security: no row unless the person still owns the meter or holds a grant.
    const [source] = await tx
      .select({ id: sources.id, unit: sources.unit, timezone: sources.timezone })
      .from(sources)
      .where(and(eq(sources.id, link.sourceId), isNull(sources.archivedAt)));
    if (!source) return null;
    const found = await tx
      .select({ reading: readings, name: users.displayName })
      .from(readings)
      .leftJoin(users, eq(users.id, readings.enteredBy))
      .where(eq(readings.sourceId, source.id))
      .orderBy(asc(readings.takenAt), asc(readings.number), asc(readings.enteredAt));
    const words = WHO[link.language];
    const rows: CsvReading[] = found.map(({ reading, name }) => ({
      takenAt: reading.takenAt,
      value: reading.value,
      unit: source.unit,
      note: reading.note,
      who: reading.enteredBy === link.userId ? words.you : name || words.someone,
      number: reading.number,
      status: statusOf(reading),
      event: reading.registerEvent ?? null,
    }));
    audit({
      action: 'export.meter.download',
      subjectType: 'source',
      subjectId: source.id,
      sourceId: source.id,
      after: { format: 'csv', rows: rows.length },
    });
    return {
      body: readingsCsv(rows, source.timezone),
      contentType: 'text/csv; charset=utf-8',
      fileName: `home-log-readings-${source.id.slice(0, 8)}.csv`,
    };
  });
}

/** The JSON behind a person link, or null when the person is not there any more. */
export async function personJson(
  deps: Deps,
  link: Extract<VerifiedExportLink, { kind: 'person' }>,
): Promise<ExportFile | null> {
  if (!UUID.test(link.userId)) return null;
  return withActor(deps.database.db, { userId: link.userId }, async ({ tx, audit }) => {
    const data = await collectPersonData(tx, link.userId, deps.clock());
    if (!data) return null;
    audit({
      action: 'export.data.download',
      subjectType: 'user',
      subjectId: link.userId,
      after: { format: 'json', meters: data.meters.length, readings: data.readings.length },
    });
    return {
      body: `${JSON.stringify(data, null, 2)}\n`,
      contentType: 'application/json; charset=utf-8',
      fileName: 'home-log-my-data.json',
    };
  });
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/**
 * Everything Home Log keeps about one person that they may see: profile, sign-in identities,
 * the meters they own or were given, the readings they entered and those of their own meters,
 * grants and shares, meter settings, prices, bills, reminders, alerts and their audit entries.
 */
export async function collectPersonData(tx: Tx, userId: string, now: Date) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const ids = await tx.select().from(identities).where(eq(identities.userId, userId));
  // Row-level security lists the meters this person owns or holds a personal grant on.
  const meters = await tx.select().from(sources).orderBy(asc(sources.createdAt));
  const grants = await tx.select().from(access);
  const roleOf = (sourceId: string, ownerId: string) =>
    ownerId === userId
      ? 'owner'
      : (grants.find((g) => g.sourceId === sourceId && g.userId === userId)?.role ?? null);
  const meterIds = meters.map((m) => m.id);
  const owned = meters.filter((m) => m.ownerId === userId).map((m) => m.id);
  // An empty IN list is not SQL: the nil UUID stands for "none".
  const inMeters = (column: AnyPgColumn) =>
    inArray(column, meterIds.length ? meterIds : [NIL_UUID]);
  const ownedOnly = (column: AnyPgColumn) => inArray(column, owned.length ? owned : [NIL_UUID]);
  const rows = meterIds.length
    ? await tx
        .select()
        .from(readings)
        .where(
          and(
            inMeters(readings.sourceId),
            or(eq(readings.enteredBy, userId), ownedOnly(readings.sourceId)),
          ),
        )
        .orderBy(asc(readings.sourceId), asc(readings.takenAt), asc(readings.number))
    : [];
  const zoneOf = new Map(meters.map((m) => [m.id, m.timezone]));
  const validators = owned.length
    ? await tx.select().from(sourceValidators).where(ownedOnly(sourceValidators.sourceId))
    : [];
  const shares = owned.length
    ? await tx.select().from(groupShares).where(ownedOnly(groupShares.sourceId))
    : [];
  const tariffs = meterIds.length
    ? await tx.select().from(tariffSettings).where(inMeters(tariffSettings.sourceId))
    : [];
  const bills = meterIds.length
    ? await tx.select().from(paidBills).where(inMeters(paidBills.sourceId))
    : [];
  const myReminders = await tx.select().from(reminders).where(eq(reminders.userId, userId));
  const myAlerts = await tx.select().from(usageAlerts).where(eq(usageAlerts.userId, userId));
  const audit = await tx
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      sourceId: auditLog.sourceId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(eq(auditLog.actorId, userId))
    .orderBy(asc(auditLog.seq));

  return {
    format: 'home-log personal data export, version 1',
    exportedAt: now.toISOString(),
    profile: {
      id: user.id,
      displayName: user.displayName,
      language: user.language,
      timezone: user.timezone,
      createdAt: iso(user.createdAt),
      lastSeenAt: iso(user.lastSeenAt),
      active: user.active,
    },
    identities: ids.map((i) => ({
      provider: i.provider,
      providerUserId: i.providerUserId,
      email: i.email,
      displayName: i.displayName,
      pictureUrl: i.pictureUrl,
      createdAt: iso(i.createdAt),
    })),
    meters: meters.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      kind: m.kind,
      digits: m.digits,
      timezone: m.timezone,
      billDay: m.billDay,
      yourRole: roleOf(m.id, m.ownerId),
      createdAt: iso(m.createdAt),
      archivedAt: iso(m.archivedAt),
      validators:
        validators
          .filter((v) => v.sourceId === m.id)
          .map((v) => ({
            min: v.min,
            max: v.max,
            nonDecreasing: v.nonDecreasing,
            maxRatePerDay: v.maxRatePerDay,
          }))[0] ?? null,
    })),
    readings: rows.map((r) => ({
      meterId: r.sourceId,
      number: r.number,
      time: isoInZone(r.takenAt, zoneOf.get(r.sourceId) ?? 'UTC'),
      value: r.value,
      note: r.note,
      enteredByYou: r.enteredBy === userId,
      enteredAt: iso(r.enteredAt),
      quality: r.quality,
      event: r.registerEvent,
      status: statusOf(r),
    })),
    grants: {
      toYou: grants
        .filter((g) => g.userId === userId)
        .map((g) => ({ meterId: g.sourceId, role: g.role, grantedAt: iso(g.grantedAt) })),
      onYourMeters: grants
        .filter((g) => g.userId !== userId && owned.includes(g.sourceId))
        .map((g) => ({
          meterId: g.sourceId,
          userId: g.userId,
          role: g.role,
          grantedAt: iso(g.grantedAt),
        })),
      groupShares: shares.map((s) => ({
        meterId: s.sourceId,
        chatId: s.chatId,
        role: s.role,
        grantedAt: iso(s.grantedAt),
      })),
    },
    tariffs: tariffs.map((t) => ({
      meterId: t.sourceId,
      kind: t.kind,
      from: t.effectiveFrom,
      value: t.value,
      enteredByYou: t.enteredBy === userId,
    })),
    billsPaid: bills.map((b) => ({
      meterId: b.sourceId,
      period: b.period,
      amount: b.amount,
      enteredByYou: b.enteredBy === userId,
      enteredAt: iso(b.enteredAt),
    })),
    reminders: myReminders.map((r) => ({ meterId: r.sourceId, day: r.day, time: r.time })),
    alerts: myAlerts.map((a) => ({ meterId: a.sourceId, over: a.threshold })),
    auditEntries: audit.map((a) => ({ ...a, at: iso(a.at) })),
  };
}
