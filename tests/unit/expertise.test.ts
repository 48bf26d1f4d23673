// The spec of expert lookup (lib/core/expertise.ts): who is found, in which order, and with which reasons.
import { describe, expect, it } from 'vitest';
import { departmentTree, ExpertIndex, foldTerm, normalizeSkill, normalizeSkills, pageTopicText, termsOf } from '../../lib/core/expertise';
import type { EvidenceRow, PersonRow } from '../../lib/core/rows';

function person(uid: string, overrides: Partial<PersonRow> = {}): PersonRow {
  return {
    uid,
    displayName: uid[0]!.toUpperCase() + uid.slice(1),
    departmentPath: ['Bedrijfsvoering', 'ICT'],
    jobTitle: '',
    location: 'Stadhuis',
    languages: ['nl'],
    skills: [],
    optOut: false,
    updatedAt: 1,
    ...overrides,
  };
}

const HELPDESK = { pageId: 'p_helpdesk', title: 'ICT-helpdesk', terms: ['vpn', 'lindeconnect', 'printer', 'wachtwoord'] };

const daan = person('daan', { skills: ['VPN', 'LindeConnect', 'Netwerkbeheer'], jobTitle: 'Netwerkbeheerder' });
const eva = person('eva', { skills: ['Werkplekbeheer', 'Printers'], jobTitle: 'Servicedeskmedewerker' });
const gerda = person('gerda', { skills: ['Verlof', 'Cao'], departmentPath: ['Bedrijfsvoering', 'HR'], jobTitle: 'HR-adviseur' });
const evidence: EvidenceRow[] = [{ uid: 'daan', pages: [{ ...HELPDESK, answers: 3, likes: 7, helpful: 2 }], updatedAt: 1 }];

const index = () => new ExpertIndex([daan, eva, gerda], evidence);
const names = (experts: { person: PersonRow }[]) => experts.map((e) => e.person.uid);

describe('finding people for a question', () => {
  it('finds the declared VPN expert for "vpn", in any case', () => {
    expect(names(index().find('vpn'))[0]).toBe('daan');
    expect(names(index().find('VPN'))[0]).toBe('daan');
  });

  it('splits Dutch compounds written with a hyphen: "VPN-verbinding" finds the VPN expert', () => {
    expect(names(index().find('VPN-verbinding'))[0]).toBe('daan');
  });

  it('tolerates a typo: "vpm" finds the VPN expert', () => {
    expect(names(index().find('vpm'))[0]).toBe('daan');
  });

  it('ignores question words in Dutch and English', () => {
    expect(names(index().find('wie weet iets van vpn?'))[0]).toBe('daan');
    expect(names(index().find('who knows about printers'))[0]).toBe('eva');
  });

  it('matches word forms: "printer" finds someone who declared "Printers"', () => {
    expect(names(index().find('printer'))).toContain('eva');
  });

  it('matches prefixes: "verl" finds the leave expert', () => {
    expect(names(index().find('verl'))).toEqual(['gerda']);
  });

  it('returns nothing for a question that matches nobody, or only stop words', () => {
    expect(index().find('kernfusie')).toEqual([]);
    expect(index().find('wie weet iets van')).toEqual([]);
    expect(index().find('   ')).toEqual([]);
  });

  it('ranks by evidence when two people declare the same skill', () => {
    const twin = person('zoe', { skills: ['VPN'] });
    const ranked = new ExpertIndex([twin, daan], evidence).find('vpn');
    expect(names(ranked)).toEqual(['daan', 'zoe']);
  });

  it('counts evidence terms: someone who only answered VPN questions is still found', () => {
    const helper = person('henk');
    const ranked = new ExpertIndex([helper], [{ uid: 'henk', pages: [{ ...HELPDESK, answers: 1, likes: 0, helpful: 0 }], updatedAt: 1 }]).find('lindeconnect');
    expect(names(ranked)).toEqual(['henk']);
  });
});

describe('reasons', () => {
  it('gives the declared skill, the answers and pages, helpful marks and likes', () => {
    const [top] = index().find('vpn');
    expect(top!.reasons).toEqual([
      { kind: 'declared', skills: ['VPN'] },
      { kind: 'answered', count: 3, pages: ['ICT-helpdesk'] },
      { kind: 'helpful', count: 2 },
      { kind: 'likes', count: 7 },
    ]);
  });

  it('does not claim a declared skill that did not match', () => {
    const [top] = index().find('lindeconnect');
    expect(top!.reasons[0]).toEqual({ kind: 'declared', skills: ['LindeConnect'] });
  });
});

describe('privacy: opting out', () => {
  it('never returns someone who opted out, in search or for a page', () => {
    const out = { ...daan, optOut: true };
    const idx = new ExpertIndex([out, eva, gerda], evidence);
    expect(names(idx.find('vpn'))).not.toContain('daan');
    expect(names(idx.forPage('p_helpdesk', 'ICT-helpdesk VPN'))).not.toContain('daan');
  });

  it('keeps people who opted out in the directory', () => {
    const tree = departmentTree([{ ...daan, optOut: true }, eva]);
    expect(tree[0]!.children[0]!.members.map((m) => m.uid)).toEqual(['daan', 'eva']);
  });
});

describe('experts for the page on screen', () => {
  it('suggests the VPN expert on the helpdesk page, with "helped on this page" first after the skill', () => {
    const [top] = index().forPage('p_helpdesk', 'ICT-helpdesk. Storingen, VPN en thuiswerken, printers');
    expect(top!.person.uid).toBe('daan');
    expect(top!.reasons.map((r) => r.kind)).toContain('thisPage');
  });

  it('suggests someone who answered on this page even when no page word matches their skills', () => {
    const idx = new ExpertIndex([person('henk')], [{ uid: 'henk', pages: [{ ...HELPDESK, answers: 1, likes: 0, helpful: 0 }], updatedAt: 1 }]);
    expect(names(idx.forPage('p_helpdesk', 'Welkom'))).toEqual(['henk']);
  });

  it('uses the page’s headings with its title and thread: a heading alone can bring the expert', () => {
    expect(index().forPage('p_news', pageTopicText('Nieuws', [], ['Mooi!']))).toEqual([]);
    expect(names(index().forPage('p_news', pageTopicText('Nieuws', ['Verlof aanvragen', 'Cao 2026'], ['Mooi!'])))).toEqual(['gerda']);
  });

  it('reads title, headings and thread in that order (a long thread does not push the headings out)', () => {
    expect(pageTopicText('Titel', ['Kop 1', 'Kop 2'], ['reactie'])).toBe('Titel\nKop 1\nKop 2\nreactie');
    const chatter = Array.from({ length: 60 }, (_, i) => `woord${i}`).join(' ');
    expect(names(index().forPage('p_news', pageTopicText('Nieuws', ['Verlof'], [chatter])))).toEqual(['gerda']);
  });

  it('suggests nobody for a page without matching words or helpers', () => {
    expect(index().forPage('p_other', 'Kerstborrel')).toEqual([]);
  });
});

describe('text folding and skills', () => {
  it('folds case, accents and common endings', () => {
    expect(foldTerm('Financiën')).toBe('financi');
    expect(foldTerm('verbindingen')).toBe('verbind');
    expect(foldTerm('printers')).toBe('printer');
    expect(foldTerm('VPN')).toBe('vpn');
    expect(foldTerm('wie')).toBe('');
  });

  it('splits on hyphens and punctuation', () => {
    expect(termsOf('VPN-verbinding, thuis-werken!')).toEqual(['vpn', 'verbind', 'thui', 'werk']);
  });

  it('normalises a skill: trimmed, spaces collapsed, no markup characters, at most 40 characters', () => {
    expect(normalizeSkill('  Excel   macro’s ')).toBe('Excel macro’s');
    expect(normalizeSkill('<b>VPN</b>')).toBe('bVPN/b');
    expect(normalizeSkill('x'.repeat(60))).toHaveLength(40);
  });

  it('drops empty and duplicate skills and keeps at most 20', () => {
    expect(normalizeSkills(['VPN', 'vpn', ' ', 'Excel'])).toEqual(['VPN', 'Excel']);
    expect(normalizeSkills(Array.from({ length: 30 }, (_, i) => `skill ${i}`))).toHaveLength(20);
  });
});

describe('the department tree', () => {
  it('nests departments over levels and lists members by name', () => {
    const tree = departmentTree([gerda, eva, daan, person('anna', { departmentPath: ['Bestuur', 'Communicatie'] })]);
    expect(tree.map((d) => d.name)).toEqual(['Bedrijfsvoering', 'Bestuur']);
    expect(tree[0]!.children.map((d) => d.name)).toEqual(['HR', 'ICT']);
    expect(tree[0]!.children[1]!.members.map((m) => m.uid)).toEqual(['daan', 'eva']);
  });
});
