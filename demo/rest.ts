/**
 * The REST demo: every element on one `<deal-provider endpoint>`, so the
 * deals live on the reference server (`npm run server`). The server can be
 * changed with `?endpoint=<url>` or the form; "Reset server data" loads the
 * sample pipeline onto the server.
 */
import '../src/define/provider.js';
import '../src/define/lost-filter.js';
import '../src/define/pipeline-board.js';
import '../src/define/lost-dialog.js';
import '../src/define/forecast-chart.js';
import '../src/define/lost-reasons.js';
import type { DealProvider } from '../src/elements/provider/deal-provider.js';
import { DEMO_RATES_TO_USD, demoData } from '../src/model/sample-data.js';
import { StoreChangeEvent } from '../src/store/events.js';
import { attachEventLog, byId } from './page-tools.js';


const provider = byId<DealProvider>('provider');
const endpointInput = byId<HTMLInputElement>('endpoint');
const statusLine = byId<HTMLParagraphElement>('status');
const log = byId<HTMLOListElement>('event-log');

provider.rates = DEMO_RATES_TO_USD;

// ---- which server ---------------------------------------------------------------

const requested = new URLSearchParams(location.search).get('endpoint');
if (requested) provider.endpoint = requested;
endpointInput.value = provider.endpoint;

byId<HTMLFormElement>('endpoint-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const endpoint = endpointInput.value.trim();
  const url = new URL(location.href);
  url.searchParams.set('endpoint', endpoint);
  history.replaceState(null, '', url);
  provider.endpoint = endpoint;
  watchStore();
});

// ---- connection status -----------------------------------------------------------

let watched: EventTarget | null = null;

/** Keeps the status line in step with the provider's store (a new store after each Connect). */
function watchStore(): void {
  // The provider replaces its store when its endpoint changes, during its next update.
  void provider.updateComplete.then(() => {
    const store = provider.store;
    if (!store || store === watched) return;
    watched = store;
    const show = () => {
      if (provider.store !== store) return;
      if (store.status === 'loading') statusLine.textContent = `Connecting to ${provider.endpoint}…`;
      else if (store.status === 'error') {
        statusLine.textContent = `The server at ${provider.endpoint} could not be read (${store.error?.code}): ${store.error?.message} Is it running (npm run server)?`;
      } else {
        const { aggregation, realtime } = store.adapter.capabilities;
        statusLine.textContent = `${store.deals.size} deals on ${provider.endpoint}${realtime ? ', live updates on' : ''}${aggregation ? ', aggregates computed by the server' : ''}.`;
      }
    };
    store.addEventListener(StoreChangeEvent.type, show);
    show();
  });
}

// ---- reset -------------------------------------------------------------------------

byId<HTMLButtonElement>('reset').addEventListener('click', async () => {
  const store = provider.store;
  statusLine.textContent = '';
  try {
    if (!store) throw new Error('The provider has no store yet.');
    await store.importData(demoData(), { replace: true });
    store.resetFilter();
    statusLine.textContent = 'The sample pipeline is back on the server.';
  } catch (error) {
    console.warn('dealkit demo: reset failed', error);
    statusLine.textContent = `The server data could not be reset: ${error instanceof Error ? error.message : String(error)}`;
  }
});

// ---- event log ---------------------------------------------------------------------

attachEventLog(provider, log, byId('clear-log'));

watchStore();
