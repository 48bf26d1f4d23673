// Reading profile and expertise documents defensively (lib/data/people/people-sync.ts): whatever arrives from
// Firestore becomes a well-formed row; missing fields and counters read as empty / 0.
import { describe, expect, it } from 'vitest';
import { evidenceFromDoc, personFromDoc } from '../../lib/core/codecs';

const ts = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanoseconds: 0, toMillis: () => ms });

describe('profiles as directory rows', () => {
  it('reads every directory field', () => {
    const row = personFromDoc('u1', {
      displayName: 'Daan Visser',
      department: 'ICT',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      jobTitle: 'Netwerkbeheerder',
      location: 'Stadskantoor',
      languages: ['nl', 'en'],
      skills: ['VPN'],
      optOut: true,
      updatedAt: ts(5000),
    });
    expect(row).toEqual({
      uid: 'u1',
      displayName: 'Daan Visser',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      jobTitle: 'Netwerkbeheerder',
      location: 'Stadskantoor',
      languages: ['nl', 'en'],
      skills: ['VPN'],
      optOut: true,
      updatedAt: 5000,
    });
  });

  it('reads a profile written before the directory fields: department becomes a one-level path, not opted out', () => {
    expect(personFromDoc('u2', { displayName: 'Anna', department: 'Communicatie' })).toMatchObject({
      departmentPath: ['Communicatie'],
      skills: [],
      optOut: false,
      updatedAt: 0,
    });
  });

  it('only a literal true opts out', () => {
    expect(personFromDoc('u3', { displayName: 'X', optOut: 'true' }).optOut).toBe(false);
  });
});

describe('expertise as evidence rows', () => {
  it('reads missing counters as 0 and drops nonsense numbers', () => {
    const row = evidenceFromDoc('u1', { pages: [{ pageId: 'p1', title: 'ICT-helpdesk', terms: ['vpn'], answers: 2, likes: -3 }], updatedAt: ts(1) });
    expect(row.pages).toEqual([{ pageId: 'p1', title: 'ICT-helpdesk', terms: ['vpn'], answers: 2, likes: 0, helpful: 0 }]);
  });

  it('reads a document without pages as no evidence', () => {
    expect(evidenceFromDoc('u1', {}).pages).toEqual([]);
  });
});
