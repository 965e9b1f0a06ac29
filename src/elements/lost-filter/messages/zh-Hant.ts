/** Traditional Chinese messages of `<deal-lost-filter>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostFilterMessages } from '../messages.js';

const zhHant = formatterFor('zh-Hant');

const messages: LostFilterMessages = {
  'filter.label': '篩選商機',
  'filter.statuses': '顯示以下狀態的商機',
  'filter.lastStatus': '至少要顯示一種狀態。',
  'filter.search': '搜尋商機',
  'filter.searchPlaceholder': '商機名稱、客戶或聯絡人',
  'filter.stageHint': '流失的商機計入其流失時所在的階段。',
  'filter.lostDate': '流失日期',
  'filter.noOwners': '還沒有銷售人員。',
  'filter.noReasons': '還沒有流失原因。',
  'filter.archived': (p) => `${p.name}(已封存)`,
  'filter.count': (p) => zhHant.plural(p.count, { other: '#個商機' }),

  'range.any': '任何時間',
  'range.this-month': '本月',
  'range.last-month': '上個月',
  'range.next-month': '下個月',
  'range.this-quarter': '本季',
  'range.this-year': '今年',
  'range.custom': '自訂範圍',
  'range.from': '開始',
  'range.to': '結束',

  'chips.label': '目前的篩選條件',
  'chip.field': (p) => `${p.field}:${p.value}`,
  'chip.search': (p) => `搜尋:「${p.text}」`,
  'chip.between': (p) => `${p.from} 至 ${p.to}`,
  'chip.from': (p) => `${p.date} 起`,
  'chip.until': (p) => `截至 ${p.date}`,
  'chip.remove': (p) => `移除篩選條件 ${p.label}`,
  'chip.none': '除進行中和成交的商機外,沒有其他篩選條件。',

  'analysis.title': '商機流失原因分析',
  'analysis.groupBy': '分組方式',
  'analysis.scope': '符合其他篩選條件的流失商機,無論是否顯示「流失」。',
  'analysis.total': (p) => `${zhHant.plural(p.count, { other: '流失 # 個商機' })},${p.amount}`,
  'analysis.empty': '沒有符合這些篩選條件的流失商機。',
  'analysis.missingRates': (p) =>
    zhHant.plural(p.count, { other: `有 # 個 ${p.currencies} 商機沒有匯率,其金額未計入合計。` }),
  'analysis.error': '無法計算流失分析。',
  'analysis.choose': '選擇一個分組以顯示其中的流失商機;再次選擇即可移除該篩選條件。',
  'groupBy.reason': '流失原因',
  'groupBy.stage': '階段',
  'groupBy.owner': '銷售人員',
  'groupBy.month': '月份',
  'group.noReason': '無原因',
  'group.noOwner': '無銷售人員',

  'list.show': '顯示清單',
  'list.hide': '隱藏清單',
  'list.label': '符合條件的商機',
  'list.select': '選取',
  'list.selectAll': (p) => zhHant.plural(p.count, { other: '全選 # 個商機' }),
  'list.selectDeal': (p) => `選取 ${p.title}`,
  'list.selected': (p) => `已選取 ${zhHant.number(p.count)} 個`,
  'list.lostOn': '流失日期',
  'list.empty': '沒有符合目前篩選條件的商機。',
  'bulk.label': '已選取的商機',
  'bulk.restore': (p) => `恢復(${zhHant.number(p.count)})`,
  'bulk.markLost': (p) => `標記為流失(${zhHant.number(p.count)})`,
  'bulk.dialogMissing': '此頁面上沒有流失原因對話框。',

  'confirm.title': '恢復流失的商機',
  'confirm.body': (p) =>
    zhHant.plural(p.count, { other: '恢復 # 個流失的商機?每個商機都會回到其流失時所在的階段,並恢復先前的機率。' }),
  'confirm.history': '流失原因和結案備註會保留在每個商機的歷史記錄中。',
  'confirm.restore': (p) => zhHant.plural(p.count, { other: '恢復 # 個商機' }),

  'announce.restored': (p) => zhHant.plural(p.count, { other: '已恢復 # 個商機。' }),
  'announce.markedLost': (p) => zhHant.plural(p.count, { other: '已將 # 個商機標記為流失。' }),
};

export default messages;
