import { randomInt } from 'node:crypto';
import { type ActorContext, withActor } from '../db/actor';
import type { Db, Tx } from '../db/client';
import * as store from '../store/erasure';
import { findIdentity } from '../store/identities';

// "Delete my data": what it would do (the plan the person reads first), the request that needs
// a tap and then a typed word, and the erasure itself with its audit rows. The operator command
// (npm run user:delete) runs the same eraseUser as the person, acting as them.

/** How long a request waits for its tap and its word. */
export const ERASURE_REQUEST_MINUTES = 10;

export interface ErasurePlan {
  /** Linked accounts that go: LINE accounts (count) and Google e-mail addresses. */
  lineAccounts: number;
  googleEmails: string[];
  /** Meters removed with their readings (no other admin). */
  removed: store.PlannedMeter[];
  /** Meters that pass to another admin. */
  passed: (store.PlannedMeter & { heir: { id: string; name: string } })[];
  /** Personal grants on other people's meters that end. */
  grants: number;
  /** Readings entered on meters that stay: they stay, without author and note. */
  readingsElsewhere: number;
}

/** What erasing `userId` would do; run as that user (row security as theirs). */
export async function erasurePlan(tx: Tx, userId: string): Promise<ErasurePlan> {
  const meters = await store.plannedMeters(tx);
  const identities = await store.identitiesToErase(tx, userId);
  return {
    lineAccounts: identities.filter((i) => i.provider === 'line').length,
    googleEmails: identities
      .filter((i) => i.provider === 'google')
      .map((i) => i.email ?? '')
      .filter((email) => email !== ''),
    removed: meters.filter((m) => m.heir === null),
    passed: meters.filter((m): m is ErasurePlan['passed'][number] => m.heir !== null),
    grants: await store.grantsToErase(tx, userId),
    readingsElsewhere: await store.readingsEnteredElsewhere(tx, userId),
  };
}

/** Starts (or restarts) a request: a new 4-digit word, valid for ERASURE_REQUEST_MINUTES. */
export async function requestErasure(tx: Tx, userId: string, now: Date) {
  const code = String(randomInt(0, 10_000)).padStart(4, '0');
  const expiresAt = new Date(now.getTime() + ERASURE_REQUEST_MINUTES * 60_000);
  return store.putErasureRequest(tx, { userId, code, expiresAt });
}

export type TapOutcome =
  | { kind: 'tapped'; code: string; minutesLeft: number }
  | { kind: 'cancelled' }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/** The confirmation button: `yes` arms the typed word, anything else drops the request. */
export async function answerErasureTap(
  tx: Tx,
  userId: string,
  input: { requestId: string; yes: boolean; now: Date },
): Promise<TapOutcome> {
  const request = await store.findErasureRequest(tx, userId);
  if (!request || request.id !== input.requestId) return { kind: 'unknown' };
  if (request.expiresAt <= input.now) {
    await store.dropErasureRequest(tx, userId);
    return { kind: 'expired' };
  }
  if (!input.yes) {
    await store.dropErasureRequest(tx, userId);
    return { kind: 'cancelled' };
  }
  await store.markErasureTapped(tx, userId, input.now);
  const minutesLeft = Math.ceil((request.expiresAt.getTime() - input.now.getTime()) / 60_000);
  return { kind: 'tapped', code: request.code, minutesLeft };
}

export type WordOutcome =
  | { kind: 'erased'; erased: store.ErasedData }
  | { kind: 'wrongWord' }
  | { kind: 'expired' }
  | { kind: 'notTapped' }
  | { kind: 'none' };

/**
 * The typed word: the right one within the time, after the tap, erases; a wrong one cancels
 * the request and changes nothing else.
 */
export async function answerErasureWord(
  context: ActorContext,
  userId: string,
  input: { code: string; now: Date; keepEvent: string | null },
): Promise<WordOutcome> {
  const { tx } = context;
  const request = await store.findErasureRequest(tx, userId);
  if (!request) return { kind: 'none' };
  if (request.expiresAt <= input.now) {
    await store.dropErasureRequest(tx, userId);
    return { kind: 'expired' };
  }
  if (request.code !== input.code) {
    await store.dropErasureRequest(tx, userId);
    return { kind: 'wrongWord' };
  }
  if (!request.tappedAt) return { kind: 'notTapped' };
  return {
    kind: 'erased',
    erased: await eraseUser(context, userId, { by: 'self', keepEvent: input.keepEvent }),
  };
}

/**
 * Erases `userId`, who must be the acting user of `context` (erase_my_data() erases only the
 * acting user). Audited without personal data: the user's internal id, the meters by id, counts.
 */
export async function eraseUser(
  { tx, audit }: ActorContext,
  userId: string,
  options: { by: 'self' | 'operator'; keepEvent: string | null },
): Promise<store.ErasedData> {
  const erased = await store.eraseActingUser(tx, options.keepEvent);
  for (const meter of erased.passed) {
    audit({
      action: 'meter.transfer',
      subjectType: 'source',
      subjectId: meter.sourceId,
      sourceId: meter.sourceId,
      before: { ownerId: userId },
      after: { ownerId: meter.to, reason: 'owner erased' },
    });
  }
  for (const sourceId of erased.removed) {
    audit({
      action: 'meter.erase',
      subjectType: 'source',
      subjectId: sourceId,
      sourceId,
      after: { reason: 'owner erased' },
    });
  }
  audit({
    action: 'user.erase',
    subjectType: 'user',
    subjectId: userId,
    after: {
      by: options.by,
      identities: erased.identities,
      grants: erased.grants,
      messages: erased.events,
      metersRemoved: erased.removed.length,
      metersPassed: erased.passed.length,
      groupsTold: erased.notices.length,
    },
  });
  return erased;
}

/**
 * The operator's erasure of one LINE user id (npm run user:delete): the same eraseUser, acting
 * as that person. Null when no Home Log user has that LINE id (nothing is changed).
 */
export async function eraseByLineUserId(
  db: Db,
  lineUserId: string,
): Promise<{ userId: string; erased: store.ErasedData } | null> {
  const identity = await withActor(db, { userId: null }, ({ tx }) =>
    findIdentity(tx, 'line', lineUserId),
  );
  if (!identity) return null;
  const { userId } = identity;
  const erased = await withActor(db, { userId }, (context) =>
    eraseUser(context, userId, { by: 'operator', keepEvent: null }),
  );
  return { userId, erased };
}
