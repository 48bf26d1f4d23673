// A person's initial avatar: initials on a colour derived from their uid (lib/core/avatar.ts). An
// anonymous post gets one neutral mark, the same for every anonymous author: nothing about the
// author (not even a colour) is derived from anything on it. Decorative: the name beside it is read.
import { avatarColour, initials } from '../../lib/core/avatar';
import { Icon } from './Icon';

export type AvatarProps = { size?: 'small' | 'medium' | 'large' } & ({ anonymous: true } | { anonymous?: false; uid: string; name: string });

export function Avatar(props: AvatarProps) {
  const size = props.size === 'small' ? ' small' : props.size === 'large' ? ' large' : '';
  if (props.anonymous) {
    return (
      <span class={`avatar anonymous${size}`} aria-hidden="true">
        <Icon name="mask" />
      </span>
    );
  }
  return (
    <span class={`avatar${size}`} style={{ background: avatarColour(props.uid) }} aria-hidden="true">
      {initials(props.name)}
    </span>
  );
}
