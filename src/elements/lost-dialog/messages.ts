/**
 * Texts of `<deal-lost-dialog>` in every supported locale. The title, the
 * buttons and the field names come from the common messages ("Mark as lost",
 * "Lost reason", "Closing note"), so they match the rest of the kit.
 */
import { commonMessages } from '../../i18n/common.js';
import { formatterFor } from '../../i18n/format.js';
import { defineMessages, mergeCatalogues } from '../../i18n/messages.js';

const en = formatterFor('en');

/** The English messages. They set the keys and parameter types that every locale file must match. */
const english = {
  'lost.headingSeveral': (p: { count: number }) => en.plural(p.count, { one: 'Mark # deal as lost', other: 'Mark # deals as lost' }),
  'lost.total': (p: { amount: string }) => `Total: ${p.amount}`,
  'lost.missingRates': (p: { count: number; currencies: string }) =>
    en.plural(p.count, {
      one: `# deal in ${p.currencies} has no exchange rate and is not in the total.`,
      other: `# deals in ${p.currencies} have no exchange rate and are not in the total.`,
    }),
  'lost.more': (p: { count: number }) => `and ${en.number(p.count)} more`,
  'lost.optional': 'optional',
  'lost.requiredHint': 'Choose a lost reason to mark as lost.',
  'lost.placeholder': 'Type to search or create',
  'lost.create': (p: { name: string }) => `Create "${p.name}"`,
  'lost.creating': (p: { name: string }) => `Creating "${p.name}"…`,
  'lost.created': (p: { name: string }) => `Lost reason "${p.name}" created and chosen.`,
  'lost.unresolved': (p: { name: string }) =>
    `"${p.name}" is not a lost reason yet. Choose it from the list, or choose Create to add it.`,
  'lost.noReasons': 'No lost reasons yet. Type a name to create one.',
  'lost.counter': (p: { count: number; max: number }) => `${en.number(p.count)} / ${en.number(p.max)}`,
  'lost.counterStatus': (p: { count: number; max: number }) =>
    `${en.number(p.count)} of ${en.number(p.max)} characters used`,
  'lost.saving': 'Saving…',
  'lost.partlySaved': (p: { saved: number; total: number }) =>
    `${en.number(p.saved)} of ${en.number(p.total)} deals were marked lost; the others were not saved.`,
};

/** The type of the `<deal-lost-dialog>` messages in one locale; each locale file (`messages/<locale>.ts`) gives its messages this type. */
export type LostDialogMessages = typeof english;

export const lostDialogMessages = defineMessages({
  en: english,
  'zh-Hans': () => import('./messages/zh-Hans.js'),
  'zh-Hant': () => import('./messages/zh-Hant.js'),
  fa: () => import('./messages/fa.js'),
});

/** Everything the dialog says: the common messages and its own. */
export const lostDialogCatalogue = mergeCatalogues(commonMessages, lostDialogMessages);

/** Everything the dialog says in one locale. */
export type LostDialogCatalogueMessages = (typeof lostDialogCatalogue)['en'];
