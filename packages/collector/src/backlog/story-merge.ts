// Merging duplicate stories (pure): the target keeps its wording; responses,
// labels and distinct acceptance criteria of the duplicates are added to it.
// Evidence and priority are then recomputed from the union of responses.
import type { AcceptanceCriterion, Story } from '@hark/shared';

export interface MergedContent {
  responseIds: string[];
  labels: string[];
  acceptanceCriteria: AcceptanceCriterion[];
  mergedFrom: string[];
}

const key = (c: AcceptanceCriterion) => `${c.given}\u0000${c.when}\u0000${c.then}`.toLowerCase().replace(/\s+/g, ' ');

export function mergeStories(target: Story, duplicates: Story[]): MergedContent {
  const responseIds = [...new Set([target.responseIds, ...duplicates.map((d) => d.responseIds)].flat())];
  const labels = [...new Set([target.labels, ...duplicates.map((d) => d.labels)].flat())];
  const seen = new Set(target.acceptanceCriteria.map(key));
  const acceptanceCriteria = [...target.acceptanceCriteria];
  for (const d of duplicates) {
    for (const c of d.acceptanceCriteria) {
      if (seen.has(key(c))) continue;
      seen.add(key(c));
      acceptanceCriteria.push(c);
    }
  }
  const mergedFrom = [...new Set([...(target.mergedFrom ?? []), ...duplicates.flatMap((d) => [d.id, ...(d.mergedFrom ?? [])])])];
  return { responseIds, labels, acceptanceCriteria: acceptanceCriteria.slice(0, 50), mergedFrom };
}

/** draft → ready → exported → done; any state (but merged) may go back to draft. */
const NEXT: Record<Story['status'], Story['status'][]> = {
  draft: ['ready'],
  ready: ['exported', 'draft'],
  exported: ['done', 'draft'],
  done: ['draft'],
  merged: [],
};

export function canTransition(from: Story['status'], to: Story['status']): boolean {
  return from === to ? from !== 'merged' : NEXT[from].includes(to);
}

export const allowedNext = (from: Story['status']) => NEXT[from];
