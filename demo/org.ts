// The demo organisation: Gemeente Lindeveen's 41 employees in 12 departments over 3 levels, who
// reports to whom (4 hierarchy levels), their roles, and a few threads already under way.
// demo/directory.csv is this organisation as HR would export it (generated from here by
// `npx tsx scripts/directory/demo-csv.ts`; a unit test keeps the two in step); scripts/seed.ts
// imports it through the same import as any organisation. Fictional people; one shared demo password.
import type { Roles } from '../lib/core/membership';

export const DEMO_PASSWORD = 'lindeveen-demo';

export interface DemoEmployee {
  key: string;
  /** The HR system's employee id (the directory's personId). */
  personId: string;
  displayName: string;
  email: string;
  /** The department as colleagues name it (the profile's `department` is the path's last level). */
  department: string;
  /** Department tree path, top-down (the directory's tree). */
  departmentPath: string[];
  jobTitle: string;
  location: string;
  languages: string[];
  /** Declared "ask me about" skills, Dutch and English as people write them. */
  skills: string[];
  /** Key of the person they report to; null for the top. */
  manager: string | null;
  /** 1 = gemeentesecretaris, 2 = afdelingshoofd, 3 = teamleider, 4 = medewerker. */
  level: number;
  roles: Roles;
}

// The organisation chart: 3 levels, 12 departments (top level → department → team).
const D = {
  servicedesk: ['Bedrijfsvoering', 'ICT', 'Servicedesk'],
  netwerk: ['Bedrijfsvoering', 'ICT', 'Netwerk en infrastructuur'],
  ict: ['Bedrijfsvoering', 'ICT'],
  hr: ['Bedrijfsvoering', 'HR'],
  financien: ['Bedrijfsvoering', 'Financiën'],
  communicatie: ['Bestuur en staf', 'Communicatie'],
  juridisch: ['Bestuur en staf', 'Juridische zaken'],
  burgerzaken: ['Dienstverlening', 'Publiekszaken', 'Burgerzaken'],
  vergunningen: ['Dienstverlening', 'Publiekszaken', 'Vergunningen'],
  sociaal: ['Dienstverlening', 'Sociaal domein'],
  openbareRuimte: ['Ruimte', 'Openbare ruimte'],
  ordening: ['Ruimte', 'Ruimtelijke ordening'],
};

type Row = [key: string, name: string, department: string, path: string[], jobTitle: string, location: string, languages: string[], skills: string[]];

// The first 14 are the original cast (keys, emails and departments unchanged: tests sign in as them).
const people: Row[] = [
  [
    'anna',
    'Anna de Vries',
    'Communicatie',
    D.communicatie,
    'Communicatieadviseur',
    'Stadhuis',
    ['nl', 'en'],
    ['Intranet', 'Webredactie', 'Toegankelijkheid', 'Schrijven voor het web'],
  ],
  ['bram', 'Bram Jansen', 'Communicatie', D.communicatie, 'Online redacteur', 'Stadhuis', ['nl'], ['Social media', 'Nieuwsbrief', 'Prikbord']],
  [
    'chantal',
    'Chantal Bakker',
    'Communicatie',
    D.communicatie,
    'Hoofd Communicatie en woordvoerder',
    'Stadhuis',
    ['nl', 'en'],
    ['Persberichten', 'Crisiscommunicatie', 'Media relations'],
  ],
  ['daan', 'Daan Visser', 'ICT', D.netwerk, 'Netwerkbeheerder', 'Stadskantoor', ['nl', 'en'], ['VPN', 'LindeConnect', 'Netwerkbeheer', 'Wifi', 'Thuiswerken']],
  ['eva', 'Eva Smit', 'ICT', D.servicedesk, 'Servicedeskmedewerker', 'Stadskantoor', ['nl'], ['Printers', 'Wachtwoord resetten', 'Outlook', 'Werkplek']],
  [
    'farid',
    'Farid El Amrani',
    'ICT',
    D.ict,
    'Informatiebeveiliger (CISO)',
    'Stadskantoor',
    ['nl', 'en', 'ar'],
    ['Informatiebeveiliging', 'Phishing', 'BIO', 'Datalekken'],
  ],
  ['gerda', 'Gerda Mulder', 'HR', D.hr, 'HR-adviseur', 'Stadhuis', ['nl'], ['Verlof', 'Cao gemeenten', 'Ouderschapsverlof', 'Ziekteverzuim']],
  ['hugo', 'Hugo de Boer', 'HR', D.hr, 'Salarisadministrateur', 'Stadhuis', ['nl'], ['Salaris', 'Declaraties', 'Reiskosten']],
  ['ilse', 'Ilse Meijer', 'HR', D.hr, 'Opleidingscoördinator', 'Stadhuis', ['nl', 'en'], ['Opleidingen', 'Onboarding', 'Loopbaan', 'Training']],
  ['jeroen', 'Jeroen van Dijk', 'Publiekszaken', D.burgerzaken, 'Medewerker burgerzaken', 'Publiekshal', ['nl'], ['Paspoort', 'Rijbewijs', 'BRP']],
  ['karin', 'Karin Bos', 'Publiekszaken', D.burgerzaken, 'Teamleider burgerzaken', 'Publiekshal', ['nl', 'de'], ['Huwelijk', 'Naturalisatie', 'Planning']],
  ['lucas', 'Lucas Vos', 'Publiekszaken', D.vergunningen, 'Vergunningverlener', 'Publiekshal', ['nl'], ['Evenementenvergunning', 'Horeca', 'APV']],
  ['mila', 'Mila Peters', 'Financiën', D.financien, 'Afdelingshoofd Financiën', 'Stadhuis', ['nl', 'en'], ['Begroting', 'Budget', 'Inkoop', 'Excel']],
  ['noah', 'Noah Hendriks', 'Financiën', D.financien, 'Financial advisor', 'Stadhuis', ['en', 'nl'], ['Invoices', 'Facturen', 'Accounts payable']],
  // Added for the people directory and expert lookup.
  ['olivia', 'Olivia Jacobs', 'ICT', D.servicedesk, 'Servicedeskmedewerker', 'Stadskantoor', ['nl', 'en'], ['Laptops', 'Teams', 'Mobiele telefoons']],
  [
    'pieter',
    'Pieter van den Berg',
    'ICT',
    D.netwerk,
    'Teamleider Netwerk en infrastructuur',
    'Stadskantoor',
    ['nl'],
    ['Servers', 'Back-up', 'Linux', 'Firewall'],
  ],
  ['quinten', 'Quinten Dekker', 'ICT', D.ict, 'Afdelingshoofd ICT', 'Stadskantoor', ['nl', 'en'], ['Archivering', 'Zaaksysteem', 'Informatiebeheer']],
  ['rachida', 'Rachida Bouzid', 'ICT', D.ict, 'Applicatiebeheerder', 'Stadskantoor', ['nl', 'en', 'fr'], ['SharePoint', 'Office 365', 'Power BI']],
  [
    'sander',
    'Sander Brouwer',
    'ICT',
    D.servicedesk,
    'Teamleider Servicedesk',
    'Stadskantoor',
    ['nl'],
    ['Software installeren', 'Softwarecentrum', 'Beeldschermen'],
  ],
  ['tessa', 'Tessa de Graaf', 'HR', D.hr, 'Afdelingshoofd HR', 'Stadhuis', ['nl'], ['Arbo', 'Werkplekonderzoek', 'Vitaliteit']],
  ['umar', 'Umar Yilmaz', 'HR', D.hr, 'Recruiter', 'Stadhuis', ['nl', 'en', 'tr'], ['Werving', 'Vacatures', 'Sollicitaties']],
  ['vera', 'Vera Kok', 'Financiën', D.financien, 'Inkoopadviseur', 'Stadhuis', ['nl'], ['Aanbesteding', 'Inkoop', 'Contractbeheer']],
  ['willem', 'Willem Koster', 'Financiën', D.financien, 'Belastingadviseur', 'Stadhuis', ['nl'], ['Belastingen', 'OZB', 'Btw']],
  ['xander', 'Xander Prins', 'Communicatie', D.communicatie, 'Grafisch ontwerper', 'Stadhuis', ['nl', 'en'], ['Huisstijl', 'Design', 'Infographics']],
  ['yara', 'Yara Willems', 'Juridische zaken', D.juridisch, 'Jurist', 'Stadhuis', ['nl', 'en'], ['AVG', 'Privacy', 'GDPR', 'Bezwaar en beroep']],
  ['zeger', 'Zeger Hoekstra', 'Juridische zaken', D.juridisch, 'Hoofd Juridische zaken', 'Stadhuis', ['nl'], ['Contracten', 'Aansprakelijkheid', 'Wob en Woo']],
  [
    'amira',
    'Amira Haddad',
    'Publiekszaken',
    D.vergunningen,
    'Teamleider Vergunningen',
    'Publiekshal',
    ['nl', 'en', 'ar'],
    ['Omgevingsvergunning', 'Omgevingswet', 'Bouwen'],
  ],
  ['bas', 'Bas Verbeek', 'Publiekszaken', D.burgerzaken, 'Baliemedewerker', 'Publiekshal', ['nl'], ['Afspraken', 'Verhuizing doorgeven', 'Uittreksels']],
  ['cor', 'Cor van Leeuwen', 'Sociaal domein', D.sociaal, 'Consulent Wmo', 'Wijkkantoor Noord', ['nl'], ['Wmo', 'Mantelzorg', 'Huishoudelijke hulp']],
  ['demi', 'Demi Schouten', 'Sociaal domein', D.sociaal, 'Jeugdconsulent', 'Wijkkantoor Noord', ['nl', 'en'], ['Jeugdzorg', 'Onderwijs', 'Leerplicht']],
  [
    'emre',
    'Emre Kaya',
    'Sociaal domein',
    D.sociaal,
    'Klantmanager werk en inkomen',
    'Wijkkantoor Zuid',
    ['nl', 'tr'],
    ['Bijstand', 'Participatiewet', 'Schuldhulp'],
  ],
  [
    'fleur',
    'Fleur Vermeulen',
    'Dienstverlening',
    ['Dienstverlening'],
    'Afdelingshoofd Dienstverlening',
    'Stadhuis',
    ['nl', 'en'],
    ['Armoedebeleid', 'Inclusie', 'Statushouders'],
  ],
  ['gijs', 'Gijs de Wit', 'Openbare ruimte', D.openbareRuimte, 'Opzichter groen', 'Gemeentewerf', ['nl'], ['Groenonderhoud', 'Bomen', 'Maaien']],
  [
    'hanna',
    'Hanna Scholten',
    'Openbare ruimte',
    D.openbareRuimte,
    'Beheerder wegen',
    'Gemeentewerf',
    ['nl', 'de'],
    ['Wegen', 'Verkeer', 'Gladheidsbestrijding'],
  ],
  ['ivo', 'Ivo Postma', 'Openbare ruimte', D.openbareRuimte, 'Teamleider Openbare ruimte', 'Gemeentewerf', ['nl'], ['Afval', 'Containers', 'Recycling']],
  [
    'jasmijn',
    'Jasmijn Smits',
    'Ruimtelijke ordening',
    D.ordening,
    'Stedenbouwkundige',
    'Stadskantoor',
    ['nl', 'en'],
    ['Bestemmingsplan', 'Omgevingsplan', 'Stedenbouw'],
  ],
  ['kees', 'Kees Maas', 'Ruimtelijke ordening', D.ordening, 'GIS-specialist', 'Stadskantoor', ['nl', 'en'], ['GIS', 'Kaarten', 'Geodata', 'QGIS']],
  ['lotte', 'Lotte Hermans', 'Ruimte', ['Ruimte'], 'Afdelingshoofd Ruimte', 'Stadskantoor', ['nl'], ['Woningbouw', 'Huisvesting', 'Projectmanagement']],
  [
    'mees',
    'Mees Dijkstra',
    'Bestuur en staf',
    ['Bestuur en staf'],
    'Gemeentesecretaris',
    'Stadhuis',
    ['nl', 'en'],
    ['Raadsvoorstellen', 'College', 'Gemeenteraad'],
  ],
  [
    'nina',
    'Nina Kramer',
    'Bestuur en staf',
    ['Bestuur en staf'],
    'Directiesecretaris',
    'Stadhuis',
    ['nl', 'en', 'es'],
    ['Agenda beheer', 'Vergaderen', 'Notuleren'],
  ],
  ['otto', 'Otto Wouters', 'ICT', D.netwerk, 'Telefonie-beheerder', 'Stadskantoor', ['nl'], ['Telefonie', 'Mobiel bellen', 'Headsets']],
];

// Who reports to whom: [manager (null: the top), level, the people who report to them at that level].
const REPORTS: Array<[manager: string | null, level: number, keys: string[]]> = [
  [null, 1, ['mees']],
  ['mees', 2, ['chantal', 'zeger', 'quinten', 'tessa', 'mila', 'fleur', 'lotte']],
  ['mees', 4, ['nina']],
  ['chantal', 4, ['anna', 'bram', 'xander']],
  ['zeger', 4, ['yara']],
  ['quinten', 3, ['sander', 'pieter']],
  ['quinten', 4, ['farid', 'rachida']],
  ['sander', 4, ['eva', 'olivia']],
  ['pieter', 4, ['daan', 'otto']],
  ['tessa', 4, ['gerda', 'hugo', 'ilse', 'umar']],
  ['mila', 4, ['noah', 'vera', 'willem']],
  ['fleur', 3, ['karin', 'amira']],
  ['fleur', 4, ['cor', 'demi', 'emre']],
  ['karin', 4, ['jeroen', 'bas']],
  ['amira', 4, ['lucas']],
  ['lotte', 3, ['ivo']],
  ['lotte', 4, ['jasmijn', 'kees']],
  ['ivo', 4, ['gijs', 'hanna']],
];
const placeInHierarchy = new Map(REPORTS.flatMap(([manager, level, keys]) => keys.map((key) => [key, { manager, level }] as const)));

/**
 * Roles, as the directory's roles column grants them: management that joins in (leader), the
 * community managers of the HR and ICT sections (both have threads in the seed), the pilot's
 * ambassadors, the communications team (Anna, the comms advisor the demo signs in, and Chantal, the
 * communications lead, who also moderates everywhere; Farid moderates ICT's pages only), who open the comms console, and its administrator,
 * Rachida of ICT (applicatiebeheerder), who grants and revokes roles there.
 */
const ROLES: Record<string, Roles> = {
  mees: { leader: true },
  quinten: { leader: true },
  gerda: { communityManager: ['HR'] },
  eva: { communityManager: ['ICT'] },
  bram: { ambassador: true },
  karin: { ambassador: true },
  anna: { comms: true },
  chantal: { moderator: true, comms: true },
  // Moderates ICT's pages only: the moderation queue shows him ICT's items, nothing else.
  farid: { moderator: ['ICT'] },
  rachida: { admin: true },
};

export const EMPLOYEES: DemoEmployee[] = people.map(([key, displayName, department, departmentPath, jobTitle, location, languages, skills], index) => {
  const place = placeInHierarchy.get(key);
  if (!place) throw new Error(`demo/org.ts: ${key} reports to nobody in REPORTS`);
  return {
    key,
    // Stable ids: append new people at the end of the list.
    personId: `LV${String(1001 + index)}`,
    displayName,
    department,
    departmentPath,
    jobTitle,
    location,
    languages,
    skills,
    email: `${key}@lindeveen.nl`,
    manager: place.manager,
    level: place.level,
    roles: ROLES[key] ?? {},
  };
});

export interface DemoComment {
  by: string;
  text: string;
  minutesAgo: number;
  /** Keys of the employees who liked it (seeded as like documents and likeCount; evidence for its author). */
  likedBy?: string[];
  replies?: Array<{
    by: string;
    text: string;
    minutesAgo: number;
    likedBy?: string[];
    /** The asker marked it "this helped". */
    helpful?: boolean;
  }>;
}

/** A note pinned at the top of a page's thread (in the comms console's Pages section). */
export interface DemoAnnouncement {
  by: string;
  text: string;
  minutesAgo: number;
}

/** Employees who may hide comments (the moderator role): the communications lead. */
export const MODERATORS = EMPLOYEES.filter((e) => e.roles.moderator).map((e) => e.key);

/** Threads by page path on the demo intranet. */
export const THREADS: Record<string, { title: string; comments: DemoComment[]; pageLikedBy?: string[]; announcement?: DemoAnnouncement }> = {
  '/': {
    title: 'Lindenet — intranet Gemeente Lindeveen',
    comments: [
      {
        by: 'bram',
        text: 'Vanaf nu kun je onder elke pagina reageren. Laat weten wat je ervan vindt!',
        minutesAgo: 60 * 26,
        replies: [
          { by: 'karin', text: 'Eindelijk! Hoe zie ik wie er nog meer reageert?', minutesAgo: 60 * 25 },
          { by: 'bram', text: 'Open het paneel via de knop rechtsonder of het icoon in je werkbalk.', minutesAgo: 60 * 24 },
        ],
      },
      { by: 'mila', text: 'Komt er ook een agenda voor de kerstborrel? Zie https://www.lindeveen.nl/agenda', minutesAgo: 180 },
    ],
  },
  '/ict/helpdesk.html': {
    title: 'ICT-helpdesk',
    comments: [
      {
        by: 'jeroen',
        text: 'Mijn VPN-verbinding valt elke middag weg rond 14:00. Iemand hetzelfde?',
        minutesAgo: 300,
        replies: [
          {
            by: 'daan',
            text: 'Bekend probleem met de oude LindeConnect-versie. Update naar 4.2 via het softwarecentrum.',
            minutesAgo: 240,
            likedBy: ['jeroen', 'eva', 'karin', 'farid', 'mila', 'noah', 'lucas'],
            helpful: true,
          },
        ],
      },
      { by: 'noah', text: 'Where can I find the English instructions for the printers on floor 2?', minutesAgo: 90 },
    ],
    pageLikedBy: ['jeroen', 'mila'],
  },
  '/hr/verlofregeling.html': {
    title: 'Verlofregeling',
    // Comms starts the conversation where the seeds say a blog post didn't.
    announcement: { by: 'anna', text: 'Vragen over de nieuwe verlofregeling? Stel ze hier: P&O antwoordt elke werkdag.', minutesAgo: 60 * 52 },
    comments: [
      {
        by: 'lucas',
        text: 'Telt ouderschapsverlof mee voor de opbouw van vakantiedagen?',
        minutesAgo: 60 * 50,
        replies: [
          {
            by: 'gerda',
            text: 'Ja, tijdens betaald ouderschapsverlof bouw je gewoon vakantiedagen op.',
            minutesAgo: 60 * 49,
            likedBy: ['lucas', 'hugo', 'ilse', 'mila'],
            helpful: true,
          },
        ],
      },
    ],
  },
};
