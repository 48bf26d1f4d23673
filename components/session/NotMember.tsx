// Shown to someone signed in with an account that does not belong to the organisation (or no
// longer does): what is wrong, and the one thing to do about it. The rules refuse such an
// account everything anyway; this says so plainly instead of showing empty or failing screens.
import { t } from '../../lib/any/i18n';
import type { NotMemberReason } from '../../lib/core/membership';
import { useServices } from '../app/services';

export interface NotMemberProps {
  email: string;
  orgName: string;
  domains: string[];
  reason: NotMemberReason | undefined;
  onSignOut(): void;
}

export function NotMember({ email, orgName, domains, reason, onSignOut }: NotMemberProps) {
  return (
    <section class="not-member" aria-labelledby="not-member-title">
      <h1 id="not-member-title">{t('notMemberTitle', orgName)}</h1>
      <p>
        {reason === 'former-colleague'
          ? t('notMemberFormer', email, orgName)
          : reason === 'other-tenant'
            ? t('notMemberOtherTenant', email, orgName)
            : t('notMemberBody', email, orgName, domains.map((domain) => `@${domain}`).join(', '))}
      </p>
      <button type="button" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </section>
  );
}

/** NotMember for this page's signed-in person and organisation (the side panel's and the console's). */
export function NotMemberOfOrganisation({ email, reason }: Pick<NotMemberProps, 'email' | 'reason'>) {
  const { session, config } = useServices();
  return (
    <NotMember email={email} orgName={config.orgName} domains={config.membership.domains} reason={reason} onSignOut={() => void session.provider.signOut()} />
  );
}
