/** Traditional Chinese messages of `<deal-lost-dialog>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostDialogMessages } from '../messages.js';

const zhHant = formatterFor('zh-Hant');

const messages: LostDialogMessages = {
  'lost.headingSeveral': (p) => zhHant.plural(p.count, { other: '將 # 個商機標記為流失' }),
  'lost.total': (p) => `總金額:${p.amount}`,
  'lost.missingRates': (p) => zhHant.plural(p.count, { other: `# 個商機的幣別(${p.currencies})沒有匯率,未計入總金額。` }),
  'lost.more': (p) => `以及另外 ${zhHant.number(p.count)} 個`,
  'lost.optional': '選填',
  'lost.requiredHint': '請選擇流失原因,才能標記為流失。',
  'lost.placeholder': '輸入以搜尋或建立',
  'lost.create': (p) => `建立「${p.name}」`,
  'lost.creating': (p) => `正在建立「${p.name}」…`,
  'lost.created': (p) => `已建立並選擇流失原因「${p.name}」。`,
  'lost.unresolved': (p) => `「${p.name}」還不是流失原因。請從清單中選擇,或選擇「建立」來新增。`,
  'lost.noReasons': '還沒有流失原因。輸入名稱即可建立。',
  'lost.counter': (p) => `${zhHant.number(p.count)} / ${zhHant.number(p.max)}`,
  'lost.counterStatus': (p) => `已輸入 ${zhHant.number(p.count)} 個字元,上限 ${zhHant.number(p.max)} 個`,
  'lost.saving': '正在儲存…',
  'lost.partlySaved': (p) =>
    `已將 ${zhHant.number(p.saved)} 個商機(共 ${zhHant.number(p.total)} 個)標記為流失,其餘未儲存。`,
};

export default messages;
