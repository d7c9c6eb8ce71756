import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultQuestions } from '../../../shared/src/survey-defaults.ts';
import { api } from '../api.ts';
import { fmtDate, lang, t, tMap } from '../i18n.ts';
import { findPath } from '../insights-api.ts';
import { can, loadSites, me } from '../state.ts';
import { copyText, ErrorText, Field, lines, Loading, NotAvailable, PageHeader, toast, useAsync, commas } from '../ui.tsx';

const TABS = ['sites', 'surveys', 'webhooks', 'tokens', 'people'] as const;
const ROLES = ['admin', 'pm', 'po', 'viewer'];
const KINDS = ['nps', 'exit_intent', 'feature_feedback', 'feedback_button'];

export function Settings({ site, tab }: { site: string; tab: string }) {
  const current = (TABS as readonly string[]).includes(tab) ? tab : 'sites';
  return (
    <section>
      <PageHeader title={t('settings')} />
      <nav class="tabs" aria-label={t('settings')}>
        {TABS.map((x) => <a href={`#/settings/${x}`} aria-current={current === x ? 'page' : undefined}>{t(x)}</a>)}
      </nav>
      {current === 'sites' ? <Sites site={site} /> : current === 'surveys' ? <Surveys site={site} /> : current === 'webhooks' ? <Webhooks site={site} /> : current === 'tokens' ? <Tokens /> : <Accounts />}
    </section>
  );
}

function Sites({ site }: { site: string }) {
  const s = useAsync(() => api<{ key: string; name: string; allowedOrigins: string[] }>(`/v1/admin/sites/${site}`), [site]);
  const admin = can();
  const origin = location.origin;
  const snippet = `<script async src="${origin}/widget.js" data-site="${site}"></script>`;
  return (
    <>
      <ErrorText error={s.error} />
      {s.data ? (
        <form class="panel" onSubmit={async (e) => {
          e.preventDefault();
          const fd = new FormData(e.target as HTMLFormElement);
          try {
            await api(`/v1/admin/sites/${site}`, { method: 'PATCH', body: { name: String(fd.get('name')), allowedOrigins: lines(String(fd.get('origins'))) } });
            toast(t('saved'));
            void loadSites();
          } catch (err) {
            toast((err as Error).message);
          }
        }}>
          <h2>{s.data.name} <code>{s.data.key}</code></h2>
          <Field label={t('name')}><input name="name" defaultValue={s.data.name} disabled={!admin} /></Field>
          <Field label={t('allowedOrigins')}><textarea name="origins" rows={3} defaultValue={s.data.allowedOrigins.join('\n')} disabled={!admin} /></Field>
          {admin ? <button type="submit" class="primary">{t('save')}</button> : null}
          <h3>{t('snippet')}</h3>
          <pre class="snippet"><code>{snippet}</code></pre>
          <button type="button" onClick={() => void copyText(snippet)}>{t('copy')}</button>
        </form>
      ) : <Loading />}
      {admin ? (
        <form class="panel inline-form" aria-label={t('newSite')} onSubmit={async (e) => {
          e.preventDefault();
          const fd = new FormData(e.target as HTMLFormElement);
          try {
            await api('/v1/admin/sites', { method: 'POST', body: { key: String(fd.get('key')), name: String(fd.get('name')), allowedOrigins: lines(String(fd.get('origins'))) } });
            (e.target as HTMLFormElement).reset();
            void loadSites();
            toast(t('saved'));
          } catch (err) {
            toast((err as Error).message);
          }
        }}>
          <h2 class="full">{t('newSite')}</h2>
          <label><span>{t('key')}</span><input name="key" required pattern="[a-z0-9][a-z0-9-]*" /></label>
          <label><span>{t('name')}</span><input name="name" required /></label>
          <label class="grow"><span>{t('allowedOrigins')}</span><textarea name="origins" rows={1} /></label>
          <button type="submit">{t('create')}</button>
        </form>
      ) : null}
    </>
  );
}

interface SurveyForm {
  id?: string; name: string; kind: string; status: string; priority: number; textEn: string; textFr: string;
  include: string; exclude: string; devices: string[]; locales: string; sampling: number; delayMs: number; scroll: number;
  recontactDays: number; againAnswer: boolean; againDismiss: boolean; questions?: any[]; trigger?: any;
}

const blank = (): SurveyForm => ({ name: '', kind: 'nps', status: 'active', priority: 0, textEn: '', textFr: '', include: '', exclude: '', devices: [], locales: '', sampling: 100, delayMs: 0, scroll: 0, recontactDays: 30, againAnswer: false, againDismiss: false });

function fromSurvey(s: any): SurveyForm {
  const q = s.questions?.[0];
  return {
    id: s.id, name: s.name, kind: s.kind, status: s.status, priority: s.priority, textEn: q?.text?.en ?? '', textFr: q?.text?.fr ?? '',
    include: (s.targeting?.urls?.include ?? []).map((r: any) => r.value).join('\n'), exclude: (s.targeting?.urls?.exclude ?? []).map((r: any) => r.value).join('\n'),
    devices: s.targeting?.devices ?? [], locales: (s.targeting?.locales ?? []).join(', '), sampling: s.targeting?.samplingPercent ?? 100,
    delayMs: s.trigger?.delayMs ?? 0, scroll: s.trigger?.scrollDepthPercent ?? 0, recontactDays: s.fatigue?.recontactDays ?? 30,
    againAnswer: !!s.fatigue?.showAgainAfterAnswer, againDismiss: !!s.fatigue?.showAgainAfterDismiss, questions: s.questions, trigger: s.trigger,
  };
}

/** The survey as the API takes it (and, with ids and defaults, as the widget receives it). */
function toSurvey(f: SurveyForm) {
  const base = f.questions?.length && f.questions[0]?.type === defaultQuestions(f.kind as 'nps')[0]?.type ? f.questions : defaultQuestions(f.kind as 'nps');
  const text: Record<string, string> = {};
  if (f.textEn.trim()) text.en = f.textEn.trim();
  if (f.textFr.trim()) text.fr = f.textFr.trim();
  const questions = base.map((q: any, i: number) => (i === 0 ? { ...q, text: Object.keys(text).length ? text : undefined } : q));
  return {
    name: f.name,
    status: f.status,
    priority: Number(f.priority),
    questions,
    targeting: {
      urls: { include: lines(f.include).map((value) => ({ match: 'contains', value })), exclude: lines(f.exclude).map((value) => ({ match: 'contains', value })) },
      devices: f.devices, locales: commas(f.locales), samplingPercent: Number(f.sampling), events: [], traits: [],
    },
    trigger: { ...(f.trigger ?? {}), delayMs: Number(f.delayMs), scrollDepthPercent: Number(f.scroll) },
    fatigue: { recontactDays: Number(f.recontactDays), showAgainAfterAnswer: f.againAnswer, showAgainAfterDismiss: f.againDismiss },
  };
}

function Surveys({ site }: { site: string }) {
  const list = useAsync(() => api<{ items: any[] }>(`/v1/admin/sites/${site}/surveys`), [site]);
  const siteInfo = useAsync(() => api<{ theme: unknown }>(`/v1/admin/sites/${site}`), [site]);
  const [form, setForm] = useState<SurveyForm | null>(null);
  const writable = can('pm', 'po');
  const save = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    try {
      const body = toSurvey(form);
      if (form.id) await api(`/v1/admin/surveys/${encodeURIComponent(form.id)}`, { method: 'PATCH', body });
      else setForm(fromSurvey(await api(`/v1/admin/sites/${site}/surveys`, { method: 'POST', body: { ...body, kind: form.kind } })));
      toast(t('saved'));
      list.reload();
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const set = (k: keyof SurveyForm) => (e: Event) => {
    const el = e.target as HTMLInputElement;
    const value = el.type === 'checkbox' ? el.checked : el.value;
    // Functional update: two events before a re-render (typing, then a click) must not undo each other.
    setForm((f) => (f ? { ...f, [k]: value } : f));
  };
  return (
    <>
      <ErrorText error={list.error} />
      <div class="panel">
        <div class="page-head"><h2>{t('surveys')}</h2>{writable ? <button type="button" onClick={() => setForm(blank())}>{t('newSurvey')}</button> : null}</div>
        <div class="table-wrap">
          <table class="data">
            <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('surveyKind')}</th><th scope="col">{t('status')}</th><th scope="col">{t('priorityN')}</th><th scope="col"><span class="sr">{t('edit')}</span></th></tr></thead>
            <tbody>
              {list.data?.items.map((s) => (
                <tr><th scope="row">{s.name}</th><td>{tMap('surveyKinds', s.kind)}</td><td>{s.status}</td><td>{s.priority}</td>
                  <td><button type="button" class="link" onClick={() => setForm(fromSurvey(s))}>{t('edit')}<span class="sr"> {s.name}</span></button></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {form ? (
        <div class="grid2">
          <form class="panel survey-form" onSubmit={save} aria-label={form.id ? `${t('edit')} ${form.name}` : t('newSurvey')}>
            <h2>{form.id ? form.name : t('newSurvey')}</h2>
            <Field label={t('name')}><input name="name" value={form.name} onInput={set('name')} required /></Field>
            <Field label={t('surveyKind')}>
              <select name="kind" value={form.kind} onChange={set('kind')} disabled={!!form.id}>
                {KINDS.map((k) => <option value={k}>{tMap('surveyKinds', k)}</option>)}
              </select>
            </Field>
            <Field label={t('status')}><select value={form.status} onChange={set('status')}>{['active', 'paused', 'archived'].map((x) => <option value={x}>{x}</option>)}</select></Field>
            <Field label={t('priorityN')}><input type="number" min={0} max={1000} value={form.priority} onInput={set('priority')} /></Field>
            <Field label={`${t('questionText')} (EN)`}><input name="textEn" value={form.textEn} onInput={set('textEn')} /></Field>
            <Field label={`${t('questionText')} (FR)`}><input name="textFr" value={form.textFr} onInput={set('textFr')} /></Field>
            <fieldset>
              <legend>{t('targeting')}</legend>
              <Field label={t('urlsInclude')}><textarea rows={2} value={form.include} onInput={set('include')} /></Field>
              <Field label={t('urlsExclude')}><textarea rows={2} value={form.exclude} onInput={set('exclude')} /></Field>
              <div class="checks" role="group" aria-label={t('devices')}>
                {['desktop', 'mobile', 'tablet'].map((d) => (
                  <label><input type="checkbox" checked={form.devices.includes(d)} onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    setForm((f) => (f ? { ...f, devices: on ? [...f.devices, d] : f.devices.filter((x) => x !== d) } : f));
                  }} /> {d}</label>
                ))}
              </div>
              <Field label={t('locales')}><input value={form.locales} onInput={set('locales')} /></Field>
              <Field label={t('sampling')}><input type="number" min={0} max={100} value={form.sampling} onInput={set('sampling')} /></Field>
              <Field label={t('delay')}><input type="number" min={0} value={form.delayMs} onInput={set('delayMs')} /></Field>
              <Field label={t('scroll')}><input type="number" min={0} max={100} value={form.scroll} onInput={set('scroll')} /></Field>
            </fieldset>
            <fieldset>
              <legend>{t('fatigue')}</legend>
              <Field label={t('recontact')}><input type="number" min={0} value={form.recontactDays} onInput={set('recontactDays')} /></Field>
              <label><input type="checkbox" checked={form.againAnswer} onChange={set('againAnswer')} /> {t('againAfterAnswer')}</label>
              <label><input type="checkbox" checked={form.againDismiss} onChange={set('againDismiss')} /> {t('againAfterDismiss')}</label>
            </fieldset>
            <div class="actions">
              {writable ? <button type="submit" class="primary">{t('save')}</button> : null}
              <button type="button" onClick={() => setForm(null)}>{t('cancel')}</button>
            </div>
          </form>
          <div class="panel">
            <h2>{t('preview')}</h2>
            <p class="muted small">{t('previewNote')}</p>
            <Preview survey={{ id: form.id ?? 'preview', kind: form.kind, ...toSurvey(form) }} theme={siteInfo.data?.theme} />
          </div>
        </div>
      ) : null}
    </>
  );
}

/** The real widget UI (/widget/hark-ui.js) in a same-origin iframe, fed the survey being edited. */
function Preview({ survey, theme }: { survey: unknown; theme: unknown }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const l = lang.get();
  useEffect(() => {
    const on = (e: MessageEvent) => {
      if (e.origin === location.origin && e.data?.type === 'hark-preview-ready') setReady(true);
    };
    window.addEventListener('message', on);
    return () => window.removeEventListener('message', on);
  }, []);
  const payload = JSON.stringify({ survey, theme, locale: l });
  useEffect(() => {
    if (ready) ref.current?.contentWindow?.postMessage({ type: 'hark-preview', ...JSON.parse(payload) }, location.origin);
  }, [ready, payload]);
  // Ready when the frame says so or when it has loaded (its module script has run by then).
  return <iframe ref={ref} class="preview" title={t('preview')} src="preview.html" data-testid="preview" onLoad={() => setReady(true)} />;
}

function Webhooks({ site }: { site: string }) {
  const [paths, setPaths] = useState<{ list?: string; deliveries?: string; one?: string } | null>(null);
  useEffect(() => {
    void Promise.all([findPath(/^\/v1\/admin\/sites\/\{siteKey\}\/webhooks$/), findPath(/^\/v1\/admin\/webhooks\/\{\w+\}\/deliveries$/), findPath(/^\/v1\/admin\/webhooks\/\{\w+\}$/, 'delete')]).then(([list, deliveries, one]) =>
      setPaths({ list, deliveries, one }),
    );
  }, []);
  const list = useAsync(async () => (paths?.list ? (await api<{ items: any[] }>(paths.list.replace('{siteKey}', site))).items : []), [paths, site]);
  const [log, setLog] = useState<{ id: string; items: any[] } | null>(null);
  const [secret, setSecret] = useState('');
  if (!paths) return <Loading />;
  if (!paths.list) return <NotAvailable path="GET /v1/admin/sites/{siteKey}/webhooks" />;
  return (
    <div class="panel">
      <h2>{t('webhooks')}</h2>
      <ErrorText error={list.error} />
      <div class="table-wrap">
        <table class="data">
          <thead><tr><th scope="col">{t('url')}</th><th scope="col">{t('events')}</th><th scope="col">{t('format')}</th><th scope="col"><span class="sr">{t('deliveries')}</span></th></tr></thead>
          <tbody>
            {list.data?.map((w) => (
              <tr>
                <th scope="row" class="url">{w.url}</th><td>{(w.events ?? []).join(', ')}</td><td>{w.format}</td>
                <td>
                  {paths.deliveries ? <button type="button" class="link" onClick={async () => setLog({ id: w.id, items: (await api<{ items: any[] }>(paths.deliveries!.replace(/\{\w+\}/, encodeURIComponent(w.id)))).items })}>{t('deliveries')}</button> : null}
                  {paths.one && can() ? <button type="button" class="link" onClick={async () => { await api(paths.one!.replace(/\{\w+\}/, encodeURIComponent(w.id)), { method: 'DELETE' }); list.reload(); }}>{t('delete')}</button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {can() ? (
        <form class="inline-form" onSubmit={async (e) => {
          e.preventDefault();
          const fd = new FormData(e.target as HTMLFormElement);
          try {
            const w = await api<{ secret?: string }>(paths.list!.replace('{siteKey}', site), { method: 'POST', body: { url: String(fd.get('url')), events: fd.getAll('events').map(String), format: String(fd.get('format')) } });
            setSecret(w.secret ?? '');
            list.reload();
          } catch (err) {
            toast((err as Error).message);
          }
        }}>
          <label class="grow"><span>{t('url')}</span><input name="url" type="url" required /></label>
          <fieldset class="checks"><legend>{t('events')}</legend>
            {['response.created', 'response.tagged', 'story.ready', 'story.done'].map((ev) => <label><input type="checkbox" name="events" value={ev} checked /> {ev}</label>)}
          </fieldset>
          <label><span>{t('format')}</span><select name="format"><option value="json">JSON</option><option value="slack">Slack</option></select></label>
          <button type="submit">{t('create')}</button>
        </form>
      ) : null}
      {secret ? <p role="status">{t('secret')}: <code>{secret}</code></p> : null}
      {log ? (
        <div class="table-wrap">
          <table class="data small">
            <caption>{t('deliveries')}</caption>
            <thead><tr><th scope="col">{t('events')}</th><th scope="col">{t('status')}</th><th scope="col">#</th><th scope="col">{t('received')}</th></tr></thead>
            <tbody>{log.items.map((d) => <tr><th scope="row">{d.event}</th><td>{d.status}</td><td>{d.attempts?.length ?? d.attempts}</td><td>{fmtDate(d.createdAt ?? d.updatedAt)}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function Tokens() {
  const list = useAsync(() => api<{ items: { id: string; name: string; role: string; createdAt: string; lastUsedAt?: string }[] }>('/v1/admin/tokens'), []);
  const [fresh, setFresh] = useState('');
  if (!can()) return <p class="muted">admin</p>;
  return (
    <div class="panel">
      <h2>{t('tokens')}</h2>
      <ErrorText error={list.error} />
      <div class="table-wrap">
        <table class="data">
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('role')}</th><th scope="col">{t('lastUsed')}</th><th scope="col"><span class="sr">{t('revoke')}</span></th></tr></thead>
          <tbody>{list.data?.items.map((x) => <tr><th scope="row">{x.name}</th><td>{x.role}</td><td>{fmtDate(x.lastUsedAt)}</td><td><button type="button" class="link" onClick={async () => { await api(`/v1/admin/tokens/${x.id}`, { method: 'DELETE' }); list.reload(); }}>{t('revoke')}<span class="sr"> {x.name}</span></button></td></tr>)}</tbody>
        </table>
      </div>
      <form class="inline-form" aria-label={t('newToken')} onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.target as HTMLFormElement);
        try {
          const r = await api<{ token: string }>('/v1/admin/tokens', { method: 'POST', body: { name: String(fd.get('name')), role: String(fd.get('role')) } });
          setFresh(r.token);
          list.reload();
        } catch (err) {
          toast((err as Error).message);
        }
      }}>
        <label><span>{t('name')}</span><input name="name" required /></label>
        <label><span>{t('role')}</span><select name="role">{ROLES.map((r) => <option value={r}>{r}</option>)}</select></label>
        <button type="submit">{t('newToken')}</button>
      </form>
      {fresh ? <p role="status">{t('tokenOnce')} <code>{fresh}</code> <button type="button" onClick={() => void copyText(fresh)}>{t('copy')}</button></p> : null}
    </div>
  );
}

function Accounts() {
  const list = useAsync(() => api<{ items: { id: string; email: string; name: string; role: string; disabled?: boolean; lastLoginAt?: string }[] }>('/v1/admin/accounts'), []);
  if (!can()) return <p class="muted">admin</p>;
  const myId = me.get()?.account?.id;
  return (
    <div class="panel">
      <h2>{t('people')}</h2>
      <ErrorText error={list.error} />
      <div class="table-wrap">
        <table class="data">
          <thead><tr><th scope="col">{t('email')}</th><th scope="col">{t('role')}</th><th scope="col">{t('lastUsed')}</th><th scope="col"><span class="sr">{t('delete')}</span></th></tr></thead>
          <tbody>{list.data?.items.map((a) => (
            <tr>
              <th scope="row">{a.email}{a.id === myId ? ` (${t('you')})` : ''}</th>
              <td><select aria-label={`${t('role')}: ${a.email}`} value={a.role} onChange={async (e) => {
                try { await api(`/v1/admin/accounts/${a.id}`, { method: 'PATCH', body: { role: (e.target as HTMLSelectElement).value } }); toast(t('saved')); } catch (err) { toast((err as Error).message); list.reload(); }
              }}>{ROLES.map((r) => <option value={r}>{r}</option>)}</select></td>
              <td>{fmtDate(a.lastLoginAt)}</td>
              <td>{a.id !== myId ? <button type="button" class="link" onClick={async () => { try { await api(`/v1/admin/accounts/${a.id}`, { method: 'DELETE' }); list.reload(); } catch (err) { toast((err as Error).message); } }}>{t('delete')}<span class="sr"> {a.email}</span></button> : null}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
      <form class="inline-form" aria-label={t('newAccount')} onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.target as HTMLFormElement);
        try {
          await api('/v1/admin/accounts', { method: 'POST', body: { email: String(fd.get('email')), password: String(fd.get('password')), role: String(fd.get('role')) } });
          (e.target as HTMLFormElement).reset();
          list.reload();
          toast(t('saved'));
        } catch (err) {
          toast((err as Error).message);
        }
      }}>
        <label><span>{t('email')}</span><input name="email" type="email" required autocomplete="off" /></label>
        <label><span>{t('password')}</span><input name="password" type="password" minLength={10} required autocomplete="new-password" /></label>
        <label><span>{t('role')}</span><select name="role">{ROLES.map((r) => <option value={r}>{r}</option>)}</select></label>
        <button type="submit">{t('newAccount')}</button>
      </form>
    </div>
  );
}
