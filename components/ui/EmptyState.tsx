// What a view shows when it has nothing yet: an icon, one line that says so, and what to do next.
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

export function EmptyState({ icon, title, children, class: extra = '' }: { icon: IconName; title: string; children?: ComponentChildren; class?: string }) {
  return (
    <div class={`empty-state ${extra}`.trim()}>
      <span class="empty-icon">
        <Icon name={icon} />
      </span>
      <p class="empty-title">{title}</p>
      {children}
    </div>
  );
}
