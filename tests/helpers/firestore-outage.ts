// Real Firestore outages for end-to-end tests: stop the emulator's JVM and start it again, or
// freeze it (a server that accepts connections but never answers).
//
// The emulator was started by `firebase emulators:exec` (scripts/with-emulators.sh). To stop it
// we find the JVM that listens on its port (through /proc, no extra tools), export its data over
// the emulator's own REST API, kill it with SIGKILL, and later start the same command line again
// with `--seed_from_export`, so the restarted server holds what the old one held — as a real
// Firestore would after an outage. SIGKILL on purpose: firebase-tools only logs a warning when its
// child dies of a signal, but ends the whole run when it exits with an error code (as a JVM does
// on SIGTERM). The restarted JVM is ours: its pid goes to RESTARTED_PID_FILE, and
// scripts/with-emulators.sh stops it when the run ends.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { DEMO_PORTS } from '../../demo/ports';
import { waitFor } from '../../scripts/poll';

/** Where the pid of a restarted emulator goes; scripts/with-emulators.sh stops that process when the run ends. */
export const RESTARTED_PID_FILE = '/tmp/prikbord-restarted-firestore.pid';

const PORT = DEMO_PORTS.firestore;
const BASE = `http://127.0.0.1:${PORT}`;
const PROJECT = BUILD_ORG_CONFIG.firebase.projectId;

/** Inodes of the sockets listening on `port` (IPv4 and IPv6), from /proc/net/tcp*. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] = local address "IP:PORT", cols[3] = state (0A = LISTEN), cols[9] = inode.
      if (cols.length > 9 && cols[1]!.endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/** The pid of the process listening on `port`, or null. */
export function pidListeningOn(port: number): number | null {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        /* fd closed meanwhile */
      }
    }
  }
  return null;
}

function commandLine(pid: number): { argv: string[]; cwd: string } {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  return { argv, cwd: readlinkSync(`/proc/${pid}/cwd`) };
}

async function answers(): Promise<boolean> {
  try {
    await fetch(`${BASE}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** The emulator is a JVM, slow to stop and slower to start: ask every 200 ms, for up to a minute. */
const OUTAGE_WAIT = { timeoutMs: 60_000, intervalMs: 200 };

/** A Firestore emulator stopped by stopFirestore, ready to be started again. */
export interface StoppedFirestore {
  /** Starts the emulator again with the data it held when it was stopped. */
  start(): Promise<void>;
}

/** Stops the Firestore emulator for real (its process is gone, connections are refused). */
export async function stopFirestore(): Promise<StoppedFirestore> {
  const pid = pidListeningOn(PORT);
  if (pid === null) throw new Error(`no process listens on ${PORT}`);
  const { argv, cwd } = commandLine(pid);
  const dir = mkdtempSync(join(tmpdir(), 'prikbord-firestore-export-'));
  const exported = await fetch(`${BASE}/emulator/v1/projects/${PROJECT}:export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ database: `projects/${PROJECT}/databases/(default)`, export_directory: dir, export_name: 'outage' }),
  });
  if (!exported.ok) throw new Error(`export failed: ${exported.status} ${await exported.text()}`);
  process.kill(pid, 'SIGKILL');
  await waitFor(() => pidListeningOn(PORT) === null, { ...OUTAGE_WAIT, what: `port ${PORT} to be free` });
  await waitFor(async () => !(await answers()), { ...OUTAGE_WAIT, what: 'the emulator to stop answering' });

  return {
    async start() {
      const metadata = join(dir, 'outage', 'outage.overall_export_metadata');
      if (!existsSync(metadata)) throw new Error(`no export metadata at ${metadata}`);
      const args = argv.slice(1).filter((arg) => !arg.startsWith('--seed_from_export'));
      const child = spawn(argv[0]!, [...args, `--seed_from_export=${metadata}`], { cwd, detached: true, stdio: 'ignore' });
      child.unref();
      writeFileSync(RESTARTED_PID_FILE, String(child.pid));
      await waitFor(answers, { ...OUTAGE_WAIT, timeoutMs: 90_000, what: 'the restarted emulator to answer' });
      await registerFunctionTriggersAgain();
    },
  };
}

/**
 * The Functions emulator registers its Firestore triggers (functions/src/expertise.ts) with the
 * Firestore emulator once, at start, and the Firestore emulator keeps them in memory: a restarted
 * one has none, so no trigger would fire for the rest of the run (and the seed, which waits for the
 * triggers' evidence, would give up). The emulator hub loads them again: disable, then enable,
 * which registers every trigger anew. A real Firestore keeps its triggers through an outage.
 */
async function registerFunctionTriggersAgain(): Promise<void> {
  const hub = process.env.FIREBASE_EMULATOR_HUB; // set by `firebase emulators:exec`
  if (!hub) return;
  for (const path of ['/functions/disableBackgroundTriggers', '/functions/enableBackgroundTriggers']) {
    const response = await fetch(`http://${hub}${path}`, { method: 'PUT' });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }
}

/**
 * Freezes the emulator (SIGSTOP): connections are accepted by the kernel but nothing answers, as
 * with a server that hangs. Returns the function that lets it run again.
 */
export function freezeFirestore(): () => void {
  const pid = pidListeningOn(PORT);
  if (pid === null) throw new Error(`no process listens on ${PORT}`);
  process.kill(pid, 'SIGSTOP');
  return () => process.kill(pid, 'SIGCONT');
}
