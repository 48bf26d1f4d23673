// How a person signs in, as the organisation configured it (signIn in the organisation file): its
// identity provider (OIDC: Entra ID or any other, oidc.ts), e-mail and password, or both (the
// demo). The panel shows the ways this object offers; the session (session.ts) uses `resume` to
// sign a person in again when their session lapses, and everyone signs out the same way.
// Extension pages only.
import { signInWithEmailAndPassword, signOut, type Auth } from 'firebase/auth/web-extension';
import type { OrgConfig } from '../../any/org-config';
import { firebaseOidcDeps, oidcSignIn, type OidcDeps, type OidcSignIn } from './oidc';
import { markSignedOut, signedOutOnPurpose } from './remembered-user';
import { signInError, type SignInError } from './sign-in-errors';

export { authErrorKey, signInError, type SignInError } from './sign-in-errors';
export type { OidcSignIn } from './oidc';

/** E-mail and password sign-in. */
export interface PasswordSignIn {
  /** Resolves to null when signed in, or to what went wrong. */
  signIn(email: string, password: string): Promise<SignInError | null>;
}

/** The ways this organisation signs in, and signing out. */
export interface SignInProvider {
  /** The organisation's identity provider, when it has one: shown first. */
  oidc?: OidcSignIn;
  /** E-mail and password, when the organisation offers them. */
  password?: PasswordSignIn;
  /** Signs out of Prikbord on this browser profile (not out of the identity provider). */
  signOut(): Promise<void>;
  /**
   * Signs a person whose session lapsed in again without showing anything, when a way in allows
   * it (the identity provider's own session); resolves true when it did. Absent: there is no such way.
   */
  resume?(person: { uid: string; email: string | null }): Promise<boolean>;
}

/** The providers the organisation configured, over Firebase Auth. */
export function signInProvider(
  config: Pick<OrgConfig, 'signIn' | 'orgName' | 'membership'>,
  auth: Auth,
  local: Pick<OidcDeps, 'uiLanguage'>,
  oidcDeps: (settings: NonNullable<OrgConfig['signIn']['oidc']>) => OidcDeps = (settings) => firebaseOidcDeps(auth, settings, { ...local, signedOutOnPurpose }),
): SignInProvider {
  const oidc = config.signIn.oidc ? oidcSignIn(oidcDeps(config.signIn.oidc), config) : undefined;
  return {
    ...(oidc ? { oidc, resume: (person) => oidc.resume(person) } : {}),
    ...(config.signIn.password ? { password: passwordSignIn(auth, config) } : {}),
    async signOut() {
      // First, so every extension page that sees the session end knows it was on purpose (no silent sign-in back).
      markSignedOut();
      await signOut(auth);
    },
  };
}

/** The password provider over Firebase Auth. */
export function passwordSignIn(auth: Auth, org: Pick<OrgConfig, 'orgName' | 'membership'>): PasswordSignIn {
  return {
    async signIn(email, password) {
      if (!email.trim() || !password) return { key: 'authErrorMissing', subs: [], code: '' };
      try {
        await signInWithEmailAndPassword(auth, email.trim(), password);
        return null;
      } catch (error) {
        return signInError(error, org);
      }
    },
  };
}
