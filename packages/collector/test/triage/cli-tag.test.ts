import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Tags } from '@hark/shared';
import { runTag } from '../../src/cli/tag.ts';

function collect(s: PassThrough): () => string {
  let buf = '';
  s.on('data', (c: Buffer) => (buf += c.toString()));
  return () => buf;
}

describe('runTag (hark tag)', () => {
  it('adds tags to every good line, in order, and reports bad lines by number', async () => {
    const input = createReadStream(fileURLToPath(new URL('./fixtures/tag-input.jsonl', import.meta.url)));
    const out = new PassThrough();
    const err = new PassThrough();
    const o = collect(out), e = collect(err);
    const code = await runTag(input, out, err);
    expect(code).toBe(1);
    const lines = o().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['t-1', 't-2', 't-4', 't-6']);
    for (const l of lines) expect(() => Tags.parse(l.tags)).not.toThrow();
    expect(lines[0].tags).toMatchObject({ kind: 'bug', track: 'tactical', npsCategory: 'detractor' });
    expect(lines[1].tags).toMatchObject({ kind: 'churn_risk', language: 'fr' });
    expect(lines[2].tags.pii).toEqual(['email']);
    expect(lines[2].comment).toContain('marie.dupont@example.fr'); // input fields pass through unchanged
    expect(lines[3].tags).toMatchObject({ kind: 'other', npsCategory: 'promoter' });
    expect(e()).toMatch(/line 3: invalid JSON/);
  });
  it('exits 0 when every line is good', async () => {
    const input = new PassThrough();
    input.end('{"type":"exit_intent","comment":"too slow","locale":"en","context":{"url":"https://x.test/"}}\n');
    const out = new PassThrough();
    const o = collect(out);
    expect(await runTag(input, out, new PassThrough())).toBe(0);
    expect(JSON.parse(o()).tags.kind).toBe('performance');
  });
  it('rejects objects without a type', async () => {
    const input = new PassThrough();
    input.end('{"comment":"hello"}\n[1,2]\n');
    const err = new PassThrough();
    const e = collect(err);
    expect(await runTag(input, new PassThrough(), err)).toBe(1);
    expect(e()).toMatch(/line 1: missing "type"/);
    expect(e()).toMatch(/line 2: expected a JSON object/);
  });
});
