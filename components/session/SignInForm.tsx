// E-mail and password sign-in (the demo's accounts live in the Auth emulator). The e-mail address
// may be held by the screen around it (SignIn.tsx), so the identity provider's button can suggest it.
import { useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';

export interface SignInFormProps {
  /** Resolves to an error message to show, or null when signed in. */
  onSignIn(email: string, password: string): Promise<string | null>;
  /** A heading of its own (below the identity provider's button); without one the screen's title labels it. */
  heading?: string;
  /** The e-mail address, when the screen holds it. */
  email?: string;
  onEmail?(email: string): void;
}

export function SignInForm({ onSignIn, heading, email: heldEmail, onEmail }: SignInFormProps) {
  const [ownEmail, setOwnEmail] = useState('');
  const email = heldEmail ?? ownEmail;
  const setEmail = onEmail ?? setOwnEmail;
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      class="sign-in"
      aria-labelledby={heading ? 'sign-in-password-title' : 'sign-in-title'}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(await onSignIn(email, password));
        setBusy(false);
      }}
    >
      {heading && <h3 id="sign-in-password-title">{heading}</h3>}
      <label for="sign-in-email">{t('email')}</label>
      <input id="sign-in-email" type="email" autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required />
      <label for="sign-in-password">{t('password')}</label>
      <input
        id="sign-in-password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        required
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class={heading ? 'secondary' : undefined} disabled={busy}>
        {busy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
