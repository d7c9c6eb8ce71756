import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, listAll, npsResponse, startTestHark, get } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startTestHark({ bodyLimitKb: 8 });
});
afterAll(async () => {
  await h?.close();
});

interface ErrorJson {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

async function expectError(res: Response, status: number, code: string, path?: string): Promise<ErrorJson> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as ErrorJson;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (path) expect(body.error.issues?.map((i) => i.path)).toContain(path);
  return body;
}

const post = (body: unknown, headers?: Record<string, string>) => h.post('/v1/sites/demo/responses', body, headers);

describe('bad input gets a 4xx JSON error naming the field, and stores nothing', () => {
  it('malformed JSON', async () => {
    await expectError(await post('{"id": "x", '), 400, 'invalid_json');
    await expectError(await post('not json at all', { 'content-type': 'text/plain' }), 400, 'invalid_json');
  });

  it('wrong types and missing fields name each field', async () => {
    const body = await expectError(await post({ ...npsResponse(), score: 'ten', locale: 5 }), 400, 'validation_failed', 'score');
    expect(body.error.issues?.map((i) => i.path)).toContain('locale');
    await expectError(await post({ ...npsResponse(), id: 'not-a-uuid' }), 400, 'validation_failed', 'id');
    await expectError(await post({ ...npsResponse(), score: 11 }), 400, 'validation_failed', 'score');
    await expectError(await post({ ...npsResponse(), score: undefined }), 400, 'validation_failed', 'score');
    await expectError(await post({ ...npsResponse(), context: { url: 'javascript:alert(1)' } }), 400, 'validation_failed', 'context.url');
    await expectError(await post({ ...npsResponse(), extra: true }), 400, 'validation_failed');
    await expectError(await post([npsResponse(), { ...npsResponse(), type: 'poll' }]), 400, 'validation_failed', '[1].type');
  });

  it('unknown survey, or a type that does not match the survey', async () => {
    await expectError(await post(npsResponse({ surveyId: 'nope' })), 422, 'validation_failed', 'surveyId');
    await expectError(await post(npsResponse({ surveyId: 'demo-exit' })), 422, 'validation_failed', 'type');
  });

  it('unknown site', async () => {
    await expectError(await h.post('/v1/sites/nosuchsite/responses', npsResponse()), 404, 'not_found');
    await expectError(await get(`${h.url}/v1/sites/NOT_A_KEY!/config`), 404, 'not_found');
  });

  it('operator injection where a string belongs', async () => {
    await expectError(await post({ ...npsResponse(), surveyId: { $gt: '' } }), 400, 'validation_failed', 'surveyId.$gt');
    await expectError(await post({ ...npsResponse(), user: { id: { $ne: null } } }), 400, 'validation_failed', 'user.id.$ne');
    await expectError(await post({ ...npsResponse(), context: { url: 'https://a.test/', $where: '1' } }), 400, 'validation_failed', 'context.$where');
    await expectError(await post({ ...npsResponse(), user: { traits: { 'a.b': 1 } } }), 400, 'validation_failed', 'user.traits.a.b');
    const res = await h.admin('/v1/admin/responses?site[$ne]=x');
    expect(res.status).toBe(400);
  });

  it('prototype-pollution keys', async () => {
    const raw = `{"id":"${crypto.randomUUID()}","surveyId":"demo-nps","type":"nps","score":5,"locale":"en","context":{"url":"https://a.test/","__proto__":{"polluted":true}}}`;
    await expectError(await post(raw), 400, 'validation_failed');
    const raw2 = raw.replace('"context"', '"__proto__":{"x":1},"context"');
    await expectError(await post(raw2), 400, 'validation_failed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('oversize body and oversize batch', async () => {
    await expectError(await post({ ...npsResponse(), comment: 'x'.repeat(20_000) }), 413, 'payload_too_large');
    const big = Array.from({ length: 51 }, () => npsResponse({ comment: undefined }));
    const h2 = await startTestHark({ bodyLimitKb: 512 });
    try {
      await expectError(await h2.post('/v1/sites/demo/responses', big), 413, 'payload_too_large');
      await expectError(await h2.post('/v1/sites/demo/responses', []), 400, 'validation_failed');
    } finally {
      await h2.close();
    }
  });

  it('a comment over the length limit is refused, not cut', async () => {
    const h2 = await startTestHark({ bodyLimitKb: 512 });
    try {
      const res = await h2.post('/v1/sites/demo/responses', npsResponse({ comment: 'y'.repeat(4001) }));
      await expectError(res, 400, 'validation_failed', 'comment');
    } finally {
      await h2.close();
    }
  });

  it('unsupported content types', async () => {
    await expectError(await post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    await expectError(await h.admin('/v1/admin/sites', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
  });

  it('bad query strings and cursors on the admin API', async () => {
    await expectError(await h.admin('/v1/admin/responses?limit=abc'), 400, 'validation_failed', 'limit');
    await expectError(await h.admin('/v1/admin/responses?limit=100000'), 400, 'validation_failed', 'limit');
    await expectError(await h.admin('/v1/admin/responses?cursor=%%%'), 400, 'bad_request', 'cursor');
    await expectError(await h.admin('/v1/admin/responses?from=yesterday'), 400, 'validation_failed', 'from');
    await expectError(await h.admin('/v1/admin/responses?color=blue'), 400, 'validation_failed');
    await expectError(await h.admin('/v1/admin/sites', { method: 'POST', body: JSON.stringify({ key: 'Bad Key', name: '', allowedOrigins: ['ftp://x'] }) }), 400, 'validation_failed', 'key');
  });

  it('unknown routes answer JSON 404', async () => {
    await expectError(await get(`${h.url}/v1/nothing-here`), 404, 'not_found');
  });

  it('none of the refused requests stored anything', async () => {
    expect(await listAll(h, 'site=demo')).toHaveLength(0);
  });
});
