/** Simplified Chinese messages of `<deal-lost-filter>`; the English ones and the terms used are in ../messages.ts. */
import { formatterFor } from '../../../i18n/format.js';
import type { LostFilterMessages } from '../messages.js';

const zhHans = formatterFor('zh-Hans');

const messages: LostFilterMessages = {
  'filter.label': '筛选商机',
  'filter.statuses': '显示以下状态的商机',
  'filter.lastStatus': '至少要显示一种状态。',
  'filter.search': '搜索商机',
  'filter.searchPlaceholder': '商机名称、客户或联系人',
  'filter.stageHint': '丢失的商机计入其丢失时所在的销售阶段。',
  'filter.lostDate': '丢失日期',
  'filter.noOwners': '还没有销售人员。',
  'filter.noReasons': '还没有丢失原因。',
  'filter.archived': (p) => `${p.name}(已归档)`,
  'filter.count': (p) => zhHans.plural(p.count, { other: '#个商机' }),

  'range.any': '任意时间',
  'range.this-month': '本月',
  'range.last-month': '上月',
  'range.next-month': '下月',
  'range.this-quarter': '本季度',
  'range.this-year': '今年',
  'range.custom': '自定义范围',
  'range.from': '开始',
  'range.to': '结束',

  'chips.label': '当前筛选条件',
  'chip.field': (p) => `${p.field}:${p.value}`,
  'chip.search': (p) => `搜索:“${p.text}”`,
  'chip.between': (p) => `${p.from} 至 ${p.to}`,
  'chip.from': (p) => `${p.date} 起`,
  'chip.until': (p) => `截至 ${p.date}`,
  'chip.remove': (p) => `移除筛选条件 ${p.label}`,
  'chip.none': '除进行中和成交的商机外,没有其他筛选条件。',

  'analysis.title': '商机丢失原因分析',
  'analysis.groupBy': '分组方式',
  'analysis.scope': '符合其他筛选条件的丢失商机,无论是否显示“丢失”。',
  'analysis.total': (p) => `${zhHans.plural(p.count, { other: '丢失 # 个商机' })},${p.amount}`,
  'analysis.empty': '没有符合这些筛选条件的丢失商机。',
  'analysis.missingRates': (p) =>
    zhHans.plural(p.count, { other: `有 # 个 ${p.currencies} 商机没有汇率,其金额未计入合计。` }),
  'analysis.error': '无法计算丢失分析。',
  'analysis.choose': '选择一个分组以显示其中的丢失商机;再次选择即可移除该筛选条件。',
  'groupBy.reason': '丢失原因',
  'groupBy.stage': '销售阶段',
  'groupBy.owner': '销售人员',
  'groupBy.month': '月份',
  'group.noReason': '无原因',
  'group.noOwner': '无销售人员',

  'list.show': '显示列表',
  'list.hide': '隐藏列表',
  'list.label': '符合条件的商机',
  'list.select': '选择',
  'list.selectAll': (p) => zhHans.plural(p.count, { other: '全选 # 个商机' }),
  'list.selectDeal': (p) => `选择 ${p.title}`,
  'list.selected': (p) => `已选择 ${zhHans.number(p.count)} 个`,
  'list.lostOn': '丢失日期',
  'list.empty': '没有符合当前筛选条件的商机。',
  'bulk.label': '已选择的商机',
  'bulk.restore': (p) => `恢复(${zhHans.number(p.count)})`,
  'bulk.markLost': (p) => `标记为丢失(${zhHans.number(p.count)})`,
  'bulk.dialogMissing': '此页面上没有丢失原因对话框。',

  'confirm.title': '恢复丢失的商机',
  'confirm.body': (p) =>
    zhHans.plural(p.count, { other: '恢复 # 个丢失的商机?每个商机都会回到其丢失时所在的销售阶段,并恢复之前的概率。' }),
  'confirm.history': '丢失原因和关闭说明会保留在每个商机的历史记录中。',
  'confirm.restore': (p) => zhHans.plural(p.count, { other: '恢复 # 个商机' }),

  'announce.restored': (p) => zhHans.plural(p.count, { other: '已恢复 # 个商机。' }),
  'announce.markedLost': (p) => zhHans.plural(p.count, { other: '已将 # 个商机标记为丢失。' }),
};

export default messages;
