// A small pill that labels a person or a state: a role next to a name, "pending", "this helped".
// The tone says what kind of thing it is; the text always says it in words (colour is never alone).
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'leader';

export function Badge({
  tone = 'neutral',
  icon,
  class: extra = '',
  children,
}: {
  tone?: BadgeTone;
  icon?: IconName;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <span class={`badge ${tone === 'neutral' ? '' : tone} ${extra}`.trim()}>
      {icon && <Icon name={icon} />}
      {children}
    </span>
  );
}
