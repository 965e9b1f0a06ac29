/** Traditional Chinese messages shared by all elements; the English ones and the terms used are in ../common.ts. */
import { formatterFor } from '../format.js';
import type { CommonMessages } from '../common.js';

const zhHant = formatterFor('zh-Hant');

const messages: CommonMessages = {
  'status.open': '進行中',
  'status.won': '成交',
  'status.lost': '流失',
  'ribbon.won': '已成交',
  'ribbon.lost': '已流失',

  'stage.new': '新建',
  'stage.qualified': '已確認資格',
  'stage.proposition': '提案',
  'stage.won': '成交',
  'stage.prospecting': '初步接觸',
  'stage.qualification': '資格審查',
  'stage.needs-analysis': '需求分析',
  'stage.value-proposition': '價值主張',
  'stage.id-decision-makers': '確定決策者',
  'stage.perception-analysis': '認知分析',
  'stage.proposal-price-quote': '提案/報價',
  'stage.negotiation-review': '談判/審核',
  'stage.closed-won': '關閉(成交)',

  'reason.too-expensive': '太貴',
  'reason.not-enough-stock': '庫存不足',
  'reason.no-skills': '我們沒有相關人員/技能',

  'action.markWon': '標記為成交',
  'action.markLost': '標記為流失',
  'action.restore': '恢復',
  'action.cancel': '取消',
  'action.retry': '重試',
  'action.undo': '復原',
  'action.clear': '清除',
  'action.close': '關閉',
  'action.showTable': '顯示表格',
  'action.hideTable': '隱藏表格',

  'field.title': '商機名稱',
  'field.company': '客戶',
  'field.contact': '聯絡人',
  'field.amount': '金額',
  'field.currency': '幣別',
  'field.stage': '階段',
  'field.probability': '機率',
  'field.expectedClose': '預計結案日期',
  'field.owner': '銷售人員',
  'field.priority': '優先順序',
  'field.tags': '標籤',
  'field.status': '狀態',
  'field.lostReason': '流失原因',
  'field.closingNote': '結案備註',

  'error.not_found': '您正在處理的記錄已不存在,可能已在其他分頁中或被其他人刪除。請重新載入以查看最新資料。',
  'error.conflict': '其他人在此期間修改了這個商機,因此您的變更未儲存。現在顯示的是最新版本;如仍需要,請重新進行變更。',
  'error.validation': '部分內容無效。請檢查標示的欄位後重試;未儲存任何內容。',
  'error.network': '無法連線到伺服器。請檢查網路連線後重試;您的變更未儲存。',
  'error.timeout': '伺服器回應逾時。請稍後重試。',
  'error.quota_exceeded': '瀏覽器儲存空間已滿。請釋放一些空間後重試;未儲存任何內容。',
  'error.storage_unavailable': '無法開啟瀏覽器儲存空間。請重試;如果仍然失敗,請關閉此頁面的其他分頁或重新載入頁面。',
  'error.invalid_response': '伺服器傳回的資料無法讀取,因此未被使用。請稍後重試;如果問題持續發生,請聯絡管理員。',
  'error.unauthorized': '您無權執行此操作,或登入已過期。請重新登入後重試。',
  'error.unsupported': '目前的資料來源不支援此操作。',
  'error.unknown': '發生問題。請重試;如果問題持續發生,請重新載入頁面。',

  'notice.memoryFallback': '此處無法使用 IndexedDB(是否處於私密瀏覽模式?)。變更只會保留在記憶體中,關閉頁面後就會遺失。',
  'state.loading': '載入中…',
  'empty.noDeals': '還沒有商機。',
  'empty.noMatches': '沒有符合目前篩選條件的商機。',
  'empty.stage': '此階段沒有商機。',
  'empty.noData': '此期間沒有可顯示的內容。',

  'date.overdue': '已逾期',
  'date.none': '無日期',
  'period.week': '週',
  'period.month': '月',
  'period.quarter': '季',
  'count.deals': (p) => zhHant.plural(p.count, { other: '#個商機' }),

  'priority.0': '低',
  'priority.1': '中',
  'priority.2': '高',
  'priority.3': '非常高',
};

export default messages;
