import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, qs } from '../api.ts';
import { fmtDate, t, tMap } from '../i18n.ts';
import { can } from '../state.ts';
import { Chip, commas, ErrorText, Loading, PageHeader, toast, useHasApi } from '../ui.tsx';
import { triageApi, TRIAGE_STATUSES, type TriageApi } from '../triage.ts';
import { INITIATIVES, LINKS, LinkInitiativeDialog, listInitiatives, type Initiative } from '../link-initiative.tsx';

const KINDS = ['bug', 'usability', 'performance', 'feature_request', 'pricing', 'praise', 'churn_risk', 'question', 'other'];

export interface Resp {
  id: string;
  siteKey: string;
  surveyId: string;
  type: string;
  score?: number;
  comment?: string;
  locale: string;
  context: { url?: string; element?: string };
  receivedAt: string;
  user?: { id?: string };
  tags?: { kind: string; track: string; themes: string[]; sentiment: { label: string }; npsCategory?: string };
  tagOverride?: unknown;
  triage?: { status?: string; assignee?: string };
}

const path = (url?: string) => {
  try {
    const u = new URL(url ?? '');
    return u.pathname + u.search;
  } catch {
    return url ?? '';
  }
};

export function scoreTone(r: Resp): string {
  const c = r.tags?.npsCategory;
  return c === 'detractor' ? 'bad' : c === 'promoter' ? 'good' : c === 'passive' ? 'mid' : '';
}

/** One response: every user-provided string goes through JSX text, never HTML. */
export function ResponseText({ r }: { r: Resp }) {
  return <p class="quote">{r.comment || <span class="muted">—</span>}</p>;
}

export function Inbox({ track, site }: { track: 'strategic' | 'tactical'; site: string }) {
  const [items, setItems] = useState<Resp[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatusFilter] = useState('');
  const [cur, setCurState] = useState(0);
  // Keys can arrive faster than renders: the handler reads the row from a ref, not a stale closure.
  const curRef = useRef(0);
  const setCur = (n: number) => {
    curRef.current = n;
    setCurState(n);
  };
  const [sel, setSel] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [triage, setTriage] = useState<TriageApi | null>(null);
  const hasStories = useHasApi('/v1/admin/stories', 'post');
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const writable = can('pm', 'po');
  // Initiatives: read by every role (chips on the rows); linking is pm/admin (the API answers 403 otherwise).
  const hasInitiatives = useHasApi(INITIATIVES);
  const canLink = useHasApi(LINKS, 'post') === true && can('pm');
  const [initiatives, setInitiatives] = useState<Initiative[]>([]);
  const [linking, setLinking] = useState<string[] | null>(null);
  useEffect(() => {
    if (hasInitiatives) void listInitiatives(site).then(setInitiatives, () => setInitiatives([]));
  }, [site, hasInitiatives]);
  const linkedTo = useMemo(() => {
    const m = new Map<string, Initiative[]>();
    for (const i of initiatives) for (const r of i.links.responses) m.set(r, [...(m.get(r) ?? []), i]);
    return m;
  }, [initiatives]);
  const openLink = (ids: string[]) => {
    if (canLink && ids.length) setLinking(ids);
  };

  const load = async (more = false) => {
    setLoading(true);
    setError(undefined);
    try {
      const c = more ? cursor : undefined;
      // A status filter reads the PM triage queue; otherwise the response list (search, kind).
      const r = await api<{ items: Resp[]; nextCursor: string | null }>(
        status && triage?.inboxPath
          ? `${triage.inboxPath}${qs({ site, track, status, limit: 50, cursor: c })}`
          : `/v1/admin/responses${qs({ site, track, q, kind, tagged: 'true', limit: 50, cursor: c })}`,
      );
      const merged = more ? [...items, ...r.items] : r.items;
      setItems(triage ? await triage.decorate(merged) : merged);
      setCursor(r.nextCursor);
      if (!more) setCur(0);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void triageApi().then(setTriage);
  }, []);
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [site, track, q, kind, status, triage]);

  const focusRow = (i: number) => {
    const n = Math.max(0, Math.min(items.length - 1, i));
    setCur(n);
    requestAnimationFrame(() => (listRef.current?.children[n] as HTMLElement | undefined)?.focus());
  };

  const override = async (r: Resp, change: Record<string, unknown>) => {
    const updated = await api<Resp>(`/v1/admin/responses/${encodeURIComponent(r.id)}/tags`, { method: 'PATCH', body: change });
    setItems((list) => list.map((x) => (x.id === r.id ? { ...x, ...updated, triage: x.triage } : x)));
    return updated;
  };

  const setStatus = async (ids: string[], status: string) => {
    if (!triage) return;
    try {
      await triage.setStatus(ids, status);
      setItems((list) => list.map((x) => (ids.includes(x.id) ? { ...x, triage: { ...x.triage, status } } : x)));
      toast(`${t('status')}: ${tMap('statuses', status)}`);
    } catch (e) {
      toast((e as Error).message);
    }
  };

  const createStory = async (ids: string[]) => {
    try {
      const s = await api<{ id: string; title: string }>('/v1/admin/stories', { method: 'POST', body: { site, responses: ids } });
      toast(`${t('storyCreated')}: ${s.title}`);
      location.hash = `#/backlog/${encodeURIComponent(s.id)}`;
    } catch (e) {
      toast((e as Error).message);
    }
  };

  const moveTrack = async (ids: string[], to: string) => {
    for (const id of ids) {
      const r = items.find((x) => x.id === id);
      if (r) await override(r, { track: to });
    }
    if (to !== track) setItems((list) => list.filter((x) => !ids.includes(x.id)));
    setSel(new Set());
    toast(`${t('track')}: ${t(to === 'strategic' ? 'strategic' : 'tactical')}`);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The link dialog handles its own keys (Escape closes it natively).
      if (linking || (e.target as HTMLElement).closest?.('dialog')) return;
      const tag = (e.target as HTMLElement).tagName;
      if (/^(INPUT|SELECT|TEXTAREA)$/.test(tag) || e.ctrlKey || e.metaKey || e.altKey) {
        if (e.key === 'Escape') {
          setEditing(null);
          focusRow(curRef.current);
        }
        return;
      }
      const at = curRef.current;
      const r = items[at];
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          e.preventDefault();
          focusRow(at + 1);
          break;
        case 'k':
        case 'ArrowUp':
          e.preventDefault();
          focusRow(at - 1);
          break;
        case 'x':
          if (r) setSel((s) => { const n = new Set(s); n.has(r.id) ? n.delete(r.id) : n.add(r.id); return n; });
          break;
        case 'e':
          if (r && writable) {
            e.preventDefault();
            setEditing(r.id);
            requestAnimationFrame(() => (document.getElementById(`edit-kind-${r.id}`) as HTMLElement | null)?.focus());
          }
          break;
        case 't':
          if (r && writable) void moveTrack([r.id], track === 'strategic' ? 'tactical' : 'strategic');
          break;
        case 's':
          if (r && triage) {
            e.preventDefault();
            document.getElementById(`status-${r.id}`)?.focus();
          }
          break;
        case 'a':
          if (r && triage) {
            e.preventDefault();
            document.getElementById(`assignee-${r.id}`)?.focus();
          }
          break;
        case 'l':
          if (r && canLink) {
            e.preventDefault();
            openLink(sel.size ? [...sel] : [r.id]);
          }
          break;
        case '/':
          e.preventDefault();
          searchRef.current?.focus();
          break;
        case 'Escape':
          setEditing(null);
          break;
        default:
          if (/^[1-5]$/.test(e.key) && r && triage) void setStatus(sel.size ? [...sel] : [r.id], TRIAGE_STATUSES[Number(e.key) - 1]!);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const selected = [...sel];
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={t(track)} />
      <form class="filters" role="search" onSubmit={(e) => { e.preventDefault(); setQ(searchRef.current?.value ?? ''); }}>
        <label class="grow">
          <span class="sr">{t('search')}</span>
          <input ref={searchRef} type="search" name="q" placeholder={t('searchPlaceholder')} defaultValue={q} />
        </label>
        <label>
          <span class="sr">{t('kind')}</span>
          <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            <option value="">{t('kind')}: —</option>
            {KINDS.map((k) => <option value={k}>{tMap('kinds', k)}</option>)}
          </select>
        </label>
        {triage?.inboxPath ? (
          <label>
            <span class="sr">{t('status')}</span>
            <select value={status} onChange={(e) => setStatusFilter((e.target as HTMLSelectElement).value)}>
              <option value="">{t('status')}: —</option>
              {TRIAGE_STATUSES.map((s) => <option value={s}>{tMap('statuses', s)}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit">{t('search')}</button>
      </form>
      <p class="muted small" id="keys-help">{t('keyboardHelp')}</p>
      {selected.length > 0 && writable ? (
        <div class="bulk" role="region" aria-label={t('selected', { n: selected.length })}>
          <strong>{t('selected', { n: selected.length })}</strong>
          <button type="button" onClick={() => void moveTrack(selected, track === 'strategic' ? 'tactical' : 'strategic')}>
            {t('bulkTrack')}: {t(track === 'strategic' ? 'tactical' : 'strategic')}
          </button>
          <label>
            <span class="sr">{t('bulkKind')}</span>
            <select onChange={async (e) => {
              const k = (e.target as HTMLSelectElement).value;
              if (!k) return;
              for (const id of selected) { const r = items.find((x) => x.id === id); if (r) await override(r, { kind: k }); }
              toast(`${t('kind')}: ${tMap('kinds', k)}`);
            }}>
              <option value="">{t('bulkKind')}…</option>
              {KINDS.map((k) => <option value={k}>{tMap('kinds', k)}</option>)}
            </select>
          </label>
          {triage ? (
            <label>
              <span class="sr">{t('bulkStatus')}</span>
              <select onChange={(e) => { const v = (e.target as HTMLSelectElement).value; if (v) void setStatus(selected, v); }}>
                <option value="">{t('bulkStatus')}…</option>
                {TRIAGE_STATUSES.map((s) => <option value={s}>{tMap('statuses', s)}</option>)}
              </select>
            </label>
          ) : null}
          {canLink ? <button type="button" onClick={() => openLink(selected)}>{t('linkInitiative')}</button> : null}
          {hasStories ? <button type="button" onClick={() => void createStory(selected)}>{t('createStory')}</button> : null}
          <button type="button" class="link" onClick={() => setSel(new Set())}>{t('cancel')}</button>
        </div>
      ) : null}
      <ErrorText error={error} />
      <ul class="inbox" ref={listRef} aria-describedby="keys-help" aria-label={t(track)}>
        {items.map((r, i) => (
          <li
            key={r.id}
            tabIndex={i === cur ? 0 : -1}
            class={`row${i === cur ? ' current' : ''}${sel.has(r.id) ? ' selected' : ''}`}
            aria-current={i === cur ? 'true' : undefined}
            data-id={r.id}
            onFocus={() => setCur(i)}
            onClick={() => setCur(i)}
          >
            <div class="row-main">
              <input type="checkbox" aria-label={t('selectRow')} checked={sel.has(r.id)} tabIndex={-1}
                onChange={() => setSel((s) => { const n = new Set(s); n.has(r.id) ? n.delete(r.id) : n.add(r.id); return n; })} />
              {r.score !== undefined ? <span class={`score ${scoreTone(r)}`} title={t('score')}>{r.score}</span> : <span class="score">·</span>}
              <div class="row-body">
                <ResponseText r={r} />
                <div class="chips">
                  {r.tags ? <Chip tone="kind">{tMap('kinds', r.tags.kind)}</Chip> : null}
                  {r.tags?.themes.map((th) => <Chip>{th}</Chip>)}
                  {r.tags ? <Chip tone={r.tags.sentiment.label}>{r.tags.sentiment.label}</Chip> : null}
                  {r.tagOverride ? <Chip tone="edited">{t('overridden')}</Chip> : null}
                  {r.triage?.status ? <Chip tone="status">{tMap('statuses', r.triage.status)}</Chip> : null}
                  {linkedTo.get(r.id)?.map((ini) => (
                    <Chip tone="initiative"><span aria-hidden="true">→ </span><span class="sr">{t('linkedInitiative')} </span>{ini.title}</Chip>
                  ))}
                </div>
                <p class="meta muted small">
                  {fmtDate(r.receivedAt)} · {r.surveyId} · <span class="url">{path(r.context.url)}</span>
                  {r.context.element ? <> · {r.context.element}</> : null}
                </p>
              </div>
            </div>
            {i === cur || editing === r.id ? (
              <div class="row-actions">
                {writable ? <button type="button" onClick={() => setEditing(editing === r.id ? null : r.id)} aria-expanded={editing === r.id}>{t('editTags')}</button> : null}
                {triage ? (
                  <>
                    <label>
                      <span class="sr">{t('status')}</span>
                      <select id={`status-${r.id}`} value={r.triage?.status ?? 'new'} onChange={(e) => void setStatus([r.id], (e.target as HTMLSelectElement).value)}>
                        {TRIAGE_STATUSES.map((s, n) => <option value={s}>{n + 1}. {tMap('statuses', s)}</option>)}
                      </select>
                    </label>
                    <label>
                      <span class="sr">{t('assignee')}</span>
                      <input id={`assignee-${r.id}`} placeholder={t('assignee')} defaultValue={r.triage?.assignee ?? ''} size={12}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') {
                            const v = (e.target as HTMLInputElement).value.trim();
                            void triage.assign([r.id], v).then(() => { toast(`${t('assignee')}: ${v}`); setItems((l) => l.map((x) => (x.id === r.id ? { ...x, triage: { ...x.triage, assignee: v } } : x))); focusRow(i); }, (err: Error) => toast(err.message));
                          }
                        }} />
                    </label>
                  </>
                ) : null}
                {canLink ? <button type="button" aria-haspopup="dialog" aria-keyshortcuts="l" onClick={() => openLink([r.id])}>{t('linkInitiative')}</button> : null}
                {hasStories && writable ? <button type="button" onClick={() => void createStory([r.id])}>{t('createStory')}</button> : null}
              </div>
            ) : null}
            {editing === r.id ? (
              <TagEditor r={r} onSave={async (change) => {
                try {
                  const u = await override(r, change);
                  setEditing(null);
                  toast(t('saved'));
                  if (u.tags?.track && u.tags.track !== track) setItems((l) => l.filter((x) => x.id !== r.id));
                  focusRow(i);
                } catch (e) {
                  toast((e as Error).message);
                }
              }} onCancel={() => { setEditing(null); focusRow(i); }} />
            ) : null}
          </li>
        ))}
      </ul>
      {loading ? <Loading /> : items.length === 0 ? <p class="muted">{t('empty')}</p> : null}
      {cursor && !loading ? <button type="button" onClick={() => void load(true)}>{t('more')}</button> : null}
      {linking ? (
        <LinkInitiativeDialog site={site} ids={linking} initiatives={initiatives}
          onLinked={(ini, created) => {
            setInitiatives((l) => (created ? [...l, ini] : l.map((x) => (x.id === ini.id ? ini : x))));
            if (linking.length > 1) setSel(new Set());
            toast(t('linkedTo', { title: ini.title }));
            setLinking(null);
            focusRow(curRef.current);
          }}
          onClose={() => { setLinking(null); focusRow(curRef.current); }} />
      ) : null}
    </section>
  );
}

function TagEditor({ r, onSave, onCancel }: { r: Resp; onSave: (c: Record<string, unknown>) => void; onCancel: () => void }) {
  return (
    <form class="tag-editor" aria-label={t('editTags')} onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.target as HTMLFormElement);
      onSave({ kind: f.get('kind'), track: f.get('track'), themes: commas(String(f.get('themes') ?? '')) });
    }}>
      <label><span>{t('kind')}</span>
        <select id={`edit-kind-${r.id}`} name="kind" defaultValue={r.tags?.kind}>
          {KINDS.map((k) => <option value={k} selected={r.tags?.kind === k}>{tMap('kinds', k)}</option>)}
        </select>
      </label>
      <label><span>{t('track')}</span>
        <select name="track">
          {['strategic', 'tactical'].map((k) => <option value={k} selected={r.tags?.track === k}>{t(k as 'strategic')}</option>)}
        </select>
      </label>
      <label class="grow"><span>{t('themesLabel')}</span>
        <input name="themes" defaultValue={r.tags?.themes.join(', ')} />
      </label>
      <button type="submit" class="primary">{t('save')}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </form>
  );
}
