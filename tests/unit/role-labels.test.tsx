// The labels next to a name in threads and on person cards (components/people/RoleLabels.tsx).
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { RoleLabels } from '../../components/people/RoleLabels';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(useEnglishMessages);

describe('role labels', () => {
  it('shows management, community manager (with sections) and ambassador, and nothing for rights-only roles', () => {
    const html = render(<RoleLabels roles={{ leader: true, communityManager: ['HR', 'ICT'], ambassador: true, moderator: true, admin: true }} />);
    expect(html).toContain('management');
    expect(html).toContain('community manager HR, ICT');
    expect(html).toContain('ambassador');
    expect(render(<RoleLabels roles={{ moderator: true, comms: true, admin: true }} />)).toBe('');
  });
});
