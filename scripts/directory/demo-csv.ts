// demo/directory.csv: the demo organisation (demo/org.ts) as HR would export it from Dutch Excel
// ("CSV UTF-8 (door lijstscheidingsteken gescheiden)": a byte-order mark, `;` between fields, CRLF).
// Regenerate after changing demo/org.ts:  npx tsx scripts/directory/demo-csv.ts
// (tests/unit/directory-demo.test.ts fails while the two differ).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EMPLOYEES } from '../../demo/org';
import { DIRECTORY_COLUMNS, PATH_SEPARATOR } from '../../lib/core/directory';
import { formatRolesCell } from '../../lib/core/directory-roles';

export const DEMO_DIRECTORY_CSV = resolve(import.meta.dirname, '../../demo/directory.csv');

/** One field as Excel writes it: quoted when it holds the separator, a quote or a line break. */
function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The demo directory as the bytes of a Dutch Excel CSV file. */
export function demoDirectoryCsv(): string {
  const byKey = new Map(EMPLOYEES.map((e) => [e.key, e]));
  const rows = EMPLOYEES.map((e) => [
    e.personId,
    e.email,
    e.displayName,
    e.departmentPath.join(PATH_SEPARATOR),
    e.jobTitle,
    e.manager ? byKey.get(e.manager)!.personId : '',
    e.location,
    String(e.level),
    formatRolesCell(e.roles),
  ]);
  return `\uFEFF${[[...DIRECTORY_COLUMNS], ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(DEMO_DIRECTORY_CSV, demoDirectoryCsv());
  console.log(`Wrote ${DEMO_DIRECTORY_CSV} (${EMPLOYEES.length} employees).`);
}
