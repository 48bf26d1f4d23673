// The Admin SDK, initialised once for every function in this package. In the emulator the
// FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST variables point it at the emulators.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

if (getApps().length === 0) initializeApp();

/** Firestore as the server: the rules do not apply to it. */
export const db = getFirestore();
/** Auth as the server: custom claims, disabling leavers. */
export const auth = getAuth();
