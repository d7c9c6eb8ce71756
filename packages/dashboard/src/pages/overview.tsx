import { useEffect, useState } from 'preact/hooks';
import { api, qs } from '../api.ts';
import { BandChart, Bars, Columns } from '../charts.tsx';
import { fmtNum, t } from '../i18n.ts';
import { findPath } from '../insights-api.ts';
import { ErrorText, Field, Loading, NotAvailable, PageHeader, useAsync } from '../ui.tsx';

interface Stat { nps: number | null; counts: { promoters: number; passives: number; detractors: number; total: number }; n: number; ci95: { low: number; high: number } | null; tooFew: boolean }
interface Point extends Stat { period: string }
interface Driver { theme: string; volume: number; npsAtStake: number; detractorShare: number | null; nps: Stat; quotes: { id: string; comment: string; score?: number | null }[] }

const day = (d: Date) => d.toISOString().slice(0, 10);
const iso = (s: string, end = false) => (s ? new Date(`${s}T00:00:00.000Z`).getTime() + (end ? 86_400_000 : 0) : undefined);

export function Overview({ site }: { site: string }) {
  const [paths, setPaths] = useState<{ nps?: string; compare?: string; themes?: string } | null>(null);
  const [f, setF] = useState(() => ({ from: day(new Date(Date.now() - 90 * 86_400_000)), to: day(new Date()), survey: '', segment: '', interval: 'week' }));
  useEffect(() => {
    void Promise.all([findPath(/^\/v1\/admin\/insights\/nps$/), findPath(/^\/v1\/admin\/insights\/nps\/compare$/), findPath(/^\/v1\/admin\/insights\/themes$|\/themes\/drivers$/)]).then(([nps, compare, themes]) =>
      setPaths({ nps, compare, themes }),
    );
  }, []);
  const surveys = useAsync(() => api<{ items: { id: string; name: string; kind: string }[] }>(`/v1/admin/sites/${site}/surveys`), [site]);
  const fromMs = iso(f.from);
  const toMs = iso(f.to, true);
  const range = { from: fromMs ? new Date(fromMs).toISOString() : undefined, to: toMs ? new Date(toMs).toISOString() : undefined };
  const report = useAsync(async () => {
    if (!paths?.nps) return null;
    const base = { site, survey: f.survey || undefined };
    const [nps, cmp, themes] = await Promise.all([
      api<{ overall: Stat; trend: Point[]; segments?: (Stat & { key: string })[] }>(`${paths.nps}${qs({ ...base, ...range, interval: f.interval, segment: f.segment || undefined })}`),
      paths.compare && fromMs && toMs
        ? api<{ diff: number | null; pValue: number | null; significant: boolean; a: Stat & { label: string }; b: Stat & { label: string } }>(
            `${paths.compare}${qs({ ...base, aFrom: range.from, aTo: range.to, bFrom: new Date(2 * fromMs - toMs).toISOString(), bTo: range.from })}`,
          ).catch(() => null)
        : Promise.resolve(null),
      paths.themes ? api<{ themes: Driver[] }>(`${paths.themes}${qs({ ...base, ...range, limit: 8 })}`.replace('{siteKey}', site)).catch(() => null) : Promise.resolve(null),
    ]);
    return { nps, cmp, themes };
  }, [paths, site, f.from, f.to, f.survey, f.segment, f.interval]);

  if (!paths) return <Loading />;
  if (!paths.nps) return (<section><PageHeader title={t('overview')} /><NotAvailable path="GET /v1/admin/insights/nps" /></section>);
  const r = report.data;
  const o = r?.nps.overall;
  const set = (k: keyof typeof f) => (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    setF((prev) => ({ ...prev, [k]: value }));
  };
  return (
    <section>
      <PageHeader title={t('overview')} />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('from')}><input type="date" value={f.from} onChange={set('from')} /></Field>
        <Field label={t('to')}><input type="date" value={f.to} onChange={set('to')} /></Field>
        <Field label={t('survey')}>
          <select value={f.survey} onChange={set('survey')}>
            <option value="">{t('allSurveys')}</option>
            {surveys.data?.items.filter((s) => s.kind === 'nps').map((s) => <option value={s.id}>{s.name}</option>)}
          </select>
        </Field>
        <Field label={t('segment')}>
          <select value={f.segment} onChange={set('segment')}>
            <option value="">{t('allSegments')}</option>
            <option value="device">{t('device')}</option>
            <option value="locale">{t('language')}</option>
            <option value="page">{t('page')}</option>
            <option value="trait:plan">plan</option>
          </select>
        </Field>
        <Field label={t('period')}>
          <select value={f.interval} onChange={set('interval')}>
            <option value="day">day</option><option value="week">week</option><option value="month">month</option>
          </select>
        </Field>
      </form>
      <ErrorText error={report.error} />
      {report.loading && !r ? <Loading /> : null}
      {r && o ? (
        <>
          <div class="kpis">
            <div class="kpi" data-testid="nps-headline">
              <span class="kpi-label">{t('nps')}</span>
              <strong class="kpi-value">{fmtNum(o.nps)}</strong>
              <span class="muted">{o.ci95 ? `95% CI ${fmtNum(o.ci95.low)} … ${fmtNum(o.ci95.high)}` : ''} · n = {o.n}</span>
              {o.tooFew ? <span class="warn">{t('tooFew')}</span> : null}
            </div>
            {r.cmp ? (
              <div class="kpi" data-testid="compare">
                <span class="kpi-label">{t('compare')}</span>
                <strong class="kpi-value">{r.cmp.diff === null ? '—' : `${r.cmp.diff > 0 ? '+' : ''}${fmtNum(r.cmp.diff, 1)}`}</strong>
                <span class={r.cmp.significant ? 'good-text' : 'muted'}>
                  {t(r.cmp.significant ? 'significant' : 'notSignificant', { p: r.cmp.pValue === null ? '—' : fmtNum(r.cmp.pValue, 3) })}
                </span>
                <span class="muted small">{fmtNum(r.cmp.b.nps)} → {fmtNum(r.cmp.a.nps)}</span>
              </div>
            ) : null}
          </div>
          <div class="grid2">
            <div class="panel">
              <h2>{t('npsOverTime')}</h2>
              <BandChart id="nps" title={t('npsOverTime')}
                desc={r.nps.trend.map((p) => `${p.period}: ${p.nps ?? '—'}${p.ci95 ? ` (${Math.round(p.ci95.low)} to ${Math.round(p.ci95.high)})` : ''}`).join('; ')}
                points={r.nps.trend.map((p) => ({ label: p.period, value: p.nps, low: p.ci95?.low, high: p.ci95?.high, n: p.n, tooFew: p.tooFew }))} />
            </div>
            <div class="panel">
              <Bars title={t('categories')} rows={[
                { label: t('promoters'), value: o.counts.promoters, tone: 'good' },
                { label: t('passives'), value: o.counts.passives, tone: 'mid' },
                { label: t('detractors'), value: o.counts.detractors, tone: 'bad' },
              ]} />
              <h2>{t('volume')}</h2>
              <Columns id="vol" title={t('volume')} rows={r.nps.trend.map((p) => ({ label: p.period, value: p.n }))} />
            </div>
          </div>
          {r.nps.segments?.length ? (
            <div class="panel"><Bars title={`${t('nps')} · ${f.segment}`} rows={r.nps.segments.map((s) => ({ label: s.key, value: s.nps ?? 0, note: `n = ${s.n}` }))} /></div>
          ) : null}
          {r.themes ? (
            <div class="panel">
              <h2>{t('drivers')}</h2>
              <ol class="drivers">
                {r.themes.themes.slice().sort((a, b) => b.npsAtStake - a.npsAtStake).map((d) => (
                  <li>
                    <div class="driver-head">
                      <a href={`#/themes/${encodeURIComponent(d.theme)}`}>{d.theme}</a>
                      <span class="stake">+{fmtNum(d.npsAtStake, 1)} {t('atStake').toLowerCase()}</span>
                      <span class="muted small">{t('responses')}: {d.volume} · {t('nps')} {fmtNum(d.nps.nps)}</span>
                    </div>
                    {d.quotes.slice(0, 2).map((q) => <blockquote>{q.comment}</blockquote>)}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
