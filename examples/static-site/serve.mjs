// Serves these pages on http://localhost:4700 and points their tag at the collector
// (HARK_URL, default http://127.0.0.1:4600, i.e. `npm start` at the repo root).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./public', import.meta.url));
const collector = (process.env.HARK_URL ?? 'http://127.0.0.1:4600').replace(/\/$/, '');
const port = Number(process.env.PORT ?? 4700);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

createServer(async (req, res) => {
  const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
  try {
    let body = await readFile(file, 'utf8');
    if (file.endsWith('.html')) body = body.replaceAll('__HARK_URL__', collector);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, () => console.log(`static example on http://localhost:${port}/ (collector ${collector})`));
