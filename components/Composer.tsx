// A text box to write a comment, reply or edit. Its text is saved as a draft while typing and is
// only cleared after a successful post: a refused or too-long text stays for the user to fix.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { checkCommentText, MAX_COMMENT_LENGTH, type TextCheck } from '../lib/schema';
import { DraftsContext } from './drafts-context';
import { ReaderContext } from './reader-context';

/** How the text is to be posted. */
export interface PostOptions {
  anonymous: boolean;
}

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
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(text);

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
    setBusy(true);
    try {
      const result = await props.onSubmit(text, { anonymous: anonymous && reader.anonymousPosting });
      if (result.ok) {
        setAnonymous(false);
        clearTimeout(saveTimer.current);
        saveTimer.current = undefined;
        await drafts.clear(props.draftKey);
        setText('');
        latest.current = '';
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
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape' && props.onCancel) {
            event.preventDefault();
            props.onCancel();
          }
        }}
      />
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
        </div>
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
