// The local tagger: one response in, its Tags out. Pure, synchronous, offline; every
// component is a plain function in this folder so each can be tested and replaced alone.
import { npsCategory, type Tags } from '@hark/shared';
import { classifyKind } from './kind.ts';
import { analysisLang, detectLanguage } from './language.ts';
import { detectPii } from './pii.ts';
import { lexicalPolarity, scoreSentiment } from './sentiment.ts';
import { analyse } from './text.ts';
import { assignDiscoveredThemes, type DiscoveredTheme } from './theme-discovery.ts';
import { DEFAULT_TAXONOMY, matchThemes, type Taxonomy } from './themes.ts';
import { decideTrack } from './track.ts';

export interface TagInput {
  type: string;
  score?: number | null | undefined;
  comment?: string | null | undefined;
  locale?: string | undefined;
  context?: { url?: string | undefined; element?: string | undefined; feature?: string | undefined } | undefined;
}

export interface TagOptions {
  /** The site's taxonomy; DEFAULT_TAXONOMY when absent. */
  taxonomy?: Taxonomy | undefined;
  /** Themes discovered across the site's responses (theme-discovery.ts). */
  discovered?: readonly DiscoveredTheme[] | undefined;
}

export function tagResponse(input: TagInput, options: TagOptions = {}): Tags {
  const comment = typeof input.comment === 'string' ? input.comment : '';
  const score = typeof input.score === 'number' && Number.isFinite(input.score) ? input.score : undefined;
  const ctx = input.context ?? {};

  const { language } = detectLanguage(comment, input.locale);
  // PII is masked before any analysis so that numbers and addresses never become themes.
  const pii = detectPii(comment);
  const a = analyse(pii.masked, analysisLang(language));

  const polarity = lexicalPolarity(a);
  const k = classifyKind(a, { type: input.type, score, url: ctx.url, element: ctx.element, feature: ctx.feature, polarity });
  const sentiment = scoreSentiment(a.tokens.length ? a : null, { type: input.type, score, kind: k.kind });
  const { track, trackReason } = decideTrack(k.kind, a, { element: ctx.element, feature: ctx.feature });

  const themes = matchThemes(a, options.taxonomy ?? DEFAULT_TAXONOMY);
  if (options.discovered?.length) {
    for (const t of assignDiscoveredThemes(a, options.discovered)) if (!themes.includes(t)) themes.push(t);
  }

  const tags: Tags = { language, sentiment, kind: k.kind, kinds: k.kinds, track, trackReason, themes };
  if (input.type === 'nps' && score !== undefined && Number.isInteger(score) && score >= 0 && score <= 10) {
    tags.npsCategory = npsCategory(score);
  }
  if (pii.found.length) tags.pii = pii.found;
  return tags;
}
