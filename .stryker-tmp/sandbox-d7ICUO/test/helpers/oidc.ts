// @ts-nocheck
import { createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MutableRedirectUri, type MutableToken, OAuth2Server } from 'oauth2-mock-server';

/**
 * A local stand-in for Google's OIDC endpoints: oauth2-mock-server (authorize, token, signed ID
 * tokens) plus a side server for the PEM certificate map that google-auth-library fetches in
 * Node (`{ kid: pem }`), which the mock does not serve. /authorize redirects straight back.
 */
export interface FakeGoogle {
  issuer: string;
  certsUrl: string;
  clientId: string;
  /** GOOGLE_* variables that point the app at this provider. */
  env: Record<string, string>;
  /** The account every following sign-in returns (claims of the ID token). */
  signInAs(account: GoogleClaims): void;
  /** Changes the next ID token only, after the account claims: a wrong nonce, audience, issuer. */
  tamperNextIdToken(change: (payload: MutableToken['payload']) => void): void;
  /** Changes the next redirect back to the app (e.g. an error instead of a code). */
  tamperNextRedirect(change: (url: URL) => void): void;
  /** Forgets tampering that a failed test left unused. */
  reset(): void;
  close(): Promise<void>;
}

export interface GoogleClaims {
  sub: string;
  email: string;
  email_verified?: boolean;
  name?: string;
  picture?: string;
}

export async function startFakeGoogle(clientId = 'home-log-test-client'): Promise<FakeGoogle> {
  const server = new OAuth2Server();
  const jwk = await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url;
  if (!issuer) throw new Error('oauth2-mock-server did not report its issuer URL');

  const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  const certs: Server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ [jwk.kid]: pem }));
  });
  await new Promise<void>((resolve) => certs.listen(0, '127.0.0.1', resolve));
  const certsUrl = `http://127.0.0.1:${(certs.address() as AddressInfo).port}/oauth2/v1/certs`;

  let account: GoogleClaims = { sub: 'google-user-0', email: 'someone@example.com' };
  const tampers: ((payload: MutableToken['payload']) => void)[] = [];
  // The mock signs two tokens per code exchange: the access token first (no `aud` in the
  // authorization-code grant), then the ID token (aud = client id). Only the latter is ours, so
  // one long-lived listener picks it out; a plain `.once` would be spent on the access token.
  server.service.on('beforeTokenSigning', (token: MutableToken) => {
    if (token.payload.aud === undefined) return;
    Object.assign(token.payload, { email_verified: true, ...account });
    tampers.shift()?.(token.payload);
  });

  return {
    issuer,
    certsUrl,
    clientId,
    env: {
      GOOGLE_CLIENT_ID: clientId,
      GOOGLE_CLIENT_SECRET: 'home-log-test-secret',
      GOOGLE_AUTH_URL: `${issuer}/authorize`,
      GOOGLE_TOKEN_URL: `${issuer}/token`,
      GOOGLE_CERTS_URL: certsUrl,
      GOOGLE_ISSUER: issuer,
    },
    signInAs(next) {
      account = next;
    },
    tamperNextIdToken(change) {
      tampers.push(change);
    },
    tamperNextRedirect(change) {
      server.service.once('beforeAuthorizeRedirect', (redirect: MutableRedirectUri) =>
        change(redirect.url),
      );
    },
    reset() {
      tampers.length = 0;
      server.service.removeAllListeners('beforeAuthorizeRedirect');
    },
    async close() {
      await server.stop();
      await new Promise<void>((resolve) => {
        certs.close(() => resolve());
        certs.closeAllConnections();
      });
    },
  };
}
