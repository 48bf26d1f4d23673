// OpenID Connect, the protocol parts without side effects: the authorization request (code + PKCE, or
// implicit id_token), reading what the identity provider sent back to the redirect URI, the token
// request, and the checks on an ID token this client can make itself. Pure apart from WebCrypto
// (random values, SHA-256), which browsers and Node share; lib/data/session/oidc.ts does the I/O.
//
// Nonces, the way Firebase wants them: the authorization request carries the SHA-256 of a random
// raw nonce (lower-case hex), so the ID token's `nonce` claim is that hash; Firebase receives the raw
// nonce with the token (OAuthProvider.credential({ idToken, rawNonce })) and checks that its hash is
// the claim. Only this page ever knows the raw value, so a token minted for another request is useless.

/** What the sign-in needs from the provider's discovery document (`${issuer}/.well-known/openid-configuration`). */
export interface OidcDiscovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint?: string;
}

/** Which grant: authorization code with PKCE (the default), or the implicit flow's id_token. */
export type OidcFlow = 'code' | 'implicit';

/** The values one sign-in attempt is made of; only this page knows them. */
export interface OidcAttempt {
  state: string;
  /** Sent to Firebase with the ID token. */
  rawNonce: string;
  /** SHA-256 of rawNonce, hex: what the authorization request and so the ID token carry. */
  nonceHash: string;
  /** PKCE (code flow only): the verifier goes to the token endpoint, its S256 challenge in the request. */
  codeVerifier: string;
  codeChallenge: string;
}

/** What the identity provider sent back. */
export type AuthorizationResponse =
  | { kind: 'code'; code: string }
  | { kind: 'id_token'; idToken: string }
  /** An OAuth error (login_required, access_denied, …) or one of ours (state-mismatch, no-result). */
  | { kind: 'error'; error: string; description?: string };

/** Errors meaning "the person has to see the provider's page": the answer to a silent attempt that can't succeed. */
export const INTERACTION_NEEDED = ['login_required', 'interaction_required', 'consent_required', 'account_selection_required'];

const base64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** A random URL-safe string of `bytes` random bytes (32: 43 characters, inside PKCE's 43–128). */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** SHA-256 as lower-case hex (the hashed nonce Firebase compares with). */
export async function sha256Hex(text: string): Promise<string> {
  return [...(await sha256(text))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The PKCE S256 challenge of a verifier (RFC 7636: base64url of its SHA-256). */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64Url(await sha256(verifier));
}

/** Fresh state, nonce and PKCE values for one attempt. */
export async function newAttempt(): Promise<OidcAttempt> {
  const rawNonce = randomToken();
  const codeVerifier = randomToken();
  return { state: randomToken(), rawNonce, nonceHash: await sha256Hex(rawNonce), codeVerifier, codeChallenge: await pkceChallenge(codeVerifier) };
}

const withoutSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Reads a discovery document; throws when it is not one, or is another issuer's (a discovery
 * document must name the issuer it was fetched for: OpenID Connect Discovery §4.3).
 */
export function parseDiscovery(json: unknown, issuer: string): OidcDiscovery {
  const doc = (json ?? {}) as Partial<Record<keyof OidcDiscovery, unknown>>;
  if (typeof doc.issuer !== 'string' || typeof doc.authorization_endpoint !== 'string') throw new Error('not a discovery document');
  if (withoutSlash(doc.issuer) !== withoutSlash(issuer)) throw new Error(`discovery document of ${doc.issuer}, not ${issuer}`);
  return {
    issuer: doc.issuer,
    authorization_endpoint: doc.authorization_endpoint,
    ...(typeof doc.token_endpoint === 'string' ? { token_endpoint: doc.token_endpoint } : {}),
  };
}

/** Where the discovery document of `issuer` is. */
export function discoveryUrl(issuer: string): string {
  return `${withoutSlash(issuer)}/.well-known/openid-configuration`;
}

export interface AuthorizationRequest {
  discovery: OidcDiscovery;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  flow: OidcFlow;
  attempt: OidcAttempt;
  /** none: answer at once without showing anything (silent); login: ask for the account again (after a sign-out). */
  prompt?: 'none' | 'login';
  /** The account to suggest (an e-mail address); Entra ID and most providers prefill it. */
  loginHint?: string;
  /** The page's language, for the provider's pages. */
  uiLocales?: string;
}

/** The URL that starts the sign-in at the provider. */
export function authorizationUrl(request: AuthorizationRequest): string {
  const { discovery, clientId, redirectUri, scopes, flow, attempt, prompt, loginHint, uiLocales } = request;
  const url = new URL(discovery.authorization_endpoint);
  const params: Record<string, string | undefined> = {
    client_id: clientId,
    redirect_uri: redirectUri,
    // The code comes back in the query, the implicit flow's id_token in the fragment (each flow's default).
    response_type: flow === 'code' ? 'code' : 'id_token',
    scope: (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' '),
    state: attempt.state,
    nonce: attempt.nonceHash,
    ...(flow === 'code' ? { code_challenge: attempt.codeChallenge, code_challenge_method: 'S256' } : {}),
    prompt,
    login_hint: loginHint,
    ui_locales: uiLocales,
  };
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * What the provider sent to the redirect URI. The state must be this attempt's: anything else was
 * not started here and is refused. An OAuth error is passed on as it came (its state is checked too
 * when present; some providers leave it out of errors).
 */
export function parseAuthorizationResponse(responseUrl: string | undefined, expectedState: string): AuthorizationResponse {
  if (!responseUrl) return { kind: 'error', error: 'no-result' };
  const url = new URL(responseUrl);
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  for (const [key, value] of url.searchParams) if (!params.has(key)) params.set(key, value);
  const state = params.get('state');
  const error = params.get('error');
  if (error) {
    if (state !== null && state !== expectedState) return { kind: 'error', error: 'state-mismatch' };
    return { kind: 'error', error, ...(params.get('error_description') ? { description: params.get('error_description')! } : {}) };
  }
  if (state !== expectedState) return { kind: 'error', error: 'state-mismatch' };
  const idToken = params.get('id_token');
  if (idToken) return { kind: 'id_token', idToken };
  const code = params.get('code');
  if (code) return { kind: 'code', code };
  return { kind: 'error', error: 'no-result' };
}

/** The body of the token request that exchanges a code (a public client: no secret, the PKCE verifier instead). */
export function tokenRequestBody(code: string, redirectUri: string, clientId: string, codeVerifier: string): URLSearchParams {
  return new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: codeVerifier });
}

/** The claims of a JWT, unverified (Firebase verifies the signature; this client only reads and cross-checks). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('not a JWT');
  return claims as Record<string, unknown>;
}

/**
 * What this client can check of an ID token before handing it to Firebase: that it answers this
 * attempt (nonce), comes from the configured issuer and is meant for this client. The signature and
 * expiry are Firebase's to check (it fetches the issuer's keys). Returns what is wrong, or null.
 */
export function idTokenProblem(claims: Record<string, unknown>, expected: { issuer: string; clientId: string; nonceHash: string }): string | null {
  if (claims.nonce !== expected.nonceHash) return 'nonce';
  if (typeof claims.iss !== 'string' || withoutSlash(claims.iss) !== withoutSlash(expected.issuer)) return 'issuer';
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(expected.clientId)) return 'audience';
  return null;
}

/**
 * The e-mail address an ID token names: `email`, else Entra ID's `preferred_username` when it is an
 * address (the UPN; Entra only sends `email` when the optional claim is configured). Lower case.
 */
export function idTokenEmail(claims: Record<string, unknown>): string | null {
  for (const value of [claims.email, claims.preferred_username]) {
    if (typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value.trim())) return value.trim().toLowerCase();
  }
  return null;
}
