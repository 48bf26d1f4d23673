// The demo organisation's directory file: what the seed imports, as Dutch Excel writes it, and in
// step with demo/org.ts (regenerate with `npx tsx scripts/directory/demo-csv.ts`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPLOYEES } from '../../demo/org';
import { readDirectoryFile } from '../../scripts/directory/csv';
import { DEMO_DIRECTORY_CSV, demoDirectoryCsv } from '../../scripts/directory/demo-csv';
import { formatDirectoryError } from '../../lib/core/directory-validate';

describe('the demo directory (demo/directory.csv)', () => {
  const bytes = readFileSync(DEMO_DIRECTORY_CSV);
  const result = readDirectoryFile(bytes);
  const people = result.ok ? result.people : [];

  it('is generated from demo/org.ts, in Dutch Excel’s format (BOM, `;`, CRLF)', () => {
    expect(bytes.toString('utf8')).toBe(demoDirectoryCsv());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(';LV1003;Stadhuis;4;\r\n');
  });

  it('passes the import’s checks: 41 employees, every chain of managers ends at the gemeentesecretaris', () => {
    expect(result.ok ? [] : result.errors.map(formatDirectoryError)).toEqual([]);
    expect(people).toHaveLength(41);
    const byId = new Map(people.map((p) => [p.personId, p]));
    const top = people.filter((p) => p.managerId === null);
    expect(top.map((p) => [p.displayName, p.jobTitle, p.level])).toEqual([['Mees Dijkstra', 'Gemeentesecretaris', 1]]);
    for (const person of people) {
      if (person.managerId) expect(byId.get(person.managerId)!.level, person.displayName).toBeLessThan(person.level);
    }
  });

  it('has four levels, and the roles the threads and the insights need', () => {
    const count = (level: number) => people.filter((p) => p.level === level).length;
    expect([1, 2, 3, 4].map(count)).toEqual([1, 7, 5, 28]);
    const key = (email: string) => email.split('@')[0];
    const withRole = (test: (p: (typeof people)[number]) => unknown) => people.filter(test).map((p) => key(p.email));
    expect(withRole((p) => p.roles.leader)).toEqual(['quinten', 'mees']);
    expect(withRole((p) => p.roles.ambassador)).toEqual(['bram', 'karin']);
    expect(withRole((p) => p.roles.moderator)).toEqual(['chantal', 'farid']);
    expect(people.find((p) => key(p.email) === 'farid')?.roles.moderator).toEqual(['ICT']);
    expect(withRole((p) => p.roles.comms)).toEqual(['anna', 'chantal']);
    expect(withRole((p) => p.roles.admin)).toEqual(['rachida']);
    expect(people.filter((p) => p.roles.communityManager).map((p) => [key(p.email), p.roles.communityManager])).toEqual([
      ['eva', ['ICT']],
      ['gerda', ['HR']],
    ]);
    expect(EMPLOYEES.map((e) => e.personId)).toEqual(people.map((p) => p.personId));
  });
});
