// The audit log: every change to roles, newest first, 50 at a time, of one kind or all. Who made
// it (a name and whether in the console or at the command line), when, about whom, and the roles
// before and after. Read only: nobody can edit or delete an entry (the rules say so).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '../../../lib/any/i18n';
import { AUDIT_KINDS, type AuditEntry, type AuditKind, type AuditVia, type RolloutAuditAction } from '../../../lib/core/audit';
import { fullDateTime } from '../../../lib/core/time';
import type { AuditFeed, AuditFeedState } from '../../../lib/data/console/audit';
import { useConsole } from '../console-services';
import { roleWithSections, rolesText } from '../roles/role-text';
import { storedSettingText } from '../rollout/rollout-text';

const KIND_LABELS: Record<AuditKind, MessageKey> = { roles: 'consoleAuditKindRoles', rollout: 'consoleAuditKindRollout' };
const ROLLOUT_ACTION_LABELS: Record<RolloutAuditAction, MessageKey> = {
  rest: 'consoleAuditRolloutRest',
  section: 'consoleAuditRolloutSection',
  removeSection: 'consoleAuditRolloutRemoveSection',
  group: 'consoleAuditRolloutGroup',
  removeGroup: 'consoleAuditRolloutRemoveGroup',
};
const VIA_LABELS: Record<AuditVia, MessageKey> = {
  console: 'consoleAuditViaConsole',
  'command-line': 'consoleAuditViaCommandLine',
  'directory-import': 'consoleAuditViaImport',
};

export function AuditView() {
  const { watchAudit } = useConsole();
  const [kind, setKind] = useState<AuditKind | null>(null);
  const [state, setState] = useState<AuditFeedState>({ entries: [], loaded: false, hasOlder: false, error: null });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const feed = useRef<AuditFeed | null>(null);
  const table = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    setState({ entries: [], loaded: false, hasOlder: false, error: null });
    const current = watchAudit(kind, setState);
    feed.current = current;
    return () => current.stop();
  }, [kind]);

  const older = async () => {
    if (!feed.current || loadingOlder) return;
    const shown = state.entries.length;
    setLoadingOlder(true);
    try {
      const added = await feed.current.loadOlder();
      // Focus the first entry revealed, so the keyboard continues where the new entries start.
      if (added > 0) setTimeout(() => table.current?.querySelectorAll<HTMLElement>('tr')[shown]?.focus(), 0);
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('consoleNavAudit')}</h1>
      <p class="intro">{t('consoleAuditIntro')}</p>
      <div class="filters">
        <label for="audit-kind">{t('consoleAuditShow')}</label>
        <select id="audit-kind" value={kind ?? ''} onChange={(event) => setKind((event.currentTarget.value || null) as AuditKind | null)}>
          <option value="">{t('consoleAuditKindAll')}</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABELS[k])}
            </option>
          ))}
        </select>
      </div>
      {state.error ? (
        <p class="error" role="alert">
          {state.error === 'denied' ? t('consoleAuditDenied') : t('consoleAuditFailed')}
        </p>
      ) : !state.loaded ? (
        <p class="empty" aria-busy="true">
          {t('consoleLoading')}
        </p>
      ) : state.entries.length === 0 ? (
        <p class="empty">{kind ? t('consoleAuditEmptyKind') : t('consoleAuditEmpty')}</p>
      ) : (
        <>
          {/* A narrow window scrolls the table sideways; the region is focusable so the keyboard can scroll it too. */}
          <div class="table-scroll" role="region" aria-label={t('consoleAuditCaption')} tabIndex={0}>
            <table class="audit">
              <caption class="visually-hidden">{t('consoleAuditCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consoleAuditWhen')}</th>
                  <th scope="col">{t('consoleAuditWho')}</th>
                  <th scope="col">{t('consoleAuditWhat')}</th>
                  <th scope="col">{t('consoleAuditBefore')}</th>
                  <th scope="col">{t('consoleAuditAfter')}</th>
                </tr>
              </thead>
              <tbody ref={table}>
                {state.entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          {state.hasOlder ? (
            <button type="button" class="secondary more" disabled={loadingOlder} onClick={() => void older()}>
              {loadingOlder ? t('consoleLoading') : t('consoleAuditOlder')}
            </button>
          ) : (
            <p class="muted">{t('consoleAuditAllShown')}</p>
          )}
        </>
      )}
    </>
  );
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();
/** "25 Nov 2026, 18:53": the log's column stays narrow; the full date is in the tooltip. */
function shortDateTime(at: number, language: string): string {
  let format = shortFormats.get(language);
  if (!format) shortFormats.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(at);
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const language = uiLanguage();
  return (
    <tr tabIndex={-1}>
      <td>
        {entry.at ? (
          <time dateTime={new Date(entry.at).toISOString()} title={fullDateTime(entry.at, language)}>
            {shortDateTime(entry.at, language)}
          </time>
        ) : (
          '…'
        )}
      </td>
      <td>
        {entry.actor.name || t('consoleAuditUnknownActor')}
        <br />
        <span class="muted">{t(VIA_LABELS[entry.actor.via])}</span>
      </td>
      {entry.kind === 'roles' ? <RolesCells entry={entry} /> : <RolloutCells entry={entry} />}
    </tr>
  );
}

function RolesCells({ entry }: { entry: Extract<AuditEntry, { kind: 'roles' }> }) {
  const label = entry.role ? roleWithSections(entry.role, entry.role === 'moderator' && entry.sections.length === 0 ? true : entry.sections) : '';
  return (
    <>
      <td>
        {entry.action === 'grant'
          ? t('consoleAuditGranted', label, entry.target.name)
          : entry.action === 'revoke'
            ? t('consoleAuditRevoked', label, entry.target.name)
            : t('consoleAuditSet', entry.target.name)}
      </td>
      <td>{rolesText(entry.before)}</td>
      <td>{rolesText(entry.after)}</td>
    </>
  );
}

function RolloutCells({ entry }: { entry: Extract<AuditEntry, { kind: 'rollout' }> }) {
  return (
    <>
      <td>{t(ROLLOUT_ACTION_LABELS[entry.action], entry.subject?.name ?? '')}</td>
      <td>{storedSettingText(entry.before)}</td>
      <td>{storedSettingText(entry.after)}</td>
    </>
  );
}
