// The server's own view of the data, read over the Firestore emulator's REST API as the project
// owner (rules do not apply): what tests compare the browsers against.
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { emulatorUrls } from '../../scripts/seed';

const DOCUMENTS = () => `${emulatorUrls().firestore}/v1/projects/${BUILD_ORG_CONFIG.firebase.projectId}/databases/(default)/documents`;
const OWNER = { Authorization: 'Bearer owner', 'Content-Type': 'application/json' };

type RestValue = Record<string, unknown>;

/** A REST value as plain JS (the types our documents use). */
function plain(value: RestValue): unknown {
  if ('stringValue' in value) return value.stringValue;
  if ('integerValue' in value) return Number(value.integerValue);
  if ('doubleValue' in value) return Number(value.doubleValue);
  if ('booleanValue' in value) return value.booleanValue;
  if ('nullValue' in value) return null;
  if ('timestampValue' in value) return value.timestampValue;
  if ('arrayValue' in value) return ((value.arrayValue as { values?: RestValue[] }).values ?? []).map(plain);
  if ('mapValue' in value) return fields((value.mapValue as { fields?: Record<string, RestValue> }).fields);
  return undefined;
}

function fields(raw: Record<string, RestValue> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw ?? {}).map(([key, value]) => [key, plain(value)]));
}

/** One document's fields, or null when it does not exist. */
export async function serverDoc(path: string): Promise<Record<string, unknown> | null> {
  const response = await fetch(`${DOCUMENTS()}/${path}`, { headers: OWNER });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return fields(((await response.json()) as { fields?: Record<string, RestValue> }).fields);
}

/** Every comment document of a page, with its id. */
export async function serverComments(pageId: string): Promise<Array<Record<string, unknown> & { id: string }>> {
  const response = await fetch(`${DOCUMENTS()}/pages/${pageId}:runQuery`, {
    method: 'POST',
    headers: OWNER,
    body: JSON.stringify({ structuredQuery: { from: [{ collectionId: 'comments' }] } }),
  });
  if (!response.ok) throw new Error(`comments of ${pageId}: ${response.status} ${await response.text()}`);
  const rows = (await response.json()) as Array<{ document?: { name: string; fields?: Record<string, RestValue> } }>;
  return rows.flatMap((row) => (row.document ? [{ ...fields(row.document.fields), id: row.document.name.split('/').pop()! }] : []));
}

/**
 * Empties one person's comment rate window (at most 10 comments a minute, firebase/firestore.rules),
 * as a minute's wait would: for tests whose one person posts more than that on purpose.
 */
export async function resetRateWindow(uid: string): Promise<void> {
  const response = await fetch(`${DOCUMENTS()}/rate/${uid}`, { method: 'DELETE', headers: OWNER });
  if (!response.ok) throw new Error(`DELETE rate/${uid}: ${response.status} ${await response.text()}`);
}
