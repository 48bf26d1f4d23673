// A text box to write a comment, reply or edit. Its text is saved as a draft while typing and is
// only cleared after a successful post: a refused or too-long text stays for the user to fix.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';
import { checkCommentText, MAX_COMMENT_LENGTH, type TextCheck } from '../../lib/core/schema';
import { DraftsContext } from './drafts-context';
import { ReaderContext } from './reader-context';

/** How the text is to be posted. */
export interface PostOptions {
  anonymous: boolean;
  /** uids of the people @mentioned (lib/core/mentions.ts mentionedUids). */
  mentions?: string[];
}
import { activeMention, insertMention, mentionCandidates, mentionedUids, type MentionQuery } from '../../lib/core/mentions';
import { PeopleContext, type Mentionable } from '../people/people-context';
import { MentionAudienceContext } from './mention-audience';

export interface ComposerProps {
  /** Unique per composer on screen: ties the label, hints and text box together. */
  id: string;
  label: string;
  submitLabel: string;
  draftKey: string;
  /** Starting text when there is no draft (the comment's text, for an edit). */
  initialText?: string;
  /** Show the "post anonymously" choice (new comments and replies; not edits). */
  offerAnonymous?: boolean;
  onSubmit(text: string, options: PostOptions): Promise<TextCheck>;
  onCancel?(): void;
  autoFocus?: boolean;
  disabled?: boolean;
}

const WARN_FROM = MAX_COMMENT_LENGTH - 200;
const SAVE_DELAY_MS = 250;

export function Composer(props: ComposerProps) {
  const drafts = useContext(DraftsContext);
  const reader = useContext(ReaderContext);
  const [text, setText] = useState(props.initialText ?? '');
  const [anonymous, setAnonymous] = useState(false);
  // Set when "anonymous" was ticked and the organisation switched it off before posting.
  const [switchedOff, setSwitchedOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(text);
  // @mention completion (an ARIA 1.2 combobox on the textarea): the mention at the caret and the highlighted option.
  const people = useContext(PeopleContext);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const options = mention ? mentionCandidates(people, mention.query) : [];
  const listId = `${props.id}-mentions`;
  const optionId = (i: number) => `${props.id}-mention-${i}`;
  // The people picked from the suggestions: their "@Name" in the text is a reference to them.
  const picked = useRef<Mentionable[]>([]);
  const audience = useContext(MentionAudienceContext);
  const mentioned = text.includes('@') ? mentionedUids(text, picked.current, people, audience.self) : [];
  const unseen = mentioned.filter((uid) => !audience.canSee(uid));
  const pick = (person: Mentionable) => {
    const el = box.current;
    if (!el || !mention) return;
    if (!picked.current.some((p) => p.uid === person.uid)) picked.current.push(person);
    const name = person.displayName;
    const next = insertMention(el.value, mention, el.selectionStart ?? el.value.length, name);
    onInput(next.text);
    setMention(null);
    requestAnimationFrame(() => el.setSelectionRange(next.caret, next.caret));
  };

  useEffect(() => {
    let live = true;
    void drafts.load(props.draftKey).then((draft) => {
      if (live && draft !== undefined && draft !== '') {
        setText(draft);
        latest.current = draft;
      }
    });
    if (props.autoFocus) box.current?.focus();
    return () => {
      live = false;
      // Flush a pending save so closing the panel mid-sentence loses nothing.
      if (saveTimer.current) {
        clearTimeout(saveTimer.current);
        void drafts.save(props.draftKey, latest.current);
      }
    };
  }, [props.draftKey]);

  const onInput = (value: string) => {
    setText(value);
    latest.current = value;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      saveTimer.current = undefined;
      void drafts.save(props.draftKey, value);
    }, SAVE_DELAY_MS);
  };

  const check = checkCommentText(text);
  const length = text.trim().length;
  const hintId = `${props.id}-hint`;
  const hint = !check.ok
    ? check.reason === 'empty'
      ? t('emptyReason')
      : t('tooLong', length, MAX_COMMENT_LENGTH)
    : length >= WARN_FROM
      ? t('charsLeft', MAX_COMMENT_LENGTH - length)
      : '';

  const submit = async () => {
    if (!check.ok || busy || props.disabled) return;
    // Ticked "anonymous", then the organisation switched it off (config/settings, live): never
    // post it under the person's name unasked. Say so and keep the text; the next post is named.
    if (anonymous && !reader.anonymousPosting) {
      setAnonymous(false);
      setSwitchedOff(true);
      return;
    }
    setSwitchedOff(false);
    setBusy(true);
    try {
      const mentions = mentionedUids(text, picked.current, people, audience.self);
      const result = await props.onSubmit(text, mentions.length > 0 ? { anonymous, mentions } : { anonymous });
      if (result.ok) {
        setAnonymous(false);
        clearTimeout(saveTimer.current);
        saveTimer.current = undefined;
        await drafts.clear(props.draftKey);
        setText('');
        latest.current = '';
        picked.current = [];
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label for={`${props.id}-text`}>{props.label}</label>
      <textarea
        id={`${props.id}-text`}
        ref={box}
        value={text}
        rows={3}
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={!check.ok && check.reason === 'tooLong'}
        disabled={props.disabled}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options.length > 0 ? optionId(Math.min(active, options.length - 1)) : undefined}
        onInput={(event) => {
          const el = event.currentTarget;
          onInput(el.value);
          setMention(activeMention(el.value, el.selectionStart ?? el.value.length));
          setActive(0);
        }}
        onBlur={() => setMention(null)}
        onKeyDown={(event) => {
          if (options.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
          } else if (options.length > 0 && (event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            pick(options[Math.min(active, options.length - 1)]!);
          } else if (options.length > 0 && event.key === 'Escape') {
            event.preventDefault();
            setMention(null);
          } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape' && props.onCancel) {
            event.preventDefault();
            props.onCancel();
          }
        }}
      />
      <ul id={listId} role="listbox" class="mentions" aria-label={t('mentionListLabel')} hidden={options.length === 0}>
        {options.map((person, i) => (
          <li
            key={person.uid}
            id={optionId(i)}
            role="option"
            aria-selected={i === Math.min(active, options.length - 1)}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(person);
            }}
          >
            {person.displayName}
          </li>
        ))}
      </ul>
      {unseen.length > 0 && (
        <p class="notice mention-unseen" role="status">
          {t('mentionUnseenWarning', unseen.map((uid) => people.find((p) => p.uid === uid)?.displayName ?? '').join(', '))}
        </p>
      )}
      {props.offerAnonymous && (
        <div class="anonymity">
          <input
            type="checkbox"
            id={`${props.id}-anonymous`}
            checked={anonymous && reader.anonymousPosting}
            disabled={!reader.anonymousPosting || props.disabled}
            aria-describedby={`${props.id}-anonymous-note`}
            onChange={(event) => setAnonymous(event.currentTarget.checked)}
          />
          <label for={`${props.id}-anonymous`}>{t('postAnonymously')}</label>
          <p id={`${props.id}-anonymous-note`} class="note">
            {reader.anonymousPosting ? t('anonymousExplained') : t('anonymousOff')}
          </p>
          {switchedOff && (
            <p class="notice" role="alert">
              {t('anonymousSwitchedOff')}
            </p>
          )}
        </div>
      )}
      {props.offerAnonymous && reader.premoderation !== 'off' && (
        <p class="note premoderated">{reader.premoderation === 'all' ? t('modPremoderatedAll') : t('modPremoderatedAnonymous')}</p>
      )}
      <div class="composer-row">
        <p id={hintId} class={`hint ${!check.ok && check.reason === 'tooLong' ? 'error' : ''}`} aria-live="polite">
          {hint}
        </p>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        )}
        <button type="submit" disabled={!check.ok || busy || props.disabled} aria-describedby={hint ? hintId : undefined}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
