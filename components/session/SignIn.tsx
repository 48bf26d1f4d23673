// The sign-in screen for the organisation's provider: the form that provider needs, its errors
// translated.
import { t } from '../../lib/any/i18n';
import type { SignInProvider } from '../../lib/data/session/sign-in';
import { SignInForm } from './SignInForm';

export function SignIn({ provider }: { provider: SignInProvider }) {
  switch (provider.method) {
    case 'password':
      return (
        <SignInForm
          onSignIn={async (email, password) => {
            const error = await provider.signIn(email, password);
            return error ? t(error.key, ...error.subs) : null;
          }}
        />
      );
  }
}
