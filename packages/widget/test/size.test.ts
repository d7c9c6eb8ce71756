// The size budgets from the issue, enforced on the gzipped build that the tag serves.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const gz = (f: string) => gzipSync(readFileSync(fileURLToPath(new URL(`../dist/${f}`, import.meta.url))), { level: 9 }).length;

describe('size budget (gzip -9)', () => {
  it('loader (dist/hark.js) is at most 3 kB', () => {
    expect(gz('hark.js')).toBeLessThanOrEqual(3 * 1024);
  });
  it('loader + all UI is at most 12 kB', () => {
    expect(gz('hark.js') + gz('hark-ui.js')).toBeLessThanOrEqual(12 * 1024);
  });
  it('the script-tag build defines no global but window.Hark and never ships zod', () => {
    const loader = readFileSync(fileURLToPath(new URL('../dist/hark.js', import.meta.url)), 'utf8');
    const ui = readFileSync(fileURLToPath(new URL('../dist/hark-ui.js', import.meta.url)), 'utf8');
    for (const src of [loader, ui]) {
      expect(src.startsWith('!function(){') || src.startsWith('(function(){') || src.startsWith('(()=>{')).toBe(true);
      expect(src).not.toMatch(/ZodError|zod/);
    }
  });
});
