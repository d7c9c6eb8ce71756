// A tiny client-side router plus the widget from npm. The widget notices route changes
// itself (history API + popstate), so exit-intent surveys targeted at /checkout fire
// when the visitor navigates away from it inside the app.
import { init, identify, track, on } from '@hark/widget';

init({ site: 'demo', collector: import.meta.env.VITE_HARK_URL ?? 'http://127.0.0.1:4600' });
identify('user-42', { plan: 'pro', seats: 12 });
on('answered', (d) => console.log('answered', d.surveyId, d.response));

const views = {
  '/': () => `<h1>Dashboard</h1><p>Revenue is up.</p><button data-hark-feature="Export" id="export">Export</button>`,
  '/checkout': () => `<h1>Checkout</h1><button id="pay">Pay</button>`,
  '/settings': () => `<h1>Settings</h1><p>Nothing to see.</p>`,
};

function render() {
  const view = views[location.pathname] ?? views['/'];
  document.getElementById('view').innerHTML = view();
  document.getElementById('export')?.addEventListener('click', () => track('export_clicked'));
  document.getElementById('pay')?.addEventListener('click', () => track('checkout_done', { amount: 49 }));
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-link]');
  if (!a) return;
  e.preventDefault();
  history.pushState({}, '', a.getAttribute('href'));
  render();
});
addEventListener('popstate', render);
render();
