import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, listAll, npsResponse, startTestHark } from '../support/harness.ts';
import { type SeedItem, TAXONOMY, WEEKS, buttonItems, npsItems } from './scenario.ts';

// Worked scenario (see scenario.ts): 200 NPS answers over four ISO weeks of March 2025,
// each mentioning at most one theme, plus 10 feedback-button comments about the export.
//
//            promoters passives detractors   n    NPS
//   week 1       26       12        12       50   28
//   week 2       24       12        14       50   20
//   week 3       18       10        22       50   −8
//   week 4       18       10        22       50   −8
//   total        86       44        70      200    8
//
//   theme        P   Pa   D    n   points at stake = 100·D/200
//   export       4    6  30   40   15
//   pricing      6   10  20   36   10
//   mobile       2    4   8   14    4
//   onboarding  20    6   4   30    2
//   support     24    4   2   30    1
//   (none)      30   14   6   50

let h: Harness;
let items: SeedItem[];
const tokens: Record<'pm' | 'po' | 'viewer', string> = { pm: '', po: '', viewer: '' };
const json = (body: unknown) => ({ body: JSON.stringify(body) });
const as = (role: keyof typeof tokens, path: string, init: RequestInit = {}) => h.admin(path, { ...init, token: tokens[role] });

beforeAll(async () => {
  h = await startTestHark();
  for (const role of ['pm', 'po', 'viewer'] as const) {
    tokens[role] = (await (await h.admin('/v1/admin/tokens', { method: 'POST', ...json({ name: role, role }) })).json()).token;
  }
  expect((await h.admin('/v1/admin/sites', { method: 'POST', ...json({ key: 'acme', name: 'Facturo', allowedOrigins: [] }) })).status).toBe(201);
  expect((await h.admin('/v1/admin/sites/acme/taxonomy', { method: 'PUT', ...json({ themes: TAXONOMY }) })).status).toBe(200);
  for (const [id, kind] of [['acme-nps', 'nps'], ['acme-button', 'feedback_button']]) {
    expect((await h.admin('/v1/admin/sites/acme/surveys', { method: 'POST', ...json({ id, name: id, kind }) })).status).toBe(201);
  }
  items = npsItems('acme-nps');
  const inputs = [...items.map((i) => i.input), ...buttonItems('acme-button')];
  for (let i = 0; i < inputs.length; i += 50) {
    expect((await h.post('/v1/sites/acme/responses', inputs.slice(i, i + 50))).status).toBe(202);
  }
  // The collector stamps receivedAt when it stores an answer; give each the date its place
  // in the four-week history says (the button comments all land on Wednesday of week 3).
  const col = h.services.responses.collection;
  for (const it of items) await col.updateOne({ siteKey: 'acme', id: it.input.id }, { $set: { receivedAt: it.receivedAt } });
  await col.updateMany({ siteKey: 'acme', surveyId: 'acme-button' }, { $set: { receivedAt: new Date('2025-03-19T12:00:00Z') } });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('worked scenario: the data is what the tables say', () => {
  it('the tagger put each comment under the theme it was written for', async () => {
    const stored = new Map((await listAll(h, 'site=acme&survey=acme-nps')).map((r) => [r.id, r as { tags?: { themes: string[] } }]));
    expect(stored.size).toBe(200);
    for (const it of items) {
      expect(stored.get(it.input.id)?.tags?.themes, `${it.theme}: ${it.input.comment}`).toEqual(it.theme === 'none' ? [] : [it.theme]);
    }
  });
});

describe('NPS that tells the truth', () => {
  it('overall NPS with its interval, and the weekly trend with an interval per point', async () => {
    const res = await h.admin('/v1/admin/insights/nps?site=acme&interval=week');
    expect(res.status).toBe(200);
    const r = await res.json();
    // NPS = 100·(86 − 70)/200 = 8; Var = 0.43 + 0.35 − 0.08² = 0.7736; SE = 100·√(0.7736/200) = 6.219324722
    // CI = 8 ± 1.96·6.219324722 = [−4.189876455, 20.189876455]
    expect(r.overall).toMatchObject({ nps: 8, n: 200, counts: { promoters: 86, passives: 44, detractors: 70, total: 200 }, tooFew: false });
    expect(r.overall.se).toBeCloseTo(6.219324722186485, 9);
    expect(r.overall.ci95.low).toBeCloseTo(-4.189876455485509, 9);
    expect(r.overall.ci95.high).toBeCloseTo(20.18987645548551, 9);
    expect(r.trend.map((p: { period: string }) => p.period)).toEqual(WEEKS);
    expect(r.trend.map((p: { nps: number }) => p.nps)).toEqual([28, 20, -8, -8]);
    expect(r.trend.map((p: { n: number }) => p.n)).toEqual([50, 50, 50, 50]);
    // Week 2: 24/12/14 → Var = 0.48 + 0.28 − 0.2² = 0.72; SE = 100·√(0.72/50) = 12 exactly; CI = 20 ± 23.52
    expect(r.trend[1].se).toBeCloseTo(12, 12);
    expect(r.trend[1].ci95.low).toBeCloseTo(-3.52, 12);
    expect(r.trend[1].ci95.high).toBeCloseTo(43.52, 12);
    // Week 1: 26/12/12 → Var = 0.52 + 0.24 − 0.28² = 0.6816; SE = 100·√(0.6816/50) = 11.675615615
    expect(r.trend[0].se).toBeCloseTo(11.675615615461139, 9);
    expect(r.trend[0]).toMatchObject({ start: '2025-03-03T00:00:00.000Z', end: '2025-03-10T00:00:00.000Z' });
  });

  it('months, days, minN, survey and date filters', async () => {
    const month = await (await h.admin('/v1/admin/insights/nps?site=acme&interval=month')).json();
    expect(month.trend).toHaveLength(1);
    expect(month.trend[0]).toMatchObject({ period: '2025-03', nps: 8, n: 200 });
    const days = await (await h.admin('/v1/admin/insights/nps?site=acme&interval=day&minN=60')).json();
    expect(days.trend[0].period).toBe('2025-03-03');
    expect(days.trend.at(-1).period).toBe('2025-03-30');
    expect(days.trend).toHaveLength(28); // every day, empty ones included
    expect(days.trend.reduce((s: number, p: { n: number }) => s + p.n, 0)).toBe(200);
    expect(days.trend.every((p: { tooFew: boolean }) => p.tooFew)).toBe(true);
    expect(days.overall.tooFew).toBe(false);
    expect((await (await h.admin('/v1/admin/insights/nps?site=acme&minN=201')).json()).overall.tooFew).toBe(true);
    // Weeks 3–4 only: 36/20/44 → NPS −8.
    const late = await (await h.admin('/v1/admin/insights/nps?site=acme&from=2025-03-17T00:00:00Z')).json();
    expect(late.overall).toMatchObject({ nps: -8, n: 100 });
    // Feedback-button comments never count towards NPS.
    const button = await (await h.admin('/v1/admin/insights/nps?site=acme&survey=acme-button')).json();
    expect(button.overall).toMatchObject({ nps: null, n: 0, se: null, ci95: null, tooFew: true });
    expect(button.trend).toEqual([]);
  });

  it('segments by a user trait', async () => {
    const r = await (await h.admin('/v1/admin/insights/nps?site=acme&segment=trait:plan')).json();
    // team = pricing + no theme: 36/24/26 → 100·10/86 = 11.6279; pro = onboarding + support: 44/10/6 → 63.33; free = export + mobile: 6/10/38 → −59.26
    expect(r.segments.map((s: { key: string }) => s.key)).toEqual(['team', 'pro', 'free']);
    expect(r.segments[0].nps).toBeCloseTo(11.627906976744, 9);
    expect(r.segments[1].nps).toBeCloseTo(63.333333333333, 9);
    expect(r.segments[2].nps).toBeCloseTo(-59.259259259259, 9);
    expect(r.segments[2].se).toBeCloseTo(9.26611543143844, 9);
    const pages = await (await h.admin('/v1/admin/insights/nps?site=acme&segment=page')).json();
    // The query string is dropped: two pages.
    expect(pages.segments.map((s: { key: string; n: number }) => [s.key, s.n])).toEqual([['/dashboard', 160], ['/invoices/export', 40]]);
  });

  it('compares two periods and two segments with a significance test', async () => {
    const q = 'aFrom=2025-03-17T00:00:00Z&aTo=2025-03-31T00:00:00Z&bFrom=2025-03-03T00:00:00Z&bTo=2025-03-17T00:00:00Z';
    const r = await (await h.admin(`/v1/admin/insights/nps/compare?site=acme&${q}`)).json();
    // a = weeks 3–4: 36/20/44 → −8, SE² = 100²·0.7936/100 = 79.36; b = weeks 1–2: 50/24/26 → 24, SE² = 70.24
    // z = (−8 − 24)/√(79.36 + 70.24) = −32/√149.6 = −2.61627976; p = 0.00888937
    expect(r).toMatchObject({ mode: 'periods', diff: -32, significant: true });
    expect(r.a).toMatchObject({ nps: -8, n: 100 });
    expect(r.b).toMatchObject({ nps: 24, n: 100 });
    expect(r.z).toBeCloseTo(-2.6162797606709143, 9);
    expect(r.pValue).toBeCloseTo(0.008889369069996659, 12);

    const s = await (await h.admin('/v1/admin/insights/nps/compare?site=acme&segment=trait:plan&a=pro&b=free')).json();
    // 63.33 − (−59.26) = 122.59; z = 122.59/√(8.4875² + 9.2661²) = 9.756
    expect(s.mode).toBe('segments');
    expect(s.z).toBeCloseTo(9.756094723011374, 8);
    expect(s.significant).toBe(true);
    // Same two weeks compared with themselves: no difference.
    const same = await (await h.admin('/v1/admin/insights/nps/compare?site=acme&aFrom=2025-03-17T00:00:00Z&aTo=2025-03-24T00:00:00Z&bFrom=2025-03-24T00:00:00Z&bTo=2025-03-31T00:00:00Z')).json();
    expect(same).toMatchObject({ diff: 0, z: 0, pValue: 1, significant: false });
  });

  it('refuses bad input with 400 naming the field, an unknown site with 404', async () => {
    for (const q of ['', 'site=acme&interval=year', 'site=acme&segment=browser', 'site=acme&minN=0', 'site=acme&from=yesterday', 'site=acme&segment=trait:a.b', 'site=acme&extra=1']) {
      const res = await h.admin(`/v1/admin/insights/nps?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
    expect((await h.admin('/v1/admin/insights/nps?site=nope')).status).toBe(404);
    expect((await h.admin('/v1/admin/insights/nps/compare?site=acme')).status).toBe(400);
    expect((await h.admin('/v1/admin/insights/nps/compare?site=acme&aFrom=2025-03-01T00:00:00Z&segment=device&a=x&b=y')).status).toBe(400);
    expect((await h.admin('/v1/admin/insights/nps/compare?site=acme&segment=device&a=desktop')).status).toBe(400);
    expect((await h.admin('/v1/admin/insights/themes?site=acme&limit=0')).status).toBe(400);
  });
});

describe('theme drivers', () => {
  it('ranks themes by NPS points at stake, with the theme vs the rest', async () => {
    const res = await as('viewer', '/v1/admin/insights/themes?site=acme&interval=week');
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.overall).toMatchObject({ nps: 8, n: 200 });
    expect(r.themes.map((t: { theme: string; npsAtStake: number }) => [t.theme, t.npsAtStake])).toEqual([
      ['export', 15], ['pricing', 10], ['mobile', 4], ['onboarding', 2], ['support', 1],
    ]);
    const exp = r.themes[0];
    // 40 NPS answers + 10 button comments; NPS of the theme 100·(4 − 30)/40 = −65;
    // the rest: 82/38/40 → 26.25. z = (−65 − 26.25)/√(10.338² + 6.584²) = −7.445
    expect(exp.volume).toBe(50);
    expect(exp.nps).toMatchObject({ nps: -65, n: 40 });
    expect(exp.nps.se).toBeCloseTo(10.338036564067664, 9);
    expect(exp.npsRest).toMatchObject({ nps: 26.25, n: 160 });
    expect(exp.vsRest.z).toBeCloseTo(-7.444959360472515, 8);
    expect(exp.vsRest.significant).toBe(true);
    expect(exp.detractorShare).toBe(0.75);
    // Weekly mentions: 6, 6, 14 + 10 button comments, 14.
    expect(exp.trend).toEqual(WEEKS.map((period, i) => ({ period, count: [6, 6, 24, 14][i] })));
    expect(exp.tracks.strategic + exp.tracks.tactical).toBe(50);
    expect(exp.quotes).toHaveLength(3);
    for (const q of exp.quotes) {
      expect(q.score).toBe(0); // lowest scores first: five export detractors answered 0
      expect(q.comment).toMatch(/export|CSV|exporter/i);
    }
    const support = r.themes.find((t: { theme: string }) => t.theme === 'support');
    expect(support.nps.nps).toBeCloseTo((100 * 22) / 30, 9);
    expect(support.sentiment).toBeGreaterThan(exp.sentiment);
    expect((await (await h.admin('/v1/admin/insights/themes?site=acme&limit=2')).json()).themes).toHaveLength(2);
  });
});

describe('PM triage', () => {
  const pick = (theme: string, cat: string) => items.find((i) => i.theme === theme && i.cat === cat)!.input.id;

  it('moves a response through the workflow, keeps the history, and refuses other moves', async () => {
    const id = pick('pricing', 'D');
    expect(await (await h.admin(`/v1/admin/responses/${id}/triage`)).json()).toMatchObject({ status: 'new', history: [] });
    const bad = await as('pm', `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'planned' }) });
    expect(bad.status).toBe(409);
    expect((await bad.json()).error.message).toMatch(/from "new" to "planned"/);
    const r1 = await as('pm', `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'reviewing', assignee: 'alice', note: 'Price rise hit small accounts' }) });
    expect(r1.status).toBe(200);
    expect(await r1.json()).toMatchObject({ siteKey: 'acme', subjectType: 'response', status: 'reviewing', assignee: 'alice', note: 'Price rise hit small accounts' });
    expect((await as('pm', `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'declined' }) })).status).toBe(200);
    expect((await as('pm', `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'planned' }) })).status).toBe(409);
    // Reopen, then plan, and clear the note.
    expect((await as('pm', `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'reviewing' }) })).status).toBe(200);
    const done = await (await h.admin(`/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'planned', note: null }) })).json();
    expect(done.status).toBe('planned');
    expect(done.note).toBeUndefined();
    expect(done.history.map((e: { changes: { status?: { from: string; to: string } } }) => e.changes.status && `${e.changes.status.from}→${e.changes.status.to}`)).toEqual([
      'new→reviewing', 'reviewing→declined', 'declined→reviewing', 'reviewing→planned',
    ]);
    expect(done.history[0]).toMatchObject({ by: 'pm (pm)', action: 'triage', changes: { assignee: { from: null, to: 'alice' } } });
    expect(done.history[3]).toMatchObject({ by: expect.stringMatching(/\(admin\)$/), changes: { note: { from: 'Price rise hit small accounts', to: null } } });
  });

  it('only pm and admin triage; po and viewer get 403; bad bodies 400; unknown response 404', async () => {
    const id = pick('export', 'D');
    for (const role of ['po', 'viewer'] as const) {
      expect((await as(role, `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'reviewing' }) })).status).toBe(403);
      expect((await as(role, '/v1/admin/sites/acme/themes/export/triage', { method: 'PATCH', ...json({ status: 'reviewing' }) })).status).toBe(403);
    }
    for (const body of [{}, { status: 'done' }, { assignee: '' }, { status: 'reviewing', extra: 1 }]) {
      expect((await as('pm', `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json(body) })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await as('pm', '/v1/admin/responses/nope/triage', { method: 'PATCH', ...json({ status: 'reviewing' }) })).status).toBe(404);
    expect((await h.admin('/v1/admin/responses/nope/triage')).status).toBe(404);
  });

  it('the inbox lists responses with their triage state, new by default, paginated', async () => {
    const id = pick('mobile', 'D');
    await as('pm', `/v1/admin/responses/${id}/triage`, { method: 'PATCH', ...json({ status: 'reviewing', assignee: 'bob' }) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; triage: { status: string } }[]; nextCursor: string | null } = await (
        await as('viewer', `/v1/admin/triage/inbox?site=acme&track=all&limit=120${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      for (const it of page.items) expect(it.triage.status).toBe('new');
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    // 210 responses, two have moved on from `new` (the planned pricing one and this one).
    expect(seen).toHaveLength(208);
    expect(new Set(seen).size).toBe(208);
    expect(seen).not.toContain(id);
    const bob = await (await h.admin('/v1/admin/triage/inbox?site=acme&track=all&status=reviewing&assignee=bob')).json();
    expect(bob.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(bob.items[0].triage).toMatchObject({ status: 'reviewing', assignee: 'bob' });
    // The default is the strategic track: every item there is strategic.
    const strategic = await (await h.admin('/v1/admin/triage/inbox?site=acme&limit=200')).json();
    expect(strategic.items.length).toBeGreaterThan(0);
    for (const it of strategic.items) expect(it.tags.track).toBe('strategic');
    expect((await h.admin('/v1/admin/triage/inbox?status=open')).status).toBe(400);
    expect((await h.admin('/v1/admin/triage/inbox?cursor=zzz')).status).toBe(400);
  });

  it('a PO escalates a tactical theme with a note; the PM sees it in the theme triage and the drivers', async () => {
    expect((await as('pm', '/v1/admin/sites/acme/themes/export/escalate', { method: 'POST', ...json({ note: 'x' }) })).status).toBe(403);
    expect((await as('viewer', '/v1/admin/sites/acme/themes/export/escalate', { method: 'POST', ...json({ note: 'x' }) })).status).toBe(403);
    expect((await as('po', '/v1/admin/sites/acme/themes/export/escalate', { method: 'POST', ...json({ note: '  ' }) })).status).toBe(400);
    const note = 'Three accounting firms told us in calls they will leave if exports stay broken.';
    const res = await as('po', '/v1/admin/sites/acme/themes/export/escalate', { method: 'POST', ...json({ note }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ subjectType: 'theme', subjectId: 'export', status: 'new', escalation: { track: 'strategic', note, by: 'po (po)' } });
    const t = await (await as('pm', '/v1/admin/sites/acme/themes/export/triage', { method: 'PATCH', ...json({ status: 'reviewing', assignee: 'carol' }) })).json();
    expect(t).toMatchObject({ status: 'reviewing', assignee: 'carol', escalation: { note } });
    expect(t.history.map((e: { action: string }) => e.action)).toEqual(['escalate', 'triage']);
    const drivers = await (await h.admin('/v1/admin/insights/themes?site=acme')).json();
    expect(drivers.themes[0]).toMatchObject({ theme: 'export', triage: { status: 'reviewing', assignee: 'carol', escalation: { track: 'strategic', note } } });
    // Themes with spaces travel URL-encoded.
    expect((await (await h.admin('/v1/admin/sites/acme/themes/promo%20codes/triage')).json())).toMatchObject({ subjectId: 'promo codes', status: 'new' });
    expect((await h.admin('/v1/admin/sites/nope/themes/export/triage')).status).toBe(404);
  });
});

describe('roadmap initiatives', () => {
  it('creates, lists, updates; links evidence; shows accounts, NPS at stake and delivered stories', async () => {
    const create = { siteKey: 'acme', title: 'Exports accountants trust', description: 'FEC + CSV that import cleanly', horizon: 'now', goalMetric: { name: 'NPS', target: 20, baseline: 8 } };
    expect((await as('po', '/v1/admin/initiatives', { method: 'POST', ...json(create) })).status).toBe(403);
    expect((await as('pm', '/v1/admin/initiatives', { method: 'POST', ...json({ ...create, horizon: 'soon' }) })).status).toBe(400);
    expect((await as('pm', '/v1/admin/initiatives', { method: 'POST', ...json({ ...create, siteKey: 'nope' }) })).status).toBe(404);
    const res = await as('pm', '/v1/admin/initiatives', { method: 'POST', ...json(create) });
    expect(res.status).toBe(201);
    const ini = await res.json();
    expect(ini).toMatchObject({ id: expect.stringMatching(/^ini_/), status: 'proposed', links: { responses: [], themes: [] }, createdBy: 'pm (pm)' });
    await as('pm', '/v1/admin/initiatives', { method: 'POST', ...json({ siteKey: 'acme', title: 'Mobile receipts', horizon: 'later', goalMetric: { name: 'churn' } }) });

    const pricingDetractor = items.find((i) => i.theme === 'pricing' && i.cat === 'D')!;
    const exportPromoter = items.find((i) => i.theme === 'export' && i.cat === 'P')!;
    const demoOne = npsResponse();
    await h.post('/v1/sites/demo/responses', demoOne);
    // A response of another site cannot be evidence here.
    const wrong = await as('pm', `/v1/admin/initiatives/${ini.id}/links`, { method: 'POST', ...json({ responses: [demoOne.id] }) });
    expect(wrong.status).toBe(422);
    expect((await as('pm', `/v1/admin/initiatives/${ini.id}/links`, { method: 'POST', ...json({}) })).status).toBe(400);
    const linked = await as('pm', `/v1/admin/initiatives/${ini.id}/links`, {
      method: 'POST',
      ...json({ themes: ['export'], responses: [pricingDetractor.input.id, exportPromoter.input.id] }),
    });
    expect(linked.status).toBe(200);
    expect((await linked.json()).links).toEqual({ responses: [pricingDetractor.input.id, exportPromoter.input.id], themes: ['export'] });
    expect((await (await h.admin(`/v1/admin/responses/${pricingDetractor.input.id}/triage`)).json()).initiativeIds).toEqual([ini.id]);
    expect((await (await h.admin('/v1/admin/sites/acme/themes/export/triage')).json()).initiativeIds).toEqual([ini.id]);

    // Stories the PO delivered under it (written as the backlog would, straight to its collection).
    const stories = await h.services.store.collection<{ id: string; siteKey: string; title: string; status: string; initiativeId?: string }>({ name: 'stories', key: (d) => d.id });
    await stories.insertMany([
      { id: 'sto_csv_utf8', siteKey: 'acme', title: 'CSV export keeps accented names', status: 'done', initiativeId: ini.id },
      { id: 'sto_fec', siteKey: 'acme', title: 'Export in FEC format', status: 'ready', initiativeId: ini.id },
      { id: 'sto_other', siteKey: 'acme', title: 'Unrelated', status: 'done' },
    ]);

    const detail = await (await as('viewer', `/v1/admin/initiatives/${ini.id}`)).json();
    // Evidence: 50 responses mention export (40 NPS + 10 button) + the linked pricing detractor = 51.
    // Detractors among them, each once: 30 (export) + 1 = 31 → 100·31/200 = 15.5 points.
    const accounts = new Set(items.filter((i) => i.theme === 'export' || i.input.id === pricingDetractor.input.id).map((i) => i.input.user!.traits!.account as string));
    expect(detail.evidence).toMatchObject({ respondents: 51, npsAtStake: 15.5, npsBase: 200, accountsAffected: accounts.size, missingResponses: [] });
    expect(detail.evidence.accounts).toEqual([...accounts].sort().slice(0, 50));
    expect(detail.evidence.themes).toEqual([{ theme: 'export', volume: 50, detractors: 30, npsAtStake: 15 }]);
    expect(detail.evidence.responses.map((r: { id: string }) => r.id).sort()).toEqual([pricingDetractor.input.id, exportPromoter.input.id].sort());
    expect(detail.evidence.responses.find((r: { id: string }) => r.id === pricingDetractor.input.id)).toMatchObject({
      comment: pricingDetractor.input.comment, score: pricingDetractor.input.score, npsCategory: 'detractor', account: pricingDetractor.input.user!.traits!.account,
    });
    expect(detail.stories).toEqual([
      { id: 'sto_csv_utf8', title: 'CSV export keeps accented names', status: 'done', delivered: true },
      { id: 'sto_fec', title: 'Export in FEC format', status: 'ready', delivered: false },
    ]);
    expect(detail.delivered).toBe(1);

    // Unlink one response; its triage record forgets the initiative.
    const un = await as('pm', `/v1/admin/initiatives/${ini.id}/links/responses/${pricingDetractor.input.id}`, { method: 'DELETE' });
    expect(un.status).toBe(200);
    expect((await un.json()).links.responses).toEqual([exportPromoter.input.id]);
    expect((await (await h.admin(`/v1/admin/responses/${pricingDetractor.input.id}/triage`)).json()).initiativeIds).toEqual([]);
    expect((await as('pm', `/v1/admin/initiatives/${ini.id}/links/responses/${pricingDetractor.input.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await as('po', `/v1/admin/initiatives/${ini.id}/links/themes/export`, { method: 'DELETE' })).status).toBe(403);
    expect((await (await h.admin(`/v1/admin/initiatives/${ini.id}`)).json()).evidence).toMatchObject({ respondents: 50, npsAtStake: 15 });

    // Update and list.
    const patched = await (await as('pm', `/v1/admin/initiatives/${ini.id}`, { method: 'PATCH', ...json({ horizon: 'next', status: 'active', description: null }) })).json();
    expect(patched).toMatchObject({ horizon: 'next', status: 'active' });
    expect(patched.description).toBeUndefined();
    expect((await as('pm', `/v1/admin/initiatives/${ini.id}`, { method: 'PATCH', ...json({}) })).status).toBe(400);
    expect((await as('viewer', `/v1/admin/initiatives/${ini.id}`, { method: 'PATCH', ...json({ horizon: 'now' }) })).status).toBe(403);
    const list = await (await h.admin('/v1/admin/initiatives?site=acme')).json();
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(['Exports accountants trust', 'Mobile receipts']);
    expect((await (await h.admin('/v1/admin/initiatives?horizon=later')).json()).items.map((i: { title: string }) => i.title)).toEqual(['Mobile receipts']);
    expect((await h.admin('/v1/admin/initiatives?horizon=someday')).status).toBe(400);
    expect((await h.admin('/v1/admin/initiatives/ini_nope')).status).toBe(404);
  });
});

describe('freshness', () => {
  it('a new answer and a tag correction show at once (cached results are dropped on writes)', async () => {
    const before = await (await h.admin('/v1/admin/insights/nps?site=acme')).json();
    await h.post('/v1/sites/acme/responses', { ...npsResponse({ surveyId: 'acme-nps', score: 10, comment: 'Superb' }), context: { url: 'https://app.facturo.example/x' } });
    const after = await (await h.admin('/v1/admin/insights/nps?site=acme')).json();
    expect(after.overall.n).toBe(before.overall.n + 1);
    expect(after.overall.counts.promoters).toBe(before.overall.counts.promoters + 1);

    const t0 = await (await h.admin('/v1/admin/insights/themes?site=acme')).json();
    const support = t0.themes.find((t: { theme: string }) => t.theme === 'support');
    const victim = items.find((i) => i.theme === 'none' && i.cat === 'D')!;
    expect((await as('pm', `/v1/admin/responses/${victim.input.id}/tags`, { method: 'PATCH', ...json({ themes: ['support'] }) })).status).toBe(200);
    const t1 = await (await h.admin('/v1/admin/insights/themes?site=acme')).json();
    const support1 = t1.themes.find((t: { theme: string }) => t.theme === 'support');
    expect(support1.volume).toBe(support.volume + 1);
    expect(support1.nps.counts.detractors).toBe(support.nps.counts.detractors + 1);
  });
});
