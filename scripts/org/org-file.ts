// The organisation file (prikbord.org.json): finding it, and checking it against its published
// schema (schema/prikbord.org.schema.json) plus what a schema cannot say (that an origin really is
// one). Used by the build (wxt.config.ts), `npm run deploy:check`, `npm run org:apply` and the
// admin scripts, so every one of them refuses the same broken file with the same precise errors.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import type { OrgConfig } from '../../lib/any/org-config';

const ROOT = resolve(import.meta.dirname, '../..');
export const DEMO_ORG_FILE = resolve(ROOT, 'demo/prikbord.org.json');
export const ORG_SCHEMA_FILE = resolve(ROOT, 'schema/prikbord.org.schema.json');

/** A file that cannot be used; `problems` has one line per key that is wrong. */
export class OrgFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid organisation file:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'OrgFileError';
  }
}

/** Which organisation file: `--org FILE` (or `--org=FILE`), else $PRIKBORD_ORG, else the demo's. */
export function orgFilePath(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const index = argv.findIndex((arg) => arg === '--org' || arg.startsWith('--org='));
  if (index >= 0) {
    const arg = argv[index]!;
    const value = arg === '--org' ? argv[index + 1] : arg.slice('--org='.length);
    if (!value || value.startsWith('--')) throw new Error('--org needs a file: --org path/to/prikbord.org.json');
    return resolve(value);
  }
  return env.PRIKBORD_ORG ? resolve(env.PRIKBORD_ORG) : DEMO_ORG_FILE;
}

/** Reads and checks an organisation file; throws OrgFileError naming every wrong key. */
export function readOrgFile(file: string): OrgConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new OrgFileError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new OrgFileError(file, [`is not JSON: ${(error as Error).message}`]);
  }
  const problems = orgFileProblems(data);
  if (problems.length > 0) throw new OrgFileError(file, problems);
  const { $schema: _schema, ...config } = data as OrgConfig & { $schema?: string };
  return config;
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Everything wrong with an organisation file's content, one readable line each; [] when it is fine. */
export function orgFileProblems(data: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, verbose: true }).compile(JSON.parse(readFileSync(ORG_SCHEMA_FILE, 'utf8')) as object);
  if (!validator(data)) return describeSchemaErrors(validator.errors ?? []);
  return semanticProblems(data as OrgConfig);
}

/** `/sites/0/origins/1` → `sites[0].origins[1]`, the way people read a JSON path. */
export function keyPath(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .concat(child ?? []);
  const path = parts.map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('');
  return path.replace(/^\./, '') || '(the file)';
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 80);
}

function describeSchemaErrors(errors: ErrorObject[]): string[] {
  const lines = errors.map((error) => {
    const schema = error.parentSchema as { description?: string } | undefined;
    const expected = schema?.description ? ` (${schema.description})` : '';
    const at = keyPath(error.instancePath);
    switch (error.keyword) {
      case 'required':
        return `${keyPath(error.instancePath, String(error.params.missingProperty))}: missing`;
      case 'additionalProperties': {
        const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).join(', ');
        return `${keyPath(error.instancePath, String(error.params.additionalProperty))}: unknown key (allowed here: ${allowed})`;
      }
      case 'type':
        return `${at}: expected ${article(String(error.params.type))}, got ${describe(error.data)}`;
      case 'pattern':
        return `${at}: ${describe(error.data)} is not in the expected form${expected}`;
      case 'minItems':
        return `${at}: needs at least ${String(error.params.limit)} item(s)`;
      case 'minLength':
        return `${at}: must not be empty`;
      case 'minimum':
      case 'maximum':
        return `${at}: ${describe(error.data)} ${error.message ?? ''}`;
      default:
        return `${at}: ${error.message ?? error.keyword}`;
    }
  });
  return [...new Set(lines)];
}

function article(type: string): string {
  return { object: 'an object', array: 'a list', integer: 'a whole number', boolean: 'true or false', string: 'a text', number: 'a number' }[type] ?? type;
}

function isLocalHost(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/** What the schema cannot check: parsed origins, https outside the demo, emulators only for demo projects. */
function semanticProblems(config: OrgConfig): string[] {
  const problems: string[] = [];
  config.sites.forEach((site, s) =>
    site.origins.forEach((origin, o) => {
      const at = `sites[${s}].origins[${o}]`;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        problems.push(`${at}: ${describe(origin)} is not a URL`);
        return;
      }
      if (url.origin !== origin) problems.push(`${at}: ${describe(origin)} is not an origin; write ${url.origin}`);
    }),
  );
  const oidc = config.signIn.oidc;
  if (oidc) {
    try {
      const issuer = new URL(oidc.issuer);
      if (issuer.protocol !== 'https:' && !isLocalHost(issuer)) problems.push(`signIn.oidc.issuer: must be https (only a local test provider may use http)`);
    } catch {
      problems.push(`signIn.oidc.issuer: ${describe(oidc.issuer)} is not a URL`);
    }
  }
  if (!config.signIn.password && !oidc) problems.push('signIn: offers no way to sign in; set password to true or configure oidc');
  const demoProject = config.firebase.projectId.startsWith('demo-');
  if (config.firebase.emulators && !demoProject) {
    problems.push(`firebase.emulators: only for a demo- project (the emulators); remove it for ${config.firebase.projectId}`);
  }
  if (!config.firebase.emulators && demoProject) {
    problems.push(
      `firebase.projectId: ${config.firebase.projectId} is a demo- project, which only the emulators serve; set firebase.emulators or use your project's id`,
    );
  }
  return problems;
}

/**
 * The organisation file the admin scripts act for: `--org FILE` taken out of `args` (the rest is
 * returned for the script's own parsing) and remembered in $PRIKBORD_ORG for the modules they call.
 */
export function takeOrgOption(args: string[]): string[] {
  const index = args.findIndex((arg) => arg === '--org' || arg.startsWith('--org='));
  if (index < 0) return args;
  process.env.PRIKBORD_ORG = orgFilePath(args, {});
  return args.filter((_, i) => i !== index && !(args[index] === '--org' && i === index + 1));
}

let current: { file: string; config: OrgConfig } | undefined;

/** The organisation these scripts act for ($PRIKBORD_ORG, else the demo's), read and checked once. */
export function currentOrg(): OrgConfig {
  const file = orgFilePath([], process.env);
  if (current?.file !== file) current = { file, config: readOrgFile(file) };
  return current.config;
}
