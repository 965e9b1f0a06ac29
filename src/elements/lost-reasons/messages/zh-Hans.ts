/** Simplified Chinese messages of `<deal-lost-reasons>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostReasonsMessages } from '../messages.js';

const zhHans = formatterFor('zh-Hans');

const messages: LostReasonsMessages = {
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
};

export default messages;
