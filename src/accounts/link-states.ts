import type { Tx } from '../db/client';
import type { Language } from '../domain/types';
import * as store from '../store/identities';
import type { Refusal } from './refusals';
import { hashSecret, isPlausibleSecret } from './secrets';

// The one-time states of the linking flow. Each is a row keyed by the SHA-256 of a secret that
// only the person holds (in a URL or a cookie), used up atomically, and expiring in minutes.
// A new step of the flow is a new kind here.

export const LINK_TTL_MS = 10 * 60_000;
/** How long a sign-in session or a move offer waits for the browser to come back. */
export const STEP_TTL_MS = 10 * 60_000;
// Old states are kept a day so that a late click still gets "expired" rather than "unknown".
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long a move waits for a LINE account already on the target account to confirm it. */
export const APPROVAL_TTL_MS = 24 * 60 * 60_000;

/**
 * The one-time link the chat hands out, for the LINE account that asked for it in private,
 * with the link token LINE issued for that account (its dialog proves who finishes the flow).
 */
export interface LinkRequest {
  kind: 'link';
  lineUserId: string;
  lineLinkToken: string;
  language: Language;
}

/** Between "Continue with Google" and Google's answer: what the answer must match. */
export interface SignInSession {
  kind: 'session';
  state: string;
  nonce: string;
  codeVerifier: string;
  lineUserId: string;
  lineLinkToken: string;
  language: Language;
}

/** The offer to move a LINE account onto the Home Log user that owns a Google account. */
export interface MoveOffer {
  kind: 'move';
  csrf: string;
  targetUserId: string;
  googleSub: string;
  email: string;
  lineUserId: string;
  lineLinkToken: string;
  language: Language;
}

/** What an `accountLink` event with this nonce may commit, once LINE vouches for the user. */
export type PendingAction =
  | { type: 'link'; googleSub: string; email: string; name: string | null; picture: string | null }
  | { type: 'move'; targetUserId: string; googleSub: string; email: string };

/**
 * The nonce sent through LINE's account-link dialog (keyed by its SHA-256): the LINE account
 * the link token was issued for, and the action that LINE's `ok` for that account commits.
 */
export interface LineNonce {
  kind: 'lineNonce';
  lineUserId: string;
  language: Language;
  action: PendingAction;
}

/** A move waiting for a LINE account already on the target Home Log account to allow it. */
export interface MoveApproval {
  kind: 'moveApproval';
  fromUserId: string;
  lineUserId: string;
  lineName: string;
  targetUserId: string;
  googleSub: string;
  email: string;
  /** The mover's language (the target's people are spoken to in theirs). */
  language: Language;
}

export type LinkStateData = LinkRequest | SignInSession | MoveOffer | LineNonce | MoveApproval;
export type LinkStateKind = LinkStateData['kind'];

/** A state that was used up: the user it was issued for, its stored key, its data. */
export interface UsedState<K extends LinkStateKind> {
  userId: string;
  /** The SHA-256 of the secret: stable and not secret, so a fine retry key for pushes. */
  key: string;
  data: Extract<LinkStateData, { kind: K }>;
}

export async function saveState(
  tx: Tx,
  state: { secret: string; userId: string; expiresAt: Date; data: LinkStateData },
): Promise<void> {
  await store.insertLinkState(tx, {
    tokenHash: hashSecret(state.secret),
    userId: state.userId,
    expiresAt: state.expiresAt,
    data: state.data,
  });
}

/** Uses up a state of the given kind; undefined if unknown, used, expired or malformed. */
export async function useUpState<K extends LinkStateKind>(
  tx: Tx,
  secret: string | undefined,
  kind: K,
  now: Date,
): Promise<UsedState<K> | undefined> {
  if (!isPlausibleSecret(secret)) return undefined;
  const row = await store.consumeLinkState(tx, hashSecret(secret), kind, now);
  if (!row) return undefined;
  return {
    userId: row.userId,
    key: row.tokenHash,
    data: row.data as Extract<LinkStateData, { kind: K }>,
  };
}

/**
 * Why a link or session cannot be used (reason null if it can), with the person's language
 * when the state tells it. Only looks: nothing is used up.
 */
export async function whyUnusable(
  tx: Tx,
  secret: string | undefined,
  kind: 'link' | 'session',
  now: Date,
): Promise<{ reason: Refusal | null; language: Language | null; userId?: string }> {
  const unknown = kind === 'link' ? 'linkUnknown' : 'sessionMissing';
  if (!isPlausibleSecret(secret)) return { reason: unknown, language: null };
  const row = await store.findLinkState(tx, hashSecret(secret));
  const data = row?.data as Partial<LinkStateData> | undefined;
  if (!row || data?.kind !== kind) return { reason: unknown, language: null };
  const language = data.language ?? null;
  if (row.usedAt) return { reason: kind === 'link' ? 'linkUsed' : 'sessionExpired', language };
  if (row.expiresAt <= now) {
    return { reason: kind === 'link' ? 'linkExpired' : 'sessionExpired', language };
  }
  return { reason: null, language, userId: row.userId };
}

/** Housekeeping when a user asks for a new link: forgets their long-expired states. */
export async function forgetOldStates(tx: Tx, userId: string, now: Date): Promise<void> {
  await store.deleteExpiredLinkStates(tx, userId, new Date(now.getTime() - FORGET_AFTER_MS));
}

/**
 * Periodic housekeeping: forgets everyone's long-expired states (they hold e-mail addresses and
 * LINE ids), including those of people who never ask for a link again. Returns how many.
 */
export async function forgetOldStatesOfEveryone(tx: Tx, now: Date): Promise<number> {
  return store.deleteAllExpiredLinkStates(tx, new Date(now.getTime() - FORGET_AFTER_MS));
}
