import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { type Harness, listAll, npsResponse, startTestHark, get } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startTestHark();
});
afterAll(async () => {
  await h?.close();
});

const json = (body: unknown) => ({ body: JSON.stringify(body) });

describe('sites and surveys', () => {
  it('creates, reads, lists and updates a site; refuses a duplicate key', async () => {
    const created = await h.admin('/v1/admin/sites', { method: 'POST', ...json({ key: 'blog', name: 'Blog', allowedOrigins: ['https://blog.example.com'] }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ key: 'blog', theme: { brandColor: '#4f46e5', colorScheme: 'auto' } });
    const dup = await h.admin('/v1/admin/sites', { method: 'POST', ...json({ key: 'blog', name: 'Again', allowedOrigins: [] }) });
    expect(dup.status).toBe(409);
    const patched = await h.admin('/v1/admin/sites/blog', { method: 'PATCH', ...json({ name: 'The blog', theme: { brandColor: '#112233' } }) });
    expect(await patched.json()).toMatchObject({ name: 'The blog', theme: { brandColor: '#112233' }, allowedOrigins: ['https://blog.example.com'] });
    const list = await (await h.admin('/v1/admin/sites')).json();
    expect(list.items.map((s: { key: string }) => s.key)).toEqual(['blog', 'demo']);
    expect((await h.admin('/v1/admin/sites/nope')).status).toBe(404);
  });

  it('creates a survey with defaults, updates it, and the public config follows', async () => {
    const res = await h.admin('/v1/admin/sites/blog/surveys', {
      method: 'POST',
      ...json({ name: 'Leaving?', kind: 'exit_intent', targeting: { urls: { include: [{ match: 'prefix', value: '/pricing' }] } } }),
    });
    expect(res.status).toBe(201);
    const s = await res.json();
    expect(s.id).toMatch(/^srv_/);
    expect(s.trigger.exitIntent.desktop).toMatchObject({ enabled: true, minDwellMs: 5000 });
    expect(s.questions).toEqual([{ type: 'text', id: 'comment', required: true }]);
    expect(s.fatigue).toEqual({ recontactDays: 30, showAgainAfterAnswer: false, showAgainAfterDismiss: false });

    const cfg1 = await (await get(`${h.url}/v1/sites/blog/config`)).json();
    expect(cfg1.surveys.map((x: { id: string }) => x.id)).toEqual([s.id]);
    const paused = await h.admin(`/v1/admin/surveys/${s.id}`, { method: 'PATCH', ...json({ status: 'paused', priority: 3 }) });
    expect(await paused.json()).toMatchObject({ status: 'paused', priority: 3, kind: 'exit_intent' });
    expect((await (await h.admin('/v1/admin/sites/blog/surveys')).json()).items).toHaveLength(1);
    expect((await h.admin(`/v1/admin/surveys/${s.id}`, { method: 'PATCH', ...json({ kind: 'nps' }) })).status).toBe(400);
    expect((await h.admin(`/v1/admin/surveys/${s.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await h.admin(`/v1/admin/surveys/${s.id}`)).status).toBe(404);
  });
});

describe('responses: filters, cursor pagination, erasure, exports', () => {
  const ids: string[] = [];
  beforeAll(async () => {
    // 130 responses: 3 users, scores spread, some exit-intent answers.
    for (let i = 0; i < 130; i++) {
      const r =
        i % 10 === 0
          ? npsResponse({ surveyId: 'demo-exit', type: 'exit_intent', score: undefined, comment: `=HYPERLINK("x") leaving ${i}`, user: { id: `user-${i % 3}` } })
          : npsResponse({ score: i % 11, comment: `comment ${i}, with "quotes"`, user: { id: `user-${i % 3}` } });
      ids.push(r.id);
      expect((await h.post('/v1/sites/demo/responses', r)).status).toBe(202);
    }
  });

  it('pages through everything with the cursor, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string; receivedAt: string }[]; nextCursor: string | null } = await (
        await h.admin(`/v1/admin/responses?site=demo&limit=50${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((x) => x.id));
      const times = page.items.map((x) => Date.parse(x.receivedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(130);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('filters by survey, type, user and date range', async () => {
    expect(await listAll(h, 'site=demo&type=exit_intent')).toHaveLength(13);
    expect(await listAll(h, 'site=demo&survey=demo-nps')).toHaveLength(117);
    expect(await listAll(h, 'site=demo&user=user-1')).toHaveLength(43);
    expect(await listAll(h, `site=demo&from=${new Date(Date.now() + 60_000).toISOString()}`)).toHaveLength(0);
    expect(await listAll(h, `site=demo&to=${new Date(Date.now() + 60_000).toISOString()}`)).toHaveLength(130);
    expect(await listAll(h, 'site=blog')).toHaveLength(0);
    expect(await listAll(h, 'site=demo&q=LEAVING%2012')).toHaveLength(1);
  });

  it('exports JSONL and CSV, streamed as attachments, with spreadsheet formulas neutralised', async () => {
    const jsonl = await h.admin('/v1/admin/responses/export?site=demo&format=jsonl&type=exit_intent');
    expect(jsonl.headers.get('content-type')).toMatch(/ndjson/);
    expect(jsonl.headers.get('content-disposition')).toMatch(/attachment; filename="hark-responses-demo-.*\.jsonl"/);
    const lines = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatchObject({ siteKey: 'demo', type: 'exit_intent' });

    const csv = await h.admin('/v1/admin/responses/export?site=demo&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(130);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'score', 'comment', 'url', 'received_at', 'kind', 'track', 'themes']));
    const exit = rows.find((r) => r.type === 'exit_intent')!;
    expect(exit.comment?.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows.some((r) => r.comment?.includes('"quotes"'))).toBe(true);
  });

  it('erases every response of one end user (GDPR) and nothing else', async () => {
    const res = await h.admin('/v1/admin/users/user-2?site=demo', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ userId: 'user-2', deleted: 43 });
    expect(await listAll(h, 'site=demo&user=user-2')).toHaveLength(0);
    expect(await listAll(h, 'site=demo')).toHaveLength(87);
    const again = await (await h.admin('/v1/admin/users/user-2', { method: 'DELETE' })).json();
    expect(again.deleted).toBe(0);
  });
});

describe('operations endpoints', () => {
  it('exposes Prometheus metrics with request and ingest counters', async () => {
    const text = await (await get(`${h.url}/metrics`)).text();
    expect(text).toMatch(/hark_http_requests_total\{method="POST",route="\/v1\/sites\/:siteKey\/responses",status="202"\} \d+/);
    expect(text).toMatch(/hark_responses_ingested_total\{site="demo",outcome="stored"\} 130/);
    expect(text).toMatch(/hark_http_request_duration_seconds_bucket/);
  });

  it('serves an OpenAPI 3.1 document covering every admin route', async () => {
    const doc = await (await get(`${h.url}/v1/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/v1/sites/{siteKey}/responses', '/v1/sites/{siteKey}/config', '/v1/admin/responses', '/v1/admin/surveys/{id}', '/v1/admin/users/{userId}']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(doc.components.schemas.ResponseInput.properties.id).toBeDefined();
    // Query parameters are read from the zod schemas that validate them.
    const params = (path: string) => doc.paths[path].get.parameters.map((x: { name: string; required: boolean }) => `${x.name}${x.required ? '!' : ''}`);
    expect(params('/v1/admin/responses')).toEqual(expect.arrayContaining(['site', 'survey', 'from', 'to', 'track', 'theme', 'limit', 'cursor']));
    expect(params('/v1/admin/insights/nps')).toEqual(expect.arrayContaining(['site!', 'interval', 'segment']));
    expect(params('/v1/admin/stories')).toEqual(expect.arrayContaining(['status', 'cursor']));
    expect(JSON.stringify(doc)).not.toMatch(/"\$ref":"#\/\$defs/);
  });
});
