/**
 * Pushes reminders and alerts. Run by a timer in the Node process and by the Workers `scheduled`
 * handler; any number of instances may tick at once.
 *
 * Exactly once: each push is claimed in the database (push_claims, primary key = what is pushed)
 * in the same transaction that sends it and records it. The push carries the claim as LINE's retry
 * key, then the transaction commits. Two instances: the second insert waits for the first
 * transaction and then finds the claim taken. A failed push rolls the claim back (retried at the
 * next tick); a push LINE accepted whose commit then failed is pushed again with the same retry
 * key, which LINE refuses as a duplicate (409), so nobody gets it twice.
 *
 * Rules: never between 21:00 and 08:00 in the meter's time zone; at most one reminder per person
 * per local day (a unique index over the claims: the second waits for the next day); never past
 * LINE's monthly quota (read from the Messaging API each tick; when it is used up nothing is
 * pushed, the operator is told once a month by a claimed log line, and the people concerned
 * (whose reminder or alert was held, and the meter's owner) are owed a note that their next
 * answer in the one-to-one chat carries, once a quota month: see bot/quota-note.ts).
 */

import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { catalogs, moneyCatalogs } from '../bot/messages';
import { type Actor, withActor } from '../db/actor';
import { sources } from '../db/schema';
import type { Deps } from '../deps';
import { type Alert, checkAlerts } from '../domain/billing/alerts';
import { quotaMonth } from '../domain/billing/quota';
import { inQuietHours, nextReminderAt } from '../domain/billing/reminders';
import { withUnit } from '../domain/format';
import type { Message } from '../line/client';
import {
  claimExists,
  claimPush,
  getAlert,
  listPushSubscriptions,
  markPushSent,
  type PushSubscription,
  saveAlertState,
} from '../store/billing';
import { chatNumber } from '../store/meters';
import { owePausedNote, ownerOf } from '../store/quota-notices';
import { currentBills } from './estimates';

export interface TickReport {
  reminders: number;
  alerts: number;
  /** Pushes held back because the month's quota is used up. */
  heldForQuota: number;
}

const asUser = (userId: string): Actor => ({ userId, chatKey: `user:${userId}` });

/** One pass over every reminder and alert: push what is due now. */
export async function runPushTick(deps: Deps): Promise<TickReport> {
  const now = deps.clock();
  const log = deps.logger.child({ component: 'push-scheduler' });
  const report: TickReport = { reminders: 0, alerts: 0, heldForQuota: 0 };
  const subscriptions = await withActor(deps.database.db, { userId: null }, ({ tx }) =>
    listPushSubscriptions(tx),
  );
  if (subscriptions.length === 0) return report;

  const quota = await deps.line.quota();
  if (!quota) {
    log.warn('LINE push quota unknown: nothing pushed this tick');
    return report;
  }
  let left = quota.limit === null ? Number.POSITIVE_INFINITY : quota.limit - quota.used;

  const month = quotaMonth(now);
  const quotaExhausted = async (subscription: PushSubscription) => {
    report.heldForQuota++;
    // Pushes cannot tell anyone now; the person and the meter's owner hear it in their next
    // answer (a reply costs no quota).
    await withActor(deps.database.db, asUser(subscription.userId), async ({ tx }) => {
      const owner = await ownerOf(tx, subscription.sourceId);
      await owePausedNote(tx, {
        userIds: owner ? [subscription.userId, owner] : [subscription.userId],
        sourceId: subscription.sourceId,
        month,
      });
    });
    const first = await withActor(deps.database.db, { userId: null }, ({ tx }) =>
      claimPush(tx, { key: `quota:${month}`, userId: null, kind: 'quota', day: null }),
    );
    if (first) {
      log.error(
        { month, limit: quota.limit, used: quota.used },
        'LINE monthly push quota used up: reminders and alerts are held until it resets',
      );
    }
  };

  for (const subscription of subscriptions) {
    if (inQuietHours(now, subscription.timezone)) continue;
    try {
      if (subscription.kind === 'reminder') {
        const sent = await pushReminder(deps, subscription, now, () => left >= 1);
        if (sent === 'quota') await quotaExhausted(subscription);
        else if (sent) {
          report.reminders++;
          left -= 1;
        }
      } else {
        const sent = await pushAlerts(deps, subscription, now, (n) => left >= n);
        if (sent === 'quota') await quotaExhausted(subscription);
        else {
          report.alerts += sent;
          left -= sent;
        }
      }
    } catch (error) {
      log.error(
        { err: error, kind: subscription.kind, userId: subscription.userId },
        'push failed; retried at the next tick',
      );
    }
  }
  return report;
}

/** Claims, pushes and records in one transaction; a refused push rolls the claim back. */
class PushRefused extends Error {}

async function pushReminder(
  deps: Deps,
  subscription: PushSubscription,
  now: Date,
  quotaAllows: () => boolean,
): Promise<boolean | 'quota'> {
  const { timezone, userId, sourceId } = subscription;
  const schedule = { day: subscription.day!, time: subscription.time!, timezone };
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const monthStart = local.startOf('month').toJSDate();
  const due = nextReminderAt(schedule, new Date(monthStart.getTime() - 1));
  if (now < due) return false;
  const key = `reminder:${userId}:${sourceId}:${local.toFormat('yyyy-LL')}`;
  const db = deps.database.db;
  if (await withActor(db, { userId: null }, ({ tx }) => claimExists(tx, key))) return false;
  if (!quotaAllows()) return 'quota';
  try {
    return await withActor(db, asUser(userId), async ({ tx, audit }) => {
      const [source] = await tx
        .select({ name: sources.name })
        .from(sources)
        .where(eq(sources.id, sourceId));
      if (!source) return false; // access lost since the reminder was set
      // Refused when this month's reminder was sent or another reminder went out today.
      const claimed = await claimPush(tx, {
        key,
        userId,
        kind: 'reminder',
        day: local.toISODate(),
      });
      if (!claimed) return false;
      const number = await chatNumber(tx, `user:${userId}`, sourceId);
      const language = subscription.language;
      const label = catalogs[language].meterLabel(number, source.name);
      const money = moneyCatalogs[language];
      const message: Message = {
        type: 'text',
        text: money.reminderPush(label),
        quickReply: {
          items: [
            {
              type: 'action',
              action: {
                type: 'postback',
                label: money.button.enterReading,
                data: `enter-reading:${number}`,
                inputOption: 'openKeyboard',
                fillInText: language === 'th' ? `มิเตอร์ ${number} = ` : `meter ${number} = `,
              },
            },
          ],
        },
      };
      if (!(await deps.line.push(subscription.lineUserId, [message], key)))
        throw new PushRefused(key);
      await markPushSent(tx, key, now);
      audit({
        action: 'reminder.sent',
        subjectType: 'source',
        subjectId: sourceId,
        sourceId,
        after: { key },
      });
      return true;
    });
  } catch (error) {
    if (error instanceof PushRefused) return false;
    throw error;
  }
}

/** Checks the current period and pushes any alert; returns how many were pushed. */
async function pushAlerts(
  deps: Deps,
  subscription: PushSubscription,
  now: Date,
  quotaAllows: (count: number) => boolean,
): Promise<number | 'quota'> {
  const { userId, sourceId } = subscription;
  try {
    return await withActor(deps.database.db, asUser(userId), async ({ tx, audit }) => {
      const [source] = await tx.select().from(sources).where(eq(sources.id, sourceId));
      if (source?.kind !== 'cumulative') return 0;
      const saved = await getAlert(tx, userId, sourceId);
      if (!saved) return 0;
      const { current } = await currentBills(tx, source, now, 0);
      const check = checkAlerts({
        period: current.period.label,
        threshold: saved.threshold,
        usage: current.usage,
        projected: current.projectedUsage,
        blocks: current.tariff?.blocks ?? null,
        previous: saved.state,
      });
      if (check.alerts.length === 0) {
        await saveAlertState(tx, userId, sourceId, check.state);
        return 0;
      }
      // Nothing is saved when the quota cannot take them all: the same alerts come next time.
      if (!quotaAllows(check.alerts.length)) return 'quota' as const;
      const key = `alert:${userId}:${sourceId}:${current.period.label}:${alertKey(check.alerts)}`;
      if (!(await claimPush(tx, { key, userId, kind: 'alert', day: null }))) return 0;
      const number = await chatNumber(tx, `user:${userId}`, sourceId);
      const language = subscription.language;
      const label = catalogs[language].meterLabel(number, source.name);
      const money = moneyCatalogs[language];
      const messages: Message[] = check.alerts.map((alert) => ({
        type: 'text',
        text:
          alert.kind === 'projected_over'
            ? money.projectedOver(
                label,
                withUnit(alert.projected, source.unit, 2),
                withUnit(alert.threshold, source.unit),
              )
            : money.enteredBlock(
                label,
                withUnit(alert.above, source.unit),
                alert.price,
                alert.previousPrice,
              ),
        quickReply: {
          items: [
            {
              type: 'action',
              action: { type: 'message', label: money.button.bill, text: money.say.bill(number) },
            },
          ],
        },
      }));
      if (!(await deps.line.push(subscription.lineUserId, messages, key)))
        throw new PushRefused(key);
      await markPushSent(tx, key, now);
      await saveAlertState(tx, userId, sourceId, check.state);
      audit({
        action: 'alert.sent',
        subjectType: 'source',
        subjectId: sourceId,
        sourceId,
        after: { key, alerts: check.alerts },
      });
      return messages.length;
    });
  } catch (error) {
    if (error instanceof PushRefused) return 0;
    throw error;
  }
}

const alertKey = (alerts: readonly Alert[]) =>
  alerts.map((a) => (a.kind === 'projected_over' ? 'over' : `block${a.blockIndex}`)).join('+');

/** The Node process's timer: a tick every `intervalMs`, never two at once in this process. */
export function startPushScheduler(deps: Deps, intervalMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deps.runInBackground(() => runPushTick(deps).finally(() => (running = false)));
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
