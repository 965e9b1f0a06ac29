/**
 * Sample data: a realistic demo pipeline whose history is replayed through the
 * real domain rules, and a fast generator of many plain deals for benchmarks.
 * Both are deterministic for a given seed (and `now`), so demos, screenshots
 * and benchmark figures are reproducible.
 */
import { DealAdapterError } from '../adapters/errors.js';
import { defaultLostReasons, defaultStages } from './defaults.js';
import { pick, randomInt, seededRandom, type Random } from './random.js';
import {
  applyLost,
  applyMove,
  applyPatch,
  applyRestore,
  applyWon,
  createDealRecord,
  RANK_STEP,
  sortStages,
  wonStage,
  type RuleContext,
} from './rules.js';
import type { DataSet, Deal, DealStatus, HistoryEvent, LostReason, Stage } from './schemas.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Approximate value of one unit of each demo currency in US dollars, in the
 * shape the forecast's `rates` option takes (display currency USD). Demo pages
 * pass these so the sample pipeline's foreign amounts convert.
 */
export const DEMO_RATES_TO_USD: Readonly<Record<string, number>> = Object.freeze({
  EUR: 1.08,
  GBP: 1.27,
  CNY: 0.14,
  IRR: 0.0000017,
});

/** The custom lost reason the demo adds to the defaults, to show a user-made one. */
export const DEMO_CUSTOM_REASON_NAME = 'Chose a competitor';

export interface DemoDataOptions {
  /** The ISO instant the data leads up to; defaults to the current time. */
  now?: string;
  /** Seed of the random choices (amounts, dates, stages, statuses); default 1. */
  seed?: number;
  /** The pipeline; defaults to `defaultStages()`. Needs a won stage and an open one. */
  stages?: Stage[];
  /**
   * The lost reasons to use; defaults to the default reasons plus
   * "Chose a competitor". Every non-archived reason is used by some lost deal.
   */
  lostReasons?: LostReason[];
}

export interface GenerateDealsOptions {
  /** Seed of the random choices; default 1. */
  seed?: number;
  /** Defaults to `defaultStages()`. */
  stages?: Stage[];
  /** Reasons of the lost deals; defaults to `defaultLostReasons()`. */
  lostReasons?: LostReason[];
  /** The ISO instant dates are spread around; defaults to the current time. */
  now?: string;
  /** Currencies to use: the first for about 70% of deals, the others share the rest. Default `['USD']`. */
  currencies?: string[];
}

// ---- shared helpers --------------------------------------------------------

const invalid = (message: string, field: string): DealAdapterError =>
  new DealAdapterError('validation', message, { fieldErrors: { [field]: message } });

function parseNow(now: string | undefined): number {
  if (now === undefined) return Date.now();
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw invalid(`"${now}" is not an ISO instant.`, 'now');
  return ms;
}

/** Open stages in column order and the won stage; throws if either is missing. */
function pipelineOf(stages: readonly Stage[]): { open: Stage[]; won: Stage } {
  const won = wonStage(stages);
  const open = sortStages(stages).filter((s) => !s.won);
  if (open.length === 0) throw invalid('The pipeline needs at least one stage that is not the won stage.', 'stages');
  return { open, won };
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms: number): string => new Date(Math.round(ms / MINUTE) * MINUTE).toISOString();

/** Rounds to three significant digits, as people quote prices. */
function roundPrice(value: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 2);
  return Math.round(value / magnitude) * magnitude;
}

/** A roughly normal number (mean 0, deviation 1) from three uniform draws: cheap and good enough for amounts. */
const roughNormal = (random: Random): number => (random() + random() + random() - 1.5) * 2;

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// ---- the demo catalogue ----------------------------------------------------

interface Prospect {
  company: string;
  contact: string;
  title: string;
  currency: string;
  /** Forces the outcome, so the showcase deals are where a demo needs them. */
  status?: DealStatus;
  /** How the deal is lost, with a note in the prospect's language (if that reason is in use). */
  loss?: { reasonId: string; note: string };
}

const prospect = (company: string, contact: string, what: string, currency = 'USD', extra: Partial<Prospect> = {}): Prospect => ({
  company,
  contact,
  title: `${company} — ${what}`,
  currency,
  ...extra,
});

const PROSPECTS: readonly Prospect[] = [
  prospect('Acme Corp', 'Jane Whitfield', '50 seats renewal', 'USD', { status: 'open' }),
  prospect('Globex Corporation', 'Marcus Hale', 'Warehouse analytics pilot'),
  prospect('Initech', 'Dana Porter', 'Reporting module upgrade'),
  prospect('Northwind Traders', 'Olivia Grant', '120 seats expansion'),
  prospect('Contoso Ltd', 'Raj Patel', 'Annual support contract'),
  prospect('Umbrella Logistics', 'Carla Mendes', 'Fleet tracking rollout'),
  prospect('Stark Industrial Supply', 'Ben Archer', 'Procurement portal'),
  prospect('Blue Ridge Health', 'Alicia Moreno', 'Patient intake, 300 seats'),
  prospect('Cascade Outdoor Co.', 'Tyler Brooks', 'E-commerce integration'),
  prospect('Pinnacle Financial Group', 'Grace Liu', 'Compliance dashboard'),
  prospect('Redwood Dental Partners', 'Nathan Cole', '12-clinic scheduling suite'),
  prospect('Summit Freight', 'Keisha Johnson', 'Route optimisation add-on'),
  prospect('Harbor Point Hotels', 'Evan Wright', 'Guest CRM for 40 properties'),
  prospect('Bright Path Schools', 'Monica Reyes', 'District licence renewal'),
  prospect('Ironclad Security', 'Victor Huang', 'SOC tooling bundle'),
  prospect('Lakeside Manufacturing', 'Doug Peterson', 'MES connector'),
  prospect('Meridian Insurance', 'Sophie Tran', 'Claims workflow pilot'),
  prospect('Orchard Foods', "Patrick O'Neill", '200 seats renewal'),
  prospect('Quantum Devices', 'Laura Kim', 'Field service app'),
  prospect('Sterling & Wolfe LLP', 'Henry Sterling', 'Document management, 80 seats'),
  prospect('Vertex Robotics', 'Aisha Bello', 'Partner portal'),
  prospect('Willow Creek Realty', 'Megan Foster', 'Lead routing setup'),
  prospect('Atlas Aerospace', 'Robert Chen', 'Supplier quality module'),
  prospect('Beacon Media', 'Chloe Adams', 'Ad sales pipeline'),
  prospect('Copperline Telecom', 'Omar Haddad', 'Enterprise upgrade, 500 seats'),
  prospect('Delta Pharma Labs', 'Rachel Stein', 'Validation package'),
  prospect('Evergreen Credit Union', 'Luis Ortega', 'Member onboarding'),
  prospect('Falcon Rail', 'Steven Park', 'Maintenance planning pilot'),
  prospect('Granite Construction Group', 'Kevin Doyle', 'Bid management, 60 seats'),
  prospect('Horizon Solar', 'Emily Nguyen', 'Installer scheduling'),
  prospect('Maple Leaf Outfitters', 'Jacob Martin', 'Retail POS sync'),
  prospect('Sunrise Care Homes', 'Patricia Diaz', 'Care planning licences'),
  prospect('Great Plains Agri', 'Dale Thompson', 'Dealer network portal'),
  prospect('Silverline Charter', 'Naomi Fischer', 'Crew scheduling'),
  prospect('Copper Canyon Mining', 'Hector Alvarez', 'Safety compliance suite'),
  prospect('TechNova Solutions', 'Ravi Kumar', 'Reseller agreement'),
  prospect('Pacific Rim Imports', 'Kenji Watanabe', 'Customs documents module'),
  prospect('Magnolia Events', 'Savannah Reed', 'Venue booking CRM'),
  prospect('Müller Maschinenbau GmbH', 'Klaus Müller', 'Service contract 2026', 'EUR'),
  prospect('Transports Lefèvre SA', 'Élodie Lefèvre', 'Dispatch module', 'EUR'),
  prospect('Van der Berg Logistiek BV', 'Pieter van der Berg', '75 seats renewal', 'EUR'),
  prospect('Nordlicht Energie AG', 'Anja Schröder', 'Grid analytics pilot', 'EUR'),
  prospect('Ferreira & Filhos Lda', 'João Ferreira', 'ERP connector', 'EUR'),
  prospect('Bianchi Arredamenti SpA', 'Giulia Bianchi', 'Showroom CRM', 'EUR'),
  prospect('Kowalski Systems', 'Marta Kowalska', 'Support upgrade', 'EUR'),
  prospect('Helsinki Data Oy', 'Mikko Virtanen', 'API access tier', 'EUR'),
  prospect('Iberia Foods SL', 'Carmen Ruiz', 'Distributor portal', 'EUR'),
  prospect('Liffey Fintech Ltd', 'Aoife Byrne', 'KYC workflow', 'EUR'),
  prospect('Thames Valley Engineering', 'Oliver Bennett', 'Asset register, 30 seats', 'GBP'),
  prospect('Highland Distillers Ltd', 'Fiona MacLeod', 'Export order tracking', 'GBP'),
  prospect('Brighton Digital', 'Harriet Cole', 'Agency plan upgrade', 'GBP'),
  prospect('Pennine Utilities', 'George Walsh', 'Field crew app', 'GBP'),
  prospect('Cambridge BioAnalytics', 'Dr Priya Shah', 'LIMS integration', 'GBP'),
  prospect('Cardiff Marine Ltd', 'Rhys Evans', 'Fleet insurance CRM', 'GBP'),
  // Non-Latin scripts, so the demo shows CJK and right-to-left text.
  { company: '上海星辰科技有限公司', contact: '王伟', title: '上海星辰科技 — 200 套年度订阅', currency: 'CNY', status: 'open' },
  { company: '深圳华信电子有限公司', contact: '李娜', title: '深圳华信电子 — 生产线数据平台', currency: 'CNY', status: 'won' },
  { company: '台北鼎新資訊股份有限公司', contact: '陳怡君', title: '台北鼎新資訊 — 年度維護合約', currency: 'USD', status: 'open' },
  { company: 'شرکت پارس داده‌پرداز', contact: 'علی رضایی', title: 'پارس داده‌پرداز — ۵۰ مجوز نرم‌افزار', currency: 'IRR', status: 'open' },
  {
    company: 'صنایع فولاد سپاهان',
    contact: 'مریم احمدی',
    title: 'فولاد سپاهان — سامانه نگهداری و تعمیرات',
    currency: 'IRR',
    status: 'lost',
    loss: { reasonId: 'too-expensive', note: 'قیمت پیشنهادی از سقف بودجه پروژه بالاتر بود.' },
  },
  // Untrusted text must render as text: this title would run script if it were parsed as HTML.
  prospect('Markup Test Co', 'Eve Example', '<b>Bold</b> & <img src=x onerror=alert(1)>', 'USD', { status: 'open' }),
];

const OWNERS = ['Mia Chen', 'Jonas Weber', 'Priya Nair', 'Sam Okafor', 'Leila Karimi', 'Tom Brennan'];
const TAGS = ['enterprise', 'smb', 'renewal', 'upsell', 'new-logo', 'partner', 'inbound', 'referral', 'pilot', 'public-sector'];
const PRIORITIES = [0, 0, 1, 1, 1, 2, 2, 3];
const MANUAL_PROBABILITIES = [15, 40, 55, 85, 90];

const LOST_NOTES: Record<string, string[]> = {
  'too-expensive': ['Went with a cheaper local vendor.', 'Budget cut by 30% after the board review.', 'Price per seat was twice their ceiling.'],
  'not-enough-stock': ['Needed 500 units by March; we could ship 200.', 'Lead time of 10 weeks was too long for them.'],
  'no-skills': ['They needed on-site SAP integration; we have no consultants in the region.', 'No Mandarin-speaking support team.'],
  'chose-competitor': ['Signed with a competitor bundled into their ERP.', 'Incumbent matched our offer.'],
};
const GENERIC_LOST_NOTES = ['Decision postponed indefinitely.', 'Champion left the company.'];

const customReason = (nowMs: number): LostReason => ({
  id: 'chose-competitor',
  name: DEMO_CUSTOM_REASON_NAME,
  archived: false,
  createdAt: isoInstant(nowMs - 180 * DAY),
});

// ---- demo data: plan each deal's story, then replay all stories in time order

type Step =
  | { kind: 'create' }
  | { kind: 'move'; stage: Stage }
  | { kind: 'probability'; probability: number }
  | { kind: 'won' }
  | { kind: 'lost'; reasonId: string; note: string }
  | { kind: 'restore' };

interface Story {
  prospect: Prospect;
  status: DealStatus;
  finalStage: Stage;
  steps: Step[];
  /** Instant (ms) of each step. */
  times: number[];
  amount: number;
  expectedClose: string | null;
  owner: string;
  priority: number;
  tags: string[];
  rank: number;
}

/** The stages a deal passes through to reach `open[last]`: the first, some in between, the last. */
function pathTo(random: Random, open: readonly Stage[], last: number): Step[] {
  const steps: Step[] = [{ kind: 'create' }];
  for (let i = 1; i <= last; i++) {
    if (i === last || random() < 0.8) steps.push({ kind: 'move', stage: open[i]! });
  }
  return steps;
}

/**
 * Instants for `count` steps from `start`: the gaps are random but of similar
 * size, so no two steps fall together. A closed deal's last step is at `end`;
 * an open deal's last step comes some time before `end` (now).
 */
function stepTimes(random: Random, count: number, start: number, end: number, closed: boolean): number[] {
  const gaps = Array.from({ length: closed ? count - 1 : count }, () => 0.5 + random());
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const times = [start];
  let elapsed = 0;
  for (let i = 0; i < count - 1; i++) {
    elapsed += gaps[i]!;
    times.push(start + ((end - start) * elapsed) / total);
  }
  return times.map((ms) => Math.round(ms / MINUTE) * MINUTE);
}

/** How many deals end open, won and lost: about 60/20/20, with the forced outcomes honoured. */
function outcomes(random: Random, prospects: readonly Prospect[]): DealStatus[] {
  const won = Math.round(prospects.length * 0.2);
  const lost = Math.round(prospects.length * 0.2);
  const pool: DealStatus[] = [
    ...Array<DealStatus>(prospects.length - won - lost).fill('open'),
    ...Array<DealStatus>(won).fill('won'),
    ...Array<DealStatus>(lost).fill('lost'),
  ];
  for (const p of prospects) if (p.status) pool.splice(pool.indexOf(p.status), 1);
  shuffle(random, pool);
  return prospects.map((p) => p.status ?? pool.pop()!);
}

/**
 * A demo pipeline of about 60 B2B deals, with a history that the real rules
 * wrote: every deal is created weeks or months before `now`, moved through the
 * stages, and some are won, lost (with a reason and note) or lost and
 * restored. Stage win rates and time in stage therefore have real data.
 *
 * The same `seed` and `now` always give the same data. Ids are `deal-001`...
 * in creation order and `evt-0001`... in time order.
 */
export function demoData(options: DemoDataOptions = {}): DataSet {
  const nowMs = parseNow(options.now);
  const random = seededRandom(options.seed ?? 1);
  const stages = (options.stages ?? defaultStages()).map((s) => ({ ...s }));
  const { open, won } = pipelineOf(stages);
  const lostReasons = options.lostReasons
    ? options.lostReasons.map((r) => ({ ...r }))
    : [...defaultLostReasons(), customReason(nowMs)];
  const usableReasons = lostReasons.filter((r) => !r.archived);
  if (usableReasons.length === 0) throw invalid('The demo needs at least one lost reason that is not archived.', 'lostReasons');

  const statuses = outcomes(random, PROSPECTS);
  // Owners are dealt like cards, so each carries a similar share of the pipeline.
  const owners = shuffle(random, PROSPECTS.map((_, i) => OWNERS[i % OWNERS.length]!));
  let openSeen = 0;
  let lostSeen = 0;
  const stories: Story[] = PROSPECTS.map((prospect, index) => {
    const status = statuses[index]!;
    const baseUsd = Math.min(500_000, Math.max(2_000, Math.exp(Math.log(30_000) + 0.9 * roughNormal(random))));
    const toUsd = prospect.currency === 'USD' ? 1 : DEMO_RATES_TO_USD[prospect.currency] ?? 1;
    const story: Story = {
      prospect,
      status,
      finalStage: open[0]!,
      steps: [],
      times: [],
      amount: roundPrice(baseUsd / toUsd),
      expectedClose: null,
      owner: owners[index]!,
      priority: pick(random, PRIORITIES),
      tags: shuffle(random, [...TAGS]).slice(0, randomInt(random, 0, 3)),
      rank: 0,
    };

    if (status === 'open') {
      const nth = openSeen++;
      // The first open deals cover every stage; the rest lean to the early ones.
      const last = nth < open.length ? nth : Math.floor(random() ** 1.4 * open.length);
      story.finalStage = open[last]!;
      story.steps = pathTo(random, open, last);
      // A few deals are overdue, two have no date yet; the rest close within nine months.
      // Near-term dates are more common, as in a real pipeline.
      let closeMs: number | null = nowMs + Math.round(-15 + 285 * random() ** 1.3) * DAY;
      if (nth % 9 === 4) closeMs = nowMs - randomInt(random, 3, 90) * DAY;
      if (nth === 7 || nth === 20) closeMs = null;
      story.expectedClose = closeMs === null ? null : isoDay(closeMs);
      if (nth % 8 === 3) {
        const at = randomInt(random, 1, story.steps.length);
        story.steps.splice(at, 0, { kind: 'probability', probability: pick(random, MANUAL_PROBABILITIES) });
      }
      if (nth === 5) {
        // Lost, then won back: the reason stays in history after the restore.
        const at = Math.max(1, story.steps.length - 1);
        const reason = usableReasons[0]!;
        story.steps.splice(at, 0, { kind: 'lost', reasonId: reason.id, note: 'Paused for a budget review.' }, { kind: 'restore' });
      }
      let start = nowMs - randomInt(random, 10, 200) * DAY - randomInt(random, 0, 600) * MINUTE;
      if (closeMs !== null) start = Math.min(start, closeMs - randomInt(random, 20, 90) * DAY);
      story.times = stepTimes(random, story.steps.length, start, nowMs, false);
    } else {
      const closedAt = nowMs - randomInt(random, 1, 120) * DAY - randomInt(random, 0, 600) * MINUTE;
      const start = closedAt - randomInt(random, 20, 120) * DAY - randomInt(random, 0, 600) * MINUTE;
      story.expectedClose = isoDay(closedAt + randomInt(random, -20, 40) * DAY);
      if (status === 'won') {
        story.finalStage = won;
        story.steps = [...pathTo(random, open, open.length - 1), { kind: 'won' }];
      } else {
        const nth = lostSeen++;
        const last = nth < open.length ? nth : randomInt(random, 0, open.length - 1);
        story.finalStage = open[last]!;
        // The reason and note are chosen below, once all losses are known.
        story.steps = [...pathTo(random, open, last), { kind: 'lost', reasonId: '', note: '' }];
      }
      story.times = stepTimes(random, story.steps.length, start, closedAt, true);
    }
    return story;
  });

  chooseLossReasons(random, stories, usableReasons);

  // Column order: higher priority first, then catalogue order.
  for (const stage of stages) {
    stories
      .filter((s) => s.finalStage.id === stage.id)
      .sort((a, b) => b.priority - a.priority)
      .forEach((story, i) => (story.rank = (i + 1) * RANK_STEP));
  }

  return { stages, lostReasons, ...replay(stories, stages, lostReasons) };
}

/**
 * Fills in the reason and note of each lost story: a prospect's own loss
 * first, then every reason not used yet, then at random with the first
 * reasons more common (as "Too expensive" is in real pipelines).
 */
function chooseLossReasons(random: Random, stories: readonly Story[], reasons: readonly LostReason[]): void {
  const losses = stories.filter((s) => s.status === 'lost').map((s) => ({ story: s, step: s.steps.at(-1) as Step & { kind: 'lost' } }));
  const unused = new Set(reasons.map((r) => r.id));
  for (const { story, step } of losses) {
    const own = story.prospect.loss;
    if (own && reasons.some((r) => r.id === own.reasonId)) {
      Object.assign(step, own);
      unused.delete(own.reasonId);
    }
  }
  losses.forEach(({ step }, nth) => {
    if (step.reasonId) return;
    const next: string | undefined = unused.values().next().value;
    step.reasonId = next ?? reasons[Math.floor(random() ** 1.5 * reasons.length)]!.id;
    unused.delete(step.reasonId);
    // One loss without a note: the note is optional.
    step.note = nth === 6 ? '' : pick(random, LOST_NOTES[step.reasonId] ?? GENERIC_LOST_NOTES);
  });
}

/** Runs every story's steps through the domain rules, all deals interleaved in time order. */
function replay(
  stories: readonly Story[],
  stages: readonly Stage[],
  lostReasons: readonly LostReason[],
): { deals: Deal[]; history: HistoryEvent[] } {
  const { open, won } = pipelineOf(stages);
  const firstStage = open[0]!;
  const actions = stories
    .flatMap((story, s) => story.steps.map((step, i) => ({ story, s, step, at: story.times[i]! })))
    .sort((a, b) => a.at - b.at || a.s - b.s);
  const dealOf = new Map<Story, Deal>();
  const history: HistoryEvent[] = [];
  let dealCount = 0;
  let eventCount = 0;
  const nextEventId = () => `evt-${String(++eventCount).padStart(4, '0')}`;

  for (const { story, step, at } of actions) {
    const ctx: RuleContext = { now: new Date(at).toISOString(), newId: nextEventId };
    const deal = dealOf.get(story);
    let result;
    if (step.kind === 'create') {
      const dealId = `deal-${String(++dealCount).padStart(3, '0')}`;
      const ids = [dealId];
      const { prospect } = story;
      const input = {
        title: prospect.title,
        company: prospect.company,
        contact: prospect.contact,
        amount: story.amount,
        currency: prospect.currency,
        // Every story starts in the first open stage: its path begins there.
        stageId: firstStage.id,
        expectedClose: story.expectedClose,
        owner: story.owner,
        priority: story.priority,
        tags: story.tags,
      };
      result = createDealRecord(input, stages, story.rank, { ...ctx, newId: () => ids.shift() ?? nextEventId() });
    } else if (!deal) {
      throw new Error('A story step ran before its deal was created.');
    } else if (step.kind === 'move') {
      result = applyMove(deal, step.stage, story.rank, stages, ctx);
    } else if (step.kind === 'probability') {
      result = applyPatch(deal, { probability: step.probability }, stages, ctx);
    } else if (step.kind === 'won') {
      result = applyWon(deal, won, story.rank, ctx);
    } else if (step.kind === 'lost') {
      result = applyLost(deal, { reasonId: step.reasonId, note: step.note }, lostReasons, ctx);
    } else {
      result = applyRestore(deal, stages, ctx);
    }
    dealOf.set(story, result.deal);
    if (result.event) history.push(result.event);
  }
  const deals = [...dealOf.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { deals, history };
}

// ---- many deals, fast ------------------------------------------------------

const COMPANY_HEADS = ['Acme', 'Globex', 'Northwind', 'Contoso', 'Initech', 'Umbrella', 'Vertex', 'Summit', 'Harbor', 'Pinnacle', 'Redwood', 'Atlas', 'Beacon', 'Falcon', 'Granite', 'Horizon', 'Quantum', 'Evergreen', 'Copperline', 'Lakeside'];
const COMPANY_TAILS = ['Corp', 'Ltd', 'Group', 'Industries', 'Logistics', 'Health', 'Systems', 'Foods', 'Energy', 'Media'];
const PRODUCTS = ['50 seats renewal', '200 seats expansion', 'support contract', 'pilot', 'ERP integration', 'enterprise upgrade', 'site licence', 'global rollout'];
const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'David', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas'];
const LAST_NAMES = ['Smith', 'Garcia', 'Chen', 'Okafor', 'Novak', 'Rossi', 'Karimi', 'Larsen', 'Silva', 'Tanaka'];

/**
 * `count` valid deals without history, for benchmarks and stress tests:
 * about 70% open (spread over the open stages), 15% won, 15% lost; about 20
 * owners; expected close dates within twelve months either side of `now`;
 * log-normal-ish amounts; ranks increasing per stage. Ids are `deal-…`
 * numbered from 1. 100,000 deals take well under a second.
 */
export function generateDeals(count: number, options: GenerateDealsOptions = {}): Deal[] {
  if (!Number.isInteger(count) || count < 0) throw invalid(`The count must be a whole number ≥ 0, not ${count}.`, 'count');
  const nowMs = parseNow(options.now);
  const random = seededRandom(options.seed ?? 1);
  const stages = options.stages ?? defaultStages();
  const { open, won } = pipelineOf(stages);
  const lastOpen = open[open.length - 1]!;
  const reasons = (options.lostReasons ?? defaultLostReasons()).filter((r) => !r.archived);
  if (reasons.length === 0) throw invalid('At least one lost reason must not be archived.', 'lostReasons');
  const [mainCurrency = 'USD', ...otherCurrencies] = options.currencies ?? [];
  const owners = Array.from({ length: 20 }, (_, i) => `${FIRST_NAMES[i % 10]} ${LAST_NAMES[(i * 3 + Math.floor(i / 10)) % 10]}`);

  // Building strings is the slow part: build each name, title and date once.
  const companies = COMPANY_HEADS.flatMap((head) => COMPANY_TAILS.map((tail) => `${head} ${tail}`));
  const titles = companies.map((company) => PRODUCTS.map((product) => `${company} — ${product}`));
  const contacts = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));
  const days = Array.from({ length: 731 }, (_, i) => isoDay(nowMs + (i - 365) * DAY));
  const instants = Array.from({ length: 731 }, (_, i) => new Date(nowMs - i * DAY).toISOString());
  const ranks = new Map<string, number>();
  const width = String(count).length;
  const deals: Deal[] = new Array(count);

  for (let i = 0; i < count; i++) {
    const roll = random();
    const status: DealStatus = roll < 0.7 ? 'open' : roll < 0.85 ? 'won' : 'lost';
    const stage = status === 'won' ? won : open[Math.floor(random() * open.length)]!;
    const rank = (ranks.get(stage.id) ?? 0) + RANK_STEP;
    ranks.set(stage.id, rank);
    const createdDaysAgo = randomInt(random, 1, 730);
    const closedDaysAgo = randomInt(random, 0, Math.min(createdDaysAgo, 365));
    const createdAt = instants[createdDaysAgo]!;
    const closedAt = status === 'open' ? null : instants[closedDaysAgo]!;
    const companyIndex = Math.floor(random() * companies.length);
    const currency = otherCurrencies.length === 0 || random() < 0.7 ? mainCurrency : pick(random, otherCurrencies);
    deals[i] = {
      id: `deal-${String(i + 1).padStart(width, '0')}`,
      title: pick(random, titles[companyIndex]!),
      company: companies[companyIndex]!,
      contact: pick(random, contacts),
      amount: Math.round(Math.exp(Math.log(20_000) + roughNormal(random))),
      currency,
      stageId: stage.id,
      probability: status === 'open' ? stage.probability : status === 'won' ? 100 : 0,
      probabilityManual: false,
      expectedClose: days[randomInt(random, 0, 730)]!,
      owner: pick(random, owners),
      priority: pick(random, PRIORITIES),
      tags: random() < 0.5 ? [] : [pick(random, TAGS)],
      status,
      rank,
      lostReasonId: status === 'lost' ? pick(random, reasons).id : null,
      closingNote: '',
      probabilityBeforeClose: status === 'open' ? null : status === 'won' ? lastOpen.probability : stage.probability,
      closedAt,
      createdAt,
      updatedAt: closedAt ?? createdAt,
      version: status === 'open' ? '1' : '2',
    };
  }
  return deals;
}
