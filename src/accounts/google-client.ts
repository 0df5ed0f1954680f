import {
  CodeChallengeMethod,
  type CodeVerifierResults,
  OAuth2Client,
  type TokenPayload,
} from 'google-auth-library';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Refusal } from './refusals';
import { sameSecret } from './secrets';

// Google's side of the sign-in: the authorization URL (code flow with PKCE, state and nonce)
// and the checks on its answer. Stateless: the linking steps keep state, nonce and verifier.
// Nothing secret is logged: not the code, tokens, state or nonce.

/** A Google account, as a verified ID token describes it. */
export interface GoogleAccount {
  sub: string;
  email: string;
  name: string | null;
  picture: string | null;
}

export type GoogleConfig = NonNullable<Config['google']>;

export class GoogleSignInClient {
  private readonly client: OAuth2Client;

  constructor(
    private readonly google: GoogleConfig,
    publicBaseUrl: string,
    private readonly logger: Logger,
  ) {
    // Google's ID tokens name their issuer with or without the scheme; both are Google.
    const issuers =
      google.issuer === 'https://accounts.google.com'
        ? [google.issuer, 'accounts.google.com']
        : [google.issuer];
    this.client = new OAuth2Client({
      clientId: google.clientId,
      clientSecret: google.clientSecret,
      redirectUri: `${publicBaseUrl}/link/google/callback`,
      endpoints: {
        oauth2AuthBaseUrl: google.authUrl,
        oauth2TokenUrl: google.tokenUrl,
        oauth2FederatedSignonPemCertsUrl: google.certsUrl,
      },
      issuers,
    });
  }

  /** A PKCE pair (S256): the verifier stays with us, the challenge goes to Google. */
  newCodeVerifier(): Promise<CodeVerifierResults> {
    return this.client.generateCodeVerifierAsync();
  }

  /**
   * Where the browser goes to sign in: only `openid email`, no offline access. The library
   * throws if the challenge is missing, so a sign-in never goes out without PKCE.
   */
  authorizationUrl(input: { state: string; nonce: string; codeChallenge?: string }): string {
    return this.client.generateAuthUrl({
      scope: ['openid', 'email'],
      state: input.state,
      nonce: input.nonce,
      code_challenge: input.codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      prompt: 'select_account',
    });
  }

  /**
   * Exchanges the code and checks the ID token: signature, audience, issuer and expiry (the
   * library), then the nonce and a verified email (us). A refusal reason when anything is off.
   */
  async verifiedAccount(
    code: string,
    expected: { codeVerifier: string; nonce: string },
  ): Promise<GoogleAccount | Refusal> {
    let idToken: string | null | undefined;
    try {
      const { tokens } = await this.client.getToken({ code, codeVerifier: expected.codeVerifier });
      idToken = tokens.id_token;
    } catch (error) {
      this.logger.warn({ status: httpStatusOf(error) }, 'Google token exchange failed');
      return 'exchangeFailed';
    }
    if (!idToken) return 'exchangeFailed';
    let payload: TokenPayload | undefined;
    try {
      const ticket = await this.client.verifyIdToken({ idToken, audience: this.google.clientId });
      payload = ticket.getPayload();
    } catch (error) {
      this.logger.warn({ reason: rejectionReason(error) }, 'Google ID token rejected');
      return 'tokenInvalid';
    }
    if (!payload?.sub) return 'tokenInvalid';
    // The library does not check the nonce: it ties this token to this browser's sign-in.
    if (typeof payload.nonce !== 'string' || !sameSecret(payload.nonce, expected.nonce)) {
      this.logger.warn({ reason: 'nonce' }, 'Google ID token rejected');
      return 'tokenInvalid';
    }
    if (payload.email_verified !== true || !payload.email) return 'emailUnverified';
    return {
      sub: payload.sub,
      email: payload.email,
      name: payload.name ?? null,
      picture: payload.picture ?? null,
    };
  }
}

function httpStatusOf(error: unknown): number | null {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * The kind of ID token problem ("Wrong recipient", "Invalid issuer", "Token used too late"):
 * the library's messages go on to quote the token or its payload, which must not be logged.
 */
function rejectionReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return (message.split(/[,:]/)[0] ?? '').slice(0, 60) || 'unknown';
}
