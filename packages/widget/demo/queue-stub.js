// The queue stub: lets the page call Hark.* before /widget.js has loaded (it is async).
// Kept in a file, not inline, so the demo also runs under a strict CSP.
window.Hark = window.Hark || { q: [] };
['init', 'identify', 'track', 'show', 'hide', 'on', 'destroy'].forEach(function (m) {
  window.Hark[m] = window.Hark[m] || function () { window.Hark.q.push([m, [].slice.call(arguments)]); };
});
