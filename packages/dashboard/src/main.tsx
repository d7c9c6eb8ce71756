import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { setSignedOutHandler, signOut, whoAmI } from './api.ts';
import { lang, setLang, t, type Lang } from './i18n.ts';
import { useSignal } from './signal.ts';
import { loadSites, me, setSite, siteKey, sites } from './state.ts';
import { Toast } from './ui.tsx';
import { SignIn } from './pages/signin.tsx';
import { Overview } from './pages/overview.tsx';
import { Inbox } from './pages/inbox.tsx';
import { Themes } from './pages/themes.tsx';
import { Roadmap } from './pages/roadmap.tsx';
import { Backlog } from './pages/backlog.tsx';
import { Settings } from './pages/settings.tsx';
import './style.css';

const PAGES = [
  { path: 'overview', label: 'overview' },
  { path: 'inbox/strategic', label: 'strategic' },
  { path: 'inbox/tactical', label: 'tactical' },
  { path: 'themes', label: 'themes' },
  { path: 'roadmap', label: 'roadmap' },
  { path: 'backlog', label: 'backlog' },
  { path: 'settings', label: 'settings' },
] as const;

function currentRoute(): string[] {
  return (location.hash.replace(/^#\/?/, '') || 'overview').split('/').map(decodeURIComponent);
}

function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const on = () => {
      setRoute(currentRoute());
      // Move focus to the new page's heading so screen readers announce it.
      requestAnimationFrame(() => document.getElementById('page-title')?.focus());
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

function App() {
  const who = useSignal(me);
  const l = useSignal(lang);
  const site = useSignal(siteKey);
  const siteList = useSignal(sites);
  const route = useRoute();
  const [menu, setMenu] = useState(false);

  useEffect(() => {
    document.documentElement.lang = l;
  }, [l]);
  useEffect(() => {
    setSignedOutHandler(() => me.set(null));
    void whoAmI().then((m) => me.set(m));
  }, []);
  useEffect(() => {
    if (who) void loadSites().catch(() => {});
  }, [who]);

  const langToggle = (
    <div class="lang" role="group" aria-label={t('language')}>
      {(['en', 'fr'] as Lang[]).map((x) => (
        <button type="button" class="link" aria-pressed={l === x} onClick={() => setLang(x)} lang={x}>
          {x === 'en' ? 'EN' : 'FR'}
        </button>
      ))}
    </div>
  );

  if (who === undefined) return <main class="center"><p role="status">{t('loading')}</p></main>;
  if (!who) return <SignIn langToggle={langToggle} onSignedIn={(m) => me.set(m)} />;

  const [page, sub] = route;
  const active = page === 'inbox' ? `inbox/${sub}` : page;
  let body;
  switch (page) {
    case 'inbox':
      body = <Inbox key={`${sub}-${site}`} track={sub === 'tactical' ? 'tactical' : 'strategic'} site={site} />;
      break;
    case 'themes':
      body = <Themes key={site} site={site} theme={sub} />;
      break;
    case 'roadmap':
      body = <Roadmap key={site} site={site} />;
      break;
    case 'backlog':
      body = <Backlog key={site} site={site} storyId={sub} />;
      break;
    case 'settings':
      body = <Settings key={site} site={site} tab={sub ?? 'sites'} />;
      break;
    default:
      body = <Overview key={site} site={site} />;
  }

  return (
    <div class="shell">
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('page-title')?.focus(); }}>{t('skip')}</a>
      <header class="top">
        <button type="button" class="menu-btn" aria-expanded={menu} aria-controls="nav" onClick={() => setMenu(!menu)}>
          <span aria-hidden="true">☰</span><span class="sr">Menu</span>
        </button>
        <strong class="brand">Hark</strong>
        <label class="site-pick">
          <span class="sr">{t('site')}</span>
          <select value={site} onChange={(e) => setSite((e.target as HTMLSelectElement).value)}>
            {siteList.map((s) => <option value={s.key}>{s.name} ({s.key})</option>)}
          </select>
        </label>
        <span class="spacer" />
        {langToggle}
        <span class="who" title={who.role}>{who.account?.email ?? who.name} · {who.role}</span>
        <button type="button" class="link" onClick={() => void signOut().then(() => me.set(null))}>{t('signOut')}</button>
      </header>
      <nav id="nav" class={menu ? 'open' : ''} aria-label="Hark">
        <ul>
          {PAGES.map((p) => (
            <li>
              <a href={`#/${p.path}`} aria-current={active === p.path ? 'page' : undefined} onClick={() => setMenu(false)}>{t(p.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{site ? body : <p role="status">{t('loading')}</p>}</main>
      <Toast />
    </div>
  );
}

// index.html shows a loading line until the script runs; Preact appends to a container rather than
// replacing what is in it, so the placeholder is cleared first.
const root = document.getElementById('app')!;
root.replaceChildren();
render(<App />, root);
