import { useEffect, useState } from 'preact/hooks';
import { api, download, qs } from '../api.ts';
import { fmtDate, fmtNum, t, tMap } from '../i18n.ts';
import { findPath } from '../insights-api.ts';
import { can } from '../state.ts';
import { ErrorText, Loading, NotAvailable, PageHeader, toast, useAsync } from '../ui.tsx';

interface Criterion { given: string; when: string; then: string }
interface Story {
  id: string; title: string; status: string; language: string; kind: string; text: string;
  story: { persona: string; capability: string; benefit: string };
  acceptanceCriteria: Criterion[]; labels: string[];
  evidence: { responses: number; uniqueUsers: number; accounts: number; npsCategories: Record<string, number>; quotes: { responseId: string; quote: string; score?: number; npsCategory?: string; url?: string; receivedAt: string }[] };
  priority: { score: number; level: string; confidence: number; confidenceLabel: string; terms: { name: string; value: number | null; weight: number; contribution: number; explanation: string }[] };
  updatedAt: string;
}

const STATUSES = ['draft', 'ready', 'exported', 'done'];
const FORMATS: [string, string, string][] = [['jira', 'Jira CSV', 'csv'], ['github', 'GitHub', 'md'], ['linear', 'Linear CSV', 'csv'], ['json', 'JSON', 'json']];

export function Backlog({ site, storyId }: { site: string; storyId?: string }) {
  const [paths, setPaths] = useState<{ list?: string; one?: string; exp?: string; bulk?: string } | null>(null);
  useEffect(() => {
    void Promise.all([
      findPath(/^\/v1\/admin\/stories$/),
      findPath(/^\/v1\/admin\/stories\/\{\w+\}$/),
      findPath(/^\/v1\/admin\/stories\/\{\w+\}\/export$/),
      findPath(/^\/v1\/admin\/stories\/export$/),
    ]).then(([list, one, exp, bulk]) => setPaths({ list, one, exp, bulk }));
  }, []);
  if (!paths) return <Loading />;
  if (!paths.list) return (<section><PageHeader title={t('backlog')} /><NotAvailable path="GET /v1/admin/stories" /></section>);
  if (storyId && paths.one) return <StoryEditor path={paths.one.replace(/\{\w+\}/, encodeURIComponent(storyId))} exportPath={paths.exp?.replace(/\{\w+\}/, encodeURIComponent(storyId))} id={storyId} />;
  return <Board site={site} path={paths.list} bulk={paths.bulk} />;
}

function Board({ site, path, bulk }: { site: string; path: string; bulk?: string }) {
  const list = useAsync(async () => (await api<{ items: Story[] }>(`${path}${qs({ site, limit: 200 })}`)).items, [site, path]);
  return (
    <section>
      <PageHeader title={t('backlog')}>
        {bulk ? FORMATS.map(([f, label, ext]) => (
          <button type="button" onClick={() => void download(`${bulk}${qs({ site, format: f })}`, `stories-${site}.${ext}`).catch((e: Error) => toast(e.message))}>{t('export')} {label}</button>
        )) : null}
      </PageHeader>
      <ErrorText error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      <div class="board">
        {STATUSES.map((s) => (
          <section class="column" aria-labelledby={`col-${s}`}>
            <h2 id={`col-${s}`}>{tMap('storyStatuses', s)} <span class="muted">({(list.data ?? []).filter((x) => x.status === s).length})</span></h2>
            <ul>
              {(list.data ?? []).filter((x) => x.status === s).map((x) => (
                <li class="card">
                  <h3><a href={`#/backlog/${encodeURIComponent(x.id)}`}>{x.title}</a></h3>
                  <p class="small">{x.text}</p>
                  <p class="muted small">{t('priority')} {fmtNum(x.priority.score)} ({x.priority.level}) · {x.evidence.uniqueUsers} {t('users')} · {tMap('kinds', x.kind)}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function StoryEditor({ path, exportPath, id }: { path: string; exportPath?: string; id: string }) {
  const s = useAsync(() => api<Story>(path), [path]);
  const [draft, setDraft] = useState<Story | null>(null);
  useEffect(() => setDraft(s.data ?? null), [s.data]);
  const editable = can('po');
  if (s.loading && !draft) return <Loading />;
  if (!draft) return <ErrorText error={s.error ?? 'not found'} />;
  const set = (patch: Partial<Story>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const save = async (status?: string) => {
    try {
      const body: Record<string, unknown> = { title: draft.title, story: draft.story, acceptanceCriteria: draft.acceptanceCriteria, labels: draft.labels };
      if (status) body.status = status;
      const u = await api<Story>(path, { method: 'PATCH', body });
      setDraft(u);
      toast(t('saved'));
    } catch (e) {
      toast((e as Error).message);
    }
  };
  const crit = (i: number, k: keyof Criterion, v: string) => set({ acceptanceCriteria: draft.acceptanceCriteria.map((c, n) => (n === i ? { ...c, [k]: v } : c)) });
  return (
    <section>
      <PageHeader title={draft.title}>
        <a href="#/backlog">← {t('backlog')}</a>
        <span class="chip status">{tMap('storyStatuses', draft.status)}</span>
      </PageHeader>
      <div class="grid2 story">
        <form class="panel" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <label class="field"><span>{t('title')}</span><input value={draft.title} disabled={!editable} onInput={(e) => set({ title: (e.target as HTMLInputElement).value })} /></label>
          <fieldset>
            <legend>{t('storyText')}</legend>
            <label class="field"><span>{t('persona')}</span><input value={draft.story.persona} disabled={!editable} onInput={(e) => set({ story: { ...draft.story, persona: (e.target as HTMLInputElement).value } })} /></label>
            <label class="field"><span>{t('capability')}</span><textarea rows={2} value={draft.story.capability} disabled={!editable} onInput={(e) => set({ story: { ...draft.story, capability: (e.target as HTMLTextAreaElement).value } })} /></label>
            <label class="field"><span>{t('benefit')}</span><textarea rows={2} value={draft.story.benefit} disabled={!editable} onInput={(e) => set({ story: { ...draft.story, benefit: (e.target as HTMLTextAreaElement).value } })} /></label>
          </fieldset>
          <fieldset>
            <legend>{t('acceptance')}</legend>
            <ol class="criteria">
              {draft.acceptanceCriteria.map((c, i) => (
                <li>
                  {(['given', 'when', 'then'] as const).map((k) => (
                    <label class="field"><span>{t(k)}</span><textarea rows={2} value={c[k]} disabled={!editable} onInput={(e) => crit(i, k, (e.target as HTMLTextAreaElement).value)} /></label>
                  ))}
                  {editable ? <button type="button" class="link" onClick={() => set({ acceptanceCriteria: draft.acceptanceCriteria.filter((_, n) => n !== i) })}>{t('remove')}</button> : null}
                </li>
              ))}
            </ol>
            {editable ? <button type="button" onClick={() => set({ acceptanceCriteria: [...draft.acceptanceCriteria, { given: '…', when: '…', then: '…' }] })}>{t('addCriterion')}</button> : null}
          </fieldset>
          <label class="field"><span>{t('labels')}</span><input value={draft.labels.join(' ')} disabled={!editable} onInput={(e) => set({ labels: (e.target as HTMLInputElement).value.split(/\s+/).filter(Boolean) })} /></label>
          {editable ? (
            <div class="actions">
              <button type="submit" class="primary">{t('save')}</button>
              {STATUSES.filter((x) => x !== draft.status).map((x) => <button type="button" onClick={() => void save(x)}>→ {tMap('storyStatuses', x)}</button>)}
            </div>
          ) : null}
          {exportPath ? (
            <div class="actions" role="group" aria-label={t('export')}>
              {FORMATS.map(([f, label, ext]) => (
                <button type="button" data-format={f} onClick={() => void download(`${exportPath}${qs({ format: f })}`, `story-${id}.${ext}`).then(() => toast(`${t('export')} ${label}`), (e: Error) => toast(e.message))}>{t('export')} {label}</button>
              ))}
            </div>
          ) : null}
        </form>
        <div>
          <div class="panel">
            <h2>{t('priority')}: {fmtNum(draft.priority.score)} · {draft.priority.level}</h2>
            <p class="muted small">{t('confidence')}: {draft.priority.confidenceLabel} ({fmtNum(draft.priority.confidence * 100)} %)</p>
            <table class="data small">
              <thead><tr><th scope="col">Term</th><th scope="col">Value</th><th scope="col">Weight</th><th scope="col">Points</th></tr></thead>
              <tbody>{draft.priority.terms.map((x) => <tr><th scope="row" title={x.explanation}>{x.name}</th><td>{fmtNum(x.value, 2)}</td><td>{fmtNum(x.weight, 2)}</td><td>{fmtNum(x.contribution, 1)}</td></tr>)}</tbody>
            </table>
          </div>
          <div class="panel">
            <h2>{t('evidence')}</h2>
            <p class="small">{draft.evidence.responses} {t('responses').toLowerCase()} · {draft.evidence.uniqueUsers} {t('users')} · {draft.evidence.accounts} {t('accounts')} · {t('detractors')} {draft.evidence.npsCategories.detractor ?? 0}</p>
            <ul class="quotes">
              {draft.evidence.quotes.map((q) => <li><blockquote>{q.quote}</blockquote><span class="muted small">{q.score !== undefined ? `${q.score} · ` : ''}{fmtDate(q.receivedAt)}{q.url ? ` · ${q.url}` : ''}</span></li>)}
            </ul>
          </div>
        </div>
      </div>
    </section>
  );
}
