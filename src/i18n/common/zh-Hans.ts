/** Simplified Chinese messages shared by all elements; the English ones and the terms used are in ../common.ts. */
import { formatterFor } from '../format.js';
import type { CommonMessages } from '../common.js';

const zhHans = formatterFor('zh-Hans');

const messages: CommonMessages = {
  'status.open': '进行中',
  'status.won': '成交',
  'status.lost': '丢失',
  'ribbon.won': '已成交',
  'ribbon.lost': '已丢失',

  'stage.new': '新建',
  'stage.qualified': '已确认资格',
  'stage.proposition': '提案',
  'stage.won': '成交',
  'stage.prospecting': '初步接触',
  'stage.qualification': '资格审查',
  'stage.needs-analysis': '需求分析',
  'stage.value-proposition': '价值主张',
  'stage.id-decision-makers': '确定决策者',
  'stage.perception-analysis': '认知分析',
  'stage.proposal-price-quote': '提案/报价',
  'stage.negotiation-review': '谈判/审核',
  'stage.closed-won': '关闭(成交)',

  'reason.too-expensive': '太贵',
  'reason.not-enough-stock': '库存不足',
  'reason.no-skills': '我们没有相关人员/技能',

  'action.markWon': '标记为成交',
  'action.markLost': '标记为丢失',
  'action.restore': '恢复',
  'action.cancel': '取消',
  'action.retry': '重试',
  'action.undo': '撤销',
  'action.clear': '清除',
  'action.close': '关闭',
  'action.showTable': '显示表格',
  'action.hideTable': '隐藏表格',

  'field.title': '商机名称',
  'field.company': '客户',
  'field.contact': '联系人',
  'field.amount': '金额',
  'field.currency': '币种',
  'field.stage': '销售阶段',
  'field.probability': '概率',
  'field.expectedClose': '预计关闭日期',
  'field.owner': '销售人员',
  'field.priority': '优先级',
  'field.tags': '标签',
  'field.status': '状态',
  'field.lostReason': '丢失原因',
  'field.closingNote': '关闭说明',

  'error.not_found': '您正在处理的记录已不存在,可能已在其他标签页中或被其他人删除。请重新加载以查看最新数据。',
  'error.conflict': '其他人在此期间修改了这个商机,因此您的更改未保存。现在显示的是最新版本;如仍需要,请重新进行更改。',
  'error.validation': '部分内容无效。请检查标出的字段后重试;未保存任何内容。',
  'error.network': '无法连接服务器。请检查网络连接后重试;您的更改未保存。',
  'error.timeout': '服务器响应超时。请稍后重试。',
  'error.quota_exceeded': '浏览器存储空间已满。请释放一些空间后重试;未保存任何内容。',
  'error.storage_unavailable': '无法打开浏览器存储。请重试;如果仍然失败,请关闭此页面的其他标签页或重新加载页面。',
  'error.invalid_response': '服务器返回的数据无法读取,因此未被使用。请稍后重试;如果问题持续出现,请联系管理员。',
  'error.unauthorized': '您无权执行此操作,或登录已过期。请重新登录后重试。',
  'error.unsupported': '当前数据源不支持此操作。',
  'error.unknown': '出现了问题。请重试;如果问题持续出现,请重新加载页面。',

  'notice.memoryFallback': '此处无法使用 IndexedDB(是否处于隐私模式?)。更改仅保存在内存中,关闭页面后将会丢失。',
  'state.loading': '正在加载…',
  'empty.noDeals': '还没有商机。',
  'empty.noMatches': '没有符合当前筛选条件的商机。',
  'empty.stage': '此阶段没有商机。',
  'empty.noData': '此期间没有可显示的内容。',

  'date.overdue': '已逾期',
  'date.none': '无日期',
  'period.week': '周',
  'period.month': '月',
  'period.quarter': '季度',
  'count.deals': (p) => zhHans.plural(p.count, { other: '#个商机' }),

  'priority.0': '低',
  'priority.1': '中',
  'priority.2': '高',
  'priority.3': '非常高',
};

export default messages;
