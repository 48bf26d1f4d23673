// Sections: the intranet as comms sees it. First the rest of the intranet (every page no section
// covers), then each section with its addresses, setting, audience and the pages Prikbord has seen
// in it; a form to add or change one; and a preview of what someone of a department (or one
// person) gets where. A page set itself wins over the deepest directory, which wins over the rest
// (lib/core/rollout.ts sectionIdFor): the view says so, so comms can predict what a page gets.
import type { Premoderation } from '../../../lib/core/moderation/model';
import { PremoderationSelect, premoderationText } from './PremoderationSelect';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import {
  ALL_FEATURES,
  FEATURE_NAMES,
  LAYER_MODES,
  premoderationOf,
  type Features,
  type LayerMode,
  type Rollout,
  type SectionSetting,
} from '../../../lib/core/rollout';
import type { RolloutEdit } from '../../../lib/core/rollout-edit';
import { addressesText, addressLines, departmentTree, patternLabels, previewFor, resolveAddresses } from '../../../lib/core/rollout-console';
import type { PersonRow } from '../../../lib/core/rows';
import type { SeenPage } from '../../../lib/data/console/rollout-pages';
import { useConsole } from '../console-services';
import { PersonSearch } from '../roles/PersonSearch';
import { FEATURE_LABELS, MODE_LABELS, settingText } from './rollout-text';
import type { RolloutState } from '../../../lib/data/console/rollout';
import { dayText, useCardEditor, useRolloutSave, useRolloutState, type SaveState } from './use-rollout';

export interface SectionsViewProps {
  /** The directory copy (the people table), for the preview. */
  people: PersonRow[];
  /** For tests: the time to preview at. */
  now?: number;
  /** The rollout already known (tests render without effects); the live document follows. */
  initial?: RolloutState;
}

export function SectionsView({ people, now, initial }: SectionsViewProps) {
  const state = useRolloutState(initial);
  const rollout = state.rollout;
  const save = useRolloutSave(rollout);
  const { editing, open, close } = useCardEditor('#sections-list-title');
  const [editingRest, setEditingRest] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const sections = Object.entries(rollout.sections).sort(([, a], [, b]) => a.name.localeCompare(b.name));

  const remove = async (id: string) => {
    const name = rollout.sections[id]?.name ?? id;
    if (await save.run({ op: 'removeSection', id }, t('consoleRolloutRemoved', name))) setRemoving(null);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('consoleRolloutNav')}</h1>
      <p class="intro">{t('consoleRolloutIntro')}</p>
      {editing === null && !editingRest ? <SaveResult save={save} /> : null}

      <section class="card rollout-rest" aria-labelledby="rest-title">
        <h2 id="rest-title">{t('consoleRolloutRestTitle')}</h2>
        <p class="hint">{t('consoleRolloutRestHint')}</p>
        {editingRest ? (
          <RestForm rollout={rollout} save={save} onDone={() => setEditingRest(false)} />
        ) : (
          <p class="setting">
            <strong>{settingText(rollout.rest.mode, rollout.rest.features)}</strong>
            {premoderationOf(rollout.rest) !== 'off' && <> · {premoderationText(premoderationOf(rollout.rest))}</>}{' '}
            <button type="button" class="secondary" onClick={() => setEditingRest(true)} disabled={!state.loaded}>
              {t('consoleRolloutChangeRest')}
            </button>
          </p>
        )}
      </section>

      <section class="rollout-sections" aria-labelledby="sections-list-title">
        <div class="section-head">
          <h2 id="sections-list-title" tabIndex={-1}>
            {t('consoleRolloutSectionsTitle')}
          </h2>
          {editing === null ? (
            <button type="button" onClick={(event) => open(null, event)} disabled={!state.loaded}>
              {t('consoleRolloutAddSection')}
            </button>
          ) : null}
        </div>
        <p class="hint">{t('consoleRolloutInheritance')}</p>
        {editing ? <SectionForm key={editing.id ?? 'new'} id={editing.id} rollout={rollout} save={save} onDone={close} /> : null}
        {!state.loaded ? (
          <p class="empty">{t('consoleRolloutLoading')}</p>
        ) : sections.length === 0 && !editing ? (
          <div class="empty-state card">
            <h3>{t('consoleRolloutEmptyTitle')}</h3>
            <p>{t('consoleRolloutEmptyText')}</p>
          </div>
        ) : (
          <ul class="section-cards">
            {sections.map(([id, section]) => (
              <li key={id} class="card section-card">
                <h3>{section.name}</h3>
                <SectionSummary rollout={rollout} section={section} />
                <CardActions
                  name={section.name}
                  confirmText={t('consoleRolloutConfirmRemove', section.name)}
                  busy={save.busy}
                  removing={removing === id}
                  onEdit={(event) => open(id, event)}
                  onAskRemove={() => setRemoving(id)}
                  onRemove={() => void remove(id)}
                  onCancel={() => setRemoving(null)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <Preview rollout={rollout} people={people} now={now} />
    </>
  );
}

/**
 * The live region a save reports to (progress, then the result or the refusal). While a form is
 * open it sits in the form, above its buttons, so a refusal is read next to what it is about;
 * otherwise at the top of the view. Whichever shows a new result takes the focus, once.
 */
export function SaveResult({ save }: { save: SaveState }) {
  const m = save.message;
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (save.busy || save.said === save.focused.current) return;
    save.focused.current = save.said;
    ref.current?.focus();
  });
  // A saved form closes with its result focused: the view's own region (shown next) takes the focus on.
  useEffect(() => {
    const element = ref.current;
    return () => {
      if (element && document.activeElement === element) save.focused.current = -1;
    };
  }, []);
  return (
    <p ref={ref} tabIndex={-1} role="status" class={m ? (save.busy ? 'change-result' : m.ok ? 'change-result ok' : 'change-result error') : 'change-result'}>
      {m?.text ?? ''}
    </p>
  );
}

/** A card's Change… and Remove… buttons, and the confirmation a removal asks for first. */
export function CardActions(props: {
  name: string;
  confirmText: string;
  busy: boolean;
  removing: boolean;
  onEdit(event: MouseEvent): void;
  onAskRemove(): void;
  onRemove(): void;
  onCancel(): void;
}) {
  return (
    <>
      <div class="actions">
        <button type="button" class="secondary" aria-label={t('consoleRolloutEditLabel', props.name)} onClick={props.onEdit}>
          {t('consoleRolloutEdit')}
        </button>
        <button type="button" class="secondary" aria-label={t('consoleRolloutRemoveLabel', props.name)} onClick={props.onAskRemove}>
          {t('consoleRolloutRemove')}
        </button>
      </div>
      {props.removing ? <ConfirmRemove text={props.confirmText} busy={props.busy} onYes={props.onRemove} onNo={props.onCancel} /> : null}
    </>
  );
}

function ConfirmRemove({ text, busy, onYes, onNo }: { text: string; busy: boolean; onYes(): void; onNo(): void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div class="confirm-change" role="group" aria-label={text}>
      <p>{text}</p>
      <div class="actions">
        <button type="button" ref={yes} class="danger" disabled={busy} onClick={onYes}>
          {t('consoleRolloutYesRemove')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onNo}>
          {t('consoleCancel')}
        </button>
      </div>
    </div>
  );
}

/** Who a section is for, in words. */
function audienceText(rollout: Rollout, section: SectionSetting): string {
  if (section.mode === 'off') return t('consoleRolloutNobody');
  if (section.pilotGroups.length === 0) return t('consoleRolloutEveryone');
  const names = section.pilotGroups.map((g) => rollout.groups[g]?.name ?? g).join(', ');
  return t(section.othersSee === 'read' ? 'consoleRolloutPilotOthersRead' : 'consoleRolloutPilotOthersNothing', names);
}

function SectionSummary({ rollout, section }: { rollout: Rollout; section: SectionSetting }) {
  const { origins } = useConsole();
  return (
    <dl class="summary">
      <dt>{section.kind === 'page' ? t('consoleRolloutPage') : t('consoleRolloutAddresses')}</dt>
      <dd>
        {patternLabels(section, origins).map((p) => (
          <code key={p}>{p}</code>
        ))}
      </dd>
      <dt>{t('consoleRolloutSetting')}</dt>
      <dd>{settingText(section.mode, section.features)}</dd>
      <dt>{t('modPremoderationLabel')}</dt>
      <dd>{premoderationText(premoderationOf(section))}</dd>
      <dt>{t('consoleRolloutWho')}</dt>
      <dd>{audienceText(rollout, section)}</dd>
      <dt>{t('consoleRolloutPagesSeen')}</dt>
      <dd>
        <PagesSeen section={section} />
      </dd>
    </dl>
  );
}

const PAGES_SHOWN = 20;

function PagesSeen({ section }: { section: SectionSetting }) {
  const { seenPages: pages } = useConsole();
  const [seen, setSeen] = useState<SeenPage[] | null>(null);
  const key = [...section.prefixes, ...section.pages].join('\n');
  useEffect(() => {
    let live = true;
    Promise.all([
      ...section.prefixes.map((p) => pages.under(p, PAGES_SHOWN)),
      ...section.pages.map(async (p) => [await pages.at(p)].filter((x): x is SeenPage => !!x)),
    ])
      .then((lists) => live && setSeen(lists.flat()))
      .catch(() => live && setSeen([]));
    return () => {
      live = false;
    };
  }, [key]);
  if (seen === null) return <span class="muted">{t('consoleRolloutLoading')}</span>;
  if (seen.length === 0) return <span class="muted">{t('consoleRolloutNoPagesSeen')}</span>;
  const count = seen.length >= PAGES_SHOWN ? `${PAGES_SHOWN}+` : String(seen.length);
  return (
    <>
      {t('consoleRolloutPagesCount', count)}
      <ul class="pages-seen">
        {seen.slice(0, 3).map((p) => (
          <li key={p.pageId}>
            {p.title || p.url} <span class="muted">{t('consoleRolloutPageCounts', p.commentCount, p.likeCount)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function ModeAndFeatures({
  id,
  mode,
  features,
  onMode,
  onFeatures,
}: {
  id: string;
  mode: LayerMode;
  features: Features;
  onMode(m: LayerMode): void;
  onFeatures(f: Features): void;
}) {
  return (
    <>
      <fieldset class="choices">
        <legend>{t('consoleRolloutModeLegend')}</legend>
        {LAYER_MODES.map((m) => (
          <div class="choice" key={m}>
            <input type="radio" name={`${id}-mode`} id={`${id}-mode-${m}`} checked={mode === m} onChange={() => onMode(m)} />
            <label for={`${id}-mode-${m}`}>{t(MODE_LABELS[m])}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class="choices" disabled={mode === 'off'}>
        <legend>{t('consoleRolloutFeaturesLegend')}</legend>
        {FEATURE_NAMES.map((f) => (
          <div class="choice" key={f}>
            <input
              type="checkbox"
              id={`${id}-feature-${f}`}
              checked={features[f]}
              onChange={(event) => onFeatures({ ...features, [f]: event.currentTarget.checked })}
            />
            <label for={`${id}-feature-${f}`}>{t(FEATURE_LABELS[f])}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}

function RestForm({ rollout, save, onDone }: { rollout: Rollout; save: SaveState; onDone(cancelled?: boolean): void }) {
  const [mode, setMode] = useState(rollout.rest.mode);
  const [features, setFeatures] = useState(rollout.rest.features);
  const [premoderation, setPremoderation] = useState<Premoderation>(premoderationOf(rollout.rest));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await save.run({ op: 'rest', mode, features, premoderation }, t('consoleRolloutRestSaved', settingText(mode, features)))) onDone();
  };
  return (
    <form class="rollout-form" onSubmit={(event) => void submit(event)}>
      <ModeAndFeatures id="rest" mode={mode} features={features} onMode={setMode} onFeatures={setFeatures} />
      <PremoderationSelect id="rest" value={premoderation} disabled={mode !== 'on'} onChange={setPremoderation} />
      <SaveResult save={save} />
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          {save.busy ? t('consoleSaving') : t('consoleRolloutSave')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(true)}>
          {t('consoleCancel')}
        </button>
      </div>
    </form>
  );
}

interface SectionFormProps {
  id: string | null;
  rollout: Rollout;
  save: SaveState;
  /** `cancelled`: closed without saving. */
  onDone(cancelled?: boolean): void;
}

export function SectionForm({ id, rollout, save, onDone }: SectionFormProps) {
  const { origins, seenPages } = useConsole();
  const before = id ? rollout.sections[id] : undefined;
  const [name, setName] = useState(before?.name ?? '');
  const [addresses, setAddresses] = useState(before ? addressesText(before, origins) : '');
  const [mode, setMode] = useState<LayerMode>(before?.mode ?? 'on');
  const [features, setFeatures] = useState<Features>(before?.features ?? ALL_FEATURES);
  const [pilot, setPilot] = useState((before?.pilotGroups.length ?? 0) > 0);
  const [groups, setGroups] = useState<string[]>(before?.pilotGroups ?? []);
  const [othersSee, setOthersSee] = useState<'off' | 'read'>(before?.othersSee ?? 'off');
  const [premoderation, setPremoderation] = useState<Premoderation>(premoderationOf(before));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const groupList = Object.entries(rollout.groups).sort(([, a], [, b]) => a.name.localeCompare(b.name));

  const submit = async (event: Event) => {
    event.preventDefault();
    const lines = addressLines(addresses, origins);
    const section = {
      name,
      kind: 'section' as const,
      prefixes: lines.flatMap((l) => l.prefixes),
      pages: lines.flatMap((l) => (l.page ? [l.page] : [])),
      mode,
      features,
      pilotGroups: pilot ? groups : [],
      othersSee,
      premoderation,
    };
    // Only directories with pages seen are stored ("/hr/" on the origins people use), and each line
    // must match something: the server refuses a pattern that matches no page seen.
    const had = new Set([...(before?.prefixes ?? []), ...(before?.pages ?? [])]);
    const prepare = async (edit: RolloutEdit): Promise<RolloutEdit> =>
      edit.op === 'section' ? { ...edit, section: { ...edit.section, ...(await resolveAddresses(lines, had, seenPages)) } } : edit;
    if (pilot && groups.length === 0) return save.say(false, t('consoleRolloutChooseGroup'));
    const done = t(before ? 'consoleRolloutSectionSaved' : 'consoleRolloutSectionAdded', name.trim());
    if (await save.run({ op: 'section', id, section }, done, prepare)) onDone();
  };

  return (
    <form class="card rollout-form" aria-labelledby="section-form-title" onSubmit={(event) => void submit(event)}>
      <h3 id="section-form-title" ref={heading} tabIndex={-1}>
        {before ? t('consoleRolloutEditTitle', before.name) : t('consoleRolloutNewTitle')}
      </h3>
      <label for="section-name">{t('consoleRolloutNameLabel')}</label>
      <input
        id="section-name"
        value={name}
        autocomplete="off"
        maxLength={60}
        aria-describedby="section-name-hint"
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <p id="section-name-hint" class="hint">
        {t('consoleRolloutNameHint')}
      </p>
      <label for="section-addresses">{t('consoleRolloutAddressesLabel')}</label>
      <textarea
        id="section-addresses"
        rows={3}
        spellcheck={false}
        aria-describedby="section-addresses-hint"
        value={addresses}
        onInput={(event) => setAddresses(event.currentTarget.value)}
      />
      <p id="section-addresses-hint" class="hint">
        {t('consoleRolloutAddressesHint')}
      </p>
      <FindPages onAdd={(line) => setAddresses((text) => (text.trim() === '' ? line : `${text.replace(/\s+$/, '')}\n${line}`))} />
      <ModeAndFeatures id="section" mode={mode} features={features} onMode={setMode} onFeatures={setFeatures} />
      <PremoderationSelect id="section" value={premoderation} disabled={mode !== 'on'} onChange={setPremoderation} />
      <fieldset class="choices" disabled={mode === 'off'}>
        <legend>{t('consoleRolloutWhoLegend')}</legend>
        <div class="choice">
          <input type="radio" name="section-who" id="section-who-everyone" checked={!pilot} onChange={() => setPilot(false)} />
          <label for="section-who-everyone">{t('consoleRolloutWhoEveryone')}</label>
        </div>
        <div class="choice">
          <input type="radio" name="section-who" id="section-who-pilot" checked={pilot} onChange={() => setPilot(true)} />
          <label for="section-who-pilot">{t('consoleRolloutWhoPilot')}</label>
        </div>
      </fieldset>
      {pilot && mode !== 'off' ? (
        <>
          <fieldset class="choices">
            <legend>{t('consoleRolloutGroupsLegend')}</legend>
            {groupList.length === 0 ? (
              <p class="empty">
                {t('consoleRolloutNoGroupsYet')} <a href="#groups">{t('consoleGroupsNav')}</a>
              </p>
            ) : (
              groupList.map(([gid, group]) => (
                <div class="choice" key={gid}>
                  <input
                    type="checkbox"
                    id={`section-group-${gid}`}
                    checked={groups.includes(gid)}
                    disabled={!groups.includes(gid) && groups.length >= 3}
                    onChange={(event) => setGroups(event.currentTarget.checked ? [...groups, gid] : groups.filter((g) => g !== gid))}
                  />
                  <label for={`section-group-${gid}`}>
                    {group.name} <span class="muted">{t('consoleGroupsFromUntil', dayText(group.from), dayText(group.until))}</span>
                  </label>
                </div>
              ))
            )}
          </fieldset>
          <fieldset class="choices">
            <legend>{t('consoleRolloutOthersLegend')}</legend>
            <div class="choice">
              <input type="radio" name="section-others" id="section-others-off" checked={othersSee === 'off'} onChange={() => setOthersSee('off')} />
              <label for="section-others-off">{t('consoleRolloutOthersNothing')}</label>
            </div>
            <div class="choice">
              <input type="radio" name="section-others" id="section-others-read" checked={othersSee === 'read'} onChange={() => setOthersSee('read')} />
              <label for="section-others-read">{t('consoleRolloutOthersRead')}</label>
            </div>
          </fieldset>
        </>
      ) : null}
      <SaveResult save={save} />
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          {save.busy ? t('consoleSaving') : t('consoleRolloutSave')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(true)}>
          {t('consoleCancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Search over the pages Prikbord has seen (a title, or an address such as /hr/), to add a page or
 * its folder to the addresses without typing it: comms sees which pages exist and how busy they are.
 */
function FindPages({ onAdd }: { onAdd(line: string): void }) {
  const { seenPages: pages, origins } = useConsole();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<SeenPage[] | null>(null);
  const search = async () => {
    if (query.trim() === '') return setFound(null);
    setFound(await pages.search(query).catch(() => []));
  };
  // A page's folder as the addresses field writes it: the path on a known origin.
  const folderOf = (url: string) => {
    const u = new URL(url);
    const folder = u.pathname.replace(/[^/]*$/, '');
    return origins.includes(u.origin) ? folder : `${u.origin}${folder}`;
  };
  return (
    <div class="find-pages">
      <label for="section-find-pages">{t('consoleRolloutFindPages')}</label>
      <div class="inline-field">
        <input
          id="section-find-pages"
          type="search"
          autocomplete="off"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter searches here instead of saving the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" class="secondary" onClick={() => void search()}>
          {t('consoleRolloutFindPagesButton')}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {found === null ? '' : t('consoleRolloutFoundPages', found.length)}
      </p>
      {found === null ? null : found.length === 0 ? (
        <p class="empty">{t('consoleRolloutNoPagesFound', query.trim())}</p>
      ) : (
        <ul class="found-pages">
          {found.map((p) => (
            <li key={p.pageId}>
              <span class="title">{p.title || p.url}</span> <span class="muted">{t('consoleRolloutPageCounts', p.commentCount, p.likeCount)}</span>
              <br />
              <code>{p.url}</code>{' '}
              <button type="button" class="link" aria-label={t('consoleRolloutAddPageLabel', p.title || p.url)} onClick={() => onAdd(p.url)}>
                {t('consoleRolloutAddPage')}
              </button>{' '}
              <button type="button" class="link" aria-label={t('consoleRolloutAddFolderLabel', folderOf(p.url))} onClick={() => onAdd(folderOf(p.url))}>
                {t('consoleRolloutAddFolder', folderOf(p.url))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "As an employee of Sociaal domein would see it": a department or one person, and what they get where. */
function Preview({ rollout, people, now }: { rollout: Rollout; people: PersonRow[]; now?: number }) {
  const { origins } = useConsole();
  const [by, setBy] = useState<'department' | 'person'>('department');
  const [department, setDepartment] = useState('');
  const [personUid, setPersonUid] = useState<string | null>(null);
  const departments = useMemo(() => departmentTree(people), [people]);
  const person = personUid ? people.find((p) => p.uid === personUid) : undefined;
  const who =
    by === 'department'
      ? department
        ? { uid: null, departmentPath: department.split(' > ') }
        : null
      : person
        ? { uid: person.uid, departmentPath: person.departmentPath }
        : null;
  const rows = who ? previewFor(rollout, who, now ?? Date.now(), `${origins[0] ?? 'https://intranet.invalid'}/prikbord-preview-elsewhere.html`) : [];
  return (
    <section class="card rollout-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('consoleRolloutPreviewTitle')}</h2>
      <p class="hint">{t('consoleRolloutPreviewHint')}</p>
      <fieldset class="choices inline">
        <legend>{t('consoleRolloutPreviewBy')}</legend>
        <div class="choice">
          <input type="radio" name="preview-by" id="preview-by-department" checked={by === 'department'} onChange={() => setBy('department')} />
          <label for="preview-by-department">{t('consoleRolloutPreviewDepartment')}</label>
        </div>
        <div class="choice">
          <input type="radio" name="preview-by" id="preview-by-person" checked={by === 'person'} onChange={() => setBy('person')} />
          <label for="preview-by-person">{t('consoleRolloutPreviewPerson')}</label>
        </div>
      </fieldset>
      {by === 'department' ? (
        <>
          <label for="preview-department">{t('consoleRolloutPreviewDepartmentLabel')}</label>
          <select id="preview-department" value={department} onChange={(event) => setDepartment(event.currentTarget.value)}>
            <option value="">{t('consoleRolloutPreviewChoose')}</option>
            {departments.map((d) => (
              <option key={d.path} value={d.path}>
                {d.path.split(' > ').join(' › ')}
              </option>
            ))}
          </select>
        </>
      ) : (
        <PersonSearch people={people} selected={personUid} onSelect={setPersonUid} fieldId="preview-person" start={t('consoleRolloutPreviewPersonStart')} />
      )}
      {who ? (
        <table class="preview">
          <caption>
            {by === 'department'
              ? t('consoleRolloutPreviewForDepartment', department.split(' > ').join(' › '))
              : t('consoleRolloutPreviewFor', person?.displayName ?? '')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('consoleRolloutSectionColumn')}</th>
              <th scope="col">{t('consoleRolloutGetsColumn')}</th>
              <th scope="col">{t('consoleRolloutWhyColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.sectionId ?? ''}>
                <th scope="row">{row.sectionId ? (rollout.sections[row.sectionId]?.name ?? row.sectionId) : t('consoleRolloutRestTitle')}</th>
                <td>{settingText(row.access.mode, row.access.features)}</td>
                <td>
                  {row.because?.kind === 'pilot'
                    ? t('consoleRolloutViaPilot', rollout.groups[row.because.group]?.name ?? row.because.group)
                    : row.because?.kind === 'control'
                      ? t('consoleRolloutViaControl', rollout.groups[row.because.group]?.name ?? row.because.group)
                      : row.because?.kind === 'outside'
                        ? t('consoleRolloutOutsidePilot')
                        : row.sectionId
                          ? t('consoleRolloutForEveryone')
                          : t('consoleRolloutRestWhy')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{t('consoleRolloutPreviewEmpty')}</p>
      )}
    </section>
  );
}
