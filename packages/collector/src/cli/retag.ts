import { parseArgs } from 'node:util';
import { SiteKey } from '@hark/shared';
import type { Env } from '../config/env.ts';
import { DataDirLockedError } from '../store/data-dir-lock.ts';
import { UsageError } from './main.ts';
import { openServices } from './open-services.ts';

/**
 * Re-tags a site's responses. Directly on the store when this process may open it
 * (MongoDB, or the embedded store with the collector stopped); otherwise through
 * a running collector's API with --url and a token.
 */
export async function runRetag(argv: string[], env: Env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { site: { type: 'string' }, restart: { type: 'boolean', default: false }, url: { type: 'string' }, token: { type: 'string' } },
  });
  const site = SiteKey.safeParse(values.site);
  if (!site.success) throw new UsageError('--site KEY is required');
  if (values.url) return retagThroughApi(values.url, values.token ?? env.HARK_ADMIN_TOKEN, site.data, values.restart ?? false);

  let opened;
  try {
    opened = await openServices(env, 'hark retag');
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`hark retag: ${err.message}\nWhile the collector runs, ask it instead: hark retag --site ${site.data} --url http://HOST:PORT --token <admin or pm token>`);
      return 1;
    }
    throw err;
  }
  const { services, close } = opened;
  try {
    if (!(await services.sites.get(site.data))) {
      console.error(`hark retag: site "${site.data}" does not exist`);
      return 1;
    }
    const before = await services.tagging.retagStatus(site.data);
    if (before && before.status !== 'done' && !values.restart) console.log(`resuming an interrupted re-tag after ${before.processed} responses`);
    const done = await services.tagging.retagSite(site.data, {
      restart: values.restart,
      onProgress: (n) => process.stderr.write(`\r${n} responses re-tagged`),
    });
    process.stderr.write('\n');
    console.log(`re-tagged ${done.processed} responses of site "${site.data}"`);
    return 0;
  } finally {
    await close();
  }
}

async function retagThroughApi(url: string, token: string | undefined, siteKey: string, restart: boolean): Promise<number> {
  if (!token) throw new UsageError('--token (or HARK_ADMIN_TOKEN) is required with --url');
  const headers = { authorization: `Bearer ${token}` };
  const base = `${url.replace(/\/$/, '')}/v1/admin/sites/${siteKey}/retag`;
  const start = await fetch(`${base}${restart ? '?restart=true' : ''}`, { method: 'POST', headers });
  if (start.status !== 202) {
    console.error(`hark retag: the collector answered ${start.status}: ${await start.text()}`);
    return 1;
  }
  for (;;) {
    const s = (await (await fetch(base, { headers })).json()) as { status: string; processed: number; error?: string };
    process.stderr.write(`\r${s.processed} responses re-tagged`);
    if (s.status === 'done') {
      console.log(`\nre-tagged ${s.processed} responses of site "${siteKey}"`);
      return 0;
    }
    if (s.status === 'failed') {
      console.error(`\nhark retag: failed: ${s.error}`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
