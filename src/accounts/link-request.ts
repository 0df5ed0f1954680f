import { withActor } from '../db/actor';
import type { Language } from '../domain/types';
import { findUser } from '../store/users';
import type { AccountsDeps } from './deps';
import {
  forgetOldStates,
  LINK_TTL_MS,
  type LinkRequest,
  saveState,
  whyUnusable,
} from './link-states';
import { type Refused, refuse } from './refusals';
import { newSecret } from './secrets';

// The first step of linking: the chat hands a one-time link to the LINE account that asked
// (`link google`, in a private chat), and the link's page explains what will happen. Which LINE
// account asked travels in the link's stored state, never in the URL: the webhook's signature
// vouched for it. The link is not proof of who finishes the flow (it can be forwarded): LINE's
// account-link dialog, with the link token LINE issued for that account, is (see line-link.ts).

/**
 * Creates a one-time link (256-bit random token, only its SHA-256 stored) valid for 10 minutes,
 * or says linking is off when no Google client is configured.
 */
export async function startGoogleLink(
  deps: AccountsDeps,
  user: { id: string; language: Language },
  lineUserId: string,
  lineLinkToken: string,
): Promise<{ url: string; expiresAt: Date } | { disabled: true }> {
  if (!deps.config.google) return { disabled: true };
  const token = newSecret();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  const data: LinkRequest = { kind: 'link', lineUserId, lineLinkToken, language: user.language };
  await withActor(deps.database.db, { userId: user.id }, async ({ tx }) => {
    await forgetOldStates(tx, user.id, now);
    await saveState(tx, { secret: token, userId: user.id, expiresAt, data });
  });
  return { url: `${deps.config.publicBaseUrl}/link/google/start?t=${token}`, expiresAt };
}

/**
 * What the link's page shows: whose account it links, in their language. Only looks, so that
 * link previewers fetching the URL do not use the link up.
 */
export async function inspectLink(
  deps: AccountsDeps,
  token: string | undefined,
): Promise<{ language: Language; accountName: string } | Refused> {
  return withActor(deps.database.db, { userId: null }, async ({ tx }) => {
    const { reason, language, userId } = await whyUnusable(tx, token, 'link', deps.clock());
    if (reason || !language || !userId) return refuse(reason ?? 'linkUnknown', language);
    const user = await findUser(tx, userId);
    if (!user?.active) return refuse('accountInactive', language);
    return { language, accountName: user.displayName };
  });
}
