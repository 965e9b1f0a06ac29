/**
 * What the lost reason combobox offers for the typed text: pure functions,
 * apart from rendering, so the matching rules read (and test) on their own.
 */
import { LIMITS, type LostReason } from '../../model/schemas.js';

/** One entry of the reason list: an existing reason, or the offer to create one. */
export type ReasonOption =
  | { kind: 'reason'; reason: LostReason; label: string }
  | { kind: 'create'; name: string };

/** How names compare: trimmed and case-insensitive, as the store's `ensureLostReason` does. */
export function foldName(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/**
 * The reason named exactly `text` (trimmed, case-insensitive), by its stored
 * name or by the name shown for it (a default reason shows translated).
 */
export function exactReason(
  reasons: readonly LostReason[],
  text: string,
  label: (reason: LostReason) => string,
): LostReason | undefined {
  const wanted = foldName(text);
  if (!wanted) return undefined;
  return reasons.find((reason) => foldName(reason.name) === wanted || foldName(label(reason)) === wanted);
}

/** Whether `text` can name a new reason: 1 to 80 characters once trimmed. */
export function isValidReasonName(text: string): boolean {
  const name = text.trim();
  return name.length >= 1 && name.length <= LIMITS.reason;
}

/**
 * The options for the typed text: every reason whose shown or stored name
 * contains it (case-insensitive; all reasons for empty text), in the order
 * given, then `Create "<text>"` when no reason is named exactly that.
 */
export function reasonOptions(
  reasons: readonly LostReason[],
  text: string,
  label: (reason: LostReason) => string,
): ReasonOption[] {
  const wanted = foldName(text);
  const options: ReasonOption[] = [];
  for (const reason of reasons) {
    const shown = label(reason);
    if (!wanted || foldName(shown).includes(wanted) || foldName(reason.name).includes(wanted)) {
      options.push({ kind: 'reason', reason, label: shown });
    }
  }
  if (wanted && isValidReasonName(text) && !exactReason(reasons, text, label)) {
    options.push({ kind: 'create', name: text.trim() });
  }
  return options;
}
