// Optional add-on: ask an OpenAI-compatible chat-completions endpoint (env
// HARK_TAGGER_LLM_URL, optional HARK_TAGGER_LLM_KEY / HARK_TAGGER_LLM_MODEL) for kind,
// track and sentiment, and fall back to the local tagger on any error, timeout or invalid
// answer. The local tagger stays the default and still supplies language, themes, PII and
// the NPS category, which need no model.
import { KINDS, SENTIMENTS, TRACKS, type Tags } from '@hark/shared';
import { detectPii } from './pii.ts';
import { tagResponse, type TagInput, type TagOptions } from './tagger.ts';

export interface LlmOptions extends TagOptions {
  url?: string | undefined;
  apiKey?: string | undefined;
  model?: string | undefined;
  timeoutMs?: number | undefined;
  fetchImpl?: typeof fetch | undefined;
}

const PROMPT = `You label in-product feedback. Answer with JSON only:
{"kind": one of ${KINDS.join('|')}, "track": "strategic"|"tactical", "trackReason": short reason, "sentiment": "positive"|"neutral"|"negative"}.
kind = the single most actionable thing; churn_risk beats pricing when the visitor is leaving; praise only if nothing is actionable; empty or gibberish = other.
track: tactical for bug, usability, performance, question and feature requests improving an existing page/element; strategic for pricing, churn_risk, praise, other and feature requests for a new area (app, API, integration, AI, new market).
A low NPS (0-6) with a flat comment is negative.`;

export async function tagResponseWithLlm(input: TagInput, options: LlmOptions = {}): Promise<Tags> {
  const local = tagResponse(input, options);
  const url = options.url ?? process.env.HARK_TAGGER_LLM_URL;
  if (!url || !input.comment?.trim()) return local;
  const f = options.fetchImpl ?? fetch;
  try {
    const res = await f(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...((options.apiKey ?? process.env.HARK_TAGGER_LLM_KEY) ? { authorization: `Bearer ${options.apiKey ?? process.env.HARK_TAGGER_LLM_KEY}` } : {}),
      },
      body: JSON.stringify({
        model: options.model ?? process.env.HARK_TAGGER_LLM_MODEL ?? 'default',
        temperature: 0,
        messages: [
          { role: 'system', content: PROMPT },
          // Only the masked comment leaves the server.
          { role: 'user', content: JSON.stringify({ type: input.type, score: input.score, comment: detectPii(input.comment).masked, context: input.context }) },
        ],
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (!res.ok) return local;
    const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
    const text = body.choices?.[0]?.message?.content ?? '';
    const m = text.match(/\{[\s\S]*\}/);
    if (!m) return local;
    const j = JSON.parse(m[0]) as Record<string, unknown>;
    const kind = KINDS.find((k) => k === j.kind);
    const track = TRACKS.find((t) => t === j.track);
    const label = SENTIMENTS.find((s) => s === j.sentiment);
    if (!kind || !track || !label) return local;
    const score = label === local.sentiment.label ? local.sentiment.score : label === 'positive' ? 0.6 : label === 'negative' ? -0.6 : 0;
    return {
      ...local,
      kind,
      kinds: [kind, ...local.kinds.filter((k) => k !== kind)],
      track,
      trackReason: typeof j.trackReason === 'string' && j.trackReason.trim() ? j.trackReason.slice(0, 200) : local.trackReason,
      sentiment: { label, score },
    };
  } catch {
    return local;
  }
}
