// Pilot groups: who tries the layer first, when, compared with whom. Each group lists its dates and
// whether it is planned, running or over, how many people it reaches (counted in the directory
// copy, departments including their sub-departments), its control group's size beside it, its
// ambassadors and the sections that use it. The form refuses a group that reaches nobody before
// anything is sent (the server counts again in the directory itself).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../../lib/any/i18n';
import { ROLLOUT_TIME_ZONE, type Audience, type PilotGroup, type Rollout } from '../../../lib/core/rollout';
import { RolloutError, type RolloutEdit } from '../../../lib/core/rollout-edit';
import { audienceCount, dayIn, departmentTree, groupStatus, sizesDiffer, type Department, type GroupStatus } from '../../../lib/core/rollout-console';
import type { PersonRow } from '../../../lib/core/rows';
import { DepartmentPicker, PeoplePicker } from './pickers';
import { CardActions, SaveResult } from './SectionsView';
import type { RolloutState } from '../../../lib/data/console/rollout';
import { dayText, useCardEditor, usePeopleNames, useRolloutSave, useRolloutState, type SaveState } from './use-rollout';

export interface GroupsViewProps {
  people: PersonRow[];
  /** For tests: today. */
  now?: number;
  /** The rollout already known (tests render without effects); the live document follows. */
  initial?: RolloutState;
}

const STATUS_LABELS: Record<GroupStatus, MessageKey> = { planned: 'consoleGroupsPlanned', running: 'consoleGroupsRunning', ended: 'consoleGroupsEnded' };

export function GroupsView({ people, now, initial }: GroupsViewProps) {
  const state = useRolloutState(initial);
  const rollout = state.rollout;
  const save = useRolloutSave(rollout);
  const nameOf = usePeopleNames(people);
  const departments = useMemo(() => departmentTree(people), [people]);
  const { editing, open, close } = useCardEditor('#groups-list-title');
  const [removing, setRemoving] = useState<string | null>(null);
  const at = now ?? Date.now();
  const groups = Object.entries(rollout.groups).sort(([, a], [, b]) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name));
  const count = (audience: Audience) => audienceCount(audience, people);

  const remove = async (id: string) => {
    const name = rollout.groups[id]?.name ?? id;
    if (await save.run({ op: 'removeGroup', id }, t('consoleGroupsRemoved', name))) setRemoving(null);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('consoleGroupsNav')}</h1>
      <p class="intro">{t('consoleGroupsIntro')}</p>
      {editing === null ? <SaveResult save={save} /> : null}
      <section class="rollout-groups" aria-labelledby="groups-list-title">
        <div class="section-head">
          <h2 id="groups-list-title" tabIndex={-1}>
            {t('consoleGroupsListTitle')}
          </h2>
          {editing === null ? (
            <button type="button" onClick={(event) => open(null, event)} disabled={!state.loaded}>
              {t('consoleGroupsAdd')}
            </button>
          ) : null}
        </div>
        {editing ? (
          <GroupForm
            key={editing.id ?? 'new'}
            id={editing.id}
            rollout={rollout}
            people={people}
            nameOf={nameOf}
            departments={departments}
            save={save}
            now={at}
            onDone={close}
          />
        ) : null}
        {!state.loaded ? (
          <p class="empty">{t('consoleRolloutLoading')}</p>
        ) : groups.length === 0 && !editing ? (
          <div class="empty-state card">
            <h3>{t('consoleGroupsEmptyTitle')}</h3>
            <p>{t('consoleGroupsEmptyText')}</p>
          </div>
        ) : (
          <ul class="section-cards">
            {groups.map(([id, group]) => {
              const status = groupStatus(group, at);
              const members = count(group.members);
              const control = group.control ? count(group.control) : null;
              const usedBy = Object.values(rollout.sections).filter((s) => s.pilotGroups.includes(id));
              return (
                <li key={id} class="card section-card">
                  <h3>
                    {group.name} <span class={`badge ${status}`}>{t(STATUS_LABELS[status])}</span>
                  </h3>
                  <dl class="summary">
                    <dt>{t('consoleGroupsDates')}</dt>
                    <dd>{t('consoleGroupsFromUntil', dayText(group.from), dayText(group.until))}</dd>
                    <dt>{t('consoleGroupsMembers')}</dt>
                    <dd>
                      {t('consoleGroupsPeopleCount', members)}
                      {audienceParts(group.members, nameOf)}
                    </dd>
                    <dt>{t('consoleGroupsControl')}</dt>
                    <dd>
                      {group.control && control !== null ? (
                        <>
                          {t('consoleGroupsPeopleCount', control)}
                          {audienceParts(group.control, nameOf)}
                          {sizesDiffer(members, control) ? <p class="warning">{t('consoleGroupsSizesDiffer', members, control)}</p> : null}
                        </>
                      ) : (
                        t('consoleGroupsNoControl')
                      )}
                    </dd>
                    <dt>{t('consoleGroupsAmbassadors')}</dt>
                    <dd>{group.ambassadors.length === 0 ? t('consoleGroupsNoAmbassadors') : group.ambassadors.map(nameOf).join(', ')}</dd>
                    <dt>{t('consoleGroupsUsedBy')}</dt>
                    <dd>{usedBy.length === 0 ? t('consoleGroupsUnused') : usedBy.map((s) => s.name).join(', ')}</dd>
                  </dl>
                  <CardActions
                    name={group.name}
                    confirmText={t('consoleGroupsConfirmRemove', group.name)}
                    busy={save.busy}
                    removing={removing === id}
                    onEdit={(event) => open(id, event)}
                    onAskRemove={() => setRemoving(id)}
                    onRemove={() => void remove(id)}
                    onCancel={() => setRemoving(null)}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

function audienceParts(audience: Audience, nameOf: (uid: string) => string) {
  const parts = [...audience.departments.map((d) => d.split(' > ').join(' › ')), ...audience.people.map(nameOf)];
  return parts.length === 0 ? null : <span class="muted"> ({parts.join(', ')})</span>;
}

interface GroupFormProps {
  id: string | null;
  rollout: Rollout;
  people: PersonRow[];
  nameOf(uid: string): string;
  departments: Department[];
  save: SaveState;
  now: number;
  /** `cancelled`: closed without saving. */
  onDone(cancelled?: boolean): void;
}

export function GroupForm({ id, rollout, people, nameOf, departments, save, now, onDone }: GroupFormProps) {
  const before: PilotGroup | undefined = id ? rollout.groups[id] : undefined;
  const [name, setName] = useState(before?.name ?? '');
  const [memberDepartments, setMemberDepartments] = useState(before?.members.departments ?? []);
  const [memberPeople, setMemberPeople] = useState(before?.members.people ?? []);
  // A new pilot starts today and runs eight weeks unless changed: most pilots do, and it spares typing dates.
  const [from, setFrom] = useState(before?.from ?? dayIn(ROLLOUT_TIME_ZONE, now));
  const [until, setUntil] = useState(before?.until ?? dayIn(ROLLOUT_TIME_ZONE, now, 55));
  const [withControl, setWithControl] = useState(!!before?.control);
  const [controlDepartments, setControlDepartments] = useState(before?.control?.departments ?? []);
  const [controlPeople, setControlPeople] = useState(before?.control?.people ?? []);
  const [ambassadors, setAmbassadors] = useState(before?.ambassadors ?? []);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const members: Audience = { people: memberPeople, departments: memberDepartments };
  const control: Audience = { people: controlPeople, departments: controlDepartments };
  const count = (audience: Audience) => audienceCount(audience, people);
  const [memberCount, controlCount] = [count(members), count(control)];

  const submit = async (event: Event) => {
    event.preventDefault();
    const edit: RolloutEdit = {
      op: 'group',
      id,
      group: { name, members, from, until, control: withControl ? control : null, ambassadors },
    };
    // The server counts the members in the directory itself; the copy here says it first.
    const prepare = async (ready: RolloutEdit) => {
      if (people.length > 0 && memberCount === 0) throw new RolloutError('group-no-members', name.trim());
      return ready;
    };
    const done = t(before ? 'consoleGroupsSaved' : 'consoleGroupsAdded', name.trim(), memberCount);
    if (await save.run(edit, done, prepare)) onDone();
  };

  return (
    <form class="card rollout-form" aria-labelledby="group-form-title" onSubmit={(event) => void submit(event)}>
      <h3 id="group-form-title" ref={heading} tabIndex={-1}>
        {before ? t('consoleRolloutEditTitle', before.name) : t('consoleGroupsNewTitle')}
      </h3>
      <label for="group-name">{t('consoleRolloutNameLabel')}</label>
      <input id="group-name" value={name} autocomplete="off" maxLength={60} onInput={(event) => setName(event.currentTarget.value)} />
      <div class="two-columns">
        <div>
          <label for="group-from">{t('consoleGroupsFrom')}</label>
          <input id="group-from" type="date" value={from} required onInput={(event) => setFrom(event.currentTarget.value)} />
        </div>
        <div>
          <label for="group-until">{t('consoleGroupsUntil')}</label>
          <input id="group-until" type="date" value={until} required onInput={(event) => setUntil(event.currentTarget.value)} />
        </div>
      </div>
      <p class="hint">{t('consoleGroupsDatesHint')}</p>
      <h4>{t('consoleGroupsMembers')}</h4>
      <p class="hint" aria-live="polite">
        {t('consoleGroupsReaches', memberCount)}
      </p>
      <div class="two-columns">
        <DepartmentPicker
          id="group-members-dept"
          legend={t('consoleGroupsDepartmentsLegend')}
          departments={departments}
          chosen={memberDepartments}
          onChange={setMemberDepartments}
        />
        <PeoplePicker
          id="group-members-people"
          legend={t('consoleGroupsPeopleLegend')}
          people={people}
          nameOf={nameOf}
          chosen={memberPeople}
          onChange={setMemberPeople}
        />
      </div>
      <div class="choice toggle">
        <input
          type="checkbox"
          id="group-control"
          checked={withControl}
          onChange={(event) => setWithControl(event.currentTarget.checked)}
          aria-describedby="group-control-hint"
        />
        <label for="group-control">{t('consoleGroupsControlToggle')}</label>
        <p id="group-control-hint" class="hint">
          {t('consoleGroupsControlHint')}
        </p>
      </div>
      {withControl ? (
        <>
          <p class={sizesDiffer(memberCount, controlCount) ? 'warning' : 'hint'} aria-live="polite">
            {t('consoleGroupsSizes', memberCount, controlCount)}
            {sizesDiffer(memberCount, controlCount) ? ` ${t('consoleGroupsSizesDiffer', memberCount, controlCount)}` : ''}
          </p>
          <div class="two-columns">
            <DepartmentPicker
              id="group-control-dept"
              legend={t('consoleGroupsControlDepartments')}
              departments={departments}
              chosen={controlDepartments}
              onChange={setControlDepartments}
            />
            <PeoplePicker
              id="group-control-people"
              legend={t('consoleGroupsControlPeople')}
              people={people}
              nameOf={nameOf}
              chosen={controlPeople}
              onChange={setControlPeople}
            />
          </div>
        </>
      ) : null}
      <PeoplePicker
        id="group-ambassadors"
        legend={t('consoleGroupsAmbassadors')}
        hint={t('consoleGroupsAmbassadorsHint')}
        people={people}
        nameOf={nameOf}
        chosen={ambassadors}
        onChange={setAmbassadors}
      />
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
