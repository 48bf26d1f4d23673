// Changing a role from the comms console: the callable function `changeRole`
// (functions/src/console.ts), which checks that the caller is an administrator, changes the
// directory entry, profile and token, and writes the audit entry. Only the console's bundle
// imports this file, so `firebase/functions` never reaches the side panel or the worker.
import type { FirebaseApp } from 'firebase/app';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import type { FirebaseSettings } from '../../any/org-config';
import type { ChangeRoleRequest, ChangeRoleResponse } from '../../core/console';
import type { RoleChangeProblem } from '../../core/role-change';

/** Why a change did not happen: the function's reasons, or the way there. Nothing was changed in any case. */
export type RoleChangeFailure = RoleChangeProblem | 'offline' | 'signed-out' | 'failed';

export type RoleChangeOutcome = { ok: true; result: ChangeRoleResponse } | { ok: false; problem: RoleChangeFailure };

export interface RolesApi {
  change(request: ChangeRoleRequest): Promise<RoleChangeOutcome>;
}

const PROBLEMS: readonly string[] = [
  'invalid-request',
  'invalid-role',
  'invalid-section',
  'sections-not-allowed',
  'sections-required',
  'granted-everywhere',
  'last-admin',
  'not-in-directory',
  'not-admin',
] satisfies RoleChangeProblem[];

/** The functions of this organisation's project, in its region (the emulator's in the demo and tests). */
export function consoleFunctions(app: FirebaseApp, settings: FirebaseSettings): Functions {
  const functions = getFunctions(app, settings.region ?? 'us-central1');
  if (settings.emulators?.functionsPort) connectFunctionsEmulator(functions, settings.emulators.firestoreHost, settings.emulators.functionsPort);
  return functions;
}

/** What a failed call means for the person at the console. */
export function roleChangeFailure(error: unknown): RoleChangeFailure {
  const { code, details, message } = (error ?? {}) as { code?: string; details?: unknown; message?: string };
  const reason = (details as { reason?: unknown } | undefined)?.reason ?? message;
  if (typeof reason === 'string' && PROBLEMS.includes(reason)) return reason as RoleChangeProblem;
  if (code === 'functions/unauthenticated') return 'signed-out';
  // A request that never reached the server reads as 'internal' too: the browser knows when it is offline.
  if (code === 'functions/unavailable' || code === 'functions/deadline-exceeded' || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return 'offline';
  }
  if (code === 'functions/permission-denied') return 'not-admin';
  return 'failed';
}

/** The console's role changes through the `changeRole` function. */
export function rolesApi(functions: Functions): RolesApi {
  const call = httpsCallable<ChangeRoleRequest, ChangeRoleResponse>(functions, 'changeRole', { timeout: 30_000 });
  return {
    async change(request) {
      try {
        return { ok: true, result: (await call(request)).data };
      } catch (error) {
        return { ok: false, problem: roleChangeFailure(error) };
      }
    },
  };
}
