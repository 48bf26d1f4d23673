// firebase/firestore.rules: `timeline/{pageId}`, the "What's happening" feed. Proves: a member reads
// the entries of sections they may see (on, read only; a pilot's section only in a running group,
// or when others read along), by get and by a query that pins sectionKey (== or in); an entry of a
// section that is off for them can't be read by get, by a query for that section, by an `in` that
// includes it, or by a query without a sectionKey filter; the rest of the intranet ('_rest')
// follows its own mode; non-members read nothing; nobody writes an entry, not even an administrator.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, Timestamp, updateDoc, where, type Firestore } from 'firebase/firestore';
import { NO_ROLLOUT } from '../../lib/core/rollout';
import { applyRolloutEdit, type GroupInput, type RolloutEdit } from '../../lib/core/rollout-edit';
import { ANNA, BRAM } from '../helpers/fixtures';
import { dbAs, dbNonMember, PAST, seed, startRulesEnv } from '../helpers/rules-env';
import { ORIGIN, restEdit, sectionEdit } from '../helpers/rollout-edits';

let env: RulesTestEnvironment;
const anna = () => dbAs(env, ANNA.uid); // HR
const bram = () => dbAs(env, BRAM.uid); // Communicatie

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

const section = sectionEdit;
const rest = restEdit;
const hrGroup = (overrides: Partial<GroupInput> = {}): RolloutEdit => ({
  op: 'group',
  id: null,
  group: {
    name: 'HR-pilot',
    members: { people: [], departments: ['Bedrijfsvoering > HR'] },
    from: day(-1),
    until: day(30),
    control: null,
    ambassadors: [],
    ...overrides,
  },
});

/** Stores the rollout these edits make, as changeRollout does (pilot dates as timestamps). */
async function seedRollout(...edits: RolloutEdit[]): Promise<void> {
  let rollout = NO_ROLLOUT;
  for (const edit of edits) rollout = applyRolloutEdit(rollout, edit).rollout;
  const groups = Object.fromEntries(
    Object.entries(rollout.groups).map(([id, g]) => [id, { ...g, fromAt: Timestamp.fromMillis(g.fromAt), untilAt: Timestamp.fromMillis(g.untilAt) }]),
  );
  await seed(env, { 'config/rollout': { rest: rollout.rest, sections: rollout.sections, groups, index: rollout.index, updatedAt: Timestamp.now() } });
}

/** A timeline entry as the functions store it. */
function entry(pageId: string, sectionKey: string) {
  return {
    pageId,
    url: `${ORIGIN}/${sectionKey === '_rest' ? 'overig' : sectionKey.toLowerCase()}/${pageId}.html`,
    title: pageId,
    sectionKey,
    latest: { commentId: 'c1', excerpt: 'Hallo', anonymous: false, authorName: 'Anna', at: 1 },
    comments: 1,
    likes: 0,
    people: [],
    openQuestion: false,
    leaderTakingPart: false,
    communityManagerTakingPart: false,
    recentCommentsAt: [1],
    removed: false,
    updatedAt: PAST,
  };
}

const entries = (db: Firestore) => collection(db, 'timeline');
const inSection = (db: Firestore, key: string) => getDocs(query(entries(db), where('sectionKey', '==', key), where('updatedAt', '>', Timestamp.fromMillis(0))));
const inSections = (db: Firestore, keys: string[]) =>
  getDocs(query(entries(db), where('sectionKey', 'in', keys), where('updatedAt', '>', Timestamp.fromMillis(0))));

beforeAll(async () => {
  // A project of its own: in PROJECT_ID the timeline's rollout trigger would re-key the seeded entries.
  env = await startRulesEnv('demo-prikbord-timeline-rules');
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [`profiles/${ANNA.uid}`]: { displayName: ANNA.displayName, department: 'HR', departmentPath: ['Bedrijfsvoering', 'HR'] },
    [`profiles/${BRAM.uid}`]: { displayName: BRAM.displayName, department: 'Communicatie', departmentPath: ['Bestuur en staf', 'Communicatie'] },
    'timeline/p_hr': entry('p_hr', 'HR'),
    'timeline/p_ict': entry('p_ict', 'ICT'),
    'timeline/p_rest': entry('p_rest', '_rest'),
  });
});

describe('reading the timeline', () => {
  it('no rollout document: every member reads every entry, a non-member none', async () => {
    await assertSucceeds(getDocs(entries(anna())));
    await assertSucceeds(getDoc(doc(anna(), 'timeline/p_hr')));
    await assertFails(getDocs(entries(dbNonMember(env, 'stranger'))));
    await assertFails(getDoc(doc(dbNonMember(env, 'stranger'), 'timeline/p_hr')));
  });

  it('a section switched off: its entries can be neither got nor listed, not even inside an `in` or without a section filter', async () => {
    await seedRollout(rest('on'), section('HR', { mode: 'off' }), section('ICT'));
    await assertFails(getDoc(doc(anna(), 'timeline/p_hr')));
    await assertFails(inSection(anna(), 'HR'));
    await assertFails(inSections(anna(), ['ICT', 'HR']));
    await assertFails(getDocs(entries(anna())));
    await assertFails(getDocs(query(entries(anna()), where('updatedAt', '>', Timestamp.fromMillis(0)))));
    // The sections that are on stay readable, one by one and together.
    await assertSucceeds(getDoc(doc(anna(), 'timeline/p_ict')));
    await assertSucceeds(inSection(anna(), 'ICT'));
    await assertSucceeds(inSections(anna(), ['ICT', '_rest']));
  });

  it('read only is readable, like on', async () => {
    await seedRollout(rest('off'), section('HR', { mode: 'read' }));
    await assertSucceeds(getDoc(doc(bram(), 'timeline/p_hr')));
    await assertSucceeds(inSection(bram(), 'HR'));
  });

  it('the rest of the intranet follows its own mode', async () => {
    await seedRollout(rest('off'), section('HR'));
    await assertFails(getDoc(doc(anna(), 'timeline/p_rest')));
    await assertFails(inSection(anna(), '_rest'));
    await seedRollout(rest('read'), section('HR'));
    await assertSucceeds(inSection(anna(), '_rest'));
    await assertSucceeds(inSections(anna(), ['_rest', 'HR']));
  });

  it('an entry of a section that does not exist (any more) is nobody’s to read', async () => {
    await seedRollout(rest('on'), section('ICT'));
    await assertFails(getDoc(doc(anna(), 'timeline/p_hr')));
    await assertFails(inSection(anna(), 'HR'));
  });

  it('a pilot: the running group reads it; others do not, unless they read along', async () => {
    await seedRollout(rest('off'), hrGroup(), section('HR', { pilotGroups: ['g-HR-pilot'], othersSee: 'off' }));
    await assertSucceeds(inSection(anna(), 'HR'));
    await assertSucceeds(getDoc(doc(anna(), 'timeline/p_hr')));
    await assertFails(inSection(bram(), 'HR'));
    await assertFails(getDoc(doc(bram(), 'timeline/p_hr')));

    await seedRollout(rest('off'), hrGroup(), section('HR', { pilotGroups: ['g-HR-pilot'], othersSee: 'read' }));
    await assertSucceeds(inSection(bram(), 'HR'));
  });

  it('a pilot that has ended lets its group in no longer', async () => {
    await seedRollout(rest('off'), hrGroup({ from: day(-20), until: day(-2) }), section('HR', { pilotGroups: ['g-HR-pilot'], othersSee: 'off' }));
    await assertFails(inSection(anna(), 'HR'));
  });
});

describe('writing the timeline', () => {
  it('nobody writes an entry from a client: not a member, not comms, not an administrator', async () => {
    for (const roles of [{}, { comms: true }, { admin: true }, { moderator: true }]) {
      const db = dbAs(env, ANNA.uid, { roles });
      await assertFails(setDoc(doc(db, 'timeline/p_new'), entry('p_new', '_rest')));
      await assertFails(setDoc(doc(db, 'timeline/p_rest'), entry('p_rest', '_rest')));
      await assertFails(updateDoc(doc(db, 'timeline/p_rest'), { removed: true }));
      await assertFails(deleteDoc(doc(db, 'timeline/p_rest')));
    }
  });
});
