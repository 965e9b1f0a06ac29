/** Texts of `<deal-lost-reasons>` in every supported locale. */
import { commonMessages } from '../../i18n/common.js';
import { formatterFor } from '../../i18n/format.js';
import { defineMessages, mergeCatalogues } from '../../i18n/messages.js';

const en = formatterFor('en');

/** The English messages. They set the keys and parameter types that every locale file must match. */
const english = {
  'reasons.title': 'Lost reasons',
  'reasons.hint':
    'Reasons are never deleted. Archive a reason to stop offering it; deals lost with it keep showing its name.',
  'reasons.newLabel': 'New reason',
  'reasons.add': 'Add reason',
  'reasons.nameMissing': 'Type a name for the reason.',
  'reasons.duplicate': (p: { name: string }) => `A lost reason named "${p.name}" already exists.`,
  'reasons.duplicateArchived': (p: { name: string }) =>
    `A lost reason named "${p.name}" already exists, archived. Show archived reasons to unarchive it.`,
  'reasons.added': (p: { name: string }) => `Lost reason "${p.name}" added.`,
  'reasons.showArchived': 'Show archived',
  'reasons.archivedBadge': 'Archived',
  'reasons.usage': (p: { count: number }) =>
    p.count === 0 ? 'Not used' : en.plural(p.count, { one: '# lost deal', other: '# lost deals' }),
  'reasons.rename': 'Rename',
  'reasons.renameLabel': (p: { name: string }) => `Rename "${p.name}"`,
  'reasons.nameInputLabel': (p: { name: string }) => `New name for "${p.name}"`,
  'reasons.save': 'Save',
  'reasons.renamed': (p: { from: string; to: string }) => `"${p.from}" renamed to "${p.to}".`,
  'reasons.archive': 'Archive',
  'reasons.unarchive': 'Unarchive',
  'reasons.archiveLabel': (p: { name: string }) => `Archive "${p.name}"`,
  'reasons.unarchiveLabel': (p: { name: string }) => `Unarchive "${p.name}"`,
  'reasons.archivedNotice': (p: { name: string }) => `"${p.name}" archived: it is no longer offered when marking deals lost.`,
  'reasons.unarchivedNotice': (p: { name: string }) => `"${p.name}" is offered again when marking deals lost.`,
  'reasons.empty': 'No lost reasons yet. Add the first one above.',
  'reasons.allArchived': 'Every lost reason is archived. Show archived reasons to see them.',
};

/** The type of the `<deal-lost-reasons>` messages in one locale; each locale file (`messages/<locale>.ts`) gives its messages this type. */
export type LostReasonsMessages = typeof english;

export const lostReasonsMessages = defineMessages({
  en: english,
  'zh-Hans': () => import('./messages/zh-Hans.js'),
  'zh-Hant': () => import('./messages/zh-Hant.js'),
  fa: () => import('./messages/fa.js'),
});

/** Everything the element says: the common messages and its own. */
export const lostReasonsCatalogue = mergeCatalogues(commonMessages, lostReasonsMessages);

/** Everything the element says in one locale. */
export type LostReasonsCatalogueMessages = (typeof lostReasonsCatalogue)['en'];
