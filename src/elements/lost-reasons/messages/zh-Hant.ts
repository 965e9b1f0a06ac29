/** Traditional Chinese messages of `<deal-lost-reasons>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostReasonsMessages } from '../messages.js';

const zhHant = formatterFor('zh-Hant');

const messages: LostReasonsMessages = {
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
};

export default messages;
