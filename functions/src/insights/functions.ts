// Insights' Cloud Functions:
//  - insightsReport (callable): the report for a query — comms and administrators only; the only
//    way insights leave the server, already aggregated and suppressed below K people.
//  - recomputeInsights (callable): rolls a range of days up now ("recompute now" in the console,
//    and what the demo and the tests use); comms and administrators.
//  - insightsRollup (scheduled, hourly): today again (yesterday once more after midnight), the people table once a day,
//    and reading events past their retention deleted.
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import type { Day, InsightsQuery, InsightsReport } from '../../../lib/core/insights/model';
import { dayOf } from '../../../lib/core/insights/plan';
import { membershipFromClaims } from '../../../lib/core/membership';
import { paths } from '../../../lib/core/paths';
import { db } from '../admin';
import { readPeopleTable, refreshPeopleTable } from './people-table';
import { reportFor } from './report-source';
import { deleteOldEvents, rollupDays } from './rollup';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The longest period one report covers (and one recompute redoes). */
export const MAX_PERIOD_DAYS = 400;

const isDay = (v: unknown): v is Day => typeof v === 'string' && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const spanDays = (from: Day, to: Day) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The query as sent, checked; throws invalid-argument. */
export function parseQuery(raw: unknown): InsightsQuery {
  const bad = () => new HttpsError('invalid-argument', 'invalid-request', { reason: 'invalid-request' });
  if (typeof raw !== 'object' || raw === null) throw bad();
  const q = raw as Record<string, unknown>;
  if (!isDay(q.from) || !isDay(q.to) || q.from > q.to || spanDays(q.from, q.to) > MAX_PERIOD_DAYS) throw bad();
  const section = q.section === null || q.section === undefined ? null : typeof q.section === 'string' && q.section.length <= 60 ? q.section : undefined;
  if (section === undefined) throw bad();
  const pageId = typeof q.pageId === 'string' && /^p_[0-9a-f]{24}$/.test(q.pageId) ? q.pageId : null;
  const cohort = typeof q.cohort === 'string' && q.cohort.length <= 120 ? q.cohort : 'all';
  const hours =
    typeof q.unansweredAfterHours === 'number' && Number.isFinite(q.unansweredAfterHours)
      ? Math.min(Math.max(Math.round(q.unansweredAfterHours), 0), 24 * 90)
      : 48;
  return { from: q.from, to: q.to, section, pageId, cohort, unansweredAfterHours: hours };
}

function requireComms(auth: { token: Record<string, unknown> } | undefined): void {
  if (!auth) throw new HttpsError('unauthenticated', 'signed-out', { reason: 'signed-out' });
  const { member, roles } = membershipFromClaims(auth.token);
  if (!member || !(roles.comms || roles.admin)) throw new HttpsError('permission-denied', 'not-allowed', { reason: 'not-allowed' });
}

export const insightsReport = onCall<unknown, Promise<InsightsReport>>({ memory: '1GiB' }, async (request) => {
  requireComms(request.auth);
  const query = parseQuery(request.data);
  try {
    return await reportFor(db, query);
  } catch (error) {
    logger.error('insightsReport failed', { error: String(error) });
    throw new HttpsError('internal', 'failed', { reason: 'failed' });
  }
});

export const recomputeInsights = onCall<unknown, Promise<{ days: number }>>({ memory: '1GiB', timeoutSeconds: 540 }, async (request) => {
  requireComms(request.auth);
  const raw = (request.data ?? {}) as Record<string, unknown>;
  if (!isDay(raw.from) || !isDay(raw.to) || raw.from > raw.to || spanDays(raw.from, raw.to) > MAX_PERIOD_DAYS)
    throw new HttpsError('invalid-argument', 'invalid-request', { reason: 'invalid-request' });
  const to = raw.to > dayOf(Date.now()) ? dayOf(Date.now()) : raw.to;
  if (raw.from > to) return { days: 0 };
  const outcome = await rollupDays(db, raw.from, to);
  logger.info('insights recomputed', { from: raw.from, to, ...outcome });
  return { days: outcome.days };
});

/**
 * Today again, every hour; yesterday once more in the first run after midnight (for what arrived
 * late), then never again: redoing it hourly would read the whole day's facts 24 times. The people
 * table is refreshed when a day old.
 */
export async function scheduledRollup(now = Date.now()): Promise<void> {
  const today = dayOf(now);
  const yesterday = dayOf(now - 86_400_000);
  const state = await db.doc(paths.insightState('rollup')).get();
  const closed = state.get('closedDay');
  const from = typeof closed === 'string' && closed >= yesterday ? today : yesterday;
  const table = await readPeopleTable(db);
  const people = now - table.refreshedAt > 86_400_000 ? await refreshPeopleTable(db, now) : table.people;
  const outcome = await rollupDays(db, from, today, { people, now });
  if (from === yesterday) await db.doc(paths.insightState('rollup')).set({ closedDay: yesterday }, { merge: true });
  const deleted = await deleteOldEvents(db, now);
  logger.info('insights rollup', { from, ...outcome, deletedEvents: deleted });
}

export const insightsRollup = onSchedule({ schedule: 'every 60 minutes', timeZone: 'Europe/Amsterdam', memory: '1GiB', timeoutSeconds: 540 }, async () => {
  await scheduledRollup();
});
