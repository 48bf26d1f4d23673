// Starts the Auth, Firestore and Functions emulators as a child process (for the demo and the bench; the tests
// use `firebase emulators:exec` through scripts/with-emulators.sh). Offline machines use the
// Cloud SDK's Firestore jar through the launcher that scripts/emulators-env.sh prepares.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { BUILD_ORG_CONFIG } from '../lib/any/bundled-org-config';
import { DEMO_PORTS } from '../demo/ports';
import { waitFor } from './poll';

const ROOT = resolve(import.meta.dirname, '..');

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

/** Emulators started by startEmulators, and the way to stop them. */
export interface Emulators {
  stop(): Promise<void>;
}

/** Starts the emulators and resolves once Auth, Firestore and Functions answer (within 2 minutes). */
export async function startEmulators(log: (line: string) => void = () => undefined): Promise<Emulators> {
  const command = `source scripts/emulators-env.sh && prikbord_prepare_functions && prikbord_quiet_emulator_logs && exec npx firebase emulators:start --config firebase/firebase.json --only "$PRIKBORD_EMULATORS" --project ${BUILD_ORG_CONFIG.firebase.projectId}`;
  const child: ChildProcess = spawn('bash', ['-c', command], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // The Functions emulator's port answers seconds before it has loaded the functions; an account
  // made in between passes no blocking function (no membership claims, no profile). firebase-tools
  // says when everything is loaded.
  let ready = false;
  const watch = (line: string) => {
    if (/All emulators ready/.test(line)) ready = true;
    log(line);
  };
  child.stdout?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(watch));
  child.stderr?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(watch));
  await waitFor(
    async () => {
      const ports = [DEMO_PORTS.firestore, DEMO_PORTS.auth, DEMO_PORTS.functions];
      if (ready && (await Promise.all(ports.map((port) => reachable(`http://127.0.0.1:${port}/`)))).every(Boolean)) return true;
      if (child.exitCode !== null) throw new Error('The emulators stopped during start-up (see the lines above).');
      return false;
    },
    { timeoutMs: 120_000, intervalMs: 500, what: 'the Auth, Firestore and Functions emulators to answer' },
  );
  return {
    async stop() {
      if (child.exitCode !== null) return;
      // The whole process group: firebase-tools plus the Java emulator it started.
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        return;
      }
      await new Promise((r) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
          r(null);
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          r(null);
        });
      });
    },
  };
}
