// The demo organisation: Gemeente Lindeveen's employees and a few threads already under way.
// Seeded into the emulators by scripts/seed.ts. Fictional people; one shared demo password.

export const DEMO_PASSWORD = 'lindeveen-demo';

export interface DemoEmployee {
  key: string;
  displayName: string;
  email: string;
  department: string;
}

const people: Array<[key: string, name: string, department: string]> = [
  ['anna', 'Anna de Vries', 'Communicatie'],
  ['bram', 'Bram Jansen', 'Communicatie'],
  ['chantal', 'Chantal Bakker', 'Communicatie'],
  ['daan', 'Daan Visser', 'ICT'],
  ['eva', 'Eva Smit', 'ICT'],
  ['farid', 'Farid El Amrani', 'ICT'],
  ['gerda', 'Gerda Mulder', 'HR'],
  ['hugo', 'Hugo de Boer', 'HR'],
  ['ilse', 'Ilse Meijer', 'HR'],
  ['jeroen', 'Jeroen van Dijk', 'Publiekszaken'],
  ['karin', 'Karin Bos', 'Publiekszaken'],
  ['lucas', 'Lucas Vos', 'Publiekszaken'],
  ['mila', 'Mila Peters', 'Financiën'],
  ['noah', 'Noah Hendriks', 'Financiën'],
];

export const EMPLOYEES: DemoEmployee[] = people.map(([key, displayName, department]) => ({
  key,
  displayName,
  department,
  email: `${key}@lindeveen.nl`,
}));

export interface DemoComment {
  by: string;
  text: string;
  minutesAgo: number;
  /** Keys of the employees who liked it. */
  likedBy?: string[];
  replies?: Array<{ by: string; text: string; minutesAgo: number; likedBy?: string[] }>;
}

/** Employees who may hide comments (Firestore `moderators/{uid}`): the communications team lead. */
export const MODERATORS = ['chantal'];

/** Threads by page path on the demo intranet. */
export const THREADS: Record<string, { title: string; comments: DemoComment[]; pageLikedBy?: string[] }> = {
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
            likedBy: ['jeroen', 'eva', 'karin'],
          },
        ],
      },
      { by: 'noah', text: 'Where can I find the English instructions for the printers on floor 2?', minutesAgo: 90 },
    ],
    pageLikedBy: ['jeroen', 'mila'],
  },
  '/hr/verlofregeling.html': {
    title: 'Verlofregeling',
    comments: [
      {
        by: 'lucas',
        text: 'Telt ouderschapsverlof mee voor de opbouw van vakantiedagen?',
        minutesAgo: 60 * 50,
        replies: [{ by: 'gerda', text: 'Ja, tijdens betaald ouderschapsverlof bouw je gewoon vakantiedagen op.', minutesAgo: 60 * 49 }],
      },
    ],
  },
};
