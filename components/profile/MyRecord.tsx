// "What Prikbord records about you": the promise of the insights privacy statement, checkable by
// the person it is about. It says what is recorded and for how long, lists the person's own
// recorded readings on request (only they can read them: firestore.rules, insightEvents), and lets
// them switch the recording of their reading off.
import { useState } from 'preact/hooks';
import { t } from '../../lib/any/i18n';
import { RETENTION_DAYS } from '../../lib/core/insights/model';
import { myRecordedReadings, readingRecorded, setReadingRecorded, type RecordedReading } from '../../lib/data/insights/reading-events';
import { useServices } from '../app/services';
import { RelativeTime } from '../common/RelativeTime';

export function MyRecord({ uid, now }: { uid: string; now: number }) {
  const { fb } = useServices();
  const [recorded, setRecorded] = useState(() => readingRecorded(fb.firestore, uid));
  const [readings, setReadings] = useState<RecordedReading[] | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');

  const show = async () => {
    setState('loading');
    try {
      setReadings(await myRecordedReadings(fb.firestore, uid));
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  return (
    <section class="my-record" aria-labelledby="my-record-title">
      <h2 id="my-record-title">{t('myRecordTitle')}</h2>
      <p>{t('myRecordWhat', String(RETENTION_DAYS))}</p>
      <p>{t('myRecordWho')}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={recorded}
          onChange={(event) => {
            const on = (event.currentTarget as HTMLInputElement).checked;
            setReadingRecorded(fb.firestore, uid, on);
            setRecorded(on);
          }}
        />{' '}
        {t('myRecordCountMe')}
      </label>
      <p>
        <button type="button" class="secondary" onClick={() => void show()} disabled={state === 'loading'}>
          {t('myRecordShow')}
        </button>
      </p>
      {state === 'failed' ? (
        <p class="notice" role="alert">
          {t('myRecordFailed')}
        </p>
      ) : null}
      {readings !== null &&
        (readings.length === 0 ? (
          <p class="empty">{t('myRecordNone')}</p>
        ) : (
          <ul class="record-list" aria-label={t('myRecordListLabel')}>
            {readings.map((r, i) => (
              <li key={i}>
                <RelativeTime at={r.at} now={now} /> — {r.title || r.url}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
