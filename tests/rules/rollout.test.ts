// firebase/firestore.rules: rollout (config/rollout) as a boundary. Proves: writing a comment,
// editing one, liking and posting anonymously happen only where the caller's setting is "on" with
// that feature — the rest of the intranet, a section by prefix, a page set itself (which beats
// its section), a pilot limited to running groups by department or by person; a soft delete and
// taking a like back stay allowed everywhere; moderators scoped to a section read its reports only;
// members read the document and nobody writes it.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, getDoc, increment, serverTimestamp, setDoc, Timestamp, updateDoc, writeBatch, type Firestore } from 'firebase/firestore';
import { NO_ROLLOUT, type Features, type Rollout } from '../../lib/core/rollout';
import { applyRolloutEdit, type GroupInput, type RolloutEdit, type SectionInput } from '../../lib/core/rollout-edit';
import { ANNA, BRAM } from '../helpers/fixtures';
import {
  addRateMove,
  commentPath,
  dbAs,
  dbNonMember,
  newComment,
  newId,
  PAGE_ID,
  PAGE_TITLE,
  PAGE_URL,
  pagePath,
  postComment,
  seed,
  seedPageWithOneComment,
  startRulesEnv,
  storedComment,
  storedPage,
} from '../helpers/rules-env';

let env: RulesTestEnvironment;
const anna = () => dbAs(env, ANNA.uid);
const bram = () => dbAs(env, BRAM.uid);

// PAGE_URL is http://intranet.lindeveen.local/ict/helpdesk.html
const ORIGIN = new URL(PAGE_URL).origin;
const ICT = `${ORIGIN}/ict/`;
const ALL: Features = { comments: true, likes: true, anonymous: true, experts: true };
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

function section(overrides: Partial<SectionInput> = {}): SectionInput {
  return { name: 'ICT', kind: 'section', prefixes: [ICT], pages: [], mode: 'on', features: ALL, pilotGroups: [], othersSee: 'off', ...overrides };
}

function group(overrides: Partial<GroupInput> = {}): GroupInput {
  return {
    name: 'ICT-pilot',
    members: { people: [], departments: ['Bedrijfsvoering > ICT'] },
    from: day(-1),
    until: day(30),
    control: null,
    ambassadors: [],
    ...overrides,
  };
}

/** Stores the rollout that these edits make, as changeRollout stores it (dates as timestamps). */
async function seedRollout(...edits: RolloutEdit[]): Promise<Rollout> {
  let rollout = NO_ROLLOUT;
  for (const edit of edits) rollout = applyRolloutEdit(rollout, edit).rollout;
  const groups = Object.fromEntries(
    Object.entries(rollout.groups).map(([id, g]) => [id, { ...g, fromAt: Timestamp.fromMillis(g.fromAt), untilAt: Timestamp.fromMillis(g.untilAt) }]),
  );
  await seed(env, { 'config/rollout': { rest: rollout.rest, sections: rollout.sections, groups, index: rollout.index, updatedAt: Timestamp.now() } });
  return rollout;
}

const rest = (mode: 'off' | 'read' | 'on', features: Partial<Features> = {}): RolloutEdit => ({ op: 'rest', mode, features: { ...ALL, ...features } });
const newSection = (overrides: Partial<SectionInput> = {}): RolloutEdit => ({ op: 'section', id: null, section: section(overrides) });
const newGroup = (overrides: Partial<GroupInput> = {}): RolloutEdit => ({ op: 'group', id: null, group: group(overrides) });

const post = (db: Firestore, who: typeof ANNA, label: string) => postComment(db, who, { commentId: newId(label) });

async function postAnonymously(db: Firestore, uid: string, label: string) {
  const commentId = newId(label);
  const { authorUid: _uid, authorName: _name, ...rest } = newComment(ANNA);
  const batch = writeBatch(db);
  await addRateMove(db, batch, uid, `${PAGE_ID}/${commentId}`);
  batch.set(doc(db, commentPath(commentId)), { ...rest, anonymous: true });
  batch.set(doc(db, `commentOwners/${commentId}`), { uid, pageId: PAGE_ID, createdAt: serverTimestamp() });
  batch.set(
    doc(db, pagePath()),
    { url: PAGE_URL, title: PAGE_TITLE, commentCount: increment(1), likeCount: increment(0), lastCommentId: commentId, updatedAt: serverTimestamp() },
    { merge: true },
  );
  return batch.commit();
}

/** Likes the page (on) or takes it back (off), as the client does. */
function likePage(db: Firestore, who: typeof ANNA, active: boolean) {
  const id = `page_${who.uid}`;
  const batch = writeBatch(db);
  batch.set(doc(db, `${pagePath()}/likes/${id}`), { targetId: 'page', uid: who.uid, name: who.displayName, active, updatedAt: serverTimestamp() });
  batch.update(doc(db, pagePath()), { likeCount: increment(active ? 1 : -1), lastLikeId: id, updatedAt: serverTimestamp() });
  return batch.commit();
}

beforeAll(async () => {
  env = await startRulesEnv();
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  // Anna works at the ICT helpdesk, Bram in Communicatie.
  await seed(env, {
    [`profiles/${ANNA.uid}`]: {
      displayName: ANNA.displayName,
      department: 'Helpdesk',
      departmentPath: ['Bedrijfsvoering', 'ICT', 'Helpdesk'],
      personId: 'LV2001',
    },
    [`profiles/${BRAM.uid}`]: {
      displayName: BRAM.displayName,
      department: 'Communicatie',
      departmentPath: ['Bestuur en staf', 'Communicatie'],
      personId: 'LV2002',
    },
  });
});

describe('config/rollout itself', () => {
  it('members read it; a non-member does not', async () => {
    await seedRollout(rest('on'));
    await assertSucceeds(getDoc(doc(anna(), 'config/rollout')));
    await assertFails(getDoc(doc(dbNonMember(env, 'stranger'), 'config/rollout')));
  });

  it('nobody writes it from a client: not a member, not comms, not an administrator', async () => {
    await seedRollout(rest('on'));
    for (const roles of [{}, { comms: true }, { admin: true }]) {
      const db = dbAs(env, ANNA.uid, { roles });
      await assertFails(setDoc(doc(db, 'config/rollout'), { rest: { mode: 'on', features: ALL } }));
      await assertFails(updateDoc(doc(db, 'config/rollout'), { 'rest.mode': 'on' }));
    }
  });
});

describe('the rest of the intranet', () => {
  it('no rollout document: comments as before', async () => {
    await assertSucceeds(post(anna(), ANNA, 'c1'));
  });

  it('on: a comment is allowed', async () => {
    await seedRollout(rest('on'));
    await assertSucceeds(post(anna(), ANNA, 'c1'));
  });

  it('off, or read only: a comment is refused', async () => {
    await seedRollout(rest('off'));
    await assertFails(post(anna(), ANNA, 'c1'));
    await seedRollout(rest('read'));
    await assertFails(post(anna(), ANNA, 'c2'));
  });

  it('on without comments: a comment is refused, a like still allowed', async () => {
    await seedRollout(rest('on', { comments: false }));
    await assertFails(post(anna(), ANNA, 'c1'));
    await seed(env, { [pagePath()]: storedPage(0, 'none') });
    await assertSucceeds(likePage(anna(), ANNA, true));
  });
});

describe('sections and pages', () => {
  it('a section off under a rest that is on: refused on its pages', async () => {
    await seedRollout(rest('on'), newSection({ mode: 'off' }));
    await assertFails(post(anna(), ANNA, 'c1'));
  });

  it('a section on under a rest that is off: allowed on its pages', async () => {
    await seedRollout(rest('off'), newSection({ mode: 'on' }));
    await assertSucceeds(post(anna(), ANNA, 'c1'));
  });

  it('the deepest prefix decides: /ict/ on beats the origin off', async () => {
    await seedRollout(rest('on'), newSection({ name: 'Alles', prefixes: [`${ORIGIN}/`], mode: 'off' }), newSection({ mode: 'on' }));
    await assertSucceeds(post(anna(), ANNA, 'c1'));
  });

  it('a page set itself beats its section', async () => {
    await seedRollout(rest('on'), newSection({ mode: 'off' }), newSection({ name: 'Helpdesk', kind: 'page', prefixes: [], pages: [PAGE_URL], mode: 'on' }));
    await assertSucceeds(post(anna(), ANNA, 'c1'));
    await seedRollout(rest('on'), newSection({ mode: 'on' }), newSection({ name: 'Helpdesk', kind: 'page', prefixes: [], pages: [PAGE_URL], mode: 'read' }));
    await assertFails(post(anna(), ANNA, 'c2'));
  });

  it('anonymous posting off in a section: anonymous refused, named allowed', async () => {
    await seedRollout(rest('on'), newSection({ features: { ...ALL, anonymous: false } }));
    await assertFails(postAnonymously(anna(), ANNA.uid, 'a1'));
    await assertSucceeds(post(anna(), ANNA, 'c1'));
  });

  it('anonymous posting on in the section: allowed', async () => {
    await seedRollout(rest('on'), newSection());
    await assertSucceeds(postAnonymously(anna(), ANNA.uid, 'a1'));
  });

  it('likes off: a like refused, taking one back allowed', async () => {
    await seed(env, { [pagePath()]: storedPage(0, 'none', { likeCount: 1, lastLikeId: `page_${ANNA.uid}` }) });
    await seed(env, {
      [`${pagePath()}/likes/page_${ANNA.uid}`]: { targetId: 'page', uid: ANNA.uid, name: ANNA.displayName, active: true, updatedAt: Timestamp.now() },
    });
    await seedRollout(rest('on'), newSection({ features: { ...ALL, likes: false } }));
    await assertFails(likePage(bram(), BRAM, true));
    await assertSucceeds(likePage(anna(), ANNA, false));
  });

  it('read only: an author cannot edit their comment but can still delete it', async () => {
    await seedPageWithOneComment(env);
    await seedRollout(rest('on'), newSection({ mode: 'read' }));
    const db = anna();
    await assertFails(updateDoc(doc(db, commentPath('c1')), { text: 'Bewerkt', editedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
    const batch = writeBatch(db);
    batch.update(doc(db, commentPath('c1')), { deleted: true, text: '', updatedAt: serverTimestamp() });
    batch.update(doc(db, pagePath()), { commentCount: increment(-1), lastCommentId: 'c1', updatedAt: serverTimestamp() });
    await assertSucceeds(batch.commit());
  });
});

describe('pilots', () => {
  const pilotSection = (othersSee: 'off' | 'read' = 'off') => newSection({ pilotGroups: ['g-ICT-pilot'], othersSee });

  it('a member of the pilot department may write; a colleague outside it may not', async () => {
    await seedRollout(rest('off'), newGroup(), pilotSection());
    await assertSucceeds(post(anna(), ANNA, 'c1'));
    await assertFails(post(bram(), BRAM, 'c2'));
  });

  it('others who see it read only still cannot write', async () => {
    await seedRollout(rest('off'), newGroup(), pilotSection('read'));
    await assertFails(post(bram(), BRAM, 'c1'));
  });

  it('a person named in the group may write, whatever their department', async () => {
    await seedRollout(rest('off'), newGroup({ members: { people: [BRAM.uid], departments: [] } }), pilotSection());
    await assertSucceeds(post(bram(), BRAM, 'c1'));
    await assertFails(post(anna(), ANNA, 'c2'));
  });

  it('before its start and after its end, the group writes nothing', async () => {
    await seedRollout(rest('off'), newGroup({ from: day(2), until: day(9) }), pilotSection());
    await assertFails(post(anna(), ANNA, 'c1'));
    await seedRollout(rest('off'), newGroup({ from: day(-9), until: day(-2) }), pilotSection());
    await assertFails(post(anna(), ANNA, 'c2'));
  });

  it('a department name is matched whole: "Bedrijfsvoering > IC" is not ICT', async () => {
    await seedRollout(rest('off'), newGroup({ members: { people: [], departments: ['Bedrijfsvoering > IC'] } }), pilotSection());
    await assertFails(post(anna(), ANNA, 'c1'));
  });

  it('any of up to three groups lets one in (the third one here)', async () => {
    await seedRollout(
      rest('off'),
      newGroup({ name: 'Een', members: { people: ['someone-else-1'], departments: [] } }),
      newGroup({ name: 'Twee', members: { people: ['someone-else-2'], departments: [] } }),
      newGroup({ name: 'Drie', members: { people: [BRAM.uid], departments: [] } }),
      newSection({ pilotGroups: ['g-Een', 'g-Twee', 'g-Drie'] }),
    );
    await assertSucceeds(post(bram(), BRAM, 'c1'));
  });
});

describe('moderators scoped to sections', () => {
  // Hiding is the callable `moderate`'s now (tests/integration/moderation.test.ts); what the rules
  // scope is reading: the reports of a page and its held posts (tests/rules/moderation.test.ts has the rest).
  const reportPath = `reports/${PAGE_ID}_c1_${BRAM.uid}`;
  beforeEach(async () => {
    await seed(env, {
      [commentPath('c1')]: storedComment(ANNA),
      [pagePath()]: storedPage(1, 'c1'),
      [reportPath]: { pageId: PAGE_ID, commentId: 'c1', uid: BRAM.uid, reason: 'spam', text: '', createdAt: Timestamp.now() },
    });
    await seedRollout(rest('on'), newSection());
  });

  it("a moderator of the page's section reads its reports", async () => {
    await assertSucceeds(getDoc(doc(dbAs(env, 'iris-uid', { roles: { moderator: ['ICT'] } }), reportPath)));
  });

  it('a moderator of another section does not, nor may either hide from the client', async () => {
    await assertFails(getDoc(doc(dbAs(env, 'iris-uid', { roles: { moderator: ['HR'] } }), reportPath)));
    const db = dbAs(env, 'iris-uid', { roles: { moderator: ['ICT'] } });
    const hide = writeBatch(db);
    hide.update(doc(db, commentPath('c1')), { deleted: true, text: '', moderated: true, updatedAt: serverTimestamp() });
    hide.update(doc(db, pagePath()), { commentCount: increment(-1), lastCommentId: 'c1', updatedAt: serverTimestamp() });
    await assertFails(hide.commit());
  });
});

describe('a comms advisor reads nothing personal', () => {
  it("not someone's anonymous owner link, rate window, directory entry or the membership lists", async () => {
    await seed(env, {
      'commentOwners/a1': { uid: BRAM.uid, pageId: PAGE_ID, createdAt: Timestamp.now() },
      [`rate/${BRAM.uid}`]: { windowStart: Timestamp.now(), count: 1, last: `${PAGE_ID}/a1` },
      'directory/LV1002': { displayName: BRAM.displayName, email: 'bram@lindeveen.nl' },
      'config/membership': { allow: [], deny: [] },
    });
    for (const roles of [{ comms: true }, { comms: true, admin: true }]) {
      const comms = dbAs(env, ANNA.uid, { roles });
      await assertFails(getDoc(doc(comms, 'commentOwners/a1')));
      await assertFails(getDoc(doc(comms, `rate/${BRAM.uid}`)));
      await assertFails(getDoc(doc(comms, 'directory/LV1002')));
      await assertFails(getDoc(doc(comms, 'config/membership')));
    }
    // What the console needs: rollout, readable like any member.
    await seedRollout(rest('on'));
    await assertSucceeds(getDoc(doc(dbAs(env, ANNA.uid, { roles: { comms: true } }), 'config/rollout')));
  });
});
