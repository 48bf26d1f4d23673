// What a person is told when signing in fails (lib/data/session/sign-in.ts), the sign-in screen for
// each way an organisation signs in (components/session/SignIn.tsx), and the screen for an account
// that is not part of the organisation (components/session/NotMember.tsx).
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotMember } from '../../components/session/NotMember';
import { SignIn } from '../../components/session/SignIn';
import { t } from '../../lib/any/i18n';
import { signInError, type SignInProvider } from '../../lib/data/session/sign-in';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

const org = { orgName: 'Gemeente Lindeveen', membership: { domains: ['lindeveen.nl'] } };
/** A refusal by the membership function, as the Auth client reports it. */
const blocked = (reason: string) => ({
  code: 'auth/internal-error',
  message: `Firebase: BLOCKING_FUNCTION_ERROR_RESPONSE : ((HTTP request to http://127.0.0.1:5001/x returned HTTP error 403: {"error":{"message":"${reason}","status":"PERMISSION_DENIED"}})) (auth/internal-error).`,
});

describe('a failed sign-in', () => {
  it('tells someone outside the organisation which accounts belong to it', () => {
    const error = signInError(blocked('not-in-organisation'), org);
    expect(t(error.key, ...error.subs)).toBe(
      'This account is not part of Gemeente Lindeveen. Sign in with your work account (an address ending in @lindeveen.nl).',
    );
  });

  it("tells someone from another organisation's directory (identity provider tenant) which account to use", () => {
    const error = signInError(blocked('other-tenant'), org, 'oidc');
    expect(t(error.key, ...error.subs)).toBe(
      "This account comes from another organisation's directory, not from Gemeente Lindeveen's. Sign in with your work account of Gemeente Lindeveen.",
    );
  });

  it('tells a former colleague that the account can no longer sign in', () => {
    expect(signInError(blocked('former-colleague'), org).key).toBe('authErrorFormerColleague');
  });

  it('still explains a wrong password', () => {
    expect(signInError({ code: 'auth/invalid-credential', message: 'Firebase: Error (auth/invalid-credential).' }, org)).toEqual({
      key: 'authErrorInvalid',
      subs: [],
      code: 'auth/invalid-credential',
    });
  });

  it('names the code of an error it does not know', () => {
    const error = signInError({ code: 'auth/odd', message: '' }, org);
    expect(t(error.key, ...error.subs)).toContain('auth/odd');
  });
});

describe('an account that is not part of the organisation', () => {
  const screen = (reason?: 'not-in-organisation' | 'former-colleague') =>
    render(<NotMember email="jan@gmail.com" orgName="Gemeente Lindeveen" domains={['lindeveen.nl']} reason={reason} onSignOut={() => undefined} />);

  it('says who is signed in, that it is not a member, and how to fix it', () => {
    const html = screen('not-in-organisation');
    expect(html).toContain('This account is not part of Gemeente Lindeveen');
    expect(html).toContain('jan@gmail.com');
    expect(html).toContain('@lindeveen.nl');
    expect(html).toMatch(/<button type="button">Sign out<\/button>/);
  });

  it('tells a former colleague apart', () => {
    expect(screen('former-colleague')).toContain('no longer works at Gemeente Lindeveen');
  });

  it("tells an account from another organisation's directory apart", () => {
    const html = render(
      <NotMember email="jan@partner.nl" orgName="Gemeente Lindeveen" domains={['lindeveen.nl']} reason="other-tenant" onSignOut={() => undefined} />,
    );
    expect(html).toContain("an account from another organisation's directory");
    expect(html).toContain('jan@partner.nl');
  });
});

describe('the sign-in screen', () => {
  const oidc = { signIn: async () => null, resume: async () => false };
  const password = { signIn: async () => null };
  const signOut = async () => undefined;
  const screen = (provider: SignInProvider, lapsed?: { email: string | null }) => render(<SignIn provider={provider} lapsed={lapsed} />);

  it("offers the organisation's account first, in its own words, and the password second (the demo)", () => {
    const html = screen({
      oidc: { ...oidc, label: { nl: 'Inloggen met je Lindeveen-account', en: 'Sign in with your Lindeveen account' } },
      password,
      signOut,
    });
    const button = html.indexOf('<button type="button" class="sign-in-org-button"');
    expect(button).toBeGreaterThan(0);
    expect(html).toContain('>Sign in with your Lindeveen account</button>');
    expect(html.indexOf('Or sign in with email and password')).toBeGreaterThan(button);
    expect(html).toMatch(/<form class="sign-in" aria-labelledby="sign-in-password-title">/);
    expect(html).toMatch(/<button type="submit" class="secondary">Sign in<\/button>/);
  });

  it('names the button by default when the organisation file does not', () => {
    const html = screen({ oidc, signOut });
    expect(html).toContain('>Sign in with your organisation account</button>');
    expect(html).not.toContain('<form');
  });

  it('is only the password form for an organisation without an identity provider', () => {
    const html = screen({ password, signOut });
    expect(html).not.toContain('sign-in-org-button');
    expect(html).toMatch(/<form class="sign-in" aria-labelledby="sign-in-title">/);
    expect(html).toMatch(/<label for="sign-in-email">Work email<\/label>/);
  });

  it('says the session ended when it lapsed, and keeps the address', () => {
    const html = screen({ oidc, password, signOut }, { email: 'anna@lindeveen.nl' });
    expect(html).toContain('Your session has ended. Sign in again to continue.');
    expect(html).toContain('value="anna@lindeveen.nl"');
  });
});
