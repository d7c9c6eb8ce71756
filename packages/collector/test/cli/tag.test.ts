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
});
