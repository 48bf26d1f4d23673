// "Mensen / People": experts for the page on screen, "wie weet iets van …? / who knows about …?"
// search, the department directory and a person's card. Everything reads the local index (Dexie),
// so it answers instantly and offline. Profile text is rendered as Preact text only (never markup).
import { useMemo, useState } from 'preact/hooks';
import { departmentTree, ExpertIndex, type DepartmentNode, type Expert, type Reason } from '../../lib/core/expertise';
import { t } from '../../lib/any/i18n';
import { RoleLabels } from './RoleLabels';
import type { EvidenceRow, PersonRow } from '../../lib/core/rows';
import { Avatar } from '../ui/Avatar';
import { EmptyState } from '../ui/EmptyState';

export interface PeopleViewProps {
  people: PersonRow[];
  evidence: EvidenceRow[];
  /** The page on screen, if any: its id and its own words (title, thread). */
  page: { pageId: string; text: string } | null;
  me: string | null;
}

export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'declared':
      return t('reasonDeclared', reason.skills.join(', '));
    case 'answered':
      return reason.count === 1 ? t('reasonAnsweredOne', reason.pages.join(', ')) : t('reasonAnswered', reason.count, reason.pages.join(', '));
    case 'thisPage':
      return t('reasonThisPage', reason.count);
    case 'helpful':
      return t('reasonHelpful', reason.count);
    case 'likes':
      return reason.count === 1 ? t('reasonLikesOne') : t('reasonLikes', reason.count);
  }
}

function ExpertList({ experts, label, onOpen }: { experts: Expert[]; label: string; onOpen(p: PersonRow): void }) {
  return (
    <ol class="experts" aria-label={label}>
      {experts.map((e) => (
        <li key={e.person.uid} class="expert">
          <Avatar uid={e.person.uid} name={e.person.displayName} />
          <div>
            <button type="button" class="link person-name" onClick={() => onOpen(e.person)}>
              {e.person.displayName}
            </button>
            {e.person.jobTitle && <span class="muted"> · {e.person.jobTitle}</span>}
            <p class="reasons">{e.reasons.map(reasonText).join(' · ')}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function PersonCard({ person, onClose, idPrefix = 'person-card' }: { person: PersonRow; onClose(): void; idPrefix?: string }) {
  return (
    <section class="person-card" role="dialog" aria-labelledby={`${idPrefix}-name`}>
      <div class="person-card-head">
        <Avatar uid={person.uid} name={person.displayName} size="large" />
        <div>
          <h2 id={`${idPrefix}-name`}>{person.displayName}</h2>
          <p class="person-labels">
            <RoleLabels roles={person.roles} />
            {person.active === false && <span class="former-colleague">{t('formerColleague')}</span>}
          </p>
        </div>
      </div>
      <dl>
        {person.jobTitle && (
          <>
            <dt>{t('profileJobTitle')}</dt>
            <dd>{person.jobTitle}</dd>
          </>
        )}
        <dt>{t('profileDepartment')}</dt>
        <dd>{person.departmentPath.join(' › ') || '—'}</dd>
        {person.location && (
          <>
            <dt>{t('profileLocation')}</dt>
            <dd>{person.location}</dd>
          </>
        )}
        {person.languages.length > 0 && (
          <>
            <dt>{t('profileLanguages')}</dt>
            <dd>{person.languages.join(', ')}</dd>
          </>
        )}
        {person.skills.length > 0 && (
          <>
            <dt>{t('profileSkills')}</dt>
            <dd>{person.skills.join(', ')}</dd>
          </>
        )}
      </dl>
      <button type="button" class="secondary" onClick={onClose} autoFocus>
        {t('close')}
      </button>
    </section>
  );
}

function DepartmentBranch({ node, onOpen }: { node: DepartmentNode; onOpen(p: PersonRow): void }) {
  const total = (n: DepartmentNode): number => n.members.length + n.children.reduce((s, c) => s + total(c), 0);
  return (
    <li>
      <details>
        <summary>
          {node.name} <span class="muted">({total(node)})</span>
        </summary>
        {node.members.length > 0 && (
          <ul class="members">
            {node.members.map((m) => (
              <li key={m.uid} class="person-row">
                <Avatar uid={m.uid} name={m.displayName} size="small" />
                <span class="who-line">
                  <button type="button" class="link person-name" onClick={() => onOpen(m)}>
                    {m.displayName}
                  </button>
                  {m.jobTitle && <span class="muted"> · {m.jobTitle}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
        {node.children.length > 0 && (
          <ul class="departments">
            {node.children.map((c) => (
              <DepartmentBranch key={c.name} node={c} onOpen={onOpen} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

export function PeopleView({ people, evidence, page }: PeopleViewProps) {
  const index = useMemo(() => new ExpertIndex(people, evidence), [people, evidence]);
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [open, setOpen] = useState<PersonRow | null>(null);
  const [showDirectory, setShowDirectory] = useState(false);
  const suggestions = useMemo(() => (page ? index.forPage(page.pageId, page.text) : []), [index, page?.pageId, page?.text]);
  const results = useMemo(() => (asked === null ? [] : index.find(asked)), [index, asked]);
  const tree = useMemo(() => departmentTree(people), [people]);

  if (open) return <PersonCard person={open} onClose={() => setOpen(null)} />;

  return (
    <div class="people">
      {page && (
        <section class="page-experts" aria-labelledby="page-experts-title">
          <h2 id="page-experts-title">{t('pageExpertsTitle')}</h2>
          {suggestions.length > 0 ? (
            <ExpertList experts={suggestions} label={t('pageExpertsTitle')} onOpen={setOpen} />
          ) : (
            <EmptyState icon="people" title={t('pageExpertsNone')} class="empty" />
          )}
        </section>
      )}
      <section class="expert-search" aria-labelledby="expert-search-title">
        <h2 id="expert-search-title">{t('expertSearchTitle')}</h2>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setAsked(query);
          }}
        >
          <label for="expert-query">{t('expertSearchLabel')}</label>
          <div class="composer-row">
            <input id="expert-query" type="search" maxLength={200} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            <button type="submit">{t('expertSearchButton')}</button>
          </div>
        </form>
        <div aria-live="polite">
          {asked !== null &&
            (results.length > 0 ? (
              <ExpertList experts={results} label={t('expertResults', asked)} onOpen={setOpen} />
            ) : (
              <p class="empty">
                {t('expertNoResults', asked)}{' '}
                <button type="button" class="link" onClick={() => setShowDirectory(true)}>
                  {t('openDirectory')}
                </button>
              </p>
            ))}
        </div>
      </section>
      <section class="directory" aria-labelledby="directory-title">
        <h2 id="directory-title">
          <button type="button" class="link" aria-expanded={showDirectory} onClick={() => setShowDirectory(!showDirectory)}>
            {t('directoryTitle', people.length)}
          </button>
        </h2>
        {showDirectory && (
          <ul class="departments">
            {tree.map((node) => (
              <DepartmentBranch key={node.name} node={node} onOpen={setOpen} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
