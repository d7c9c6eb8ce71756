import { useEffect, useState } from 'preact/hooks';
import { api, qs } from '../api.ts';
import { fmtNum, t } from '../i18n.ts';
import { findPath } from '../insights-api.ts';
import { can } from '../state.ts';
import { ErrorText, Loading, NotAvailable, PageHeader, toast, useAsync } from '../ui.tsx';

interface Initiative { id: string; title: string; description?: string; horizon: 'now' | 'next' | 'later'; status: string; owner?: string; goalMetric: { name: string; target?: number; baseline?: number; unit?: string }; links: { responses: string[]; themes: string[] } }
interface Detail extends Initiative {
  evidence: { themes: { theme: string; volume: number; detractors: number; npsAtStake: number }[]; responses: { id: string; comment: string; score?: number | null }[]; accountsAffected: number; respondents: number; npsAtStake: number };
  stories: { id: string; title: string; status: string; delivered: boolean }[];
}

export function Roadmap({ site }: { site: string }) {
  const [path, setPath] = useState<string | undefined | null>(null);
  useEffect(() => void findPath(/^\/v1\/admin\/initiatives$/).then(setPath), []);
  const list = useAsync(async () => (path ? (await api<{ items: Initiative[] }>(`${path}${qs({ site })}`)).items : []), [path, site]);
  const [open, setOpen] = useState<string | null>(null);
  if (path === null) return <Loading />;
  if (!path) return (<section><PageHeader title={t('roadmap')} /><NotAvailable path="GET /v1/admin/initiatives" /></section>);
  const create = async (e: Event) => {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    try {
      await api(path, { method: 'POST', body: { siteKey: site, title: String(fd.get('title')), horizon: String(fd.get('horizon')), goalMetric: { name: String(fd.get('goal') || 'NPS') } } });
      (e.target as HTMLFormElement).reset();
      list.reload();
    } catch (err) {
      toast((err as Error).message);
    }
  };
  return (
    <section>
      <PageHeader title={t('roadmap')} />
      <ErrorText error={list.error} />
      {can('pm') ? (
        <form class="inline-form panel" onSubmit={create} aria-label={t('newInitiative')}>
          <label class="grow"><span>{t('title')}</span><input name="title" required /></label>
          <label><span>{t('horizon')}</span><select name="horizon"><option value="now">{t('now')}</option><option value="next">{t('next')}</option><option value="later">{t('later')}</option></select></label>
          <label><span>{t('goal')}</span><input name="goal" placeholder="NPS" /></label>
          <button type="submit" class="primary">{t('newInitiative')}</button>
        </form>
      ) : null}
      <div class="board three">
        {(['now', 'next', 'later'] as const).map((h) => (
          <section class="column" aria-labelledby={`h-${h}`}>
            <h2 id={`h-${h}`}>{t(h)}</h2>
            <ul>
              {(list.data ?? []).filter((i) => i.horizon === h).map((i) => (
                <li class="card">
                  <h3>{i.title}</h3>
                  <p class="muted small">{i.goalMetric.name}{i.goalMetric.target !== undefined ? ` → ${i.goalMetric.target}${i.goalMetric.unit ?? ''}` : ''} · {i.status}</p>
                  <p class="small">{i.links.themes.join(', ')}{i.links.responses.length ? ` · ${i.links.responses.length} ${t('responses').toLowerCase()}` : ''}</p>
                  <button type="button" class="link" aria-expanded={open === i.id} onClick={() => setOpen(open === i.id ? null : i.id)}>{t('evidence')}</button>
                  {open === i.id ? <Evidence path={`${path}/${encodeURIComponent(i.id)}`} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function Evidence({ path }: { path: string }) {
  const d = useAsync(() => api<Detail>(path), [path]);
  if (d.loading) return <Loading />;
  if (d.error || !d.data) return <ErrorText error={d.error} />;
  const e = d.data.evidence;
  return (
    <div class="evidence">
      <p class="small"><strong>+{fmtNum(e.npsAtStake, 1)}</strong> {t('atStake').toLowerCase()} · {e.respondents} {t('responses').toLowerCase()} · {e.accountsAffected} {t('accounts')}</p>
      <ul class="small">{e.themes.map((th) => <li>{th.theme}: {th.volume} · +{fmtNum(th.npsAtStake, 1)}</li>)}</ul>
      {e.responses.slice(0, 3).map((q) => <blockquote>{q.comment}</blockquote>)}
      {d.data.stories.length ? <ul class="small">{d.data.stories.map((s) => <li><a href={`#/backlog/${encodeURIComponent(s.id)}`}>{s.title}</a> · {s.status}</li>)}</ul> : null}
    </div>
  );
}
