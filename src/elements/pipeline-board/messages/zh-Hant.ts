/** Traditional Chinese messages of `<deal-pipeline-board>`; the English ones and the terms used are in ../messages.ts. */
import type { BoardMessages } from '../messages.js';

const messages: BoardMessages = {
  'board.label': '銷售管道',
  'board.summary': (p) => `${p.deals},共計 ${p.amount}`,
  'board.missingRates': (p) => `${p.currencies} 金額沒有匯率,未計入合計。`,
  'board.instructions':
    '按空白鍵或 Enter 鍵拿起卡片;接著用方向鍵移動,按空白鍵或 Enter 鍵放下,按 Esc 鍵取消。按 Tab 鍵可使用卡片上的操作;點選卡片可將其開啟。',

  'column.total': '合計',
  'column.weighted': '加權',
  'column.fold': (p) => `摺疊「${p.stage}」`,
  'column.unfold': (p) => `${p.stage},${p.deals}:展開`,
  'column.add': (p) => `在「${p.stage}」中新增商機`,

  'health.label': '預計結案日期',
  'health.soon': '7 天內到期',
  'health.later': '稍後到期',
  'health.part': (p) => `${p.part}:${p.deals}。只顯示這些`,

  'create.label': (p) => `在「${p.stage}」中建立商機`,
  'create.submit': '新增',
  'create.titleRequired': '請輸入商機名稱。',
  'create.amountInvalid': '請輸入不小於 0 的金額。',
  'create.created': (p) => `已在「${p.stage}」中建立「${p.title}」。`,

  'card.open': '開啟',
  'card.owner': (p) => `銷售人員:${p.owner}`,
  'card.closeDate': (p) => `預計結案日期 ${p.date}`,
  'card.overdue': (p) => `已逾期:預計結案日期 ${p.date}`,
  'card.priority': (p) => `優先順序:${p.level}`,

  'move.pickedUp': (p) =>
    `已拿起「${p.title}」,位於「${p.stage}」第 ${p.position} 個,共 ${p.total} 個。用方向鍵移動,按空白鍵或 Enter 鍵放下,按 Esc 鍵取消。`,
  'move.moved': (p) => `已將「${p.title}」移至「${p.stage}」,第 ${p.position} 個,共 ${p.total} 個。`,
  'move.dropped': (p) => `已將「${p.title}」放在「${p.stage}」,第 ${p.position} 個,共 ${p.total} 個。`,
  'move.cancelled': (p) => `已取消移動。「${p.title}」回到「${p.stage}」,第 ${p.position} 個,共 ${p.total} 個。`,
  'move.lostStays': (p) => `「${p.title}」已流失,會留在原階段。請先恢復,才能移到其他階段。`,
  'move.notAllowed': (p) => `不允許移動「${p.title}」。`,

  'done.won': (p) => `「${p.title}」已標記為成交。`,
  'done.lost': (p) => `「${p.title}」已標記為流失。`,
  'done.restored': (p) => `「${p.title}」已恢復。`,

  'zone.won': '拖放到此處標記為成交',
  'zone.lost': '拖放到此處標記為流失',

  'filter.label': '目前的篩選條件',
  'filter.remove': (p) => `移除篩選條件:${p.label}`,
  'filter.clearAll': '清除所有篩選條件',
  'filter.field': (p) => `${p.field}:${p.value}`,
  'filter.from': (p) => `${p.date} 起`,
  'filter.until': (p) => `至 ${p.date}`,
  'filter.between': (p) => `${p.from} 至 ${p.to}`,
  'filter.allStatuses': '全部',
  'filter.lostDate': '流失日期',
  'filter.text': '搜尋',
  'filter.quoted': (p) => `「${p.text}」`,
  'filter.noCloseDate': '無日期',

  'alert.dismiss': '關閉提示',
};

export default messages;
