import { describe, expect, it } from 'vitest';
import { tagResponseWithLlm } from '../../src/triage/llm-tagger.ts';

const input = { type: 'feedback_button', comment: 'the export is broken, mail me at a@b.io', locale: 'en', context: { url: 'https://x.test/' } };
const reply = (content: string, status = 200) =>
  (async () => new Response(JSON.stringify({ choices: [{ message: { content } }] }), { status })) as unknown as typeof fetch;

describe('tagResponseWithLlm', () => {
  it('is the local tagger when no endpoint is configured', async () => {
    const t = await tagResponseWithLlm(input, { url: '' });
    expect(t.kind).toBe('bug');
  });
  it('uses a valid model answer and keeps local language, themes and PII', async () => {
    let sent = '';
    const f = (async (_u: string, init: RequestInit) => {
      sent = String(init.body);
      return new Response(JSON.stringify({ choices: [{ message: { content: '{"kind":"usability","track":"tactical","trackReason":"r","sentiment":"neutral"}' } }] }));
    }) as unknown as typeof fetch;
    const t = await tagResponseWithLlm(input, { url: 'http://llm.test/v1/chat/completions', fetchImpl: f });
    expect(t).toMatchObject({ kind: 'usability', kinds: ['usability', 'bug'], sentiment: { label: 'neutral' }, pii: ['email'], language: 'en' });
    expect(sent).not.toContain('a@b.io');
  });
  it('falls back on errors, bad answers and timeouts', async () => {
    const url = 'http://llm.test/v1/chat/completions';
    expect((await tagResponseWithLlm(input, { url, fetchImpl: reply('nope', 500) })).kind).toBe('bug');
    expect((await tagResponseWithLlm(input, { url, fetchImpl: reply('{"kind":"weird"}') })).kind).toBe('bug');
    const hang = ((_u: string, init: RequestInit) =>
      new Promise((_r, rej) => init.signal?.addEventListener('abort', () => rej(new Error('aborted'))))) as unknown as typeof fetch;
    expect((await tagResponseWithLlm(input, { url, fetchImpl: hang, timeoutMs: 20 })).kind).toBe('bug');
  });
});
