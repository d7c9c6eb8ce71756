import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Env } from '../config/env.ts';
import { ExportQuery, LIST_SORT, filterFromQuery } from '../responses/list-query.ts';
import { exportChunks } from '../responses/export.ts';
import { UsageError } from './main.ts';
import { openServices } from './open-services.ts';

export async function runExport(argv: string[], env: Env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      site: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const q = ExportQuery.safeParse({ site: values.site, format: values.format, from: values.from, to: values.to });
  if (!q.success) throw new UsageError(q.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  if (!q.data.site) throw new UsageError('--site KEY is required');
  const { services, close } = await openServices(env, 'hark export');
  try {
    const docs = services.responses.collection.stream(filterFromQuery(q.data), { sort: LIST_SORT });
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    await pipeline(Readable.from(exportChunks(docs, q.data.format)), out, { end: Boolean(values.out) });
  } finally {
    await close();
  }
  return 0;
}
