// The small labels next to a name: "management", "community manager (HR)", "ambassador". Seeing
// management and the section's community manager take part is what makes others join in.
import { t } from '../../lib/any/i18n';
import { roleLabels, type Roles } from '../../lib/core/membership';

export function RoleLabels({ roles }: { roles: Roles | undefined }) {
  const labels = roleLabels(roles);
  if (labels.length === 0) return null;
  return (
    <>
      {labels.map((label) => (
        <span key={label} class={`role-label role-${label}`}>
          {label === 'leader'
            ? t('roleLeader')
            : label === 'ambassador'
              ? t('roleAmbassador')
              : t('roleCommunityManager', (roles?.communityManager ?? []).join(', '))}
        </span>
      ))}{' '}
    </>
  );
}
