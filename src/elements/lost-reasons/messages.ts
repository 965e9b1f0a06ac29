/** Texts of `<deal-lost-reasons>` in every supported locale. */
import { commonMessages } from '../../i18n/common.js';
import { formatterFor } from '../../i18n/format.js';
import { defineMessages, mergeCatalogues } from '../../i18n/messages.js';

const en = formatterFor('en');
const zhHans = formatterFor('zh-Hans');
const zhHant = formatterFor('zh-Hant');
const fa = formatterFor('fa');

export const lostReasonsMessages = defineMessages({
  en: {
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
  },

  'zh-Hans': {
    'reasons.title': '丢失原因',
    'reasons.hint': '丢失原因不会被删除。归档某个原因后,标记丢失时将不再提供它;以该原因丢失的商机仍会显示其名称。',
    'reasons.newLabel': '新丢失原因',
    'reasons.add': '添加原因',
    'reasons.nameMissing': '请输入原因名称。',
    'reasons.duplicate': (p) => `名为“${p.name}”的丢失原因已存在。`,
    'reasons.duplicateArchived': (p) => `名为“${p.name}”的丢失原因已存在,但已归档。显示已归档的原因即可取消归档。`,
    'reasons.added': (p) => `已添加丢失原因“${p.name}”。`,
    'reasons.showArchived': '显示已归档',
    'reasons.archivedBadge': '已归档',
    'reasons.usage': (p) => (p.count === 0 ? '未使用' : zhHans.plural(p.count, { other: '# 个丢失的商机' })),
    'reasons.rename': '重命名',
    'reasons.renameLabel': (p) => `重命名“${p.name}”`,
    'reasons.nameInputLabel': (p) => `“${p.name}”的新名称`,
    'reasons.save': '保存',
    'reasons.renamed': (p) => `已将“${p.from}”重命名为“${p.to}”。`,
    'reasons.archive': '归档',
    'reasons.unarchive': '取消归档',
    'reasons.archiveLabel': (p) => `归档“${p.name}”`,
    'reasons.unarchiveLabel': (p) => `取消归档“${p.name}”`,
    'reasons.archivedNotice': (p) => `已归档“${p.name}”:标记丢失时将不再提供此原因。`,
    'reasons.unarchivedNotice': (p) => `已取消归档“${p.name}”,标记丢失时可再次选择。`,
    'reasons.empty': '还没有丢失原因。请在上方添加第一个。',
    'reasons.allArchived': '所有丢失原因均已归档。显示已归档的原因即可查看。',
  },

  'zh-Hant': {
    'reasons.title': '流失原因',
    'reasons.hint': '流失原因不會被刪除。封存某個原因後,標記流失時將不再提供它;以該原因流失的商機仍會顯示其名稱。',
    'reasons.newLabel': '新流失原因',
    'reasons.add': '新增原因',
    'reasons.nameMissing': '請輸入原因名稱。',
    'reasons.duplicate': (p) => `名為「${p.name}」的流失原因已存在。`,
    'reasons.duplicateArchived': (p) => `名為「${p.name}」的流失原因已存在,但已封存。顯示已封存的原因即可取消封存。`,
    'reasons.added': (p) => `已新增流失原因「${p.name}」。`,
    'reasons.showArchived': '顯示已封存',
    'reasons.archivedBadge': '已封存',
    'reasons.usage': (p) => (p.count === 0 ? '未使用' : zhHant.plural(p.count, { other: '# 個流失的商機' })),
    'reasons.rename': '重新命名',
    'reasons.renameLabel': (p) => `重新命名「${p.name}」`,
    'reasons.nameInputLabel': (p) => `「${p.name}」的新名稱`,
    'reasons.save': '儲存',
    'reasons.renamed': (p) => `已將「${p.from}」重新命名為「${p.to}」。`,
    'reasons.archive': '封存',
    'reasons.unarchive': '取消封存',
    'reasons.archiveLabel': (p) => `封存「${p.name}」`,
    'reasons.unarchiveLabel': (p) => `取消封存「${p.name}」`,
    'reasons.archivedNotice': (p) => `已封存「${p.name}」:標記流失時將不再提供此原因。`,
    'reasons.unarchivedNotice': (p) => `已取消封存「${p.name}」,標記流失時可再次選擇。`,
    'reasons.empty': '還沒有流失原因。請在上方新增第一個。',
    'reasons.allArchived': '所有流失原因皆已封存。顯示已封存的原因即可查看。',
  },

  fa: {
    'reasons.title': 'دلایل از دست رفتن',
    'reasons.hint':
      'دلایل هرگز حذف نمی‌شوند. با بایگانی کردن یک دلیل، دیگر پیشنهاد نمی‌شود؛ فرصت‌هایی که با آن از دست رفته‌اند همچنان نامش را نشان می‌دهند.',
    'reasons.newLabel': 'دلیل جدید',
    'reasons.add': 'افزودن دلیل',
    'reasons.nameMissing': 'نامی برای دلیل بنویسید.',
    'reasons.duplicate': (p) => `دلیلی با نام «${p.name}» از قبل وجود دارد.`,
    'reasons.duplicateArchived': (p) =>
      `دلیلی با نام «${p.name}» از قبل وجود دارد و بایگانی شده است. برای خارج کردن آن از بایگانی، بایگانی‌شده‌ها را نمایش دهید.`,
    'reasons.added': (p) => `دلیل «${p.name}» افزوده شد.`,
    'reasons.showArchived': 'نمایش بایگانی‌شده‌ها',
    'reasons.archivedBadge': 'بایگانی‌شده',
    // Persian nouns stay singular after a number: "۳ فرصت از دست رفته".
    'reasons.usage': (p) => (p.count === 0 ? 'استفاده نشده' : fa.plural(p.count, { other: '# فرصت از دست رفته' })),
    'reasons.rename': 'تغییر نام',
    'reasons.renameLabel': (p) => `تغییر نام «${p.name}»`,
    'reasons.nameInputLabel': (p) => `نام جدید برای «${p.name}»`,
    'reasons.save': 'ذخیره',
    'reasons.renamed': (p) => `نام «${p.from}» به «${p.to}» تغییر کرد.`,
    'reasons.archive': 'بایگانی',
    'reasons.unarchive': 'خارج کردن از بایگانی',
    'reasons.archiveLabel': (p) => `بایگانی «${p.name}»`,
    'reasons.unarchiveLabel': (p) => `خارج کردن از بایگانی: «${p.name}»`,
    'reasons.archivedNotice': (p) => `«${p.name}» بایگانی شد و دیگر هنگام ثبت از دست رفتن پیشنهاد نمی‌شود.`,
    'reasons.unarchivedNotice': (p) => `«${p.name}» دوباره هنگام ثبت از دست رفتن پیشنهاد می‌شود.`,
    'reasons.empty': 'هنوز دلیلی تعریف نشده است. اولین دلیل را در بالا اضافه کنید.',
    'reasons.allArchived': 'همهٔ دلایل بایگانی شده‌اند. برای دیدن آن‌ها، بایگانی‌شده‌ها را نمایش دهید.',
  },
});

/** Everything the element says: the common messages and its own. */
export const lostReasonsCatalogue = mergeCatalogues(commonMessages, lostReasonsMessages);

export type LostReasonsMessages = (typeof lostReasonsCatalogue)['en'];
