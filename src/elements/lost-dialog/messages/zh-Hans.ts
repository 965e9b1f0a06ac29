/** Simplified Chinese messages of `<deal-lost-dialog>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostDialogMessages } from '../messages.js';

const zhHans = formatterFor('zh-Hans');

const messages: LostDialogMessages = {
  'lost.headingSeveral': (p) => zhHans.plural(p.count, { other: '将 # 个商机标记为丢失' }),
  'lost.total': (p) => `总金额:${p.amount}`,
  'lost.missingRates': (p) => zhHans.plural(p.count, { other: `# 个商机的币种(${p.currencies})没有汇率,未计入总金额。` }),
  'lost.more': (p) => `以及另外 ${zhHans.number(p.count)} 个`,
  'lost.optional': '可选',
  'lost.requiredHint': '请选择丢失原因,才能标记为丢失。',
  'lost.placeholder': '输入以搜索或创建',
  'lost.create': (p) => `创建“${p.name}”`,
  'lost.creating': (p) => `正在创建“${p.name}”…`,
  'lost.created': (p) => `已创建并选择丢失原因“${p.name}”。`,
  'lost.unresolved': (p) => `“${p.name}”还不是丢失原因。请从列表中选择,或选择“创建”来添加。`,
  'lost.noReasons': '还没有丢失原因。输入名称即可创建。',
  'lost.counter': (p) => `${zhHans.number(p.count)} / ${zhHans.number(p.max)}`,
  'lost.counterStatus': (p) => `已输入 ${zhHans.number(p.count)} 个字符,上限 ${zhHans.number(p.max)} 个`,
  'lost.saving': '正在保存…',
  'lost.partlySaved': (p) =>
    `已将 ${zhHans.number(p.saved)} 个商机(共 ${zhHans.number(p.total)} 个)标记为丢失,其余未保存。`,
};

export default messages;
