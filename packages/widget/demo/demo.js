var log = document.getElementById('log');
function line(s) { log.textContent = (s + '\n' + log.textContent).slice(0, 2000); }
['shown', 'answered', 'dismissed'].forEach(function (e) {
  Hark.on(e, function (d) { line(e + ' ' + d.surveyId + (d.trigger ? ' (' + d.trigger + ')' : '') + (d.response ? ' ' + JSON.stringify({ score: d.response.score, comment: d.response.comment }) : '')); });
});
document.getElementById('export').addEventListener('click', function () { Hark.track('export_clicked'); line('track export_clicked'); });
document.querySelectorAll('[data-show]').forEach(function (b) {
  b.addEventListener('click', function () { Hark.show(b.getAttribute('data-show')); });
});
document.getElementById('hide').addEventListener('click', function () { Hark.hide(); });
document.getElementById('reset').addEventListener('click', function () {
  Object.keys(localStorage).forEach(function (k) { if (k.indexOf('hark:') === 0) localStorage.removeItem(k); });
  Object.keys(sessionStorage).forEach(function (k) { if (k.indexOf('hark:') === 0) sessionStorage.removeItem(k); });
  line('storage cleared; reload the page');
});
