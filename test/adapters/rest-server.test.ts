/**
 * The reference server's side of the REST contract, spoken to with plain
 * fetch as any client would: the bearer token, ETag / If-Match, idempotency
 * keys, input validation, paging, the change stream, aggregates equal to the
 * kit's own analytics, and the OpenAPI document. The test page is on another
 * origin than the server, so every request here also goes through CORS
 * (reading ETag proves it is exposed).
 */
import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/adapters/rest-adapter.js';
import { forecast } from '../../src/analytics/forecast.js';
import { lostAnalysis } from '../../src/analytics/lost.js';
import { demoData, DEMO_RATES_TO_USD } from '../../src/model/sample-data.js';
import type { Deal } from '../../src/model/schemas.js';
import { OPERATIONS } from '../../demo/server/contract.js';
import { buildOpenApiDocument } from '../../demo/server/openapi.js';
import { startServer, type TestServer } from './rest-server.js';

const TOKEN = 'test-token-1234';
let server: TestServer;

before(async function () {
  this.timeout(120_000);
  server = await startServer({ token: TOKEN });
});

after(async () => {
  await server?.stop();
});

beforeEach(async () => {
  await server.reset();
});

const auth = { Authorization: `Bearer ${TOKEN}` };

function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {}) {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
    ...(body === undefined ? {} : { body }),
  });
}

async function createDeal(input: Record<string, unknown> = { title: 'Raw' }): Promise<Deal> {
  const response = await call('POST', '/deals', { body: input });
  expect(response.status).to.equal(201);
  return (await response.json()) as Deal;
}

describe('the reference server', function () {
  this.timeout(20_000);

  it('requires the bearer token, but publishes its contract openly', async () => {
    const refused = await fetch(`${server.url}/stages`);
    expect(refused.status).to.equal(401);
    expect(refused.headers.get('Content-Type')).to.contain('application/problem+json');
    expect((await refused.json()).code).to.equal('unauthorized');
    expect((await call('GET', '/stages')).status).to.equal(200);
    expect((await fetch(`${server.url}/openapi.json`)).status).to.equal(200);

    const without = await RestAdapter.connect({ baseUrl: server.url, retries: 0 });
    const error = await without.listStages().catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('unauthorized');
    const withToken = await RestAdapter.connect({ baseUrl: server.url, headers: async () => auth });
    expect(withToken.capabilities).to.deep.equal({ aggregation: true, textSearch: true, realtime: true });
    expect(await withToken.listStages()).to.have.length(4);
    without.close();
    withToken.close();
  });

  it('tags every deal answer with its version and refuses a stale If-Match with 412 and the current deal', async () => {
    const deal = await createDeal();
    const read = await call('GET', `/deals/${deal.id}`);
    expect(read.headers.get('ETag')).to.equal(`"${deal.version}"`);

    const updated = await call('PATCH', `/deals/${deal.id}`, { body: { amount: 50 }, headers: { 'If-Match': `"${deal.version}"` } });
    expect(updated.status).to.equal(200);
    const current = (await updated.json()) as Deal;
    expect(updated.headers.get('ETag')).to.equal(`"${current.version}"`);

    const stale = await call('POST', `/deals/${deal.id}/won`, { headers: { 'If-Match': `"${deal.version}"` } });
    expect(stale.status).to.equal(412);
    const body = await stale.json();
    expect(body.code).to.equal('conflict');
    expect(body.current).to.deep.equal(current);
    expect((await (await call('GET', `/deals/${deal.id}`)).json()).status).to.equal('open');

    expect((await call('DELETE', `/deals/${deal.id}`, { headers: { 'If-Match': '*' } })).status).to.equal(204);
    expect((await call('GET', `/deals/${deal.id}`)).status).to.equal(404);
  });

  it('replays a repeated idempotency key and refuses the key for another request', async () => {
    const headers = { 'Idempotency-Key': 'create-once' };
    const first = await call('POST', '/deals', { body: { title: 'Once' }, headers });
    const second = await call('POST', '/deals', { body: { title: 'Once' }, headers });
    expect(second.status).to.equal(201);
    expect(second.headers.get('Idempotent-Replayed')).to.equal('true');
    expect((await second.json()).id).to.equal((await first.json()).id);
    expect((await (await call('GET', '/deals')).json()).total).to.equal(1);

    const reused = await call('POST', '/deals', { body: { title: 'Something else' }, headers });
    expect(reused.status).to.equal(422);
    expect((await reused.json()).fieldErrors).to.have.property('Idempotency-Key');
  });

  it('refuses bad input with problem documents naming the field', async () => {
    const cases: [string, Promise<Response>, number, string][] = [
      ['malformed JSON', call('POST', '/deals', { raw: '{"title": ' }), 400, '(root)'],
      ['a negative amount', call('POST', '/deals', { body: { title: 'x', amount: -1 } }), 422, 'amount'],
      ['an unknown parameter', call('GET', '/deals?colour=red'), 422, 'colour'],
      ['a bad status', call('GET', '/deals?status=closed'), 422, 'status'],
      ['a bad date', call('GET', '/deals?closeFrom=2026-13-01'), 422, 'closeFrom'],
      ['a limit of 0', call('GET', '/deals?limit=0'), 422, 'limit'],
      ['a garbage cursor', call('GET', '/deals?cursor=nope'), 422, 'cursor'],
      ['a NUL character', call('POST', '/deals', { body: { title: 'a\u0000b' } }), 422, 'title'],
      ['a bad If-Match', call('POST', '/deals/x/won', { headers: { 'If-Match': 'three' } }), 400, 'If-Match'],
      ['a bad rate', call('GET', '/aggregates/lost-analysis?groupBy=reason&currency=USD&rate=EUR'), 422, 'rate'],
      ['a huge body', call('POST', '/deals', { body: { title: 'x', company: 'y'.repeat(100_000) } }), 413, '(root)'],
    ];
    for (const [label, pending, status, field] of cases) {
      const response = await pending;
      expect(response.status, label).to.equal(status);
      const body = await response.json();
      expect(body.code, label).to.equal('validation');
      expect(body.fieldErrors, label).to.have.property(field);
    }
  });

  it('pages with the cursors of the adapter contract', async () => {
    for (const amount of [5, 3, 9, 1]) await createDeal({ title: `A${amount}`, amount });
    const first = await (await call('GET', '/deals?sort=amount&order=desc&limit=3')).json();
    expect(first.items.map((d: Deal) => d.amount)).to.deep.equal([9, 5, 3]);
    expect(first.total).to.equal(4);
    const second = await (await call('GET', `/deals?sort=amount&order=desc&limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.items.map((d: Deal) => d.amount)).to.deep.equal([1]);
    expect(second.nextCursor).to.equal(null);
    const otherSort = await call('GET', `/deals?sort=title&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(otherSort.status).to.equal(422);
  });

  it('streams committed changes as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/changes`, { headers: auth, signal: controller.signal });
    expect(response.headers.get('Content-Type')).to.contain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += (await reader.read()).value ?? '';
    };
    await readUntil(/event: ready\ndata: \{"replayed":false\}\n\n/);
    const deal = await createDeal({ title: 'Streamed' });
    await readUntil(/event: deal\ndata: .*\n\n/);
    const data = /id: (\S+)\nevent: deal\ndata: (.*)\n/.exec(text)!;
    expect(JSON.parse(data[2]!)).to.deep.equal(deal);
    controller.abort();

    // Resuming from that event id replays what came after it.
    const later = await createDeal({ title: 'While away' });
    const resumed = await fetch(`${server.url}/changes`, { headers: { ...auth, 'Last-Event-ID': data[1]! } });
    const resumedReader = resumed.body!.pipeThrough(new TextDecoderStream()).getReader();
    text = '';
    const readResumed = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += (await resumedReader.read()).value ?? '';
    };
    await readResumed(/"replayed":true[\s\S]*event: deal\ndata: .*\n\n/);
    expect(text).to.contain(`"id":"${later.id}"`);
    await resumedReader.cancel();
  });

  it('computes exactly the forecast and lost analysis the kit computes', async () => {
    const data = demoData();
    await call('POST', '/import', { body: { data, replace: true } });
    const byId = [...data.deals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const adapter = await RestAdapter.connect({ baseUrl: server.url, headers: () => auth });
    const options = { period: 'month', from: '2026-09-01', periods: 6, groupBy: 'stage', currency: 'USD', rates: DEMO_RATES_TO_USD } as const;
    expect(await adapter.forecast({}, options)).to.deep.equal(forecast(byId, data.stages, options));
    const open = { statuses: ['open' as const], owners: [data.deals[0]!.owner] };
    const narrowed = byId.filter((d) => d.status === 'open' && d.owner === data.deals[0]!.owner);
    expect(await adapter.forecast(open, { ...options, groupBy: 'owner' })).to.deep.equal(forecast(narrowed, data.stages, { ...options, groupBy: 'owner' }));
    for (const groupBy of ['reason', 'stage', 'owner', 'month'] as const) {
      expect(await adapter.lostAnalysis({}, { groupBy, currency: 'USD' }), groupBy).to.deep.equal(lostAnalysis(byId, { groupBy, currency: 'USD' }));
    }
    adapter.close();
  });

  describe('the OpenAPI document', () => {
    it('is current: docs/rest-api.openapi.json equals what the schemas give (run "npm run openapi")', async () => {
      const committed = await (await fetch(new URL('/docs/rest-api.openapi.json', location.origin))).json();
      expect(committed).to.deep.equal(buildOpenApiDocument());
      expect(await (await fetch(`${server.url}/openapi.json`)).json()).to.deep.equal(committed);
    });

    it('describes every operation, and every reference in it resolves', () => {
      const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId: string }>> };
      const operationIds = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
      expect(operationIds.sort()).to.deep.equal(Object.keys(OPERATIONS).sort());
      const refs: string[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') {
          for (const [key, child] of Object.entries(value)) {
            if (key === '$ref' && typeof child === 'string') refs.push(child);
            else walk(child);
          }
        }
      };
      walk(document);
      expect(refs.length).to.be.greaterThan(50);
      for (const ref of new Set(refs)) {
        const target = ref
          .slice(2)
          .split('/')
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
        expect(target, ref).to.be.an('object');
      }
    });
  });
});
