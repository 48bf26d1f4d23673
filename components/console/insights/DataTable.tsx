// One table of the Insights view, from its definition (tables.ts): a real <table> with a caption,
// column headers and a row header per row, figures right-aligned, "< 5" marked and explained on
// hover, page links opening in a new tab; and its "Download CSV" button. The printed report uses
// the same component without the button.
import type { ComponentChildren } from 'preact';
import { t } from '../../../lib/any/i18n';
import { CsvButton } from './CsvButton';
import { arrowOf, belowK } from './figures';
import { kindAt, valueText, type ColumnKind, type TableDef, type Value } from './tables';

export interface DataTableProps {
  table: TableDef;
  /** The caption for the eye too (default); false: for screen readers only (a heading says it already). */
  showCaption?: boolean;
  /** Offer the CSV download (not in print). */
  csv?: boolean;
  /** Only the first rows (the printed report's top 5); the CSV keeps all. */
  limit?: number;
  /** Shown instead of an empty table. */
  empty?: ComponentChildren;
}

const FIGURES: ReadonlySet<ColumnKind> = new Set(['count', 'share', 'change', 'hours', 'age']);

export function DataTable({ table, showCaption = true, csv = true, limit, empty }: DataTableProps) {
  const rows = limit === undefined ? table.rows : table.rows.slice(0, limit);
  return (
    <div class="data-table">
      {table.rows.length === 0 && empty ? (
        <p class="empty">{empty}</p>
      ) : (
        // A narrow window scrolls the table sideways; the region is focusable so the keyboard can scroll it too.
        <div class="table-scroll" role="region" aria-label={table.caption} tabIndex={0}>
          <table class="insights-table" id={`table-${table.id}`}>
            <caption class={showCaption ? undefined : 'visually-hidden'}>{table.caption}</caption>
            <thead>
              {table.columns.some((c) => c.group) ? <GroupHeaders table={table} /> : null}
              <tr>
                {table.columns.map((column, c) => (
                  <th key={c} scope="col" class={FIGURES.has(column.kind) ? 'num' : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r}>
                  {row.map((value, c) => (
                    <TableCell key={c} kind={kindAt(table, r, c)} value={value} header={c === 0} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {csv && table.rows.length > 0 ? <CsvButton table={table} /> : null}
    </div>
  );
}

/** A header row above the columns that belong together (a pilot's, its control group's). */
function GroupHeaders({ table }: { table: TableDef }) {
  const spans: Array<{ group: string | undefined; span: number }> = [];
  for (const column of table.columns) {
    const last = spans.at(-1);
    if (last && last.group === column.group) last.span++;
    else spans.push({ group: column.group, span: 1 });
  }
  return (
    <tr class="group-headers">
      {spans.map((s, i) =>
        s.group ? (
          <th key={i} scope="colgroup" colSpan={s.span}>
            {s.group}
          </th>
        ) : (
          <td key={i} colSpan={s.span} />
        ),
      )}
    </tr>
  );
}

function TableCell({ kind, value, header }: { kind: ColumnKind; value: Value; header: boolean }) {
  const content = <CellContent kind={kind} value={value} />;
  const className = FIGURES.has(kind) ? 'num' : undefined;
  return header ? (
    <th scope="row" class={className}>
      {content}
    </th>
  ) : (
    <td class={className}>{content}</td>
  );
}

/** A value as text; a link as a link; "< 5" marked and explained; a change with its arrow (for the eye). */
export function CellContent({ kind, value }: { kind: ColumnKind; value: Value }) {
  if (typeof value === 'object' && value !== null) {
    return (
      <a href={value.href} target="_blank" rel="noopener noreferrer">
        {value.text}
      </a>
    );
  }
  const text = valueText(kind, value);
  if (text === belowK()) return <BelowK />;
  if (kind === 'change') {
    const arrow = arrowOf(value);
    return (
      <span class={`change ${arrow === '▲' ? 'up' : arrow === '▼' ? 'down' : ''}`}>
        {arrow ? <span aria-hidden="true">{arrow} </span> : null}
        {text}
      </span>
    );
  }
  return <>{text}</>;
}

/** "< 5", with why on hover (the privacy note at the top says it for everyone). */
export function BelowK() {
  return (
    <span class="below-k" title={t('insightsBelowKTitle')}>
      {belowK()}
    </span>
  );
}
