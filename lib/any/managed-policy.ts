// Enterprise policy: what IT sets per installation (chrome.storage.managed, declared in
// public/managed-schema.json; docs/enterprise-policy.md) on top of the organisation file the
// extension was built with. Pure: takes the file's config and whatever the browser handed over,
// returns the configuration to run with, what came from policy and what was ignored and why.
//
// Why validate here when Chromium checks policy against the schema: Chromium's own check differs
// by delivery (a wrong-typed value given through Chromium's local test policies reached
// storage.managed unchanged in Chromium 156), it knows nothing of the organisation file (an extra
// origin must lie within its extension.policyOrigins, the host permissions the build asked for),
// and it drops what it refuses without telling anybody. Here every value is checked again, each
// refusal is named (the panel and the worker's console say it), and a refused value never stops
// the extension: the file's value, or the other valid policy values, are what it runs with.
import type { OidcSettings, OrgConfig } from './org-config';
import type { SiteRules } from './page-identity';

/** Every policy key, as in public/managed-schema.json (a unit test keeps the two in step). */
export const POLICY_KEYS = [
  'disabled',
  'extraOrigins',
  'firebaseApiKey',
  'firebaseAuthDomain',
  'firebaseProjectId',
  'oidcProviderId',
  'oidcIssuer',
  'oidcClientId',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** Why a policy value was not used. Each has a translated explanation (policyWhy_<reason> in the locale files). */
export type IgnoredReason =
  | 'unknownKey'
  | 'notBoolean'
  | 'notText'
  | 'notList'
  | 'notOrigin'
  | 'originOutside'
  | 'noPolicyOrigins'
  | 'firebaseIncomplete'
  | 'oidcIncomplete'
  | 'badProjectId'
  | 'badProviderId'
  | 'badIssuer'
  | 'emptyText';

/** A policy value that was not used: its key, the value as given (shortened), and why. */
export interface IgnoredPolicy {
  key: string;
  value: string;
  reason: IgnoredReason;
}

/** A policy value in effect, as shown to whoever checks the installation. */
export interface AppliedPolicy {
  key: PolicyKey;
  value: string;
}

/** The result of applying policy to the organisation file. */
export interface PolicyOutcome {
  /** The configuration to run with: the file's, with the valid policy values over it. */
  config: OrgConfig;
  /** The kill switch: true when IT switched Prikbord off. */
  disabled: boolean;
  applied: AppliedPolicy[];
  ignored: IgnoredPolicy[];
}

const FIREBASE_KEYS = ['firebaseApiKey', 'firebaseAuthDomain', 'firebaseProjectId'] as const;
const OIDC_KEYS = ['oidcProviderId', 'oidcIssuer', 'oidcClientId'] as const;
/** As schema/prikbord.org.schema.json says for the same fields of the organisation file. */
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const PROVIDER_ID = /^oidc\.[a-z0-9-]+$/;
/** Scheme, host and optional port; one trailing slash is forgiven. No path, query, fragment or user. */
const ORIGIN = /^https?:\/\/[^/?#@\s]+\/?$/i;
/** The organisation file's policyOrigins: scheme, optional `*.`, host, optional port, `/*`. */
const MATCH_PATTERN = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(?::(\d+))?\/\*$/;

/** A value as shown in a message: JSON, at most 120 characters. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** The origin `value` names, normalised as URL.origin writes it; null when it is not just an origin. */
export function policyOrigin(value: string): string | null {
  if (!ORIGIN.test(value.trim())) return null;
  try {
    return new URL(value.trim()).origin;
  } catch {
    return null;
  }
}

/**
 * Whether `origin` lies within the Chrome match pattern `pattern` (as the organisation file's
 * policyOrigins are written): same scheme; the host itself, or for `*.host` the host and any
 * subdomain; a pattern without a port matches every port, as Chrome's host permissions do.
 */
export function originWithin(origin: string, pattern: string): boolean {
  const match = MATCH_PATTERN.exec(pattern);
  if (!match) return false;
  const [, scheme, anySub, host, port] = match;
  const url = new URL(origin);
  if (url.protocol !== `${scheme}:`) return false;
  if (url.hostname !== host && !(anySub && url.hostname.endsWith(`.${host}`))) return false;
  return port === undefined || (url.port || (url.protocol === 'https:' ? '443' : '80')) === port;
}

/** The origins of every site in the organisation file, normalised. */
function fileOrigins(config: OrgConfig): Set<string> {
  return new Set(config.sites.flatMap((site) => site.origins.map((origin) => new URL(origin).origin)));
}

/**
 * Applies the raw managed storage (`raw`, whatever chrome.storage.managed.get() gave) to the
 * organisation file's config `file`. Never throws: what is wrong is listed in `ignored`.
 */
export function applyPolicy(file: OrgConfig, raw: unknown): PolicyOutcome {
  const policy: Record<string, unknown> = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const applied: AppliedPolicy[] = [];
  const ignored: IgnoredPolicy[] = [];
  const ignore = (key: string, value: unknown, reason: IgnoredReason) => ignored.push({ key, value: shown(value), reason });
  const has = (key: string) => policy[key] !== undefined;

  for (const key of Object.keys(policy)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) ignore(key, policy[key], 'unknownKey');
  }

  // Text values: wrong types and empty texts are named once here; the groups below see only good texts.
  const text: Partial<Record<PolicyKey, string>> = {};
  for (const key of [...FIREBASE_KEYS, ...OIDC_KEYS]) {
    if (!has(key)) continue;
    const value = policy[key];
    if (typeof value !== 'string') ignore(key, value, 'notText');
    else if (value.trim() === '') ignore(key, value, 'emptyText');
    else text[key] = value.trim();
  }

  // The kill switch.
  let disabled = false;
  if (has('disabled')) {
    if (typeof policy.disabled === 'boolean') {
      disabled = policy.disabled;
      applied.push({ key: 'disabled', value: String(disabled) });
    } else {
      ignore('disabled', policy.disabled, 'notBoolean');
    }
  }

  // Extra intranet origins: each within the file's policyOrigins (the only host permissions the
  // build holds beyond its own sites), each once, none the file already has.
  let sites: SiteRules[] = file.sites;
  if (has('extraOrigins')) {
    const list = policy.extraOrigins;
    if (!Array.isArray(list)) {
      ignore('extraOrigins', list, 'notList');
    } else {
      const allowed = file.extension?.policyOrigins ?? [];
      const known = fileOrigins(file);
      const extra: string[] = [];
      for (const item of list) {
        const origin = typeof item === 'string' ? policyOrigin(item) : null;
        if (origin === null) ignore('extraOrigins', item, 'notOrigin');
        else if (allowed.length === 0) ignore('extraOrigins', item, 'noPolicyOrigins');
        else if (!allowed.some((pattern) => originWithin(origin, pattern))) ignore('extraOrigins', item, 'originOutside');
        else if (!known.has(origin) && !extra.includes(origin)) extra.push(origin);
      }
      if (extra.length > 0) {
        // An origin added by policy is another name or copy of the organisation's intranet (a test
        // server, a regional mirror): it gets the first site's page rules.
        sites = [...file.sites, { ...file.sites[0]!, origins: extra }];
        applied.push({ key: 'extraOrigins', value: extra.join(', ') });
      }
    }
  }

  // Another Firebase project: all three values or none (the file's API key with another
  // project's id would fail at sign-in, far from the cause). The emulators (demo, tests) stay.
  let firebase = file.firebase;
  if (text.firebaseProjectId !== undefined && !PROJECT_ID.test(text.firebaseProjectId)) {
    ignore('firebaseProjectId', text.firebaseProjectId, 'badProjectId');
    delete text.firebaseProjectId;
  }
  if (FIREBASE_KEYS.every((key) => text[key] !== undefined)) {
    // The file's region is where the file's project runs its functions: not this project's.
    const { region: _fileRegion, ...rest } = file.firebase;
    firebase = { ...rest, apiKey: text.firebaseApiKey!, authDomain: text.firebaseAuthDomain!, projectId: text.firebaseProjectId! };
    for (const key of FIREBASE_KEYS) applied.push({ key, value: text[key]! });
  } else {
    // The valid ones of an incomplete group, named once (a refused one was named above).
    const unused = FIREBASE_KEYS.filter((key) => text[key] !== undefined);
    if (unused.length > 0) ignore(unused.join(', '), unused.map((key) => text[key]).join(', '), 'firebaseIncomplete');
  }

  // The identity provider: over the file's (signIn.oidc, which the sign-in code reads); a
  // provider the file does not have needs all three values.
  let signIn = file.signIn;
  let oidcRefused = OIDC_KEYS.some((key) => has(key) && text[key] === undefined);
  if (text.oidcProviderId !== undefined && !PROVIDER_ID.test(text.oidcProviderId)) {
    ignore('oidcProviderId', text.oidcProviderId, 'badProviderId');
    delete text.oidcProviderId;
    oidcRefused = true;
  }
  if (text.oidcIssuer !== undefined && !isHttpUrl(text.oidcIssuer)) {
    ignore('oidcIssuer', text.oidcIssuer, 'badIssuer');
    delete text.oidcIssuer;
    oidcRefused = true;
  }
  const oidcGiven = OIDC_KEYS.filter((key) => text[key] !== undefined);
  if (oidcGiven.length > 0) {
    const merged: Partial<OidcSettings> = {
      ...file.signIn.oidc,
      ...(text.oidcProviderId !== undefined ? { providerId: text.oidcProviderId } : {}),
      ...(text.oidcIssuer !== undefined ? { issuer: text.oidcIssuer } : {}),
      ...(text.oidcClientId !== undefined ? { clientId: text.oidcClientId } : {}),
    };
    // One refused value of the group refuses the rest: half of one provider over another is neither.
    if (oidcRefused || !merged.providerId || !merged.issuer || !merged.clientId) {
      ignore(oidcGiven.join(', '), oidcGiven.map((key) => text[key]).join(', '), 'oidcIncomplete');
    } else {
      signIn = { ...file.signIn, oidc: merged as OidcSettings };
      for (const key of oidcGiven) applied.push({ key, value: text[key]! });
    }
  }

  const config: OrgConfig = sites === file.sites && firebase === file.firebase && signIn === file.signIn ? file : { ...file, sites, firebase, signIn };
  return { config, disabled, applied, ignored };
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Every intranet origin of a config (the file's and policy's), normalised. */
export function intranetOrigins(config: OrgConfig): string[] {
  return [...fileOrigins(config)];
}

/** The Firebase project a config syncs with, as one comparable string (its data belongs to it alone). */
export function projectKey(config: OrgConfig): string {
  const { apiKey, authDomain, projectId } = config.firebase;
  return JSON.stringify([projectId, apiKey, authDomain]);
}

/**
 * What an extension page must start afresh for: switched off or on, another Firebase project or
 * identity provider, other intranet origins (a panel showing a page whose origin policy just
 * removed must stop offering its thread). All are rare, deliberate acts of IT, and a side panel
 * starts in a fraction of a second with its drafts kept, so a restart is simpler and safer than
 * re-wiring a running page.
 */
export function restartKey(outcome: PolicyOutcome): string {
  return outcome.disabled ? 'off' : JSON.stringify([projectKey(outcome.config), outcome.config.signIn, intranetOrigins(outcome.config)]);
}

/** A JSON text of `value` with object keys sorted: equal for equal policies whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
