import type { Language } from '../domain/types';

/** Why a step of linking was refused; the linking pages have a text for each. */
export type Refusal =
  | 'linkUnknown'
  | 'linkUsed'
  | 'linkExpired'
  | 'sessionMissing'
  | 'sessionExpired'
  | 'cancelled'
  | 'googleError'
  | 'codeMissing'
  | 'stateMismatch'
  | 'exchangeFailed'
  | 'tokenInvalid'
  | 'emailUnverified'
  | 'otherGoogleLinked'
  | 'accountInactive'
  | 'moveInvalid'
  | 'moveStale'
  | 'noApprover'
  | 'forbidden'
  | 'disabled'
  | 'error';

/**
 * A refused step: the reason, and the person's language when a valid link or session told us
 * who they are (null: we do not know, so the page speaks both). googleCode is the error code
 * Google sent back, when it sent one.
 */
export interface Refused {
  refused: Refusal;
  language: Language | null;
  googleCode?: string;
}

export const refuse = (refused: Refusal, language: Language | null = null): Refused => ({
  refused,
  language,
});

export const isRefused = (value: object): value is Refused => 'refused' in value;
