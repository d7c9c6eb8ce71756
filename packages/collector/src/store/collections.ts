import type { ThemeDef } from '@hark/shared';
import type { CollectionSpec, Doc } from './port.ts';

// Every collection Hark stores, with its natural key (which becomes the primary
// key) and the indexes production needs. Services import specs from here only.

export interface SiteDoc extends Doc {
  key: string;
}
export interface SurveyDoc extends Doc {
  id: string;
  siteKey: string;
}
export interface ResponseDoc extends Doc {
  id: string;
  siteKey: string;
  receivedAt: Date;
}
export interface TokenDoc extends Doc {
  hash: string;
}
export interface CounterDoc extends Doc {
  key: string;
  count: number;
  expiresAt: Date;
}

export const sitesSpec: CollectionSpec<SiteDoc> = {
  name: 'sites',
  key: (d) => d.key,
  indexes: [{ fields: { key: 1 }, unique: true }],
};

export const surveysSpec: CollectionSpec<SurveyDoc> = {
  name: 'surveys',
  key: (d) => d.id,
  indexes: [{ fields: { id: 1 }, unique: true }, { fields: { siteKey: 1, status: 1 } }],
};

export function responsesSpec(retentionDays?: number): CollectionSpec<ResponseDoc> {
  return {
    name: 'responses',
    key: (d) => `${d.siteKey}:${d.id}`,
    indexes: [
      { fields: { siteKey: 1, id: 1 }, unique: true, name: 'idempotency' },
      { fields: { siteKey: 1, receivedAt: -1, id: -1 }, name: 'site_recent' },
      { fields: { siteKey: 1, surveyId: 1, receivedAt: -1 } },
      { fields: { siteKey: 1, type: 1, receivedAt: -1 } },
      { fields: { siteKey: 1, 'tags.track': 1, receivedAt: -1 } },
      { fields: { siteKey: 1, 'tags.kind': 1 } },
      { fields: { siteKey: 1, 'tags.themes': 1 } },
      { fields: { siteKey: 1, 'tags.sentiment.label': 1 } },
      { fields: { 'tagging.status': 1 } },
      { fields: { 'user.id': 1 } },
      ...(retentionDays
        ? [{ fields: { receivedAt: 1 as const }, expireAfterSeconds: retentionDays * 86_400, name: 'retention' }]
        : []),
    ],
  };
}

export const tokensSpec: CollectionSpec<TokenDoc> = {
  name: 'tokens',
  key: (d) => d.hash,
  indexes: [{ fields: { id: 1 }, unique: true }],
};

export const countersSpec: CollectionSpec<CounterDoc> = {
  name: 'counters',
  key: (d) => d.key,
  indexes: [{ fields: { expiresAt: 1 }, expireAfterSeconds: 0 }],
};

/** A site's own theme taxonomy (without one, the built-in taxonomy applies). */
export interface TaxonomyDoc extends Doc {
  siteKey: string;
  themes: ThemeDef[];
  updatedAt: string;
}

/** Progress of a site's re-tag, so an interrupted run resumes where it stopped. */
export interface RetagCheckpoint extends Doc {
  key: string;
  siteKey: string;
  status: 'running' | 'done' | 'failed';
  processed: number;
  lastReceivedAt?: Date;
  lastId?: string;
  startedAt: string;
  updatedAt: string;
  error?: string;
}

export const taxonomiesSpec: CollectionSpec<TaxonomyDoc> = {
  name: 'taxonomies',
  key: (d) => d.siteKey,
};

export const jobsSpec: CollectionSpec<RetagCheckpoint> = {
  name: 'jobs',
  key: (d) => d.key,
};

export interface TagOverrideRecordDoc extends Doc {
  id: string;
  responseId: string;
  siteKey: string;
}

/** Every human correction of the tagger, who and when, before and after: future training data. */
export const tagOverridesSpec: CollectionSpec<TagOverrideRecordDoc> = {
  name: 'tag_overrides',
  key: (d) => d.id,
  indexes: [{ fields: { siteKey: 1, responseId: 1 } }],
};
