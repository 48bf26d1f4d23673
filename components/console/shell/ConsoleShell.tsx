// The console's frame: who is signed in, the sections as a navigation, and the section shown. A
// skip link leads past the navigation; after moving to another section, focus goes to its heading,
// so a screen reader announces where you are and the keyboard starts there.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import type { ConsoleSection, ConsoleSectionId } from './sections';

export interface ConsoleShellProps {
  orgName: string;
  name: string;
  onSignOut(): void;
  sections: ConsoleSection[];
  current: ConsoleSectionId;
  children: ComponentChildren;
}

export function ConsoleShell({ orgName, name, onSignOut, sections, current, children }: ConsoleShellProps) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Not on the first render: a page that has just opened keeps the browser's own start.
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [current]);
  const skip = (event: Event) => {
    event.preventDefault();
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  };
  return (
    <div class="console">
      <a class="skip-link" href="#main" onClick={skip}>
        {t('consoleSkipToContent')}
      </a>
      <header class="console-header">
        <p class="brand">
          <span class="product">{t('consoleTitle')}</span> <span class="org">{orgName}</span>
        </p>
        <p class="who">
          {t('signedInAs', name)}{' '}
          <button type="button" class="link" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </p>
      </header>
      <div class="console-body">
        <nav class="console-nav" aria-label={t('consoleNavLabel')}>
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} aria-current={section.id === current ? 'page' : undefined}>
                  {t(section.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} class="console-main">
          {children}
        </main>
      </div>
    </div>
  );
}
