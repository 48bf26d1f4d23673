// What a person is told when signing in fails, whatever the way in (password or the organisation's
// identity provider): an i18n key with its substitutions, and the raw code for the log.
import type { MessageKey } from '../../any/i18n';
import type { OrgConfig } from '../../any/org-config';

/** What went wrong, as an i18n key a person can act on with its substitutions, and the raw code for the log. */
export interface SignInError {
  key: MessageKey;
  subs: string[];
  code: string;
}

/** How the person tried to sign in. */
export type SignInMethod = 'password' | 'oidc';

/**
 * What to tell a person whose sign-in failed. A refusal by the organisation's membership check (a
 * blocking function on the server) reaches the client as a generic internal error whose message
 * carries the reason the server gave; that reason is picked out here.
 */
export function signInError(error: unknown, org: Pick<OrgConfig, 'orgName' | 'membership'>, method: SignInMethod = 'password'): SignInError {
  const code = String((error as { code?: unknown }).code ?? 'unknown');
  const message = String((error as { message?: unknown }).message ?? '');
  if (message.includes('former-colleague')) return { key: 'authErrorFormerColleague', subs: [], code };
  if (message.includes('other-tenant')) return { key: 'authErrorOtherTenant', subs: [org.orgName], code };
  if (message.includes('not-in-organisation') || message.includes('no-email')) {
    return { key: 'authErrorNotMember', subs: [org.orgName, org.membership.domains.map((d) => `@${d}`).join(', ')], code };
  }
  const key = authErrorKey(code, method);
  return { key, subs: key === 'authErrorGeneric' || key === 'authErrorOidcRefused' ? [code] : [], code };
}

/** Maps a Firebase Auth error code to the message a person can act on. */
export function authErrorKey(code: string, method: SignInMethod = 'password'): MessageKey {
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/invalid-email':
    case 'auth/user-not-found':
    case 'auth/wrong-password':
    case 'auth/user-disabled':
    case 'auth/operation-not-allowed':
    case 'auth/missing-or-invalid-nonce':
      // Through the identity provider these mean Firebase did not accept the provider's token (or the
      // account is switched off): nothing the person typed was wrong, their IT department can tell.
      return method === 'oidc' ? 'authErrorOidcRefused' : 'authErrorInvalid';
    case 'auth/network-request-failed':
      return 'authErrorNetwork';
    case 'auth/too-many-requests':
      return 'authErrorTooMany';
    default:
      return 'authErrorGeneric';
  }
}
