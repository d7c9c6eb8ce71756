import { useEffect, useState } from 'preact/hooks';
import { api, qs } from '../api.ts';
import { Columns } from '../charts.tsx';
import { fmtNum, t } from '../i18n.ts';
import { findPath } from '../insights-api.ts';
import { can } from '../state.ts';
import { commas, ErrorText, Loading, PageHeader, toast, useAsync, useHasApi } from '../ui.tsx';
import { ResponseText, type Resp } from './inbox.tsx';

interface ThemeDef { name: string; keywords: { en?: string[]; fr?: string[] } }
interface Discovered { key: string; label: string; terms: string[]; count: number; examples: string[] }
interface Driver { theme: string; volume: number; npsAtStake: number; detractorShare: number | null; sentiment: number | null; trend: { period: string; count: number }[]; nps: { nps: number | null; n: number } }

export function Themes({ site, theme }: { site: string; theme?: string }) {
  const tax = useAsync(() => api<{ themes: ThemeDef[]; isDefault: boolean }>(`/v1/admin/sites/${site}/taxonomy`), [site]);
  const disc = useAsync(() => api<{ items: Discovered[] }>(`/v1/admin/sites/${site}/themes/discovered`), [site]);
  const [driversPath, setDriversPath] = useState<string | undefined | null>(null);
  useEffect(() => void findPath(/^\/v1\/admin\/insights\/themes$|\/themes\/drivers$/).then(setDriversPath), []);
  const drivers = useAsync(async () => (driversPath ? (await api<{ themes: Driver[] }>(`${driversPath}${qs({ site, limit: 100 })}`.replace('{siteKey}', site))).themes : null), [driversPath, site]);
  const [draft, setDraft] = useState<ThemeDef[] | null>(null);
  const editable = can('pm');

  if (theme) return <ThemeDetail site={site} theme={theme} driver={drivers.data?.find((d) => d.theme === theme)} />;
  const themes = draft ?? tax.data?.themes ?? [];
  const byName = new Map((drivers.data ?? []).map((d) => [d.theme, d]));
  const save = async () => {
    try {
      await api(`/v1/admin/sites/${site}/taxonomy`, { method: 'PUT', body: { themes } });
      setDraft(null);
      tax.reload();
      toast(t('saved'));
    } catch (e) {
      toast((e as Error).message);
    }
  };
  const edit = (i: number, patch: Partial<ThemeDef>) => setDraft(themes.map((th, k) => (k === i ? { ...th, ...patch, keywords: { ...th.keywords, ...patch.keywords } } : th)));
  return (
    <section>
      <PageHeader title={t('themes')}>
        {editable && draft ? <button type="button" class="primary" onClick={() => void save()}>{t('save')}</button> : null}
      </PageHeader>
      <ErrorText error={tax.error} />
      {tax.loading && !tax.data ? <Loading /> : null}
      <div class="panel">
        <h2>{t('taxonomy')}</h2>
        {tax.data?.isDefault ? <p class="muted small">{t('defaultTaxonomy')}</p> : null}
        <div class="table-wrap">
          <table class="data">
            <thead><tr><th scope="col">{t('themeName')}</th><th scope="col">{t('keywordsEn')}</th><th scope="col">{t('keywordsFr')}</th>{drivers.data ? <><th scope="col">{t('responses')}</th><th scope="col">{t('atStake')}</th></> : null}<th scope="col"><span class="sr">{t('edit')}</span></th></tr></thead>
            <tbody>
              {themes.map((th, i) => {
                const d = byName.get(th.name);
                return (
                  <tr>
                    <th scope="row">
                      {editable ? <input aria-label={t('themeName')} value={th.name} onInput={(e) => edit(i, { name: (e.target as HTMLInputElement).value })} /> : null}
                      <a href={`#/themes/${encodeURIComponent(th.name)}`} class="theme-link">{th.name}</a>
                    </th>
                    <td>{editable ? <input aria-label={`${t('keywordsEn')}: ${th.name}`} value={(th.keywords.en ?? []).join(', ')} onInput={(e) => edit(i, { keywords: { en: commas((e.target as HTMLInputElement).value) } })} /> : (th.keywords.en ?? []).join(', ')}</td>
                    <td>{editable ? <input aria-label={`${t('keywordsFr')}: ${th.name}`} value={(th.keywords.fr ?? []).join(', ')} onInput={(e) => edit(i, { keywords: { fr: commas((e.target as HTMLInputElement).value) } })} /> : (th.keywords.fr ?? []).join(', ')}</td>
                    {drivers.data ? <><td>{d?.volume ?? 0}</td><td>{fmtNum(d?.npsAtStake, 1)}</td></> : null}
                    <td>{editable ? <button type="button" class="link" onClick={() => setDraft(themes.filter((_, k) => k !== i))}>{t('remove')}</button> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {editable ? (
          <form class="inline-form" onSubmit={(e) => {
            e.preventDefault();
            const fd = new FormData(e.target as HTMLFormElement);
            const name = String(fd.get('name') ?? '').trim();
            const kw = commas(String(fd.get('kw') ?? ''));
            if (!name || !kw.length) return;
            setDraft([...themes, { name, keywords: { en: kw, fr: kw } }]);
            (e.target as HTMLFormElement).reset();
          }}>
            <label><span>{t('themeName')}</span><input name="name" /></label>
            <label class="grow"><span>{t('keywordsEn')} / {t('keywordsFr')}</span><input name="kw" /></label>
            <button type="submit">{t('addTheme')}</button>
          </form>
        ) : null}
      </div>
      <div class="panel">
        <h2>{t('discovered')}</h2>
        <ErrorText error={disc.error} />
        <ul class="cards">
          {disc.data?.items.map((d) => (
            <li class="card">
              <h3>{d.label}</h3>
              <p class="muted small">{d.terms.join(', ')} · {t('count')}: {d.count}</p>
              {d.examples.slice(0, 2).map((q) => <blockquote>{q}</blockquote>)}
              {editable ? <button type="button" onClick={() => setDraft([...themes, { name: d.label, keywords: { en: d.terms, fr: d.terms } }])}>{t('addToTaxonomy')}</button> : null}
            </li>
          ))}
        </ul>
        {disc.data?.items.length === 0 ? <p class="muted">{t('empty')}</p> : null}
      </div>
    </section>
  );
}

function ThemeDetail({ site, theme, driver }: { site: string; theme: string; driver?: Driver }) {
  const quotes = useAsync(() => api<{ items: Resp[] }>(`/v1/admin/responses${qs({ site, theme, limit: 20 })}`), [site, theme]);
  const hasStories = useHasApi('/v1/admin/stories', 'post');
  const story = async () => {
    try {
      const s = await api<{ id: string; title: string }>('/v1/admin/stories', { method: 'POST', body: { site, theme } });
      toast(`${t('storyCreated')}: ${s.title}`);
      location.hash = `#/backlog/${encodeURIComponent(s.id)}`;
    } catch (e) {
      toast((e as Error).message);
    }
  };
  return (
    <section>
      <PageHeader title={`${t('theme')}: ${theme}`}>
        <a href="#/themes">← {t('themes')}</a>
        {hasStories && can('po') ? <button type="button" class="primary" onClick={() => void story()}>{t('createStory')}</button> : null}
      </PageHeader>
      {driver ? (
        <div class="kpis">
          <div class="kpi"><span class="kpi-label">{t('responses')}</span><strong class="kpi-value">{driver.volume}</strong></div>
          <div class="kpi"><span class="kpi-label">{t('atStake')}</span><strong class="kpi-value">+{fmtNum(driver.npsAtStake, 1)}</strong></div>
          <div class="kpi"><span class="kpi-label">{t('nps')}</span><strong class="kpi-value">{fmtNum(driver.nps.nps)}</strong><span class="muted">n = {driver.nps.n}</span></div>
          <div class="kpi"><span class="kpi-label">{t('detractors')}</span><strong class="kpi-value">{driver.detractorShare === null ? '—' : `${fmtNum(driver.detractorShare * 100)} %`}</strong></div>
        </div>
      ) : null}
      {driver?.trend.length ? <div class="panel"><h2>{t('trend')}</h2><Columns id="theme-trend" title={`${t('trend')}: ${theme}`} rows={driver.trend.map((p) => ({ label: p.period, value: p.count }))} /></div> : null}
      <div class="panel">
        <h2>{t('quotes')}</h2>
        <ErrorText error={quotes.error} />
        {quotes.loading ? <Loading /> : null}
        <ul class="quotes">
          {quotes.data?.items.map((r) => (
            <li><ResponseText r={r} /><span class="muted small">{r.score !== undefined ? `${t('score')} ${r.score} · ` : ''}{r.tags?.kind}</span></li>
          ))}
        </ul>
      </div>
    </section>
  );
}
