// Enterprise sign-in through the organisation's OpenID Connect identity provider (Microsoft Entra ID,
// or any other): chrome.identity.launchWebAuthFlow opens the provider's page in a window of its own
// and returns at https://<extension id>.chromiumapp.org/; the ID token it yields signs the person in
// to Firebase (signInWithCredential with the provider's id, the token and the raw nonce), where the
// membership functions decide as for any sign-in. Extension pages only. The protocol's pure parts
// (request, response, checks) are in lib/core/oidc.ts; docs/sign-in-oidc.md tells the whole story.
//
// - Grant: authorization code with PKCE by default (a public client: no secret in the extension; the
//   code is exchanged from this page, so the token endpoint must allow the extension's origin by
//   CORS), or the implicit flow's id_token (`flow: "implicit"`) where the provider can't do that.
// - Silent: with `interactive: false` and `prompt=none` the provider answers at once from its own
//   session (the browser's single sign-on) or says it needs the person; used to sign a person in
//   again when their Firebase session lapsed (session.ts), never to switch people.
// - After an explicit sign-out the next sign-in asks the provider for the account again
//   (`prompt=login`), so a sign-out really lets someone else sign in; Prikbord does not sign the
//   person out of the provider itself, which would end their single sign-on for every other app.
import { OAuthProvider, signInWithCredential, type Auth } from 'firebase/auth/web-extension';
import type { OidcSettings, OrgConfig } from '../../any/org-config';
import {
  authorizationUrl,
  discoveryUrl,
  idTokenEmail,
  idTokenProblem,
  INTERACTION_NEEDED,
  jwtClaims,
  newAttempt,
  parseAuthorizationResponse,
  parseDiscovery,
  tokenRequestBody,
  type OidcDiscovery,
} from '../../core/oidc';
import { signInError, type SignInError } from './sign-in-errors';

/** chrome.identity's part the sign-in uses (a fake in unit tests). */
export interface WebAuthFlow {
  launch(details: chrome.identity.WebAuthFlowDetails): Promise<string | undefined>;
  /** https://<extension id>.chromiumapp.org/ */
  redirectUri(): string;
}

/** The browser's own: chrome.identity (needs the `identity` permission). */
export function chromeWebAuthFlow(): WebAuthFlow {
  return {
    launch: (details) => chrome.identity.launchWebAuthFlow(details),
    redirectUri: () => chrome.identity.getRedirectURL(),
  };
}

/** Why getting a token from the provider failed, in the terms the panel speaks. */
export type OidcFailureKind =
  /** The person closed the window or cancelled at the provider. */
  | 'closed'
  /** The provider (or its discovery document) could not be reached or loaded. */
  | 'unreachable'
  /** A silent attempt needs the person (not an error to show). */
  | 'interaction'
  /** The provider answered with an error, or something that does not belong to this attempt. */
  | 'refused';

export class OidcFailure extends Error {
  constructor(
    readonly kind: OidcFailureKind,
    readonly code: string,
  ) {
    super(`${kind}: ${code}`);
    this.name = 'OidcFailure';
  }
}

/** The parts the provider is made of; `firebaseOidcDeps` gives the real ones. */
export interface OidcDeps {
  settings: OidcSettings;
  webAuthFlow: WebAuthFlow;
  fetch: typeof fetch;
  /** Signs in to Firebase with the provider's ID token and the raw nonce whose hash it carries. */
  signInWithIdToken(idToken: string, rawNonce: string): Promise<void>;
  /** The page's language, for the provider's pages ('nl', 'en'). */
  uiLanguage(): string;
  /** Whether the last person here signed out on purpose: then the provider asks for the account again. */
  signedOutOnPurpose(): boolean;
}

/** How long a silent attempt may take before the button is shown instead (providers that redirect by script need a moment). */
export const SILENT_TIMEOUT_MS = 8000;

/** The organisation's sign-in button and what it does. */
export interface OidcSignIn {
  /** The button's text per language from the organisation file; absent: the translated default. */
  label?: { nl: string; en: string };
  /** Opens the provider's sign-in window; resolves to null when signed in, or to what went wrong. */
  signIn(loginHint?: string): Promise<SignInError | null>;
  /** Signs `person` in again without showing anything, if the provider still knows them; true when it did. */
  resume(person: { email: string | null }): Promise<boolean>;
}

/** What Chrome's launchWebAuthFlow rejects with, in our terms (its messages are the only signal it gives). */
export function webAuthFlowFailure(error: unknown): OidcFailure {
  const message = String((error as { message?: unknown })?.message ?? error);
  if (/did not approve/i.test(message)) return new OidcFailure('closed', 'window-closed');
  if (/interaction required/i.test(message)) return new OidcFailure('interaction', 'interaction-required');
  if (/could not be loaded|timed out|net::/i.test(message)) return new OidcFailure('unreachable', 'page-not-loaded');
  return new OidcFailure('refused', message.slice(0, 80) || 'web-auth-flow');
}

export function oidcSignIn(deps: OidcDeps, org: Pick<OrgConfig, 'orgName' | 'membership'>): OidcSignIn {
  const { settings } = deps;
  const flow = settings.flow ?? 'code';

  async function discover(): Promise<OidcDiscovery> {
    let response: Response;
    try {
      response = await deps.fetch(discoveryUrl(settings.issuer), { headers: { Accept: 'application/json' } });
    } catch {
      throw new OidcFailure('unreachable', 'discovery-unreachable');
    }
    if (!response.ok) throw new OidcFailure('unreachable', `discovery-http-${response.status}`);
    try {
      const discovery = parseDiscovery(await response.json(), settings.issuer);
      if (flow === 'code' && !discovery.token_endpoint) throw new Error('no token endpoint');
      return discovery;
    } catch {
      throw new OidcFailure('refused', 'discovery-invalid');
    }
  }

  async function exchange(discovery: OidcDiscovery, code: string, redirectUri: string, codeVerifier: string): Promise<string> {
    let response: Response;
    try {
      response = await deps.fetch(discovery.token_endpoint!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: tokenRequestBody(code, redirectUri, settings.clientId, codeVerifier),
      });
    } catch {
      // Also what a token endpoint without CORS for the extension's origin looks like from here.
      throw new OidcFailure('unreachable', 'token-unreachable');
    }
    const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
    if (!response.ok || typeof body.id_token !== 'string')
      throw new OidcFailure('refused', typeof body.error === 'string' ? body.error : `token-http-${response.status}`);
    return body.id_token;
  }

  /** One round at the provider: its ID token for this attempt, with the raw nonce Firebase needs. */
  async function idToken(options: { interactive: boolean; prompt?: 'none' | 'login'; loginHint?: string }) {
    const discovery = await discover();
    const attempt = await newAttempt();
    const redirectUri = deps.webAuthFlow.redirectUri();
    const url = authorizationUrl({
      discovery,
      clientId: settings.clientId,
      redirectUri,
      scopes: settings.scopes ?? ['openid', 'email', 'profile'],
      flow,
      attempt,
      prompt: options.prompt,
      loginHint: options.loginHint,
      uiLocales: deps.uiLanguage(),
    });
    let responseUrl: string | undefined;
    try {
      responseUrl = await deps.webAuthFlow.launch(
        options.interactive
          ? { url, interactive: true }
          : { url, interactive: false, abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: SILENT_TIMEOUT_MS },
      );
    } catch (error) {
      throw webAuthFlowFailure(error);
    }
    const response = parseAuthorizationResponse(responseUrl, attempt.state);
    if (response.kind === 'error') {
      if (INTERACTION_NEEDED.includes(response.error)) throw new OidcFailure('interaction', response.error);
      throw new OidcFailure(response.error === 'access_denied' ? 'closed' : 'refused', response.error);
    }
    const token = response.kind === 'id_token' ? response.idToken : await exchange(discovery, response.code, redirectUri, attempt.codeVerifier);
    let claims: Record<string, unknown>;
    try {
      claims = jwtClaims(token);
    } catch {
      throw new OidcFailure('refused', 'id-token-unreadable');
    }
    const problem = idTokenProblem(claims, { issuer: settings.issuer, clientId: settings.clientId, nonceHash: attempt.nonceHash });
    if (problem) throw new OidcFailure('refused', `id-token-${problem}`);
    return { token, rawNonce: attempt.rawNonce, claims };
  }

  return {
    ...(settings.buttonLabel ? { label: settings.buttonLabel } : {}),
    async signIn(loginHint) {
      let got: Awaited<ReturnType<typeof idToken>>;
      try {
        got = await idToken({ interactive: true, prompt: deps.signedOutOnPurpose() ? 'login' : undefined, loginHint: loginHint?.trim() || undefined });
      } catch (error) {
        return oidcError(error, org);
      }
      try {
        await deps.signInWithIdToken(got.token, got.rawNonce);
        return null;
      } catch (error) {
        return signInError(error, org, 'oidc');
      }
    },
    async resume(person) {
      const email = person.email?.toLowerCase();
      if (!email) return false;
      try {
        const got = await idToken({ interactive: false, prompt: 'none', loginHint: email });
        // Only the same person: the provider's session may be someone else's by now.
        if (idTokenEmail(got.claims) !== email) return false;
        // Signed out on purpose while the provider was asked (seconds, without a window): that wins.
        if (deps.signedOutOnPurpose()) return false;
        await deps.signInWithIdToken(got.token, got.rawNonce);
        return true;
      } catch (error) {
        if (!(error instanceof OidcFailure && error.kind === 'interaction')) console.warn('Silent sign-in failed:', error);
        return false;
      }
    },
  };
}

/** What to tell the person when the provider's part failed. */
export function oidcError(error: unknown, org: Pick<OrgConfig, 'orgName' | 'membership'>): SignInError {
  if (!(error instanceof OidcFailure)) return signInError(error, org, 'oidc');
  switch (error.kind) {
    case 'closed':
      return { key: 'authErrorOidcClosed', subs: [], code: error.code };
    case 'unreachable':
      return { key: 'authErrorOidcUnreachable', subs: [org.orgName], code: error.code };
    default:
      return { key: 'authErrorOidcRefused', subs: [error.code], code: error.code };
  }
}

/** The real parts: chrome.identity, fetch, and Firebase Auth's signInWithCredential. */
export function firebaseOidcDeps(auth: Auth, settings: OidcSettings, local: Pick<OidcDeps, 'uiLanguage' | 'signedOutOnPurpose'>): OidcDeps {
  return {
    settings,
    webAuthFlow: chromeWebAuthFlow(),
    fetch: (input, init) => fetch(input, init),
    async signInWithIdToken(idToken, rawNonce) {
      await signInWithCredential(auth, new OAuthProvider(settings.providerId).credential({ idToken, rawNonce }));
    },
    ...local,
  };
}
