// The Firebase emulator hub's switch for the Functions emulator's background (Firestore) triggers.
// Sections that write server-side data themselves (people: the shards; cost: its meter runs the
// triggers in-process) turn them off, so triggers left running by an earlier section's writes
// cannot change documents while they measure.
export async function backgroundTriggers(on: boolean): Promise<void> {
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) throw new Error('no FIREBASE_EMULATOR_HUB: run through npm run bench');
  const res = await fetch(`http://${hub}/functions/${on ? 'enable' : 'disable'}BackgroundTriggers`, { method: 'PUT' });
  if (!res.ok) throw new Error(`emulator hub: ${res.status} ${await res.text()}`);
}
