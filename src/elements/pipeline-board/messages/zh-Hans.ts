/** Simplified Chinese messages of `<deal-pipeline-board>`; the English ones and the terms used are in ../messages.ts. */
import type { BoardMessages } from '../messages.js';

const messages: BoardMessages = {
  'board.label': '销售管道',
  'board.summary': (p) => `${p.deals},共计 ${p.amount}`,
  'board.missingRates': (p) => `${p.currencies} 金额没有汇率,未计入合计。`,
  'board.instructions':
    '按空格键或回车键拿起卡片;然后用方向键移动,按空格键或回车键放下,按 Esc 键取消。按 Tab 键可使用卡片上的操作;点击卡片可将其打开。',

  'column.total': '合计',
  'column.weighted': '加权',
  'column.fold': (p) => `折叠“${p.stage}”`,
  'column.unfold': (p) => `${p.stage},${p.deals}:展开`,
  'column.add': (p) => `在“${p.stage}”中添加商机`,

  'health.label': '预计关闭日期',
  'health.soon': '7 天内到期',
  'health.later': '稍后到期',
  'health.part': (p) => `${p.part}:${p.deals}。只显示这些`,

  'create.label': (p) => `在“${p.stage}”中新建商机`,
  'create.submit': '添加',
  'create.titleRequired': '请输入商机名称。',
  'create.amountInvalid': '请输入不小于 0 的金额。',
  'create.created': (p) => `已在“${p.stage}”中创建“${p.title}”。`,

  'card.open': '打开',
  'card.owner': (p) => `销售人员:${p.owner}`,
  'card.closeDate': (p) => `预计关闭日期 ${p.date}`,
  'card.overdue': (p) => `已逾期:预计关闭日期 ${p.date}`,
  'card.priority': (p) => `优先级:${p.level}`,

  'move.pickedUp': (p) =>
    `已拿起“${p.title}”,位于“${p.stage}”第 ${p.position} 个,共 ${p.total} 个。用方向键移动,按空格键或回车键放下,按 Esc 键取消。`,
  'move.moved': (p) => `已将“${p.title}”移至“${p.stage}”,第 ${p.position} 个,共 ${p.total} 个。`,
  'move.dropped': (p) => `已将“${p.title}”放在“${p.stage}”,第 ${p.position} 个,共 ${p.total} 个。`,
  'move.cancelled': (p) => `已取消移动。“${p.title}”回到“${p.stage}”,第 ${p.position} 个,共 ${p.total} 个。`,
  'move.lostStays': (p) => `“${p.title}”已丢失,会留在原阶段。请先恢复,才能移到其他阶段。`,
  'move.notAllowed': (p) => `不允许移动“${p.title}”。`,

  'done.won': (p) => `“${p.title}”已标记为成交。`,
  'done.lost': (p) => `“${p.title}”已标记为丢失。`,
  'done.restored': (p) => `“${p.title}”已恢复。`,

  'zone.won': '拖放到此处标记为成交',
  'zone.lost': '拖放到此处标记为丢失',

  'filter.label': '当前筛选条件',
  'filter.remove': (p) => `移除筛选条件:${p.label}`,
  'filter.clearAll': '清除所有筛选条件',
  'filter.field': (p) => `${p.field}:${p.value}`,
  'filter.from': (p) => `${p.date} 起`,
  'filter.until': (p) => `至 ${p.date}`,
  'filter.between': (p) => `${p.from} 至 ${p.to}`,
  'filter.allStatuses': '全部',
  'filter.lostDate': '丢失日期',
  'filter.text': '搜索',
  'filter.quoted': (p) => `“${p.text}”`,
  'filter.noCloseDate': '无日期',

  'alert.dismiss': '关闭提示',
};

export default messages;
