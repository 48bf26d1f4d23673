// Enterprise sign-in (OIDC): the protocol's pure parts (lib/core/oidc.ts) and the provider over a fake
// identity provider, a fake chrome.identity and a fake Firebase (lib/data/session/oidc.ts). The same
// flow against a real OpenID Connect server, the Auth emulator and the membership functions is
// tests/e2e/oidc-sign-in.test.ts.
import { OAuthProvider } from 'firebase/auth/web-extension';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OidcSettings } from '../../lib/any/org-config';
import {
  authorizationUrl,
  discoveryUrl,
  idTokenEmail,
  idTokenProblem,
  jwtClaims,
  newAttempt,
  parseAuthorizationResponse,
  parseDiscovery,
  pkceChallenge,
  sha256Hex,
  tokenRequestBody,
  type OidcAttempt,
} from '../../lib/core/oidc';
import { oidcSignIn, webAuthFlowFailure, type OidcDeps } from '../../lib/data/session/oidc';
import { t } from '../../lib/any/i18n';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

const ISSUER = 'https://login.example.org/tenant-1/v2.0';
const REDIRECT = 'https://lbfkjggfheemkmjpjkdegmfcjpojedbh.chromiumapp.org/';
const discovery = {
  issuer: ISSUER,
  authorization_endpoint: 'https://login.example.org/tenant-1/oauth2/v2.0/authorize',
  token_endpoint: 'https://login.example.org/tenant-1/oauth2/v2.0/token',
};
const attempt: OidcAttempt = { state: 'st', rawNonce: 'raw', nonceHash: 'hash', codeVerifier: 'verifier', codeChallenge: 'challenge' };

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An unsigned JWT with these claims (the client never checks signatures: Firebase does). */
const jwt = (claims: Record<string, unknown>) => `${b64url({ alg: 'none' })}.${b64url(claims)}.`;

describe('the protocol', () => {
  it('makes the PKCE S256 challenge of RFC 7636, appendix B', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('hashes the nonce as Firebase compares it: SHA-256, lower-case hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('makes fresh, unguessable values for every attempt', async () => {
    const [a, b] = [await newAttempt(), await newAttempt()];
    expect(a.state).not.toBe(b.state);
    expect(a.rawNonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/); // PKCE: 43–128 unreserved characters
    expect(a.nonceHash).toBe(await sha256Hex(a.rawNonce));
    expect(a.codeChallenge).toBe(await pkceChallenge(a.codeVerifier));
  });

  it('asks for a code with PKCE, the hashed nonce and the state', () => {
    const url = new URL(authorizationUrl({ discovery, clientId: 'app-1', redirectUri: REDIRECT, scopes: ['email', 'profile'], flow: 'code', attempt }));
    expect(`${url.origin}${url.pathname}`).toBe(discovery.authorization_endpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app-1',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid email profile',
      state: 'st',
      nonce: 'hash',
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
    });
  });

  it('asks for an id_token in the implicit flow, silently or for the account again when told', () => {
    const silent = new URL(
      authorizationUrl({
        discovery,
        clientId: 'app-1',
        redirectUri: REDIRECT,
        scopes: ['openid'],
        flow: 'implicit',
        attempt,
        prompt: 'none',
        loginHint: 'anna@lindeveen.nl',
        uiLocales: 'nl',
      }),
    ).searchParams;
    expect(silent.get('response_type')).toBe('id_token');
    expect(silent.get('code_challenge')).toBeNull();
    expect(silent.get('nonce')).toBe('hash');
    expect([silent.get('prompt'), silent.get('login_hint'), silent.get('ui_locales')]).toEqual(['none', 'anna@lindeveen.nl', 'nl']);
    expect(silent.get('scope')).toBe('openid');
  });

  it('reads a code from the query and an id_token from the fragment', () => {
    expect(parseAuthorizationResponse(`${REDIRECT}?code=abc&state=st`, 'st')).toEqual({ kind: 'code', code: 'abc' });
    expect(parseAuthorizationResponse(`${REDIRECT}#id_token=ey.J.x&state=st`, 'st')).toEqual({ kind: 'id_token', idToken: 'ey.J.x' });
  });

  it("refuses an answer to another attempt's state", () => {
    expect(parseAuthorizationResponse(`${REDIRECT}?code=abc&state=other`, 'st')).toEqual({ kind: 'error', error: 'state-mismatch' });
    expect(parseAuthorizationResponse(`${REDIRECT}?code=abc`, 'st')).toEqual({ kind: 'error', error: 'state-mismatch' });
  });

  it("passes the provider's errors on, and says so when there was no answer", () => {
    expect(parseAuthorizationResponse(`${REDIRECT}?error=login_required&error_description=Sign+in&state=st`, 'st')).toEqual({
      kind: 'error',
      error: 'login_required',
      description: 'Sign in',
    });
    expect(parseAuthorizationResponse(`${REDIRECT}#error=access_denied`, 'st')).toEqual({ kind: 'error', error: 'access_denied' });
    expect(parseAuthorizationResponse(undefined, 'st')).toEqual({ kind: 'error', error: 'no-result' });
    expect(parseAuthorizationResponse(`${REDIRECT}?state=st`, 'st')).toEqual({ kind: 'error', error: 'no-result' });
  });

  it('exchanges a code as a public client: the PKCE verifier, no secret', () => {
    expect(Object.fromEntries(tokenRequestBody('abc', REDIRECT, 'app-1', 'verifier'))).toEqual({
      grant_type: 'authorization_code',
      code: 'abc',
      redirect_uri: REDIRECT,
      client_id: 'app-1',
      code_verifier: 'verifier',
    });
  });

  it('reads a discovery document only for the issuer it was asked of', () => {
    expect(discoveryUrl(`${ISSUER}/`)).toBe(`${ISSUER}/.well-known/openid-configuration`);
    expect(parseDiscovery({ ...discovery, issuer: `${ISSUER}/`, jwks_uri: 'x' }, ISSUER)).toEqual({ ...discovery, issuer: `${ISSUER}/` });
    expect(() => parseDiscovery({ ...discovery, issuer: 'https://evil.example' }, ISSUER)).toThrow(/not https:\/\/login/);
    expect(() => parseDiscovery('<html>', ISSUER)).toThrow(/not a discovery document/);
  });

  it('checks what it can of an ID token: this attempt, this issuer, this client', () => {
    const good = { iss: ISSUER, aud: 'app-1', nonce: 'hash', sub: 's' };
    const expected = { issuer: ISSUER, clientId: 'app-1', nonceHash: 'hash' };
    expect(idTokenProblem(good, expected)).toBeNull();
    expect(idTokenProblem({ ...good, aud: ['other', 'app-1'] }, expected)).toBeNull();
    expect(idTokenProblem({ ...good, nonce: 'raw' }, expected)).toBe('nonce');
    expect(idTokenProblem({ ...good, iss: 'https://login.example.org/tenant-2/v2.0' }, expected)).toBe('issuer');
    expect(idTokenProblem({ ...good, aud: 'app-2' }, expected)).toBe('audience');
  });

  it("reads a token's claims (UTF-8 included) and the address it names", () => {
    const claims = jwtClaims(jwt({ name: 'Zoë Çelik', email: 'Zoe@Lindeveen.nl' }));
    expect(claims.name).toBe('Zoë Çelik');
    expect(idTokenEmail(claims)).toBe('zoe@lindeveen.nl');
    expect(idTokenEmail({ preferred_username: 'anna@lindeveen.nl' })).toBe('anna@lindeveen.nl');
    expect(idTokenEmail({ preferred_username: 'LINDEVEEN\\anna' })).toBeNull();
    expect(() => jwtClaims('nonsense')).toThrow();
  });
});

/** A fake identity provider behind fake fetch and chrome.identity; it answers as `answer` says. */
function fakeProvider(options: { settings?: Partial<OidcSettings>; signedOutOnPurpose?: boolean } = {}) {
  const settings: OidcSettings = { providerId: 'oidc.entra', issuer: ISSUER, clientId: 'app-1', ...options.settings };
  const seen = {
    launches: [] as chrome.identity.WebAuthFlowDetails[],
    tokenRequests: [] as URLSearchParams[],
    firebase: [] as Array<{ idToken: string; rawNonce: string }>,
  };
  const idp = {
    discovery: (): Promise<Response> => Promise.resolve(Response.json(discovery)),
    /** What the provider sends to the redirect URI for an authorization request. */
    redirect: (request: URL): string | Promise<string> => {
      const state = request.searchParams.get('state');
      return request.searchParams.get('response_type') === 'code'
        ? `${REDIRECT}?code=code-1&state=${state}`
        : `${REDIRECT}#id_token=${idp.token(request)}&state=${state}`;
    },
    token: (request: URL) =>
      jwt({ iss: ISSUER, aud: 'app-1', nonce: request.searchParams.get('nonce'), sub: 'anna', email: 'anna@lindeveen.nl', tid: 'tenant-1' }),
    lastRequest: undefined as URL | undefined,
    firebase: (): Promise<void> => Promise.resolve(),
  };
  const deps: OidcDeps = {
    settings,
    webAuthFlow: {
      redirectUri: () => REDIRECT,
      launch: async (details) => {
        seen.launches.push(details);
        idp.lastRequest = new URL(details.url);
        return idp.redirect(idp.lastRequest);
      },
    },
    fetch: async (input, init) => {
      const url = String(input);
      if (url === discoveryUrl(ISSUER)) return idp.discovery();
      if (url === discovery.token_endpoint) {
        const body = new URLSearchParams(String(init?.body));
        seen.tokenRequests.push(body);
        return Response.json({ id_token: idp.token(idp.lastRequest!), access_token: 'at' });
      }
      throw new TypeError('Failed to fetch');
    },
    signInWithIdToken: async (idToken, rawNonce) => {
      seen.firebase.push({ idToken, rawNonce });
      await idp.firebase();
    },
    uiLanguage: () => 'nl',
    signedOutOnPurpose: () => options.signedOutOnPurpose ?? false,
  };
  const provider = oidcSignIn(deps, { orgName: 'Gemeente Lindeveen', membership: { domains: ['lindeveen.nl'] } });
  return { provider, idp, seen };
}

const say = (error: { key: Parameters<typeof t>[0]; subs: string[] } | null) => (error ? t(error.key, ...error.subs) : null);

describe('signing in through the identity provider', () => {
  it('code + PKCE: the window, the code exchanged with the verifier, Firebase given the token and the raw nonce', async () => {
    const { provider, idp, seen } = fakeProvider();
    expect(await provider.signIn('anna@lindeveen.nl')).toBeNull();
    const request = idp.lastRequest!;
    expect(seen.launches[0]).toEqual({ url: request.toString(), interactive: true });
    expect(request.searchParams.get('login_hint')).toBe('anna@lindeveen.nl');
    expect(request.searchParams.get('ui_locales')).toBe('nl');
    expect(request.searchParams.get('prompt')).toBeNull();
    const [exchange] = seen.tokenRequests;
    expect(await pkceChallenge(exchange!.get('code_verifier')!)).toBe(request.searchParams.get('code_challenge'));
    const [signedIn] = seen.firebase;
    // Firebase checks that SHA-256(rawNonce) is the token's nonce; the request carried that hash.
    expect(await sha256Hex(signedIn!.rawNonce)).toBe(request.searchParams.get('nonce'));
    expect(jwtClaims(signedIn!.idToken).nonce).toBe(request.searchParams.get('nonce'));
  });

  it('implicit: the id_token straight from the window, no token request', async () => {
    const { provider, seen } = fakeProvider({ settings: { flow: 'implicit' } });
    expect(await provider.signIn()).toBeNull();
    expect(seen.tokenRequests).toEqual([]);
    expect(seen.firebase).toHaveLength(1);
  });

  it('asks the provider for the account again after an explicit sign-out', async () => {
    const { provider, idp } = fakeProvider({ signedOutOnPurpose: true });
    await provider.signIn();
    expect(idp.lastRequest!.searchParams.get('prompt')).toBe('login');
  });

  it('says so, in the person’s words, when the sign-in window was closed or cancelled', async () => {
    const closed = fakeProvider();
    closed.idp.redirect = () => Promise.reject(new Error('The user did not approve access.'));
    expect(say(await closed.provider.signIn())).toBe("Sign-in was cancelled: the sign-in window was closed before you finished. Try again when you're ready.");
    const cancelled = fakeProvider();
    cancelled.idp.redirect = (request) => `${REDIRECT}?error=access_denied&state=${request.searchParams.get('state')}`;
    expect((await cancelled.provider.signIn())?.key).toBe('authErrorOidcClosed');
    expect(closed.seen.firebase).toEqual([]);
  });

  it('says the provider cannot be reached: no network, a failing discovery, a page that will not load, a blocked token request', async () => {
    const offline = fakeProvider();
    offline.idp.discovery = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(say(await offline.provider.signIn())).toBe(
      "Can't reach the sign-in service of Gemeente Lindeveen. Check your connection, or try again in a moment.",
    );
    expect(offline.seen.launches).toEqual([]);

    const down = fakeProvider();
    down.idp.discovery = () => Promise.resolve(new Response('Bad gateway', { status: 502 }));
    expect(await down.provider.signIn()).toMatchObject({ key: 'authErrorOidcUnreachable', code: 'discovery-http-502' });

    const pageDown = fakeProvider();
    pageDown.idp.redirect = () => Promise.reject(new Error('Authorization page could not be loaded.'));
    expect((await pageDown.provider.signIn())?.key).toBe('authErrorOidcUnreachable');

    // A token endpoint without CORS for the extension's origin fails the same way in a browser.
    const blockedToken = fakeProvider();
    blockedToken.idp.token = () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await blockedToken.provider.signIn()).toMatchObject({ key: 'authErrorOidcUnreachable', code: 'token-unreachable' });
  });

  it('refuses a token that does not answer this attempt, before Firebase sees it', async () => {
    const replayed = fakeProvider();
    replayed.idp.token = () => jwt({ iss: ISSUER, aud: 'app-1', nonce: 'someone-elses', sub: 'x' });
    expect(await replayed.provider.signIn()).toMatchObject({ key: 'authErrorOidcRefused', code: 'id-token-nonce' });
    const forged = fakeProvider();
    forged.idp.redirect = () => `${REDIRECT}?code=x&state=not-ours`;
    expect(await forged.provider.signIn()).toMatchObject({ key: 'authErrorOidcRefused', code: 'state-mismatch' });
    expect([...replayed.seen.firebase, ...forged.seen.firebase]).toEqual([]);
  });

  it("tells the server's refusals apart: another tenant, not a member", async () => {
    const blocked = (reason: string) => () =>
      Promise.reject({
        code: 'auth/internal-error',
        message: `Firebase: BLOCKING_FUNCTION_ERROR_RESPONSE : ((… {"error":{"message":"${reason}","status":"PERMISSION_DENIED"}})) (auth/internal-error).`,
      });
    const tenant = fakeProvider();
    tenant.idp.firebase = blocked('other-tenant');
    expect(say(await tenant.provider.signIn())).toBe(
      "This account comes from another organisation's directory, not from Gemeente Lindeveen's. Sign in with your work account of Gemeente Lindeveen.",
    );
    const outsider = fakeProvider();
    outsider.idp.firebase = blocked('not-in-organisation');
    expect((await outsider.provider.signIn())?.key).toBe('authErrorNotMember');
    const misconfigured = fakeProvider();
    misconfigured.idp.firebase = () => Promise.reject({ code: 'auth/invalid-credential', message: '' });
    expect(await misconfigured.provider.signIn()).toMatchObject({ key: 'authErrorOidcRefused', subs: ['auth/invalid-credential'] });
  });

  it('hands Firebase the raw nonce: the SDK sends it as is, and Identity Platform hashes it to compare', () => {
    // firebase/auth's OAuthProvider.credential({ idToken, rawNonce }) → signInWithIdp's postBody.
    // ("The SHA-256 hash of the raw nonce must match the nonce field in the ID token": its own doc.)
    const credential = new OAuthProvider('oidc.entra').credential({ idToken: 'token', rawNonce: 'raw' });
    const request = (credential as unknown as { buildRequest(): { postBody: string } }).buildRequest();
    expect(Object.fromEntries(new URLSearchParams(request.postBody))).toEqual({ id_token: 'token', providerId: 'oidc.entra', nonce: 'raw' });
  });

  it("reads Chrome's launchWebAuthFlow errors", () => {
    expect(webAuthFlowFailure(new Error('The user did not approve access.')).kind).toBe('closed');
    expect(webAuthFlowFailure(new Error('User interaction required.')).kind).toBe('interaction');
    expect(webAuthFlowFailure(new Error('Authorization page could not be loaded.')).kind).toBe('unreachable');
    expect(webAuthFlowFailure(new Error('Something new')).kind).toBe('refused');
  });
});

describe('signing a person in again silently (a lapsed session)', () => {
  it("asks without a window (prompt=none) for that person, and signs them in from the provider's session", async () => {
    const { provider, idp, seen } = fakeProvider();
    expect(await provider.resume({ email: 'Anna@Lindeveen.nl' })).toBe(true);
    expect(seen.launches[0]).toMatchObject({ interactive: false, abortOnLoadForNonInteractive: false });
    expect(idp.lastRequest!.searchParams.get('prompt')).toBe('none');
    expect(idp.lastRequest!.searchParams.get('login_hint')).toBe('anna@lindeveen.nl');
    expect(seen.firebase).toHaveLength(1);
  });

  it('gives up quietly when the provider needs the person, and never signs in someone else', async () => {
    const needsLogin = fakeProvider();
    needsLogin.idp.redirect = (request) => `${REDIRECT}?error=login_required&state=${request.searchParams.get('state')}`;
    expect(await needsLogin.provider.resume({ email: 'anna@lindeveen.nl' })).toBe(false);
    const chromeSays = fakeProvider();
    chromeSays.idp.redirect = () => Promise.reject(new Error('User interaction required.'));
    expect(await chromeSays.provider.resume({ email: 'anna@lindeveen.nl' })).toBe(false);
    const someoneElse = fakeProvider();
    expect(await someoneElse.provider.resume({ email: 'bram@lindeveen.nl' })).toBe(false);
    expect(await someoneElse.provider.resume({ email: null })).toBe(false);
    expect([...needsLogin.seen.firebase, ...chromeSays.seen.firebase, ...someoneElse.seen.firebase]).toEqual([]);
  });

  it('signs nobody in when the person signed out on purpose while the provider was being asked', async () => {
    const { provider, seen } = fakeProvider({ signedOutOnPurpose: true });
    expect(await provider.resume({ email: 'anna@lindeveen.nl' })).toBe(false);
    expect(seen.firebase).toEqual([]);
  });
});
