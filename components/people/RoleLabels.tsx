// The small labels next to a name: "management", "community manager (HR)", "ambassador". Seeing
// management and the section's community manager take part is what makes others join in. Each a
// Badge with its own tone, so a leader's reply stands out from a colleague's without reading it.
import { t } from '../../lib/any/i18n';
import { roleLabels, type Roles } from '../../lib/core/membership';
import { Badge } from '../ui/Badge';

/** `pilotAmbassador`: an ambassador of a running pilot group (lib/core/rollout.ts), labelled as one. */
export function RoleLabels({ roles, pilotAmbassador = false }: { roles: Roles | undefined; pilotAmbassador?: boolean }) {
  const labels = roleLabels(pilotAmbassador ? { ...roles, ambassador: true } : roles);
  if (labels.length === 0) return null;
  return (
    <>
      {labels.map((label) =>
        label === 'leader' ? (
          <Badge key={label} tone="leader" class="role-label role-leader">
            {t('roleLeader')}
          </Badge>
        ) : label === 'ambassador' ? (
          <Badge key={label} tone="accent" class="role-label role-ambassador">
            {t('roleAmbassador')}
          </Badge>
        ) : (
          <Badge key={label} tone="success" class="role-label role-communityManager">
            {t('roleCommunityManager', (roles?.communityManager ?? []).join(', '))}
          </Badge>
        ),
      )}
    </>
  );
}
