// Email and password sign-in (the demo's accounts live in the Auth emulator).
import { useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';

export interface SignInFormProps {
  /** Resolves to an error message to show, or null when signed in. */
  onSignIn(email: string, password: string): Promise<string | null>;
}

export function SignInForm({ onSignIn }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      class="sign-in"
      aria-labelledby="sign-in-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(await onSignIn(email, password));
        setBusy(false);
      }}
    >
      <h2 id="sign-in-title">{t('signInTitle')}</h2>
      <p>{t('signInIntro')}</p>
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
      <button type="submit" disabled={busy}>
        {busy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
