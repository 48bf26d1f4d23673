// The demo's identity provider: a real OpenID Connect server (the `oidc-provider` package) standing in
// for Gemeente Lindeveen's Microsoft Entra ID, offline, on the organisation file's issuer
// (http://127.0.0.1:8102 = DEMO_PORTS.oidc). The demo employees (demo/org.ts) are its accounts: the
// e-mail address as login, the demo password. Its ID tokens carry what Entra's do and Prikbord reads:
// sub, email (+ email_verified), name, preferred_username and tid (the tenant; the organisation
// file's first membership.tenantIds, so the tenant check on the server passes). An account of
// another tenant can be added for the refusal test (OTHER_TENANT_ID).
//
// One client, the extension: public (no secret), PKCE required, the code flow and the implicit
// id_token flow, its redirect URI https://<extension id>.chromiumapp.org/ derived from the
// organisation file's manifest key, and CORS on the token endpoint for the extension's origin
// (chrome-extension://<id>), which is where the code exchange comes from.
//
// The login page is our own, short, Dutch or English (ui_locales, else Accept-Language), and usable
// by keyboard: labelled fields, the e-mail field focused, errors announced, a cancel button.
//   npx tsx demo/oidc-server.ts         (npm run demo starts it too)
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { BUILD_ORG_CONFIG } from '../lib/any/bundled-org-config';
import type { OrgConfig } from '../lib/any/org-config';
import { extensionIdFromKey, redirectUriFor } from '../scripts/org/extension-id';
import { DEMO_PASSWORD, EMPLOYEES } from './org';

/** The demo employees' tenant when the organisation file names none (an Entra tenant id looks like this). */
export const DEFAULT_TENANT_ID = '8f1c6a52-1f0e-4d3b-9c57-2a4e6b0d7c31';
/** A tenant the demo organisation does not accept: accounts from another organisation's directory. */
export const OTHER_TENANT_ID = '0b5e9d47-6c21-4f8a-a3d9-7e1f2c4b8a60';

/** One account at the demo identity provider. */
export interface DemoIdpAccount {
  /** The login (and the `email` claim). */
  email: string;
  name: string;
  /** The tenant claim (`tid`). */
  tid: string;
  /** Default: the demo password. */
  password?: string;
  /** The subject; default: derived from the e-mail address. */
  sub?: string;
}

/** The demo employees as accounts of the organisation's tenant. */
export function demoIdpAccounts(org: OrgConfig = BUILD_ORG_CONFIG): DemoIdpAccount[] {
  const tid = org.membership.tenantIds?.[0] ?? DEFAULT_TENANT_ID;
  return EMPLOYEES.map((person) => ({ email: person.email, name: person.displayName, tid, sub: `lindeveen-${person.personId}` }));
}

export interface OidcServerOptions {
  org?: OrgConfig;
  /** Default: the demo employees. */
  accounts?: DemoIdpAccount[];
  /** More accounts beside those (another tenant's, for the refusal test). */
  extraAccounts?: DemoIdpAccount[];
  /** Default: the issuer's port. */
  port?: number;
  /** Called with every sign-in the server completes (tests). */
  onLogin?: (email: string) => void;
}

export interface OidcServer {
  issuer: string;
  /** The extension's redirect URI, as registered for the client. */
  redirectUri: string;
  close(): Promise<void>;
}

const TEXT = {
  nl: {
    title: 'Inloggen bij Gemeente Lindeveen',
    intro: 'Log in met je Lindeveen-account om verder te gaan naar',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    cancel: 'Annuleren',
    wrong: 'Dit e-mailadres en wachtwoord horen niet bij een account. Probeer het opnieuw.',
    demo: 'Demo: elk e-mailadres uit demo/org.ts, wachtwoord',
    error: 'Er ging iets mis bij het inloggen',
  },
  en: {
    title: 'Sign in to Gemeente Lindeveen',
    intro: 'Sign in with your Lindeveen account to continue to',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    cancel: 'Cancel',
    wrong: "That email address and password don't match an account. Try again.",
    demo: 'Demo: any address from demo/org.ts, password',
    error: 'Something went wrong signing in',
  },
};
type Lang = keyof typeof TEXT;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function languageOf(uiLocales: unknown, acceptLanguage: string | undefined): Lang {
  const wanted = `${typeof uiLocales === 'string' ? uiLocales : ''} ${acceptLanguage ?? ''}`.toLowerCase();
  const nl = wanted.search(/\bnl\b/);
  const en = wanted.search(/\ben\b/);
  return nl >= 0 && (en < 0 || nl < en) ? 'nl' : 'en';
}

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { font: 15px/1.45 system-ui, 'Segoe UI', sans-serif; margin: 0; background: #eef2f0; color: #1b1f24; }
  main { max-width: 22rem; margin: 2.5rem auto; background: #fff; padding: 1.5rem 1.75rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  .brand { font-weight: 700; color: #1d6b3a; letter-spacing: .02em; margin: 0 0 .25rem; }
  h1 { font-size: 1.25rem; margin: 0 0 .75rem; }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: .45rem .55rem; border: 1px solid #8a949e; border-radius: 6px; }
  .actions { display: flex; gap: .5rem; margin-top: 1.1rem; }
  button { font: inherit; padding: .45rem 1rem; border-radius: 6px; border: 1px solid #1d6b3a; background: #1d6b3a; color: #fff; cursor: pointer; }
  button.secondary { background: transparent; color: #1d6b3a; }
  :focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
  .error { color: #b42318; }
  .hint { color: #57606a; font-size: .85rem; margin-top: 1rem; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

function loginPage(lang: Lang, uid: string, clientName: string, email: string, wrong: boolean): string {
  const text = TEXT[lang];
  return page(
    lang,
    text.title,
    `<p class="brand">Gemeente Lindeveen</p>
<h1>${escape(text.title)}</h1>
<p>${escape(text.intro)} ${escape(clientName)}.</p>
${wrong ? `<p class="error" role="alert" id="login-error">${escape(text.wrong)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <label for="login-email">${escape(text.email)}</label>
  <input id="login-email" name="email" type="email" autocomplete="username" required value="${escape(email)}" ${wrong ? 'aria-describedby="login-error"' : ''} ${email ? '' : 'autofocus'}>
  <label for="login-password">${escape(text.password)}</label>
  <input id="login-password" name="password" type="password" autocomplete="current-password" required ${email ? 'autofocus' : ''}>
  <div class="actions">
    <button type="submit">${escape(text.submit)}</button>
    <button type="submit" class="secondary" formaction="/interaction/${escape(uid)}/cancel" formnovalidate>${escape(text.cancel)}</button>
  </div>
</form>
<p class="hint">${escape(text.demo)} <code>${escape(DEMO_PASSWORD)}</code>.</p>`,
  );
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

/** Starts the demo identity provider; resolves once it listens. */
export async function startOidcServer(options: OidcServerOptions = {}): Promise<OidcServer> {
  const org = options.org ?? BUILD_ORG_CONFIG;
  const settings = org.signIn.oidc;
  if (!settings) throw new Error('The organisation file configures no identity provider (signIn.oidc).');
  if (!org.extension?.key) throw new Error('The organisation file has no extension.key: the redirect URI needs a fixed extension id.');
  const extensionId = extensionIdFromKey(org.extension.key);
  const redirectUri = redirectUriFor(extensionId);
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const issuer = settings.issuer.replace(/\/+$/, '');
  const port = options.port ?? Number(new URL(issuer).port || 80);

  const accounts = new Map<string, Required<DemoIdpAccount>>();
  for (const account of [...(options.accounts ?? demoIdpAccounts(org)), ...(options.extraAccounts ?? [])]) {
    const email = account.email.toLowerCase();
    accounts.set(email, { password: DEMO_PASSWORD, sub: `idp-${email.replace(/[^a-z0-9]/g, '-')}`, ...account, email });
  }
  const bySub = new Map([...accounts.values()].map((account) => [account.sub, account]));

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // Loaded here, not at the top: the accounts above are used without a server (unit tests).
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: settings.clientId,
        client_name: 'Prikbord',
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUri],
        response_types: ['code', 'id_token'],
        grant_types: ['authorization_code', 'implicit'],
      },
    ],
    responseTypes: ['code', 'id_token'],
    pkce: { required: () => true },
    // Entra-like ID tokens: the profile and e-mail claims in the ID token itself, not only at userinfo.
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'tid'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: account.email, email_verified: true, name: account.name, preferred_username: account.email, tid: account.tid }),
      };
    },
    // The extension is this server's own first-party client: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, provider: op } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) {
        const grant = await op.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new op.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    // The code exchange comes from the extension's page: allow exactly its origin.
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string) => origin === extensionOrigin,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'demo', use: 'sig', alg: 'RS256' }] },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Session: 14 * 24 * 3600, Grant: 14 * 24 * 3600 },
    async renderError(ctx: KoaContextWithOIDC, out: Record<string, string>) {
      const lang = languageOf(undefined, ctx.get('accept-language'));
      ctx.type = 'html';
      ctx.body = page(lang, TEXT[lang].error, `<h1>${escape(TEXT[lang].error)}</h1><p>${escape(out.error_description ?? out.error ?? '')}</p>`);
    },
  });

  const callback = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const lang = languageOf(details.params.ui_locales, request.headers['accept-language']);
    if (action === 'cancel' && request.method === 'POST') {
      await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (action === 'login' && request.method === 'POST') {
      const form = await formBody(request);
      const email = (form.get('email') ?? '').trim().toLowerCase();
      const account = accounts.get(email);
      if (!account || form.get('password') !== account.password) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(loginPage(lang, uid, 'Prikbord', form.get('email') ?? '', true));
        return;
      }
      options.onLogin?.(email);
      await provider.interactionFinished(request, response, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name === 'login') {
      const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(loginPage(lang, uid, 'Prikbord', hint, false));
      return;
    }
    // Any other prompt (consent): the first-party client is granted what it asked for.
    const grant = new provider.Grant({ clientId: String(details.params.client_id), accountId: details.session?.accountId });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    await provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  const server = createServer((request, response) => {
    const match = /^\/interaction\/([^/?]+)(?:\/(login|cancel))?(?:\?|$)/.exec(request.url ?? '');
    if (!match) {
      callback(request, response);
      return;
    }
    interaction(request, response, match[1]!, match[2]).catch((error: unknown) => {
      if (response.headersSent) return response.end();
      const lang = languageOf(undefined, request.headers['accept-language']);
      response.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page(lang, TEXT[lang].error, `<h1>${escape(TEXT[lang].error)}</h1><p>${escape(String((error as Error).message ?? error))}</p>`));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, new URL(issuer).hostname, resolveListen);
  });
  return {
    issuer,
    redirectUri,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const server = await startOidcServer();
  console.log(`Demo identity provider: ${server.issuer} (redirect URI ${server.redirectUri})`);
  console.log(`Accounts: the demo employees (anna@lindeveen.nl, …), password ${DEMO_PASSWORD}.`);
}
