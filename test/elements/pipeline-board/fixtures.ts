/** Shared data and helpers of the board tests. */
import { fixture, html, nextFrame } from '@open-wc/testing';
import type { DealAdapter } from '../../../src/adapters/adapter.js';
import { MemoryAdapter, type MemoryData } from '../../../src/adapters/memory-adapter.js';
import '../../../src/define/provider.js';
import '../../../src/define/pipeline-board.js';
import type { DealPipelineBoard } from '../../../src/elements/pipeline-board/pipeline-board.js';
import type { DealProvider } from '../../../src/elements/provider/deal-provider.js';
import type { Deal } from '../../../src/model/schemas.js';
import type { DealStore } from '../../../src/store/deal-store.js';

export const TODAY = '2026-06-15';
const NOW = '2026-06-01T10:00:00.000Z';
const PROBABILITY: Record<string, number> = { new: 10, qualified: 30, proposition: 70, won: 100 };

/** A valid open deal in a stage of the default pipeline. */
export function makeDeal(id: string, stageId: string, rank: number, extra: Partial<Deal> = {}): Deal {
  return {
    id,
    title: `Deal ${id}`,
    company: 'Acme Corp',
    contact: '',
    amount: 1000,
    currency: 'USD',
    stageId,
    probability: PROBABILITY[stageId] ?? 10,
    probabilityManual: false,
    expectedClose: '2026-07-01',
    owner: 'Mia Chen',
    priority: 0,
    tags: [],
    status: 'open',
    rank,
    lostReasonId: null,
    closingNote: '',
    probabilityBeforeClose: null,
    closedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: '1',
    ...extra,
  };
}

/** New: Acme renewal, a2, a3; Qualified: b1, b2; Proposition: c1; Won: w1. */
export function smallPipeline(): Deal[] {
  return [
    makeDeal('a1', 'new', 1024, { title: 'Acme renewal', amount: 5000, owner: 'Jonas Weber', tags: ['renewal'] }),
    makeDeal('a2', 'new', 2048, { expectedClose: '2026-06-10' }),
    makeDeal('a3', 'new', 3072, { expectedClose: null }),
    makeDeal('b1', 'qualified', 1024),
    makeDeal('b2', 'qualified', 2048),
    makeDeal('c1', 'proposition', 1024),
    makeDeal('w1', 'won', 1024, {
      status: 'won',
      probability: 100,
      probabilityBeforeClose: 70,
      closedAt: NOW,
      version: '2',
    }),
  ];
}

export interface Mounted {
  provider: DealProvider;
  board: DealPipelineBoard;
  store: DealStore;
}

export interface MountOptions {
  locale?: string;
  rates?: Record<string, number>;
  height?: string;
}

/**
 * The next animation frame, or 100 ms when frames do not come: a test page
 * in a background tab (the runner opens two at once) gets no frames.
 */
export const frame = (): Promise<unknown> => Promise.race([nextFrame(), new Promise((resolve) => setTimeout(resolve, 100))]);

/** Waits for the board to render and measure itself (the measuring may render once more). */
export async function settle(board: DealPipelineBoard): Promise<void> {
  await board.updateComplete;
  await frame();
  await board.updateComplete;
  await frame();
  await board.updateComplete;
}

/** A provider on `adapter` (or memory data) with a board inside, loaded and rendered. */
export async function mountBoard(source: DealAdapter | MemoryData, options: MountOptions = {}): Promise<Mounted> {
  const adapter = 'listDeals' in source ? source : new MemoryAdapter(source);
  const provider = await fixture<DealProvider>(html`
    <deal-provider .adapter=${adapter} locale=${options.locale ?? 'en'} .rates=${options.rates ?? {}}>
      <deal-pipeline-board today=${TODAY} style="height: ${options.height ?? '600px'}"></deal-pipeline-board>
    </deal-provider>
  `);
  const board = provider.querySelector('deal-pipeline-board')!;
  const store = provider.store!;
  await store.ready;
  await settle(board);
  return { provider, board, store };
}

export const shadow = (board: DealPipelineBoard): ShadowRoot => board.shadowRoot!;

/** The focusable part of a card. */
export function cardFocus(board: DealPipelineBoard, dealId: string): HTMLElement | null {
  return shadow(board).querySelector<HTMLElement>(`[data-card-focus][data-deal-id="${dealId}"]`);
}

export function card(board: DealPipelineBoard, dealId: string): HTMLElement | null {
  return shadow(board).querySelector<HTMLElement>(`[data-card][data-deal-id="${dealId}"]`);
}

export function column(board: DealPipelineBoard, stageId: string): HTMLElement {
  return shadow(board).querySelector<HTMLElement>(`[data-column][data-stage-id="${stageId}"]`)!;
}

/** What the polite live region says now. */
export const announced = (board: DealPipelineBoard): string =>
  shadow(board).querySelector('[data-live]')!.textContent!.trim();

export const idsIn = (store: DealStore, stageId: string): string[] => store.column(stageId).map((deal) => deal.id);

/** The centre of an element, in whole viewport pixels (what sendMouse takes). */
export function centre(element: Element, dx = 0, dy = 0): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2 + dx), Math.round(rect.top + rect.height / 2 + dy)];
}

/** A point on a card's title, away from its buttons. */
export function grabPoint(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 3), Math.round(rect.top + 14)];
}

/** Resolves with the next event of that type on `target`. */
export function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as E), { once: true }));
}
