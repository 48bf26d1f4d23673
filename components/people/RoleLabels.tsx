// The small labels next to a name: "management", "community manager (HR)", "ambassador". Seeing
// management and the section's community manager take part is what makes others join in.
import { t } from '../../lib/any/i18n';
import { roleLabels, type Roles } from '../../lib/core/membership';

/** `pilotAmbassador`: an ambassador of a running pilot group (lib/core/rollout.ts), labelled as one. */
export function RoleLabels({ roles, pilotAmbassador = false }: { roles: Roles | undefined; pilotAmbassador?: boolean }) {
  const labels = roleLabels(pilotAmbassador ? { ...roles, ambassador: true } : roles);
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
