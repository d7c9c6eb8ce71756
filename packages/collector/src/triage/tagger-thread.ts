// One tagger worker thread (see tagger-pool.ts): batches of responses in, their tags out.
import { parentPort } from 'node:worker_threads';
import type { Tags } from '@hark/shared';
import { tagResponse } from './tagger.ts';
import type { TaggerRequest, TaggerReply } from './tagger-pool.ts';
import type { DiscoveredTheme } from './theme-discovery.ts';
import type { Taxonomy } from './themes.ts';

const port = parentPort!;
// Taxonomies and discovered themes are sent once per worker and then named by id.
const taxonomies = new Map<number, Taxonomy>();
const discovered = new Map<number, readonly DiscoveredTheme[]>();
const remember = <V>(into: Map<number, V>, from: Record<number, V> | undefined) => {
  for (const [id, v] of Object.entries(from ?? {})) into.set(Number(id), v);
  while (into.size > 64) into.delete(into.keys().next().value!);
};

port.on('message', (msg: TaggerRequest) => {
  remember(taxonomies, msg.taxonomies);
  remember(discovered, msg.discovered);
  const results: TaggerReply['results'] = msg.jobs.map((job) => {
    try {
      const tags: Tags = tagResponse(job.input, {
        taxonomy: job.taxonomy === undefined ? undefined : taxonomies.get(job.taxonomy),
        discovered: job.discovered === undefined ? undefined : discovered.get(job.discovered),
      });
      return { id: job.id, tags };
    } catch (err) {
      return { id: job.id, error: err instanceof Error ? err.message : String(err) };
    }
  });
  port.postMessage({ results } satisfies TaggerReply);
});
port.postMessage({ ready: true });
