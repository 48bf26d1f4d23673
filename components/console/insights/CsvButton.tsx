// "Download CSV" under a table: the table's definition (tables.ts) as CSV for Dutch Excel (';',
// a byte order mark, decimal commas when chosen), saved through a Blob and a download link: no
// server, no permission. The decimal comma and the report come from the view (CsvContext).
import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { t } from '../../../lib/any/i18n';
import { toCsv } from '../../../lib/core/insights/csv';
import type { InsightsReport } from '../../../lib/core/insights/model';
import { belowK } from './figures';
import { csvFileName, csvRows, type TableDef } from './tables';

export interface CsvSettings {
  report: InsightsReport;
  /** 0,5 instead of 0.5 (Dutch Excel). */
  decimalComma: boolean;
}

export const CsvContext = createContext<CsvSettings | null>(null);

/** The table as CSV text, as the download holds it. */
export function tableCsv(table: TableDef, decimalComma: boolean): string {
  return toCsv(csvRows(table), { decimalComma, suppressed: belowK() });
}

function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file by the time the link is gone; the URL is freed a little later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CsvButton({ table }: { table: TableDef }) {
  const settings = useContext(CsvContext);
  const [failed, setFailed] = useState(false);
  if (!settings) return null;
  const download = () => {
    try {
      saveFile(csvFileName(table, settings.report), tableCsv(table, settings.decimalComma));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <p class="csv-download">
      <button type="button" class="secondary small" aria-label={t('insightsDownloadCsvOf', table.caption)} onClick={download}>
        {t('insightsDownloadCsv')}
      </button>
      {failed ? (
        <span class="error" role="alert">
          {' '}
          {t('insightsCsvFailed')}
        </span>
      ) : null}
    </p>
  );
}
