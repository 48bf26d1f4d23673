// A simulated organisation's activity for insights: who reads, likes and writes on which pages,
// day by day, at the participation ratios KPN reported for its social intranet (of 18,000 staff
// about 6–7k active, 3,000 reacting or liking and 1,500–2,000 creating content per month). Pure
// and seeded, so the demo's quarter and the bench's 20,000 employees are the same every run.
//
// Each person gets a habit: about 10 % contribute, 7 % more react, 15 % more only read, the rest
// are rarely seen. Weekends are quiet. Comments are picked from a bank of plausible Dutch (and, on
// English pages, English) sentences per topic, a third of them questions; replies answer questions
// on the same page, leaders now and then. `canSee` keeps the simulation inside rollout: nobody acts
// where their layer is off, and nobody writes where it is read only.
import type { CommentFact, Day, DayFacts, LikeFact, ReadFact } from '../../lib/core/insights/model';
import { startOfDay } from '../../lib/core/rollout-edit';

export interface SimPerson {
  uid: string;
  displayName: string;
  departmentPath: string[];
  level: number;
  leader: boolean;
}

export interface SimPage {
  pageId: string;
  url: string;
  title: string;
  /** Which sentence bank its comments come from. */
  topic: keyof typeof BANK;
  /** How much attention it draws, relative (1: an ordinary page). */
  weight: number;
}

export type SimAccess = 'off' | 'read' | 'on';

export interface SimulationInput {
  people: SimPerson[];
  pages: SimPage[];
  from: Day;
  to: Day;
  seed: number;
  /** What a person gets on a page on a day (rollout); default: on everywhere. */
  canSee?: (person: SimPerson, page: SimPage, day: Day) => SimAccess;
  /** Scales every daily chance (the demo is livelier than a big organisation's average day). */
  intensity?: number;
}

/** Per habit: chance per working day to read a thread, to like, to write. */
const HABITS = {
  contributor: { share: 0.1, read: 0.35, like: 0.15, write: 0.07 },
  reactor: { share: 0.07, read: 0.25, like: 0.1, write: 0 },
  reader: { share: 0.15, read: 0.12, like: 0, write: 0 },
  rare: { share: 0.68, read: 0.005, like: 0, write: 0 },
} as const;
type Habit = keyof typeof HABITS;

export const BANK = {
  hr: {
    questions: [
      'Hoe vraag ik bijzonder verlof aan voor een verhuizing?',
      'Tellen de verlofuren van 2025 nog mee als ik ze in maart opneem?',
      'Waar vind ik het formulier voor ouderschapsverlof?',
      'Mag ik mijn thuiswerkdagen zelf kiezen of beslist de teamleider?',
      'Kan ik verlofuren kopen via het keuzebudget?',
      'Wie beoordeelt mijn aanvraag voor ouderschapsverlof?',
    ],
    remarks: [
      'Fijn dat de verlofregeling nu duidelijk op één pagina staat.',
      'Het keuzebudget is echt handig voor extra verlofuren.',
      'Thuiswerken op vrijdag werkt voor ons team prima.',
      'De uitleg over ouderschapsverlof hielp mij enorm.',
    ],
    answers: [
      'Bijzonder verlof vraag je aan via het verlofformulier in Youforce, kies dan verhuizing.',
      'Verlofuren van vorig jaar blijven vijf jaar geldig, dus dat kan gewoon.',
      'Het formulier voor ouderschapsverlof staat onder Formulieren bij HR.',
      'Thuiswerkdagen spreek je af met je teamleider, in overleg met het team.',
      'Verlofuren kopen kan via het keuzebudget, in het najaar staat het loket open.',
    ],
  },
  ict: {
    questions: [
      'Hoe reset ik mijn wachtwoord als ik buiten kantoor werk?',
      'Werkt de VPN ook op mijn privélaptop?',
      'Wanneer krijgt ons team de nieuwe laptops?',
      'Waarom vraagt Teams steeds opnieuw om mijn wachtwoord?',
      'Kan ik een tweede beeldscherm aanvragen voor thuis?',
      'Wie helpt mij met de printer op de tweede verdieping?',
    ],
    remarks: [
      'De servicedesk had mijn laptop binnen een uur weer werkend, top!',
      'Sinds de nieuwe VPN gaat inloggen thuis veel sneller.',
      'Teams vergaderen op de nieuwe laptops gaat een stuk soepeler.',
      'Handig dat het wachtwoord resetten nu zelf kan.',
    ],
    answers: [
      'Je wachtwoord reset je zelf via de selfservice-pagina, ook buiten kantoor.',
      'De VPN werkt alleen op laptops van de gemeente, niet op een privélaptop.',
      'De nieuwe laptops worden per afdeling uitgerold, kijk in de planning van de servicedesk.',
      'Teams vraagt opnieuw om je wachtwoord na een update; even opnieuw inloggen helpt.',
      'Een tweede beeldscherm vraag je aan via de servicedesk met toestemming van je teamleider.',
    ],
  },
  news: {
    questions: [
      'Is er ook vegetarisch eten op het personeelsfeest?',
      'Tot wanneer kan ik me aanmelden voor het personeelsfeest?',
      'Mogen partners mee naar de winteravond?',
      'Wie organiseert de nieuwjaarsborrel dit jaar?',
    ],
    remarks: [
      'Wat een mooie locatie voor het personeelsfeest, De Oude Veiling!',
      'Leuk dat de winteravond weer doorgaat, ik heb me aangemeld.',
      'Mooi nieuwsbericht over de nieuwe collega’s bij Burgerzaken.',
      'Het personeelsfeest vorig jaar was echt gezellig.',
    ],
    answers: [
      'Ja, er is vegetarisch en veganistisch eten op het personeelsfeest.',
      'Aanmelden voor het personeelsfeest kan tot 1 december.',
      'Partners zijn dit jaar helaas niet uitgenodigd voor de winteravond.',
    ],
  },
  policy: {
    questions: [
      'Geldt het informatiebeveiligingsbeleid ook voor externe medewerkers?',
      'Mag ik vertrouwelijke stukken mailen naar mijn privéadres?',
      'Hoe meld ik een datalek buiten kantooruren?',
    ],
    remarks: [
      'Goed dat het beleid over datalekken nu zo concreet is.',
      'De e-learning informatiebeveiliging was korter dan verwacht en nuttig.',
      'Duidelijk beleid over wachtwoorden en vertrouwelijke stukken.',
    ],
    answers: [
      'Het informatiebeveiligingsbeleid geldt voor iedereen die voor de gemeente werkt, ook extern.',
      'Vertrouwelijke stukken mail je nooit naar een privéadres.',
      'Een datalek meld je altijd direct bij de privacy officer, ook buiten kantooruren.',
    ],
  },
  english: {
    questions: [
      'How do I request a parking permit for the town hall?',
      'Where can I find the onboarding checklist for new colleagues?',
      'Is there an English version of the leave policy?',
    ],
    remarks: ['The welcome page helped me a lot in my first week.', 'Great onboarding programme, thanks to the HR team!'],
    answers: ['You request a parking permit through the facility desk form.', 'The onboarding checklist is on the HR pages under New colleagues.'],
  },
  general: {
    questions: [
      'Waar vind ik het telefoonnummer van de wijkagent?',
      'Wie weet wanneer de kantine weer open is?',
      'Klopt het dat de telefoonlijst niet meer wordt bijgewerkt?',
    ],
    remarks: ['Handig dat iedereen nu kan reageren op het intranet.', 'Goed idee, deze reacties onder de pagina’s!'],
    answers: ['De kantine is vanaf maandag weer open, met een nieuwe menukaart.', 'De telefoonlijst wordt elke week bijgewerkt vanuit het personeelssysteem.'],
  },
} as const;

/** Mulberry32: small, fast and good enough for a simulation; the same seed gives the same run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nextDay = (day: Day): Day => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Every day from..to, both included. */
export function daysFrom(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let d = from; d <= to; d = nextDay(d)) days.push(d);
  return days;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The people's habits, one per person in order (deterministic for a seed). */
export function habitsOf(people: SimPerson[], random: () => number): Habit[] {
  return people.map((p) => {
    // Leaders take part a little more often than average: the demo should show some of them.
    let roll = random() * (p.leader ? 0.6 : 1);
    for (const habit of Object.keys(HABITS) as Habit[]) {
      roll -= HABITS[habit].share;
      if (roll < 0) return habit;
    }
    return 'rare';
  });
}

/** The simulated facts, one DayFacts per day from..to. */
/** A simulated comment; an anonymous one also says who wrote it, for the seed's owner link (never for the rollup). */
export type SimComment = CommentFact & { ownerUid?: string };

export interface SimDayFacts extends DayFacts {
  comments: SimComment[];
}

export function simulateActivity(input: SimulationInput): SimDayFacts[] {
  const random = rng(input.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const canSee = input.canSee ?? (() => 'on' as const);
  const intensity = input.intensity ?? 1;
  const habits = habitsOf(input.people, random);
  const totalWeight = input.pages.reduce((sum, p) => sum + p.weight, 0);
  const pickPage = () => {
    let roll = random() * totalWeight;
    for (const page of input.pages) if ((roll -= page.weight) < 0) return page;
    return input.pages[input.pages.length - 1]!;
  };
  const newId = () => Array.from({ length: 20 }, () => ID_CHARS[Math.floor(random() * ID_CHARS.length)]).join('');
  // Open questions per page, so replies answer something asked before.
  const asked = new Map<string, { id: string; authorUid: string | null; createdAt: number; text: string }[]>();
  // One like per person and page (a like is one document: liking again is the same like).
  const liked = new Set<string>();
  const out: SimDayFacts[] = [];
  for (const day of daysFrom(input.from, input.to)) {
    const start = startOfDay(day);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const quiet = weekday === 0 || weekday === 6 ? 0.1 : 1;
    const at = () => start + Math.floor((7.5 + random() * 10) * 3_600_000); // office hours, roughly
    const facts: SimDayFacts = { day, reads: [], comments: [], likes: [], helpful: [] };
    input.people.forEach((person, i) => {
      const habit = HABITS[habits[i]!];
      if (random() >= habit.read * quiet * intensity) return;
      const page = pickPage();
      const access = canSee(person, page, day);
      if (access === 'off') return;
      const read: ReadFact = { uid: person.uid, pageId: page.pageId, url: page.url, at: at() };
      facts.reads.push(read);
      if (access !== 'on') return;
      if (random() < habit.like / habit.read && !liked.has(`${page.pageId} ${person.uid}`)) {
        liked.add(`${page.pageId} ${person.uid}`);
        const like: LikeFact = { pageId: page.pageId, url: page.url, title: page.title, uid: person.uid, targetId: 'page', at: read.at + 60_000 };
        facts.likes.push(like);
      }
      if (random() < habit.write / habit.read) {
        const bank = BANK[page.topic];
        const open = asked.get(page.pageId) ?? [];
        const replyTo = open.length > 0 && random() < 0.55 ? open[Math.floor(random() * open.length)]! : null;
        const createdAt = read.at + 120_000;
        if (replyTo && replyTo.authorUid !== person.uid) {
          facts.comments.push({
            id: newId(),
            pageId: page.pageId,
            url: page.url,
            title: page.title,
            parentId: replyTo.id,
            authorUid: person.uid,
            text: pick(bank.answers),
            createdAt,
            parent: { authorUid: replyTo.authorUid, createdAt: replyTo.createdAt, text: replyTo.text },
            deleted: false,
          });
          asked.set(
            page.pageId,
            open.filter((q) => q !== replyTo),
          );
          if (random() < 0.4)
            facts.helpful.push({
              pageId: page.pageId,
              replyId: facts.comments[facts.comments.length - 1]!.id,
              parentId: replyTo.id,
              at: createdAt + 3_600_000,
            });
          return;
        }
        const question = random() < 0.35;
        // Some ask anonymously, questions more often than remarks.
        const anonymous = random() < (question ? 0.15 : 0.05);
        const comment: SimComment = {
          id: newId(),
          pageId: page.pageId,
          url: page.url,
          title: page.title,
          parentId: null,
          authorUid: anonymous ? null : person.uid,
          ...(anonymous ? { ownerUid: person.uid } : {}),
          text: question ? pick(bank.questions) : pick(bank.remarks),
          createdAt,
          parent: null,
          deleted: false,
        };
        facts.comments.push(comment);
        if (question) asked.set(page.pageId, [...open, { id: comment.id, authorUid: comment.authorUid, createdAt, text: comment.text }]);
      }
    });
    out.push(facts);
  }
  return out;
}

const FIRST = [
  'Anouk',
  'Bas',
  'Carmen',
  'Dirk',
  'Esra',
  'Femke',
  'Gijs',
  'Hanna',
  'Ilse',
  'Jeroen',
  'Karim',
  'Lotte',
  'Mohamed',
  'Noor',
  'Olaf',
  'Priya',
  'Ruben',
  'Sanne',
  'Tim',
  'Vera',
  'Wouter',
  'Yara',
  'Zoë',
  'Joost',
];
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
  'Kaya',
  'El Amrani',
  'Verhoeven',
  'Koster',
];

/** `count` colleagues spread over `departments` (weights), mostly staff, a few team leaders and heads. */
export function simulatePeople(count: number, departments: { path: string[]; weight: number }[], seed: number, uidPrefix = 'sim'): SimPerson[] {
  const random = rng(seed);
  const total = departments.reduce((s, d) => s + d.weight, 0);
  return Array.from({ length: count }, (_, i) => {
    let roll = random() * total;
    const department = departments.find((d) => (roll -= d.weight) < 0) ?? departments[departments.length - 1]!;
    const r = random();
    const level = r < 0.03 ? 2 : r < 0.12 ? 3 : 4;
    return {
      uid: `${uidPrefix}-${String(i).padStart(5, '0')}`,
      displayName: `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`,
      departmentPath: department.path,
      level,
      leader: level <= 2,
    };
  });
}
