// A member's profile, kept by the server from the directory: at every sign-in the blocking function
// (membership.ts) copies the person's directory entry into `profiles/{uid}` (only the identity
// fields, and only when something differs) and notes the uid on the entry. The member's own fields
// (skills, languages, opt-out) are never touched here. A member the directory does not know gets a
// minimal profile once: their name and e-mail address.
import { FieldValue } from 'firebase-admin/firestore';
import { entryFromDoc, identityChanges, identityFromEntry, minimalIdentity, OWN_PROFILE_DEFAULTS, type DirectoryEntry } from '../../lib/core/directory';
import { paths } from '../../lib/core/paths';
import { db } from './admin';

/**
 * The directory entry of an e-mail address, if the directory knows it. An address can have an old
 * entry (someone who left and came back under a new employee id): the active one counts.
 */
export async function directoryEntryByEmail(email: string): Promise<DirectoryEntry | undefined> {
  const snap = await db.collection(paths.directory()).where('email', '==', email.trim().toLowerCase()).limit(10).get();
  const entries = snap.docs.map((doc) => entryFromDoc(doc.id, doc.data()));
  return entries.find((entry) => entry.active) ?? entries[0];
}

/** Brings `profiles/{uid}` in line with the directory entry (or creates a minimal one); writes only what differs. */
export async function syncProfile(uid: string, email: string, tokenName: string | undefined, entry: DirectoryEntry | undefined): Promise<void> {
  const ref = db.doc(paths.profile(uid));
  const profile = await ref.get();
  // A new profile reaches colleagues through the directory feed (its updatedAt), and the shards at
  // their next rebuild (functions/src/directory-shards.ts).
  const create = async (fields: object) => {
    await ref.set({ ...fields, ...OWN_PROFILE_DEFAULTS, updatedAt: FieldValue.serverTimestamp() });
  };
  if (!entry) {
    // Not in the directory (a domain match or an allow-listed address): a name to show, once.
    if (!profile.exists) await create(minimalIdentity(email, tokenName));
    return;
  }
  const identity = identityFromEntry(entry);
  if (!profile.exists) {
    await create(identity);
  } else {
    const changes = identityChanges(profile.data() ?? {}, identity);
    // update() replaces each changed field whole: a role taken away does not linger in a merged map.
    if (Object.keys(changes).length > 0) await ref.update({ ...changes, updatedAt: FieldValue.serverTimestamp() });
  }
  if (entry.uid !== uid) await db.doc(paths.directoryEntry(entry.personId)).update({ uid, updatedAt: FieldValue.serverTimestamp() });
}
