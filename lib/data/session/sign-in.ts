// How a person signs in, behind one interface: the panel asks the organisation's provider and
// shows the form that provider needs. Extension pages only.
// Today: e-mail and password (the demo's accounts, in the Auth emulator). Enterprise sign-in
// (OIDC through chrome.identity.launchWebAuthFlow + signInWithCredential) is a second provider
// beside this one, chosen by the organisation config; nothing else changes.
import { signInWithEmailAndPassword, signOut, type Auth } from 'firebase/auth/web-extension';
import type { MessageKey } from '../../any/i18n';
import type { OrgConfig } from '../../any/org-config';

/** What went wrong, as an i18n key a person can act on with its substitutions, and the raw code for the log. */
export interface SignInError {
  key: MessageKey;
  subs: string[];
  code: string;
}

/** E-mail and password sign-in. */
export interface PasswordProvider {
  method: 'password';
  /** Resolves to null when signed in, or to what went wrong. */
  signIn(email: string, password: string): Promise<SignInError | null>;
  signOut(): Promise<void>;
}

/** Every sign-in method the panel knows; the union grows with OIDC. */
export type SignInProvider = PasswordProvider;

/** The provider the organisation configured. */
export function signInProvider(config: Pick<OrgConfig, 'signIn' | 'orgName' | 'membership'>, auth: Auth): SignInProvider {
  return passwordProvider(auth, config);
}

/** The password provider over Firebase Auth. */
export function passwordProvider(auth: Auth, org: Pick<OrgConfig, 'orgName' | 'membership'>): PasswordProvider {
  return {
    method: 'password',
    async signIn(email, password) {
      if (!email.trim() || !password) return { key: 'authErrorMissing', subs: [], code: '' };
      try {
        await signInWithEmailAndPassword(auth, email.trim(), password);
        return null;
      } catch (error) {
        return signInError(error, org);
      }
    },
    signOut: () => signOut(auth),
  };
}

/**
 * What to tell a person whose sign-in failed. A refusal by the organisation's membership check (a
 * blocking function on the server) reaches the client as a generic internal error whose message
 * carries the reason the server gave; that reason is picked out here.
 */
export function signInError(error: unknown, org: Pick<OrgConfig, 'orgName' | 'membership'>): SignInError {
  const code = String((error as { code?: unknown }).code ?? 'unknown');
  const message = String((error as { message?: unknown }).message ?? '');
  if (message.includes('former-colleague')) return { key: 'authErrorFormerColleague', subs: [], code };
  if (message.includes('not-in-organisation') || message.includes('no-email')) {
    return { key: 'authErrorNotMember', subs: [org.orgName, org.membership.domains.map((d) => `@${d}`).join(', ')], code };
  }
  const key = authErrorKey(code);
  return { key, subs: key === 'authErrorGeneric' ? [code] : [], code };
}

/** Maps a Firebase Auth error code to the message a person can act on. */
export function authErrorKey(code: string): MessageKey {
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/invalid-email':
    case 'auth/user-not-found':
    case 'auth/wrong-password':
    case 'auth/user-disabled':
      return 'authErrorInvalid';
    case 'auth/network-request-failed':
      return 'authErrorNetwork';
    case 'auth/too-many-requests':
      return 'authErrorTooMany';
    default:
      return 'authErrorGeneric';
  }
}
