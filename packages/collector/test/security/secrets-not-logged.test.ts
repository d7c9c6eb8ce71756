import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ADMIN, npsResponse, startTestHark } from '../support/harness.ts';

describe('secrets never reach the logs', () => {
  it('logs requests and errors at trace level without any token, even on failures', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logged += chunk.toString();
        cb();
      },
    });
    const logger = pino({ level: 'trace', redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' } }, sink);
    const h = await startTestHark({ logger });
    try {
      const created = await (await h.admin('/v1/admin/tokens', { method: 'POST', body: JSON.stringify({ name: 'ci', role: 'po' }) })).json();
      await h.admin('/v1/admin/responses?site=demo', { token: created.token });
      await h.admin('/v1/admin/responses?limit=nope', { token: created.token });
      await h.admin('/v1/admin/sites', { token: 'hark_wrong-token-value-123456' });
      await h.post('/v1/sites/demo/responses', npsResponse());
      await h.post('/v1/sites/demo/responses', '{broken', { authorization: `Bearer ${ADMIN}` });
      h.services.tagging.failNext = 1;
      await h.post('/v1/sites/demo/responses', npsResponse({ comment: 'tagging fails on this one' }));
    } finally {
      await h.close();
    }
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).not.toContain(ADMIN);
    expect(logged).not.toMatch(/hark_[A-Za-z0-9_-]{40,}/);
    expect(logged).not.toContain('hark_wrong-token-value-123456');
  });
});
