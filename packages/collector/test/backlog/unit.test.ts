// Pure functions of the backlog: behaviour extraction, persona, priority, drafting
// (EN/FR), criteria, merging, signing, Slack escaping and export quoting.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Story } from '@hark/shared';
import { behaviourOf } from '../../src/backlog/behaviour.ts';
import { personaOf } from '../../src/backlog/persona.ts';
import { confidenceOf, levelOf, priorityOf } from '../../src/backlog/priority.ts';
import type { SourceResponse } from '../../src/backlog/source.ts';
import { draftStory, labelOf } from '../../src/backlog/story-draft.ts';
import { canTransition, mergeStories } from '../../src/backlog/story-merge.ts';
import { safeCell } from '../../src/csv/csv-cell.ts';
import { ghScript, githubIssues, shellQuote } from '../../src/backlog/exports/github.ts';
import { jiraCsv } from '../../src/backlog/exports/jira-csv.ts';
import { linearCsv } from '../../src/backlog/exports/linear-csv.ts';
import { sign, verifySignature } from '../../src/backlog/webhooks/sign.ts';
import { slackMessage } from '../../src/backlog/webhooks/slack-format.ts';
import { retryDelay } from '../../src/backlog/webhooks/deliver.ts';
import { tagResponse } from '../../src/triage/tagger.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
let n = 0;
function resp(comment: string, over: Partial<SourceResponse> & { daysAgo?: number } = {}): SourceResponse {
  const { daysAgo = 0, ...rest } = over;
  const r: SourceResponse = {
    id: `r${++n}`,
    siteKey: 's',
    type: 'feedback_button',
    comment,
    locale: 'en',
    context: { url: 'https://app.example.com/settings/billing', element: 'Save button' },
    device: { type: 'desktop', os: 'Windows', browser: 'Firefox' },
    user: { id: `u${n}` },
    receivedAt: new Date(NOW.getTime() - daysAgo * 86_400_000),
    ...rest,
  };
  r.tags = tagResponse({ type: r.type, score: r.score, comment: r.comment, locale: r.locale, context: r.context as Record<string, string> });
  return r;
}

describe('behaviour', () => {
  it('splits what happens from what was expected, in English and French', () => {
    expect(behaviourOf('I click Save but nothing happens. It should save my card and show a confirmation.')).toEqual({
      reported: 'I click Save but nothing happens', expected: 'save my card and show a confirmation', expectedForm: 'system', symptom: 'nothing_happens',
    });
    expect(behaviourOf('Le bouton Enregistrer ne marche pas, il devrait garder ma carte')).toMatchObject({
      reported: 'Le bouton Enregistrer ne marche pas', expected: 'garder ma carte', expectedForm: 'system', symptom: 'not_working',
    });
    expect(behaviourOf("J'aimerais pouvoir télécharger mes factures en PDF")).toMatchObject({ expected: 'télécharger mes factures en PDF', expectedForm: 'verb' });
    expect(behaviourOf('Please add a dark mode, my eyes hurt')).toMatchObject({ expected: 'a dark mode', expectedForm: 'noun' });
    expect(behaviourOf("Ça serait bien de pouvoir trier par date")).toMatchObject({ expected: 'pouvoir trier par date', expectedForm: 'verb' });
    expect(behaviourOf('The report takes forever to load')).toMatchObject({ symptom: 'slow', reported: 'The report takes forever to load' });
    expect(behaviourOf('')).toEqual({});
    expect(behaviourOf(undefined)).toEqual({});
  });
});

describe('persona', () => {
  it('uses traits most respondents share, else a default that fits the page', () => {
    const admins = [1, 2, 3].map(() => resp('x', { user: { id: 'a', traits: { role: 'admin', plan: 'business' } } }));
    expect(personaOf(admins, 'en')).toBe('an administrator on the Business plan');
    expect(personaOf(admins, 'fr')).toBe('un administrateur (offre Business)');
    const plain = [resp('x'), resp('y')];
    expect(personaOf(plain, 'en')).toBe('an administrator'); // settings pages
    const shop = [resp('x', { context: { url: 'https://s.example.com/cart' } })];
    expect(personaOf(shop, 'fr')).toBe('un acheteur');
    const other = [resp('x', { context: { url: 'https://s.example.com/blog' } })];
    expect(personaOf(other, 'en')).toBe('a customer');
    expect(personaOf(other, 'fr')).toBe('un client');
    const seg = [resp('x', { context: { url: 'https://s.example.com/' }, user: { id: 'z', traits: { segment: 'enterprise' } } })];
    expect(personaOf(seg, 'en')).toBe('an enterprise customer');
  });
});

describe('priority', () => {
  it('shows its terms; contributions add up to the score', () => {
    const rs = [
      resp('Save does nothing, I lost my card details', { type: 'nps', score: 2, user: { id: 'a', traits: { mrr: 500, accountId: 'A' } } }),
      resp('Broken save button', { type: 'nps', score: 9, daysAgo: 30, user: { id: 'b', traits: { mrr: 1500, accountId: 'B' } } }),
    ];
    const p = priorityOf(rs, { now: NOW });
    const t = Object.fromEntries(p.terms.map((x) => [x.name, x]));
    expect(t.reach).toMatchObject({ value: 2, weight: 30 });
    expect(t.reach!.normalized).toBeCloseTo(Math.log(3) / Math.log(51), 3);
    expect(t.detractors).toMatchObject({ value: 0.5, normalized: 0.5 });
    expect(t.recency!.value).toBeCloseTo((1 + 0.5) / 2, 3); // today and one half-life ago
    expect(t.accountValue).toMatchObject({ value: 2000, weight: 20 });
    expect(t.accountValue!.normalized).toBeCloseTo(Math.log(2001) / Math.log(20001), 3);
    const sum = p.terms.reduce((a, x) => a + x.contribution, 0);
    expect(p.score).toBeCloseTo(sum, 5);
    const expected = (100 * (30 * t.reach!.normalized + 20 * 0.5 + 15 * t.sentimentIntensity!.normalized + 15 * t.recency!.normalized + 20 * t.accountValue!.normalized)) / 100;
    expect(p.score).toBeCloseTo(expected, 0);
    expect(p).toMatchObject({ confidence: 0.33, confidenceLabel: 'low' });
  });

  it('leaves out account value when no trait says it, and re-weights', () => {
    const p = priorityOf([resp('Save is broken', { user: { id: 'x' } })], { now: NOW });
    const av = p.terms.find((t) => t.name === 'accountValue')!;
    expect(av).toMatchObject({ value: null, weight: 0, contribution: 0 });
    const reach = p.terms.find((t) => t.name === 'reach')!;
    expect(reach.contribution).toBeCloseTo((100 * 30 * reach.normalized) / 80, 1);
  });

  it('plan levels, anonymous respondents, recency decay, levels and confidence', () => {
    const anon = [resp('a', { user: undefined }), resp('b', { user: undefined })];
    expect(priorityOf(anon, { now: NOW }).terms[0]!.value).toBe(2);
    const old = priorityOf([resp('Save is broken', { daysAgo: 90 })], { now: NOW }).terms.find((t) => t.name === 'recency')!;
    expect(old.value).toBeCloseTo(0.125, 3);
    const plan = priorityOf([resp('x', { user: { id: 'p', traits: { plan: 'Enterprise' } } })], { now: NOW }).terms.find((t) => t.name === 'accountValue')!;
    expect(plan).toMatchObject({ value: 1, normalized: 1 });
    expect([levelOf(80), levelOf(60), levelOf(40), levelOf(20), levelOf(5)]).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(confidenceOf(0)).toEqual({ confidence: 0, confidenceLabel: 'low' });
    expect(confidenceOf(12)).toEqual({ confidence: 0.75, confidenceLabel: 'high' });
    expect(confidenceOf(4).confidenceLabel).toBe('medium');
  });
});

describe('drafting', () => {
  const mobile = { type: 'mobile', os: 'Android', browser: 'Chrome' };
  it('a bug in English: title, story, reproduction criteria', () => {
    const d = draftStory([
      resp('I click Save but nothing happens. It should save my card.', { device: mobile }),
      resp('Save button does nothing on my phone', { device: mobile }),
      resp('Nothing happens when I press save'),
    ], { now: NOW });
    expect(d.kind).toBe('bug');
    expect(d.language).toBe('en');
    expect(d.title).toBe('Fix “Save button” on /settings/billing: nothing happens');
    expect(d.text).toBe('As an administrator, I want “Save button” on /settings/billing to work reliably, so that I can finish what I came to do without being blocked.');
    expect(d.acceptanceCriteria[0]).toEqual({ given: 'I am on /settings/billing on mobile (Android, Chrome)', when: 'I click “Save button”', then: 'it should save my card' });
    expect(d.acceptanceCriteria[1]!.then).toMatch(/^the reported problem no longer happens: “.+” \(3 reports\)$/);
    expect(d.acceptanceCriteria[2]).toMatchObject({ given: 'I am on /settings/billing on desktop (Windows, Firefox)', then: 'it works the same way' });
    expect(d.acceptanceCriteria.at(-1)!.then).toMatch(/clear message/);
    expect(d.reproduction?.steps).toEqual(['Open https://app.example.com/settings/billing', 'Use a mobile (Android, Chrome) device', 'Click “Save button”', expect.stringMatching(/^Observe: “/)]);
    expect(d.labels[0]).toBe('bug');
    expect(d.labels.at(-1)).toBe('customer-feedback');
  });

  it('a bug in French gives a French story; English when asked', () => {
    const rs = [
      resp('Le bouton Enregistrer ne fait rien, rien ne se passe. Il devrait enregistrer ma carte.', { locale: 'fr' }),
      resp('Impossible d’enregistrer, le bouton ne marche pas', { locale: 'fr' }),
    ];
    const fr = draftStory(rs, { now: NOW });
    expect(fr.language).toBe('fr');
    expect(fr.title).toMatch(/^Corriger « Save button » sur \/settings\/billing : /);
    expect(fr.text).toBe('En tant qu’administrateur, je veux que « Save button » sur /settings/billing fonctionne correctement, afin d’aller au bout de ce que je suis venu faire sans être bloqué.');
    expect(fr.acceptanceCriteria[0]).toEqual({ given: 'je suis sur /settings/billing sur ordinateur (Windows, Firefox)', when: 'je clique sur « Save button »', then: 'cela devrait enregistrer ma carte' });
    expect(draftStory(rs, { now: NOW, language: 'en' }).text).toMatch(/^As an administrator, I want/);
  });

  it('a feature request: the capability comes from what customers asked', () => {
    const d = draftStory([resp("J'aimerais pouvoir exporter mes factures en PDF", { locale: 'fr', context: { url: 'https://app.example.com/invoices' } })], { now: NOW });
    expect(d.kind).toBe('feature_request');
    expect(d.title).toBe('Exporter mes factures en PDF');
    expect(d.text).toBe('En tant que client, je veux pouvoir exporter mes factures en PDF, afin de faire mon travail avec moins d’effort.');
    expect(d.acceptanceCriteria[0]!.then).toBe('je peux exporter mes factures en PDF');
    expect(d.acceptanceCriteria.at(-1)).toEqual({ given: 'je n’utilise pas la nouvelle possibilité', when: 'je travaille sur /invoices comme avant', then: 'rien ne change pour moi' });
    expect(d.reproduction).toBeUndefined();
    const en = draftStory([resp('Please add a dark mode', { context: { url: 'https://app.example.com/dashboard' }, device: mobile })], { now: NOW });
    expect(en.title).toBe('Add a dark mode');
    expect(en.text).toBe('As a customer, I want a dark mode, so that I get my work done with less effort.');
    expect(en.acceptanceCriteria.map((c) => c.then)).toContain('it works as well as on desktop');
  });

  it('labels are tracker-safe', () => {
    expect(labelOf('Promo codes')).toBe('promo-codes');
    expect(labelOf('Facturation électronique')).toBe('facturation-electronique');
    expect(() => draftStory([])).toThrow();
  });
});

const baseStory = (over: Partial<Story> = {}): Story => ({
  ...(draftStory([resp('I click Save but nothing happens. It should save.')], { now: NOW }) as unknown as Story),
  id: 'sty_1', siteKey: 's', status: 'draft', track: 'tactical', responseIds: ['r1'], escalated: false,
  statusHistory: [], createdBy: 't', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...over,
});

describe('statuses and merging', () => {
  it('allows draft → ready → exported → done and back to draft only', () => {
    expect(canTransition('draft', 'ready')).toBe(true);
    expect(canTransition('ready', 'exported')).toBe(true);
    expect(canTransition('exported', 'done')).toBe(true);
    expect(canTransition('done', 'draft')).toBe(true);
    expect(canTransition('draft', 'done')).toBe(false);
    expect(canTransition('ready', 'done')).toBe(false);
    expect(canTransition('merged', 'draft')).toBe(false);
  });
  it('merges responses, labels and distinct criteria', () => {
    const a = baseStory({ labels: ['bug'] });
    const b = baseStory({ id: 'sty_2', responseIds: ['r1', 'r2'], labels: ['bug', 'billing'], acceptanceCriteria: [...a.acceptanceCriteria, { given: 'g', when: 'w', then: 't' }], mergedFrom: ['sty_0'] });
    const m = mergeStories(a, [b]);
    expect(m.responseIds).toEqual(['r1', 'r2']);
    expect(m.labels).toEqual(['bug', 'billing']);
    expect(m.acceptanceCriteria).toHaveLength(a.acceptanceCriteria.length + 1);
    expect(m.mergedFrom).toEqual(['sty_2', 'sty_0']);
  });
});

describe('webhook signing and formats', () => {
  it('signs timestamp.body with HMAC-SHA256 and verifies in constant time with a replay window', () => {
    const body = '{"event":"story.done"}';
    // Reference: printf '%s' '1700000000.{"event":"story.done"}' | openssl dgst -sha256 -hmac whsec_test
    expect(sign('whsec_test', 1_700_000_000, body)).toBe('sha256=1c8584d64342a14afc9b4ca0964005754b8424c534ad1e074b829e98fe84140a');
    const sig = sign('whsec_test', 1_700_000_000, body);
    expect(verifySignature('whsec_test', body, sig, '1700000000', { now: 1_700_000_100 })).toBe(true);
    expect(verifySignature('whsec_test', body, sig, '1700000000', { now: 1_700_000_301 })).toBe(false); // stale: replay refused
    expect(verifySignature('whsec_test', `${body} `, sig, '1700000000', { now: 1_700_000_000 })).toBe(false);
    expect(verifySignature('whsec_test', body, sig, '1700000001', { now: 1_700_000_000 })).toBe(false);
    expect(verifySignature('whsec_test', body, 'sha256=00', '1700000000', { now: 1_700_000_000 })).toBe(false);
    expect(verifySignature('whsec_test', body, undefined, '1700000000')).toBe(false);
  });

  it('retry delays follow the schedule with bounded jitter, then stop', () => {
    const opts = { retryScheduleMs: [1000, 4000, 16000], jitter: 0.2 };
    expect(retryDelay(1, opts, () => 0.5)).toBe(1000);
    expect(retryDelay(2, opts, () => 0)).toBe(3200);
    expect(retryDelay(3, opts, () => 1)).toBe(19200);
    expect(retryDelay(4, opts)).toBeNull();
  });

  it('Slack messages escape customer text', () => {
    const m = slackMessage({ event: 'response.created', id: 'evt_1', createdAt: '', site: 'shop', data: { type: 'nps', score: 3, comment: '<!here> <https://evil|click> & co' } });
    expect(m.text).toBe(':speech_balloon: New nps response on *shop* (score 3)\n>&lt;!here&gt; &lt;https://evil|click&gt; &amp; co');
    const done = slackMessage({ event: 'story.done', id: 'e', createdAt: '', site: 'shop', data: { story: { title: 'Fix save', priority: { score: 50, level: 'Medium' }, evidence: { uniqueUsers: 3, responses: 4 } }, respondents: [{}, {}] } });
    expect(done.text).toBe(':tada: Delivered on *shop*: *Fix save* — priority 50 (Medium), 3 users, 4 responses\n2 respondents to tell');
  });
});

describe('exports', () => {
  it('CSV cells never start a formula', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', '|calc']) expect(safeCell(bad).startsWith("'")).toBe(true);
    expect(safeCell('fine')).toBe('fine');
    expect(safeCell(undefined)).toBe('');
  });

  it('Jira CSV: header, repeated Labels columns, quoting of commas, quotes and newlines', () => {
    const s1 = baseStory({ title: '=cmd|"/c calc"!A1, "quoted"', labels: ['bug', 'billing', 'x'] });
    const s2 = baseStory({ id: 'sty_2', labels: ['ui'] });
    const rows = parse(jiraCsv([s1, s2])) as string[][];
    expect(rows[0]).toEqual(['Summary', 'Description', 'Issue Type', 'Priority', 'Labels', 'Labels', 'Labels']);
    expect(rows[1]![0]).toBe(`'=cmd|"/c calc"!A1, "quoted"`);
    expect(rows[1]!.slice(4)).toEqual(['bug', 'billing', 'x']);
    expect(rows[2]!.slice(4)).toEqual(['ui', '', '']);
    expect(rows[1]![1]).toContain('\n');
    expect(rows[1]![2]).toBe('Bug');
    const lin = parse(linearCsv([s1])) as string[][];
    expect(lin[1]![0]).toBe(`'=cmd|"/c calc"!A1, "quoted"`);
    expect(lin[1]![4]).toBe('bug,billing,x');
  });

  it('the gh script is valid shell that passes hostile titles and bodies through untouched', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const evil = `Fix $(rm -rf ~) \`id\` "x" it's; echo pwned`;
    const s = baseStory({ title: evil, labels: ['bug', "o'brien"] });
    s.evidence.quotes[0]!.quote = "HARK_BODY_x\n'; rm -rf / #\n$HOME `whoami`";
    const script = ghScript(githubIssues([s]));
    const dir = mkdtempSync(join(tmpdir(), 'hark-gh-'));
    try {
      // A fake `gh` that records its arguments and copies the body file.
      writeFileSync(join(dir, 'gh'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> "${dir}/args"; done\nwhile [ $# -gt 0 ]; do if [ "$1" = --body-file ]; then cp "$2" "${dir}/body.md"; fi; shift; done\n`, { mode: 0o755 });
      writeFileSync(join(dir, 'script.sh'), script);
      execFileSync('sh', [join(dir, 'script.sh'), 'acme/shop'], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
      const args = readFileSync(join(dir, 'args'), 'utf8').split('\n');
      expect(args).toContain(evil);
      expect(args).toContain("o'brien");
      expect(args).toContain('acme/shop');
      expect(readFileSync(join(dir, 'body.md'), 'utf8').trim()).toBe(githubIssues([s])[0]!.body.trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
