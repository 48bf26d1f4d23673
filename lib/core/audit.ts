// The audit log: every change to roles and to pages (aliases, merges, moves, announcements) — and,
// as the console grows, to settings, groups and sections — as one append-only entry: who, what,
// when, before → after. Pure: the shape of an entry, the document the server writes and how a
// client reads one back (untrusted shape).
//
// `audit/{id}` is written only with the Admin SDK, together with the change itself: by the
// function that changes a role (functions/src/roles.ts, in the same transaction), by `npm run
// roles` through that same code, by the directory import when a file's roles column changes
// someone's roles (scripts/directory/import.ts, in the same batch), and by the function that
// changes a page (functions/src/pages.ts, in the transaction that makes the change). The rules let
// comms and administrators read it and nobody write it (firebase/firestore.rules), so nobody, not
// even an administrator, can edit or remove an entry.
import { normalizeRoles } from './directory';
import { ROLE_NAMES, type RoleName } from './directory-roles';
import type { Roles } from './membership';
import { CHANGE_PAGE_ACTIONS, type ChangePageAction } from './page-admin';

/**
 * The kinds of change the log holds, each one filter in the console. Only what is really written
 * today: a later slice that writes settings or group changes adds its kind here.
 */
export const AUDIT_KINDS = ['roles', 'rollout', 'pages'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** How many entries the console shows at a time. */
export const AUDIT_PAGE_SIZE = 50;

/** Who made a change: a person in the console, or someone with the project's service account at a command line. */
export interface AuditActor {
  /** Their uid in the console; null at the command line (the Admin SDK has no user). */
  uid: string | null;
  /** Their name in the console; at the command line, the operating-system user who ran it. */
  name: string;
  /** Where: the console, `npm run roles`, or `npm run directory:import` (the file's roles column). */
  via: AuditVia;
}

export const AUDIT_VIAS = ['console', 'command-line', 'directory-import'] as const;
export type AuditVia = (typeof AUDIT_VIAS)[number];

/** Whom a change is about: a person of the directory. */
export interface AuditPerson {
  kind: 'person';
  /** Their Auth uid, once they have signed in; null before. */
  uid: string | null;
  /** Their directory id (the HR system's employee id). */
  personId: string;
  name: string;
}

/**
 * A person's roles changed, and their roles around it: one role granted or revoked (with the
 * sections it named) in the console or with `npm run roles`, or all of them set at once by the
 * directory import from the file's roles column (`set`: no one role, no sections).
 */
export interface RolesAuditEntry {
  id: string;
  /** Server time of the change, epoch ms (0 while a client has not heard it from the server). */
  at: number;
  kind: 'roles';
  action: 'grant' | 'revoke' | 'set';
  actor: AuditActor;
  target: AuditPerson;
  /** The role granted or revoked; null for `set`. */
  role: RoleName | null;
  sections: string[];
  before: Roles;
  after: Roles;
}

/**
 * Rollout changed (lib/core/rollout-edit.ts): the rest of the intranet, a section or a pilot
 * group set or removed in the console. `before`/`after` are that thing as stored (null when it
 * did not exist before / no longer exists).
 */
export interface RolloutAuditEntry {
  id: string;
  at: number;
  kind: 'rollout';
  action: RolloutAuditAction;
  actor: AuditActor;
  /** The section or group (id and name); null for the rest of the intranet. */
  subject: { id: string; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const ROLLOUT_AUDIT_ACTIONS = ['rest', 'section', 'removeSection', 'group', 'removeGroup'] as const;
export type RolloutAuditAction = (typeof ROLLOUT_AUDIT_ACTIONS)[number];

/** The document the server writes for a rollout change, without `at`. */
export function rolloutAuditDoc(change: Omit<RolloutAuditEntry, 'id' | 'at' | 'kind'>): Omit<RolloutAuditEntry, 'id' | 'at'> {
  return {
    kind: 'rollout',
    action: change.action,
    actor: { uid: change.actor.uid, name: change.actor.name, via: change.actor.via },
    subject: change.subject ? { id: change.subject.id, name: change.subject.name } : null,
    before: change.before,
    after: change.after,
  };
}

/** An intranet page a change is about (`pages/{pageId}`). */
export interface AuditPage {
  kind: 'page';
  pageId: string;
  url: string;
  title: string;
}

/** What the log keeps of a page around a change: whom it stands for, its announcement, its counts. */
export interface PageAuditState {
  aliasOf: string | null;
  announcement: string | null;
  comments: number;
  likes: number;
}

/**
 * A page's identity or announcement changed (functions/src/pages.ts): an alias added or removed, a
 * thread merged into another page or moved to a new URL, an announcement pinned or removed.
 * `target` is the page acted on (for alias: the old URL's page); `other` the page it now stands
 * for (alias, merge, move), else null. before → after are the target's; for a merge or move the
 * other page's counts before and after are in `otherBefore` / `otherAfter`.
 */
export interface PagesAuditEntry {
  id: string;
  at: number;
  kind: 'pages';
  action: ChangePageAction;
  actor: AuditActor;
  target: AuditPage;
  other: AuditPage | null;
  before: PageAuditState;
  after: PageAuditState;
  otherBefore: PageAuditState | null;
  otherAfter: PageAuditState | null;
}

export type AuditEntry = RolesAuditEntry | RolloutAuditEntry | PagesAuditEntry;

/**
 * A moderator's decision (functions/src/moderation/, the callable `moderate`): on which page and
 * comment, what, why. Never the author: the entry is the same whoever wrote the post. Written in
 * the decision's transaction; not yet one of AUDIT_KINDS (the console's filter) nor read back by
 * auditFromDoc — the console's audit view adds it when it shows moderation (issue 17, UI side).
 */
export interface ModerationAuditEntry {
  id: string;
  at: number;
  kind: 'moderation';
  action: 'keep' | 'hide' | 'restore' | 'approve' | 'reject' | 'note';
  actor: AuditActor;
  target: AuditPage & { commentId: string };
  reason: string | null;
}

/** The document the server writes for a moderation decision, without `at`. */
export function moderationAuditDoc(change: Omit<ModerationAuditEntry, 'id' | 'at' | 'kind'>): Omit<ModerationAuditEntry, 'id' | 'at'> {
  return {
    kind: 'moderation',
    action: change.action,
    actor: { uid: change.actor.uid, name: change.actor.name, via: change.actor.via },
    target: { kind: 'page', pageId: change.target.pageId, url: change.target.url, title: change.target.title, commentId: change.target.commentId },
    reason: change.reason,
  };
}

/** The document the server writes for a page change, without `at`. */
export function pagesAuditDoc(change: Omit<PagesAuditEntry, 'id' | 'at' | 'kind'>): Omit<PagesAuditEntry, 'id' | 'at'> {
  const page = (p: AuditPage): AuditPage => ({ kind: 'page', pageId: p.pageId, url: p.url, title: p.title });
  const state = (s: PageAuditState): PageAuditState => ({ aliasOf: s.aliasOf, announcement: s.announcement, comments: s.comments, likes: s.likes });
  return {
    kind: 'pages',
    action: change.action,
    actor: { uid: change.actor.uid, name: change.actor.name, via: change.actor.via },
    target: page(change.target),
    other: change.other ? page(change.other) : null,
    before: state(change.before),
    after: state(change.after),
    otherBefore: change.otherBefore ? state(change.otherBefore) : null,
    otherAfter: change.otherAfter ? state(change.otherAfter) : null,
  };
}

/** The document the server writes for a role change, without `at` (the server's own timestamp). */
export function rolesAuditDoc(change: Omit<RolesAuditEntry, 'id' | 'at' | 'kind'>): Omit<RolesAuditEntry, 'id' | 'at'> {
  return {
    kind: 'roles',
    action: change.action,
    actor: { uid: change.actor.uid, name: change.actor.name, via: change.actor.via },
    target: { kind: 'person', uid: change.target.uid, personId: change.target.personId, name: change.target.name },
    role: change.role,
    sections: [...change.sections],
    before: normalizeRoles(change.before),
    after: normalizeRoles(change.after),
  };
}

type Data = Record<string, unknown>;
const text = (value: unknown, max = 200): string => (typeof value === 'string' ? value.slice(0, max) : '');
const record = (value: unknown): Data => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : {});
const millis = (value: unknown): number => {
  const v = record(value);
  return typeof v.toMillis === 'function' ? (v.toMillis as () => number)() : 0;
};
const actorFrom = (value: unknown): AuditActor => {
  const actor = record(value);
  return {
    uid: typeof actor.uid === 'string' ? actor.uid : null,
    name: text(actor.name),
    via: (AUDIT_VIAS as readonly unknown[]).includes(actor.via) ? (actor.via as AuditVia) : 'command-line',
  };
};

function rolloutAuditFromDoc(id: string, data: Data): RolloutAuditEntry | null {
  if (!(ROLLOUT_AUDIT_ACTIONS as readonly unknown[]).includes(data.action)) return null;
  const subject = record(data.subject);
  const maybe = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : null);
  return {
    id,
    at: millis(data.at),
    kind: 'rollout',
    action: data.action as RolloutAuditAction,
    actor: actorFrom(data.actor),
    subject: typeof subject.id === 'string' ? { id: subject.id, name: text(subject.name) } : null,
    before: maybe(data.before),
    after: maybe(data.after),
  };
}

/** An audit document as an entry; null for a shape this client does not know (a newer kind, a broken one). */
export function auditFromDoc(id: string, data: Data): AuditEntry | null {
  if (data.kind === 'rollout') return rolloutAuditFromDoc(id, data);
  if (data.kind === 'pages') return pagesAuditFromDoc(id, data);
  if (data.kind !== 'roles') return null;
  const action = data.action === 'grant' || data.action === 'revoke' || data.action === 'set' ? data.action : null;
  const role = data.role;
  const knownRole = typeof role === 'string' && (ROLE_NAMES as readonly string[]).includes(role);
  if (!action || (action === 'set' ? role !== null : !knownRole)) return null;
  const target = record(data.target);
  return {
    id,
    at: millis(data.at),
    kind: 'roles',
    action,
    actor: actorFrom(data.actor),
    target: { kind: 'person', uid: typeof target.uid === 'string' ? target.uid : null, personId: text(target.personId, 64), name: text(target.name) },
    role: action === 'set' ? null : (role as RoleName),
    sections: Array.isArray(data.sections) ? data.sections.filter((s): s is string => typeof s === 'string').slice(0, 50) : [],
    before: normalizeRoles(data.before),
    after: normalizeRoles(data.after),
  };
}

const pageFrom = (value: unknown): AuditPage | null => {
  const page = record(value);
  return typeof page.pageId === 'string' ? { kind: 'page', pageId: text(page.pageId, 40), url: text(page.url, 2048), title: text(page.title, 300) } : null;
};

const pageStateFrom = (value: unknown): PageAuditState | null => {
  if (typeof value !== 'object' || value === null) return null;
  const s = record(value);
  const n = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : 0);
  return {
    aliasOf: typeof s.aliasOf === 'string' ? text(s.aliasOf, 40) : null,
    announcement: typeof s.announcement === 'string' ? text(s.announcement, 600) : null,
    comments: n(s.comments),
    likes: n(s.likes),
  };
};

function pagesAuditFromDoc(id: string, data: Data): PagesAuditEntry | null {
  const action = (CHANGE_PAGE_ACTIONS as readonly unknown[]).includes(data.action) ? (data.action as ChangePageAction) : null;
  const target = pageFrom(data.target);
  const before = pageStateFrom(data.before);
  const after = pageStateFrom(data.after);
  if (!action || !target || !before || !after) return null;
  return {
    id,
    at: typeof record(data.at).toMillis === 'function' ? (record(data.at).toMillis as () => number)() : 0,
    kind: 'pages',
    action,
    actor: actorFrom(data.actor),
    target,
    other: pageFrom(data.other),
    before,
    after,
    otherBefore: pageStateFrom(data.otherBefore),
    otherAfter: pageStateFrom(data.otherAfter),
  };
}
