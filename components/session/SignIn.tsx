// The sign-in screen, which is also what a signed-out person sees of Prikbord: what it is, and
// one clear action, "Sign in to join the conversation" (the same words as the launcher in the
// page); members-only rules mean no thread and no counts before that. Then the organisation's
// identity provider first (its button, "Sign in with your
// Lindeveen account"), then e-mail and password when the organisation offers them (the demo offers
// both). Every error is translated; what was typed stays. After a session lapsed and could not be
// renewed silently, it says so, and the provider is told who was signed in (login_hint).
import { useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/any/i18n';
import type { OidcSignIn, SignInProvider } from '../../lib/data/session/sign-in';
import { SignInForm } from './SignInForm';

export interface SignInProps {
  provider: SignInProvider;
  /** The person whose session ended without a sign-out, if any. */
  lapsed?: { email: string | null } | null;
}

export function SignIn({ provider, lapsed }: SignInProps) {
  const [email, setEmail] = useState(lapsed?.email ?? '');
  const { oidc, password } = provider;
  return (
    <section class="sign-in-screen" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('signInTitle')}</h2>
      {lapsed && (
        <p class="notice lapsed" role="status">
          {t('sessionLapsed')}
        </p>
      )}
      <p id="sign-in-about">{t('signInAbout')}</p>
      <p>{t('signInIntro')}</p>
      {oidc && <OrgSignIn oidc={oidc} loginHint={email.trim() || undefined} />}
      {password && (
        <SignInForm
          heading={oidc ? t('signInPasswordTitle') : undefined}
          email={email}
          onEmail={setEmail}
          onSignIn={async (typed, secret) => {
            const error = await password.signIn(typed, secret);
            return error ? t(error.key, ...error.subs) : null;
          }}
        />
      )}
    </section>
  );
}

/** The button that opens the identity provider's sign-in window, and what came of it. */
export function OrgSignIn({ oidc, loginHint }: { oidc: OidcSignIn; loginHint?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = oidc.label?.[uiLanguage() === 'nl' ? 'nl' : 'en'] ?? t('signInWithOrg');
  return (
    <div class="sign-in-org">
      <button
        type="button"
        class="sign-in-org-button"
        // Not disabled while busy: a disabled button drops the keyboard focus.
        aria-disabled={busy}
        aria-describedby={error ? 'sign-in-org-error' : undefined}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setError(null);
          const failed = await oidc.signIn(loginHint);
          setError(failed ? t(failed.key, ...failed.subs) : null);
          setBusy(false);
        }}
      >
        {label}
      </button>
      {busy && (
        <p class="notice" role="status">
          {t('signInWithOrgBusy')}
        </p>
      )}
      {error && (
        <p class="error" role="alert" id="sign-in-org-error">
          {error}
        </p>
      )}
    </div>
  );
}
