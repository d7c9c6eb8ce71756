// A horizontal bar chart as a standalone, accessible SVG (title + desc + text labels), no dependency.
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export function barChart({ title, unit, bars }) {
  const rowH = 28;
  const labelW = 330;
  const plotW = 380;
  const width = labelW + plotW + 120;
  const height = 50 + bars.length * rowH + 10;
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const rows = bars
    .map((b, i) => {
      const y = 45 + i * rowH;
      const w = Math.max(1, (b.value / max) * plotW);
      const fill = b.highlight ? '#4f46e5' : '#94a3b8';
      return (
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(b.label)}</text>` +
        `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 10}" fill="${fill}"/>` +
        `<text x="${labelW + w + 6}" y="${y + 17}">${esc(b.display ?? `${b.value} ${unit}`)}</text>`
      );
    })
    .join('');
  const desc = bars.map((b) => `${b.label}: ${b.display ?? `${b.value} ${unit}`}`).join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" font-size="13" fill="#111827">` +
    `<title id="t">${esc(title)}</title><desc id="d">${esc(desc)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="12" y="24" font-size="15" font-weight="600">${esc(title)}</text>${rows}</svg>\n`
  );
}
