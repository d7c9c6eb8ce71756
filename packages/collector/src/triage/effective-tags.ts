import type { TagOverride, Tags } from '@hark/shared';

/** Sentiment scores a person's label implies when they override the tagger's. */
const LABEL_SCORE = { positive: 0.6, neutral: 0, negative: -0.6 } as const;

/**
 * The tags everyone sees: the tagger's, with a person's override on top. Stored
 * as `tags` so every filter and pipeline reads one field; the tagger's own output
 * stays in `autoTags` and the override in `tagOverride`, so re-tagging can
 * recompute the first without losing the second.
 */
export function effectiveTags(auto: Tags, override: TagOverride | undefined): Tags {
  if (!override) return auto;
  const t: Tags = { ...auto, sentiment: { ...auto.sentiment }, kinds: [...auto.kinds], themes: [...auto.themes] };
  if (override.kind) {
    t.kind = override.kind;
    t.kinds = [override.kind, ...auto.kinds.filter((k) => k !== override.kind)];
  }
  if (override.track) {
    t.track = override.track;
    t.trackReason = `set by a person (tagger said ${auto.track})`;
  }
  if (override.themes) t.themes = [...override.themes];
  if (override.sentiment && override.sentiment !== auto.sentiment.label) {
    t.sentiment = { label: override.sentiment, score: LABEL_SCORE[override.sentiment] };
  }
  return t;
}
