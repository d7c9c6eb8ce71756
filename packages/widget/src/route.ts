// SPAs change the URL through the history API, which fires no event; we wrap
// pushState/replaceState (and restore the originals on destroy) to notice route changes.
export function watchRoutes(onChange: () => void): () => void {
  const h = history;
  let live = 1;
  const notify = () => live && onChange();
  const unwrap = (['pushState', 'replaceState'] as const).map((name) => {
    const orig = h[name];
    const mine = function (this: History, ...args: Parameters<History['pushState']>) {
      setTimeout(notify);
      return orig.apply(this, args);
    };
    h[name] = mine;
    // If the host wrapped on top of us, leave the chain alone (the dead flag silences us).
    return () => h[name] === mine && (h[name] = orig);
  });
  addEventListener('popstate', notify);
  addEventListener('hashchange', notify);
  return () => {
    live = 0;
    unwrap.forEach((f) => f());
    removeEventListener('popstate', notify);
    removeEventListener('hashchange', notify);
  };
}
