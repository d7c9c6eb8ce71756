import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runHark } from '../support/cli.ts';

describe('hark tag (the real binary)', () => {
  it('adds a tags object to each JSONL line, in order, and reports a bad line by number with a non-zero exit', async () => {
    const lines = [
      JSON.stringify({ id: 'a', type: 'nps', score: 10, comment: 'Brilliant, thank you!', locale: 'en', context: { url: 'https://x.test/' } }),
      'oops',
      JSON.stringify({ id: 'b', type: 'feedback_button', comment: "Le bouton d'export ne fait rien", locale: 'fr', context: { url: 'https://x.test/r', element: 'Export button' } }),
    ];
    const r = await runHark(['tag'], {}, `${lines.join('\n')}\n`);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/line 2/);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b']);
    expect(out[0].tags).toMatchObject({ language: 'en', kind: 'praise', track: 'strategic', npsCategory: 'promoter', sentiment: { label: 'positive' } });
    expect(out[1].tags).toMatchObject({ language: 'fr', kind: 'bug', track: 'tactical' });
    expect(Object.keys(out[1].tags)).toEqual(expect.arrayContaining(['language', 'sentiment', 'kind', 'kinds', 'track', 'trackReason', 'themes']));
  });

  it('asks the optional OpenAI-compatible model when HARK_TAGGER_LLM_URL is set, with the comment PII-masked', async () => {
    let asked = '';
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        asked = body;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ choices: [{ message: { content: '{"kind":"question","track":"tactical","trackReason":"asks how","sentiment":"neutral"}' } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
      const line = JSON.stringify({ id: 'q', type: 'feedback_button', comment: 'Mail me at jo@example.com about the invoices page', locale: 'en', context: { url: 'https://x.test/' } });
      const r = await runHark(['tag'], { HARK_TAGGER_LLM_URL: url }, `${line}\n`);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).tags).toMatchObject({ kind: 'question', track: 'tactical', trackReason: 'asks how', sentiment: { label: 'neutral' } });
      expect(asked).toContain('invoices page');
      expect(asked).not.toContain('jo@example.com');
    } finally {
      server.close();
    }
  });
});
