// Stories over HTTP: roles, bad input, statuses, theme drafting, merge, escalation,
// initiatives, responses → stories, and every export format.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, npsResponse, startTestHark } from '../support/harness.ts';

let h: Harness;
const tokens: Record<'po' | 'pm' | 'viewer', string> = { po: '', pm: '', viewer: '' };
const json = (body: unknown) => ({ body: JSON.stringify(body) });
const ids: string[] = [];

async function create(body: unknown, token = tokens.po) {
  return h.admin('/v1/admin/stories', { method: 'POST', token, ...json(body) });
}

beforeAll(async () => {
  h = await startTestHark();
  for (const role of ['po', 'pm', 'viewer'] as const) {
    tokens[role] = (await (await h.admin('/v1/admin/tokens', { method: 'POST', ...json({ name: `${role} person`, role }) })).json()).token;
  }
  const comments = [
    'The export to CSV fails with an error every time',
    "L'export CSV plante à chaque fois avec une erreur",
    'Export button gives me an error 500, =cmd|calc it should download the file',
    'I would like to export my reports as PDF',
  ];
  for (const [i, c] of comments.entries()) {
    const r = npsResponse({ score: 3 + i, comment: c, locale: i === 1 ? 'fr' : 'en', context: { url: 'https://app.example.com/reports', element: 'Export button' }, user: { id: `u${i}`, traits: { email: `u${i}@example.com`, plan: 'enterprise' } } });
    ids.push(r.id);
    expect((await h.post('/v1/sites/demo/responses', r)).status).toBe(202);
  }
});
afterAll(async () => {
  await h?.close();
});

describe('stories: roles and bad input', () => {
  it('po and admin create; pm and viewer may not', async () => {
    expect((await create({ site: 'demo', responses: [ids[0]] })).status).toBe(201);
    expect((await create({ site: 'demo', responses: [ids[0]] }, 'test-admin-token-0123456789')).status).toBe(201);
    for (const t of [tokens.pm, tokens.viewer]) {
      const res = await create({ site: 'demo', responses: [ids[0]] }, t);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
  });

  it('every role reads', async () => {
    for (const t of Object.values(tokens)) {
      const res = await h.admin('/v1/admin/stories?site=demo', { token: t });
      expect(res.status).toBe(200);
      expect((await res.json()).items.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses bad input with the field named', async () => {
    const cases: [unknown, number, string][] = [
      [{}, 400, 'site'],
      [{ site: 'demo' }, 400, 'responses'],
      [{ site: 'demo', responses: [] }, 400, 'responses'],
      [{ site: 'demo', responses: ['x'], extra: 1 }, 400, '(root)'],
      [{ site: 'demo', responses: ['nope'] }, 422, 'responses'],
      [{ site: 'demo', theme: 'no-such-theme' }, 422, 'theme'],
      [{ site: 'demo', responses: [ids[0]], language: 'de' }, 400, 'language'],
      [{ site: 'Not A Site', responses: [ids[0]] }, 400, 'site'],
    ];
    for (const [body, status, path] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const err = (await res.json()).error;
      expect(err.issues?.map((i: { path: string }) => i.path).join(',') ?? '', JSON.stringify(body)).toContain(path);
    }
    expect((await create({ site: 'nosite', responses: [ids[0]] })).status).toBe(404);
    expect((await h.admin('/v1/admin/stories', { method: 'POST', token: tokens.po, body: '{bad', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await h.admin('/v1/admin/stories?cursor=zzz')).status).toBe(400);
    expect((await h.admin('/v1/admin/stories?status=lost')).status).toBe(400);
    expect((await h.admin('/v1/admin/stories/sty_nope')).status).toBe(404);
    expect((await h.admin('/v1/admin/responses/nope/stories')).status).toBe(404);
  });
});

describe('stories: lifecycle', () => {
  let id: string;
  it('drafts from several responses, edits, and walks the statuses', async () => {
    const s = await (await create({ site: 'demo', responses: ids.slice(0, 3) })).json();
    id = s.id;
    expect(s.kind).toBe('bug');
    expect(s.evidence).toMatchObject({ responses: 3, uniqueUsers: 3, npsCategories: { detractor: 3, passive: 0, promoter: 0 } });
    expect(s.priority.terms.find((t: { name: string }) => t.name === 'accountValue')).toMatchObject({ value: 1, weight: 20 });

    const edited = await (await h.admin(`/v1/admin/stories/${id}`, {
      method: 'PATCH', token: tokens.po,
      ...json({ title: 'Fix the CSV export', story: { persona: 'an analyst' }, labels: ['export', 'bug'], acceptanceCriteria: [{ given: 'a report', when: 'I export it', then: 'I get a CSV file' }] }),
    })).json();
    expect(edited).toMatchObject({ title: 'Fix the CSV export', labels: ['export', 'bug'] });
    expect(edited.text).toMatch(/^As an analyst, I want /);
    expect(edited.acceptanceCriteria).toHaveLength(1);

    const to = (status: string) => h.admin(`/v1/admin/stories/${id}`, { method: 'PATCH', token: tokens.po, ...json({ status }) });
    expect((await to('exported')).status).toBe(409);
    expect((await to('done')).status).toBe(409);
    expect((await to('ready')).status).toBe(200);
    expect((await to('draft')).status).toBe(200);
    expect((await to('ready')).status).toBe(200);
    expect((await to('exported')).status).toBe(200);
    expect((await to('merged')).status).toBe(400);
    const done = await (await to('done')).json();
    expect(done.statusHistory.map((x: { to: string }) => x.to)).toEqual(['draft', 'ready', 'draft', 'ready', 'exported', 'done']);
    expect(done.statusHistory[1].by).toBe('po person (po)');
    expect((await h.admin(`/v1/admin/stories/${id}`, { method: 'PATCH', token: tokens.pm, ...json({ title: 'x' }) })).status).toBe(403);
    expect((await h.admin(`/v1/admin/stories/${id}`, { method: 'PATCH', token: tokens.po, ...json({ labels: ['has space'] }) })).status).toBe(400);
  });

  it('lists delivered stories of an initiative; pm links, escalated stories are listed for the PM', async () => {
    expect((await h.admin(`/v1/admin/stories/${id}/initiative`, { method: 'PUT', token: tokens.viewer, ...json({ initiativeId: 'ini_1' }) })).status).toBe(403);
    const linked = await (await h.admin(`/v1/admin/stories/${id}/initiative`, { method: 'PUT', token: tokens.pm, ...json({ initiativeId: 'ini_1' }) })).json();
    expect(linked.initiativeId).toBe('ini_1');
    const list = await (await h.admin('/v1/admin/stories?initiative=ini_1&status=done')).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([id]);

    expect((await h.admin(`/v1/admin/stories/${id}/escalate`, { method: 'POST', token: tokens.po, ...json({ note: '' }) })).status).toBe(400);
    expect((await h.admin(`/v1/admin/stories/${id}/escalate`, { method: 'POST', token: tokens.pm, ...json({ note: 'x' }) })).status).toBe(403);
    const esc = await (await h.admin(`/v1/admin/stories/${id}/escalate`, { method: 'POST', token: tokens.po, ...json({ note: 'Enterprise accounts keep asking for scheduled exports: worth a roadmap item' }) })).json();
    expect(esc).toMatchObject({ escalated: true, track: 'strategic', escalation: { by: 'po person (po)' } });
    const pmView = await (await h.admin('/v1/admin/stories?escalated=true', { token: tokens.pm })).json();
    expect(pmView.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(pmView.items[0].escalation.note).toMatch(/scheduled exports/);

    const unlinked = await (await h.admin(`/v1/admin/stories/${id}`, { method: 'PATCH', token: tokens.po, ...json({ initiativeId: null }) })).json();
    expect(unlinked.initiativeId).toBeUndefined();
  });

  it('drafts from a theme, in French when asked', async () => {
    const res = await create({ site: 'demo', theme: 'export', language: 'fr' });
    expect(res.status).toBe(201);
    const s = await res.json();
    expect(s.language).toBe('fr');
    expect(s.theme).toBe('export');
    expect(s.evidence.responses).toBe(4);
    expect(s.text).toMatch(/^En tant que /);
    expect(s.labels).toContain('export');
  });

  it('pages through stories with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await (await h.admin(`/v1/admin/stories?site=demo&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await (await h.admin('/v1/admin/stories?site=demo&limit=200')).json()).items.map((s: { id: string }) => s.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('merges duplicates: evidence adds up, the others are merged and locked', async () => {
    const a = await (await create({ site: 'demo', responses: [ids[0]] })).json();
    const b = await (await create({ site: 'demo', responses: [ids[1], ids[2]] })).json();
    const c = await (await create({ site: 'demo', responses: [ids[2]] })).json();
    expect((await h.admin(`/v1/admin/stories/${a.id}/merge`, { method: 'POST', token: tokens.po, ...json({ from: [a.id] }) })).status).toBe(400);
    expect((await h.admin(`/v1/admin/stories/${a.id}/merge`, { method: 'POST', token: tokens.po, ...json({ from: ['sty_missing'] }) })).status).toBe(404);
    const m = await (await h.admin(`/v1/admin/stories/${a.id}/merge`, { method: 'POST', token: tokens.po, ...json({ from: [b.id, c.id] }) })).json();
    expect(m.responseIds.sort()).toEqual(ids.slice(0, 3).sort());
    expect(m.evidence.responses).toBe(3);
    expect(m.evidence.uniqueUsers).toBe(3);
    expect(m.mergedFrom.sort()).toEqual([b.id, c.id].sort());
    expect((await h.admin(`/v1/admin/stories/${b.id}`, { method: 'PATCH', token: tokens.po, ...json({ status: 'ready' }) })).status).toBe(409);
    expect((await h.admin(`/v1/admin/stories/${a.id}/merge`, { method: 'POST', token: tokens.po, ...json({ from: [b.id] }) })).status).toBe(409);
    const fed = await (await h.admin(`/v1/admin/responses/${ids[2]}/stories`)).json();
    const byId = Object.fromEntries(fed.items.map((s: { id: string; status: string; mergedInto?: string }) => [s.id, s]));
    expect(byId[a.id].status).toBe('draft');
    expect(byId[c.id]).toMatchObject({ status: 'merged', mergedInto: a.id });
  });
});

describe('stories: exports', () => {
  let id: string;
  beforeAll(async () => {
    const s = await (await create({ site: 'demo', responses: [ids[2]!] })).json();
    id = s.id;
  });

  it('Jira CSV neutralises formulas in customer text', async () => {
    // Make the summary start with a formula character too.
    await h.admin(`/v1/admin/stories/${id}`, { method: 'PATCH', token: tokens.po, ...json({ title: '=HYPERLINK("http://evil")' }) });
    const text = await (await h.admin(`/v1/admin/stories/${id}/export?format=jira`)).text();
    const [header, row] = parse(text) as string[][];
    expect(header!.slice(0, 5)).toEqual(['Summary', 'Description', 'Issue Type', 'Priority', 'Labels']);
    expect(row![0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row![1]).not.toMatch(/^[=+\-@]/);
  });

  it('Linear CSV, JSON, GitHub bodies and a gh script', async () => {
    const linear = parse(await (await h.admin(`/v1/admin/stories/${id}/export?format=linear`)).text()) as string[][];
    expect(linear[0]).toEqual(['Title', 'Description', 'Priority', 'Status', 'Labels']);
    expect(linear[1]![3]).toBe('Backlog');
    const j = await (await h.admin(`/v1/admin/stories/${id}/export?format=json`)).json();
    expect(j.items[0].id).toBe(id);
    const gh = await (await h.admin(`/v1/admin/stories/export?site=demo&format=github`)).json();
    expect(gh.issues.length).toBeGreaterThanOrEqual(3);
    expect(gh.issues.every((i: { storyId: string }) => i.storyId.startsWith('sty_'))).toBe(true);
    expect(gh.script).toMatch(/^#!\/bin\/sh\n/);
    expect(gh.script).toContain(`gh issue create --title '=HYPERLINK("http://evil")' --body-file "$dir/${id}.md"`);
    const sh = await h.admin(`/v1/admin/stories/export?site=demo&format=gh-script`);
    expect(sh.headers.get('content-type')).toMatch(/shellscript/);
    expect(sh.headers.get('content-disposition')).toMatch(/attachment; filename="hark-stories-demo-.*\.sh"/);
    expect((await h.admin('/v1/admin/stories/export?site=demo&format=pdf')).status).toBe(400);
    expect((await h.admin('/v1/admin/stories/export?format=json')).status).toBe(400);
  });

  it('mark=true moves ready stories to exported, and is refused to readers', async () => {
    await h.admin(`/v1/admin/stories/${id}`, { method: 'PATCH', token: tokens.po, ...json({ status: 'ready' }) });
    expect((await h.admin(`/v1/admin/stories/${id}/export?format=jira&mark=true`, { token: tokens.viewer })).status).toBe(403);
    expect((await h.admin(`/v1/admin/stories/${id}/export?format=jira`, { token: tokens.viewer })).status).toBe(200);
    expect((await h.admin(`/v1/admin/stories/${id}/export?format=json&mark=true`, { token: tokens.po })).status).toBe(200);
    expect((await (await h.admin(`/v1/admin/stories/${id}`)).json()).status).toBe('exported');
  });
});
