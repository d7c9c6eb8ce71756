// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readableLabel, stableSelector } from '../../src/ui/element-ref.ts';

describe('element picker references', () => {
  it('prefers data-hark-feature, test ids and human ids; skips generated ids', () => {
    document.body.innerHTML = `
      <main><ul><li><button data-hark-feature="Export">Export CSV</button></li></ul>
      <div id="react-aria-123456"><span>one</span><span>two</span></div>
      <form id="signup"><input name="email" placeholder="you@example.com"></form></main>`;
    const exp = document.querySelector('button')!;
    expect(stableSelector(exp)).toBe('button[data-hark-feature="Export"]');
    expect(document.querySelector(stableSelector(exp))).toBe(exp);
    const two = document.querySelectorAll('span')[1]!;
    const sel = stableSelector(two);
    expect(sel).not.toContain('react-aria');
    expect(document.querySelector(sel)).toBe(two);
    const input = document.querySelector('input')!;
    expect(document.querySelector(stableSelector(input))).toBe(input);
  });
  it('labels elements the way a person would name them', () => {
    document.body.innerHTML = `<button data-hark-feature="Export">Export CSV</button><a href="#" aria-label="Close menu">×</a><img alt="Logo" src="x.png">`;
    expect(readableLabel(document.querySelector('button')!)).toBe('Export (button)');
    expect(readableLabel(document.querySelector('a')!)).toBe('Close menu (a)');
    expect(readableLabel(document.querySelector('img')!)).toBe('Logo (img)');
  });
});
