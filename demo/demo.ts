/**
 * The demo page: every element on one IndexedDB store seeded with the sample
 * pipeline, a language switch (which sets `<html lang dir>` and the
 * provider's locale), a light/dark switch, a reset button, a guided
 * walkthrough and a log of the `deal-*` events the elements fire.
 *
 * The elements come straight from the sources (`../src/define/*.js`), so
 * `npm start` shows changes at once.
 */
import '../src/define/provider.js';
import '../src/define/lost-filter.js';
import '../src/define/pipeline-board.js';
import '../src/define/lost-dialog.js';
import '../src/define/forecast-chart.js';
import '../src/define/lost-reasons.js';
import type { DealProvider } from '../src/elements/provider/deal-provider.js';
import { resolveLocale, type DealLocale } from '../src/i18n/locales.js';
import { DEMO_RATES_TO_USD, demoData } from '../src/model/sample-data.js';
import { attachEventLog, byId } from './page-tools.js';

/** The demo's own texts (the elements bring their own). */
interface DemoTexts {
  title: string;
  tagline: string;
  language: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  reset: string;
  resetDone: string;
  resetFailed: string;
  dropIn: string;
  walkthroughTitle: string;
  walkthrough: string[];
  logTitle: string;
  clearLog: string;
  logHint: string;
}

const TEXTS: Record<DealLocale, DemoTexts> = {
  en: {
    title: 'dealkit',
    tagline:
      'Pipeline board, lost reasons, forecast and lost-deals filter: web components on one data adapter. What you do here is kept in this browser (IndexedDB).',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'Same as the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    reset: 'Reset demo data',
    resetDone: 'The sample pipeline is back.',
    resetFailed: 'The demo data could not be reset.',
    dropIn: 'Drop-in page',
    walkthroughTitle: 'Try the workflow',
    walkthrough: [
      'Mark a deal lost with a new reason: on a card of the board choose “Mark as lost”, type a reason that is not in the list yet (say “Budget frozen”), choose Create “Budget frozen”, add a closing note and confirm.',
      'The deal leaves the board: lost deals are hidden by default. Press “Lost” in the filter above the board and it is back, in the stage where it was lost, marked LOST.',
      'Under “Why deals are lost” your new reason is counted with its amount. Choose it: the board and the forecast show only those deals. The lost reasons list counts it too.',
      'Restore it: press “Restore” on its card, or choose “Show list”, tick it and press “Restore”. It returns to its stage with the probability it had; the reason and the note stay in its history.',
      'The address keeps the filter, so the view can be bookmarked or shared. “Reset demo data” brings the sample pipeline back.',
    ],
    logTitle: 'Events',
    clearLog: 'Clear',
    logHint: 'The deal-* events the elements fire, newest first.',
  },
  'zh-Hans': {
    title: 'dealkit',
    tagline: '销售管道看板、丢失原因、预测和丢失商机筛选:基于同一数据适配器的 Web 组件。您在这里的操作都保存在此浏览器中(IndexedDB)。',
    language: '语言',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    reset: '重置演示数据',
    resetDone: '示例销售管道已恢复。',
    resetFailed: '无法重置演示数据。',
    dropIn: '即插即用页面',
    walkthroughTitle: '体验完整流程',
    walkthrough: [
      '用新的丢失原因将商机标记为丢失:在看板的卡片上选择“标记为丢失”,输入一个列表中还没有的原因(例如“预算冻结”),选择创建“预算冻结”,填写关闭说明后确认。',
      '该商机从看板上消失:丢失的商机默认隐藏。在看板上方的筛选器中按“丢失”,它就会重新出现在丢失时所在的销售阶段,并标有“已丢失”。',
      '在“商机丢失原因分析”中,您的新原因连同金额一起被计入。选择它:看板和预测只显示这些商机。丢失原因列表中也会计入它。',
      '恢复它:按卡片上的“恢复”,或选择“显示列表”,勾选它后按“恢复”。它会以原来的概率回到原来的销售阶段;丢失原因和关闭说明保留在历史记录中。',
      '地址栏会保留筛选条件,因此可以收藏或分享当前视图。“重置演示数据”可恢复示例销售管道。',
    ],
    logTitle: '事件',
    clearLog: '清除',
    logHint: '各组件触发的 deal-* 事件,最新的在前。',
  },
  'zh-Hant': {
    title: 'dealkit',
    tagline: '銷售管道看板、流失原因、預測和流失商機篩選:基於同一資料轉接器的 Web 元件。您在這裡的操作都儲存在此瀏覽器中(IndexedDB)。',
    language: '語言',
    theme: '主題',
    themeSystem: '跟隨系統',
    themeLight: '淺色',
    themeDark: '深色',
    reset: '重設示範資料',
    resetDone: '範例銷售管道已恢復。',
    resetFailed: '無法重設示範資料。',
    dropIn: '即插即用頁面',
    walkthroughTitle: '體驗完整流程',
    walkthrough: [
      '用新的流失原因將商機標記為流失:在看板的卡片上選擇「標記為流失」,輸入清單中還沒有的原因(例如「預算凍結」),選擇建立「預算凍結」,填寫結案備註後確認。',
      '該商機從看板上消失:流失的商機預設隱藏。在看板上方的篩選器中按「流失」,它就會重新出現在流失時所在的階段,並標示「已流失」。',
      '在「商機流失原因分析」中,您的新原因連同金額一起被計入。選擇它:看板和預測只顯示這些商機。流失原因清單中也會計入它。',
      '恢復它:按卡片上的「恢復」,或選擇「顯示清單」,勾選它後按「恢復」。它會以先前的機率回到原本的階段;流失原因和結案備註保留在歷史記錄中。',
      '網址會保留篩選條件,因此可以將目前的檢視加入書籤或分享。「重設示範資料」可恢復範例銷售管道。',
    ],
    logTitle: '事件',
    clearLog: '清除',
    logHint: '各元件觸發的 deal-* 事件,最新的在前。',
  },
  fa: {
    title: 'dealkit',
    tagline:
      'تابلوی قیف فروش، دلایل از دست رفتن، پیش‌بینی و فیلتر فرصت‌های از دست رفته: کامپوننت‌های وب روی یک آداپتور داده. هر کاری که اینجا انجام می‌دهید در همین مرورگر (IndexedDB) نگه داشته می‌شود.',
    language: 'زبان',
    theme: 'پوسته',
    themeSystem: 'مانند سیستم',
    themeLight: 'روشن',
    themeDark: 'تیره',
    reset: 'بازنشانی داده‌های نمایشی',
    resetDone: 'قیف فروش نمونه برگشت.',
    resetFailed: 'داده‌های نمایشی بازنشانی نشد.',
    dropIn: 'صفحهٔ ساده با یک اسکریپت',
    walkthroughTitle: 'گردش کار را امتحان کنید',
    walkthrough: [
      'یک فرصت را با دلیلی تازه از دست رفته ثبت کنید: روی کارت آن در تابلو «ثبت از دست رفتن» را بزنید، دلیلی بنویسید که هنوز در فهرست نیست (مثلاً «بودجه متوقف شد»)، گزینهٔ ساختن آن را انتخاب کنید، یادداشت پایانی بنویسید و تأیید کنید.',
      'فرصت از تابلو کنار می‌رود: فرصت‌های از دست رفته به‌طور پیش‌فرض پنهان‌اند. در فیلتر بالای تابلو «از دست رفته» را بزنید تا دوباره در همان مرحله‌ای که از دست رفت، با برچسب «از دست رفته» دیده شود.',
      'در بخش «چرا فرصت‌ها از دست می‌روند» دلیل تازهٔ شما با مبلغش شمرده شده است. آن را انتخاب کنید: تابلو و پیش‌بینی فقط همان فرصت‌ها را نشان می‌دهند. فهرست دلایل از دست رفتن هم آن را می‌شمارد.',
      'آن را بازگردانید: «بازگردانی» روی کارتش را بزنید، یا «نمایش فهرست» را بزنید، آن را علامت بزنید و «بازگردانی» را بزنید. با احتمال قبلی‌اش به مرحلهٔ خود برمی‌گردد؛ دلیل و یادداشت در تاریخچه‌اش می‌مانند.',
      'نشانی صفحه فیلتر را نگه می‌دارد، پس می‌توانید این نما را نشانک‌گذاری یا هم‌رسانی کنید. «بازنشانی داده‌های نمایشی» قیف فروش نمونه را برمی‌گرداند.',
    ],
    logTitle: 'رویدادها',
    clearLog: 'پاک کردن',
    logHint: 'رویدادهای deal-* که کامپوننت‌ها می‌فرستند، تازه‌ترین در بالا.',
  },
};

/** The events the log shows: every `deal-*` event the elements fire (src/events). */

const THEMES = ['system', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const THEME_KEY = 'dealkit-demo-theme';

const provider = byId<DealProvider>('provider');
const languageSelect = byId<HTMLSelectElement>('language');
const themeSelect = byId<HTMLSelectElement>('theme');
const statusLine = byId<HTMLParagraphElement>('status');
const log = byId<HTMLOListElement>('event-log');

provider.rates = DEMO_RATES_TO_USD;

// ---- language ----------------------------------------------------------------

/** Replaces one query parameter and keeps the others (the filter's among them). */
function setQueryParameter(name: string, value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
}

function applyLanguage(locale: DealLocale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = locale === 'fa' ? 'rtl' : 'ltr';
  provider.locale = locale;
  languageSelect.value = locale;
  const texts = TEXTS[locale];
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = element.dataset['text'] as keyof DemoTexts;
    const value = texts[key];
    if (typeof value === 'string') element.textContent = value;
  }
  byId('walkthrough').replaceChildren(
    ...texts.walkthrough.map((step) => {
      const item = document.createElement('li');
      item.textContent = step;
      return item;
    }),
  );
  document.title = `${texts.title} — ${texts.walkthroughTitle}`;
}

languageSelect.addEventListener('change', () => {
  const locale = resolveLocale(languageSelect.value);
  setQueryParameter('lang', locale);
  applyLanguage(locale);
});

// ---- theme -----------------------------------------------------------------------

function readTheme(): Theme {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return THEMES.find((theme) => theme === saved) ?? 'system';
  } catch {
    return 'system';
  }
}

function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  themeSelect.value = theme;
}

themeSelect.addEventListener('change', () => {
  const theme = THEMES.find((t) => t === themeSelect.value) ?? 'system';
  applyTheme(theme);
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private modes may refuse storage; the theme still applies to this visit.
  }
});

// ---- reset -------------------------------------------------------------------------

byId<HTMLButtonElement>('reset').addEventListener('click', async () => {
  const texts = TEXTS[resolveLocale(document.documentElement.lang)];
  const store = provider.store;
  statusLine.textContent = '';
  try {
    if (!store) throw new Error('The provider has no store yet.');
    await store.importData(demoData(), { replace: true });
    store.resetFilter();
    statusLine.textContent = texts.resetDone;
  } catch (error) {
    console.warn('dealkit demo: reset failed', error);
    statusLine.textContent = texts.resetFailed;
  }
});

// ---- event log ---------------------------------------------------------------------

attachEventLog(provider, log, byId('clear-log'));

// ---- start -------------------------------------------------------------------------

applyTheme(readTheme());
applyLanguage(resolveLocale(new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang));
