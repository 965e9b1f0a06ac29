import type { LostReason, Stage } from './schemas.js';

const stage = (id: string, name: string, order: number, probability: number, won = false): Stage => ({
  id,
  name,
  order,
  probability,
  won,
  folded: false,
});

/** The default pipeline, as in Odoo CRM. */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  stage('new', 'New', 1, 10),
  stage('qualified', 'Qualified', 2, 30),
  stage('proposition', 'Proposition', 3, 70),
  stage('won', 'Won', 4, 100, true),
]);

/** The SuiteCRM sales stages (without "Closed Lost": lost is a status, not a stage). */
export const SUITECRM_STAGES: readonly Stage[] = Object.freeze([
  stage('prospecting', 'Prospecting', 1, 10),
  stage('qualification', 'Qualification', 2, 20),
  stage('needs-analysis', 'Needs Analysis', 3, 25),
  stage('value-proposition', 'Value Proposition', 4, 30),
  stage('id-decision-makers', 'Id. Decision Makers', 5, 40),
  stage('perception-analysis', 'Perception Analysis', 6, 50),
  stage('proposal-price-quote', 'Proposal/Price Quote', 7, 65),
  stage('negotiation-review', 'Negotiation/Review', 8, 80),
  stage('closed-won', 'Closed Won', 9, 100, true),
]);

/** Named stage presets, for `<deal-provider stages="...">` and the demo. */
export const STAGE_PRESETS = { default: DEFAULT_STAGES, suitecrm: SUITECRM_STAGES } as const;
export type StagePreset = keyof typeof STAGE_PRESETS;

const SINCE = '2024-01-01T00:00:00.000Z';

/** The default lost reasons, as in Odoo CRM. */
export const DEFAULT_LOST_REASONS: readonly LostReason[] = Object.freeze([
  { id: 'too-expensive', name: 'Too expensive', archived: false, createdAt: SINCE },
  { id: 'not-enough-stock', name: 'Not enough stock', archived: false, createdAt: SINCE },
  { id: 'no-skills', name: "We don't have people/skills", archived: false, createdAt: SINCE },
]);

/** Copies, so callers can hand them to an adapter that mutates its state. */
export function defaultStages(preset: StagePreset = 'default'): Stage[] {
  return STAGE_PRESETS[preset].map((s) => ({ ...s }));
}

export function defaultLostReasons(): LostReason[] {
  return DEFAULT_LOST_REASONS.map((r) => ({ ...r }));
}

export const DEFAULT_CURRENCY = 'USD';
