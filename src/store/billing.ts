// Queries for money: dated tariff settings, the billing day, paid bills, reminders, alerts and
// the scheduler's push claims. All run in the caller's transaction, under row-level security.

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rows, type Tx } from '../db/client';
import {
  paidBills,
  pushClaims,
  reminders,
  sources,
  tariffSettings,
  usageAlerts,
} from '../db/schema';
import type { AlertState } from '../domain/billing/alerts';
import type { TariffSetting } from '../domain/billing/tariff';
import type { Language } from '../domain/types';

type SettingRow = typeof tariffSettings.$inferSelect;

function toSetting(row: SettingRow): TariffSetting {
  return { kind: row.kind, from: row.effectiveFrom, ...(row.value as object) } as TariffSetting;
}

/** A meter's tariff settings in entry order (a later entry wins on the same date). */
export async function loadTariffSettings(tx: Tx, sourceId: string): Promise<TariffSetting[]> {
  const found = await tx
    .select()
    .from(tariffSettings)
    .where(eq(tariffSettings.sourceId, sourceId))
    .orderBy(asc(tariffSettings.enteredAt), asc(tariffSettings.id));
  return found.map(toSetting);
}

export async function addTariffSetting(
  tx: Tx,
  sourceId: string,
  setting: TariffSetting,
  enteredBy: string,
): Promise<void> {
  const { kind, from, ...value } = setting;
  await tx.insert(tariffSettings).values({ sourceId, kind, effectiveFrom: from, value, enteredBy });
}

export async function setBillDay(tx: Tx, sourceId: string, day: number | null): Promise<void> {
  await tx.update(sources).set({ billDay: day }).where(eq(sources.id, sourceId));
}

/** Paid amounts by period label, for the periods asked. */
export async function loadPaidBills(
  tx: Tx,
  sourceId: string,
  periods: readonly string[],
): Promise<Map<string, string>> {
  if (periods.length === 0) return new Map();
  const found = await tx
    .select({ period: paidBills.period, amount: paidBills.amount })
    .from(paidBills)
    .where(and(eq(paidBills.sourceId, sourceId), inArray(paidBills.period, [...periods])));
  return new Map(found.map((row) => [row.period, row.amount]));
}

/** Records (or corrects) the paid amount of a period; returns the amount it replaced, if any. */
export async function savePaidBill(
  tx: Tx,
  input: { sourceId: string; period: string; amount: string; enteredBy: string },
): Promise<string | null> {
  const before = await loadPaidBills(tx, input.sourceId, [input.period]);
  await tx
    .insert(paidBills)
    .values(input)
    .onConflictDoUpdate({
      target: [paidBills.sourceId, paidBills.period],
      set: { amount: input.amount, enteredBy: input.enteredBy, enteredAt: sql`now()` },
    });
  return before.get(input.period) ?? null;
}

export interface ReminderRow {
  day: number;
  time: string;
}

export async function getReminder(
  tx: Tx,
  userId: string,
  sourceId: string,
): Promise<ReminderRow | null> {
  const [found] = await tx
    .select({ day: reminders.day, time: reminders.time })
    .from(reminders)
    .where(and(eq(reminders.userId, userId), eq(reminders.sourceId, sourceId)));
  return found ?? null;
}

export async function saveReminder(
  tx: Tx,
  input: { userId: string; sourceId: string; day: number; time: string },
): Promise<void> {
  await tx
    .insert(reminders)
    .values(input)
    .onConflictDoUpdate({
      target: [reminders.userId, reminders.sourceId],
      set: { day: input.day, time: input.time },
    });
}

export async function deleteReminder(tx: Tx, userId: string, sourceId: string): Promise<boolean> {
  const gone = await tx
    .delete(reminders)
    .where(and(eq(reminders.userId, userId), eq(reminders.sourceId, sourceId)))
    .returning({ day: reminders.day });
  return gone.length > 0;
}

export interface AlertRow {
  threshold: string | null;
  state: AlertState | null;
}

export async function getAlert(tx: Tx, userId: string, sourceId: string): Promise<AlertRow | null> {
  const [found] = await tx
    .select({ threshold: usageAlerts.threshold, state: usageAlerts.state })
    .from(usageAlerts)
    .where(and(eq(usageAlerts.userId, userId), eq(usageAlerts.sourceId, sourceId)));
  return found ? { threshold: found.threshold, state: found.state as AlertState | null } : null;
}

/** Turns alerts on (or changes the threshold); the saved state is kept, so nothing is re-told. */
export async function saveAlert(
  tx: Tx,
  input: { userId: string; sourceId: string; threshold: string | null },
): Promise<void> {
  await tx
    .insert(usageAlerts)
    .values(input)
    .onConflictDoUpdate({
      target: [usageAlerts.userId, usageAlerts.sourceId],
      set: { threshold: input.threshold },
    });
}

export async function saveAlertState(
  tx: Tx,
  userId: string,
  sourceId: string,
  state: AlertState,
): Promise<void> {
  await tx
    .update(usageAlerts)
    .set({ state })
    .where(and(eq(usageAlerts.userId, userId), eq(usageAlerts.sourceId, sourceId)));
}

export async function deleteAlert(tx: Tx, userId: string, sourceId: string): Promise<boolean> {
  const gone = await tx
    .delete(usageAlerts)
    .where(and(eq(usageAlerts.userId, userId), eq(usageAlerts.sourceId, sourceId)))
    .returning({ userId: usageAlerts.userId });
  return gone.length > 0;
}

/** A reminder or alert with what is needed to push it (from app_push_subscriptions()). */
export interface PushSubscription {
  kind: 'reminder' | 'alert';
  userId: string;
  sourceId: string;
  lineUserId: string;
  language: Language;
  timezone: string;
  day: number | null;
  time: string | null;
  threshold: string | null;
}

export async function listPushSubscriptions(tx: Tx): Promise<PushSubscription[]> {
  const found = await rows<{
    kind: 'reminder' | 'alert';
    user_id: string;
    source_id: string;
    line_user_id: string;
    language: Language;
    timezone: string;
    day: number | null;
    time: string | null;
    threshold: string | null;
  }>(tx, sql`select * from app_push_subscriptions() order by user_id, source_id, kind`);
  return found.map((row) => ({
    kind: row.kind,
    userId: row.user_id,
    sourceId: row.source_id,
    lineUserId: row.line_user_id,
    language: row.language,
    timezone: row.timezone,
    day: row.day === null ? null : Number(row.day),
    time: row.time,
    threshold: row.threshold,
  }));
}

export type ClaimOutcome = 'claimed' | 'taken';

/**
 * Claims a push: true for exactly one caller across instances. A reminder claim also holds the
 * person's day (`day`), so a second reminder on the same local day is refused here too.
 */
export async function claimPush(
  tx: Tx,
  claim: { key: string; userId: string | null; kind: string; day: string | null },
): Promise<boolean> {
  const inserted = await tx
    .insert(pushClaims)
    .values(claim)
    .onConflictDoNothing()
    .returning({ key: pushClaims.key });
  return inserted.length > 0;
}

export async function claimExists(tx: Tx, key: string): Promise<boolean> {
  const [found] = await tx
    .select({ key: pushClaims.key })
    .from(pushClaims)
    .where(eq(pushClaims.key, key));
  return found !== undefined;
}

export async function markPushSent(tx: Tx, key: string, at: Date): Promise<void> {
  await tx.update(pushClaims).set({ sentAt: at }).where(eq(pushClaims.key, key));
}
