// What a person is told when signing in fails (lib/data/session/sign-in.ts), and the screen for an
// account that is not part of the organisation (components/session/NotMember.tsx).
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotMember } from '../../components/session/NotMember';
import { t } from '../../lib/any/i18n';
import { signInError } from '../../lib/data/session/sign-in';
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
});
