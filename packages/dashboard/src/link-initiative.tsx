// "Link to initiative" from the inboxes: a modal <dialog> with a filter combobox over the site's
// initiatives (listbox grouped by horizon, aria-activedescendant) and an inline "new initiative" form.
// Titles are user-provided: rendered as JSX text only.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.ts';
import { t } from './i18n.ts';

export const HORIZONS = ['now', 'next', 'later'] as const;
export type Horizon = (typeof HORIZONS)[number];

export interface Initiative {
  id: string;
  siteKey: string;
  title: string;
  horizon: Horizon;
  status: string;
  links: { responses: string[]; themes: string[] };
}

export const INITIATIVES = '/v1/admin/initiatives';
export const LINKS = '/v1/admin/initiatives/{id}/links';

export async function listInitiatives(site: string): Promise<Initiative[]> {
  return (await api<{ items: Initiative[] }>(`${INITIATIVES}?site=${encodeURIComponent(site)}`)).items;
}

/** POST /v1/admin/initiatives/:id/links {responses}; answers the updated initiative. */
export function linkResponses(id: string, responses: string[]): Promise<Initiative> {
  return api<Initiative>(`${INITIATIVES}/${encodeURIComponent(id)}/links`, { method: 'POST', body: { responses } });
}

export function createInitiative(site: string, title: string, horizon: Horizon): Promise<Initiative> {
  return api<Initiative>(INITIATIVES, { method: 'POST', body: { siteKey: site, title, horizon, goalMetric: { name: 'NPS' } } });
}

/** Case- and accent-insensitive match. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function LinkInitiativeDialog({ site, ids, initiatives, onLinked, onClose }: {
  site: string;
  ids: string[];
  initiatives: Initiative[];
  onLinked: (i: Initiative, created: boolean) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    filterRef.current?.focus();
  }, []);

  const f = fold(filter.trim());
  // Display order = keyboard order: by horizon, then as listed.
  const shown = HORIZONS.flatMap((h) => initiatives.filter((i) => i.horizon === h && (!f || fold(i.title).includes(f))));
  const at = Math.min(active, Math.max(0, shown.length - 1));

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const link = (i: Initiative) => run(async () => onLinked(await linkResponses(i.id, ids), false));
  const create = (e: Event) => {
    e.preventDefault();
    const fd = new FormData(e.target as HTMLFormElement);
    const title = String(fd.get('title') ?? '').trim();
    if (!title) return;
    void run(async () => {
      const made = await createInitiative(site, title, String(fd.get('horizon')) as Horizon);
      onLinked(await linkResponses(made.id, ids), true);
    });
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (shown.length) setActive((at + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const i = shown[at];
      if (i && !busy) void link(i);
      else if (!i && titleRef.current) {
        // Nothing matches: carry the text over to the "new initiative" form.
        titleRef.current.value = filter.trim();
        titleRef.current.focus();
      }
    }
  };

  useEffect(() => {
    document.getElementById(`ini-opt-${at}`)?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  return (
    <dialog ref={ref} class="link-dialog" aria-labelledby="link-title" onClose={onClose}>
      <h2 id="link-title">{t('linkInitiativeFor', { n: ids.length })}</h2>
      <label class="field">
        <span>{t('filterInitiatives')}</span>
        <input
          ref={filterRef}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={shown.length > 0}
          aria-controls={shown.length ? 'ini-list' : undefined}
          aria-activedescendant={shown.length ? `ini-opt-${at}` : undefined}
          value={filter}
          onInput={(e) => { setFilter((e.target as HTMLInputElement).value); setActive(0); }}
          onKeyDown={onKey}
        />
      </label>
      {shown.length ? (
        <div id="ini-list" role="listbox" aria-label={t('initiatives')} class="ini-list">
          {HORIZONS.map((h) => {
            const group = shown.filter((i) => i.horizon === h);
            if (!group.length) return null;
            return (
              <div role="group" aria-labelledby={`ini-h-${h}`} class="ini-group">
                <div id={`ini-h-${h}`} class="ini-horizon">{t(h)}</div>
                {group.map((i) => {
                  const n = shown.indexOf(i);
                  return (
                    <div id={`ini-opt-${n}`} role="option" aria-selected={n === at} class={n === at ? 'active' : undefined}
                      onMouseDown={(e) => e.preventDefault()} onClick={() => { setActive(n); if (!busy) void link(i); }}>
                      {i.title}
                      <span class="muted small"> · {i.links.responses.length}</span>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      ) : (
        <p class="muted small" role="status">{t('noInitiative')}</p>
      )}
      <form class="inline-form" onSubmit={create} aria-labelledby="new-ini-title">
        <h3 id="new-ini-title" class="full">{t('orNewInitiative')}</h3>
        <label class="grow"><span>{t('title')}</span><input ref={titleRef} name="title" required maxLength={200} /></label>
        <label><span>{t('horizon')}</span>
          <select name="horizon">{HORIZONS.map((h) => <option value={h}>{t(h)}</option>)}</select>
        </label>
        <button type="submit" class="primary" disabled={busy}>{t('createAndLink')}</button>
      </form>
      {error ? <p class="error" role="alert">{t('error')}: {error}</p> : null}
      <div class="actions end">
        <button type="button" onClick={() => ref.current?.close()}>{t('cancel')}</button>
      </div>
    </dialog>
  );
}
