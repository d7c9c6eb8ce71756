// SPAs change the URL through the history API, which fires no event; we wrap
// pushState/replaceState (and restore the originals on destroy) to notice route changes.
export function watchRoutes(onChange: () => void): () => void {
  const h = history;
  let live = true;
  const notify = () => live && onChange();
  const wrap = (name: 'pushState' | 'replaceState') => {
    const orig = h[name];
    const mine = function (this: History, ...args: Parameters<History['pushState']>) {
      const r = orig.apply(this, args);
      setTimeout(notify, 0);
      return r;
    };
    h[name] = mine;
    // If the host wrapped on top of us, leave the chain alone (the dead flag silences us).
    return () => h[name] === mine && (h[name] = orig);
  };
  const unwrap = [wrap('pushState'), wrap('replaceState')];
  addEventListener('popstate', notify);
  addEventListener('hashchange', notify);
  return () => {
    live = false;
    unwrap.forEach((f) => f());
    removeEventListener('popstate', notify);
    removeEventListener('hashchange', notify);
  };
}
