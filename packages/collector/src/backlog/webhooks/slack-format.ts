// Slack-compatible messages ({text, blocks}) for each event, for incoming-webhook
// URLs (Slack, Mattermost, Rocket.Chat and others that read `text`).
import type { WebhookEvent } from '@hark/shared';

export interface Envelope {
  event: WebhookEvent;
  id: string;
  createdAt: string;
  site: string;
  data: Record<string, unknown>;
}

export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

/** Slack mrkdwn: &, < and > must be escaped; a customer's comment must not ping @channel. */
export function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const short = (s: unknown, n = 300) => {
  const t = typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '';
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

function storyLine(story: Record<string, unknown>): string {
  const p = story.priority as { score?: number; level?: string } | undefined;
  const ev = story.evidence as { uniqueUsers?: number; responses?: number } | undefined;
  const bits = [p?.score !== undefined ? `priority ${p.score} (${p.level})` : '', ev ? `${ev.uniqueUsers} users, ${ev.responses} responses` : ''].filter(Boolean);
  return `*${slackEscape(short(story.title, 200))}*${bits.length ? ` — ${bits.join(', ')}` : ''}`;
}

export function slackMessage(e: Envelope): SlackMessage {
  const site = slackEscape(e.site);
  let text: string;
  const context: string[] = [`site ${site}`, e.event];
  switch (e.event) {
    case 'response.created': {
      const d = e.data;
      const score = typeof d.score === 'number' ? ` (score ${d.score})` : '';
      const comment = short(d.comment);
      text = `:speech_balloon: New ${slackEscape(String(d.type))} response on *${site}*${score}${comment ? `\n>${slackEscape(comment)}` : ''}`;
      const url = (d.context as { url?: string } | undefined)?.url;
      if (url) context.push(slackEscape(url));
      break;
    }
    case 'response.tagged': {
      const t = (e.data.tags ?? {}) as { kind?: string; sentiment?: { label?: string }; themes?: string[]; track?: string };
      text = `:label: Response tagged on *${site}*: ${slackEscape([t.kind, t.sentiment?.label, t.track].filter(Boolean).join(' · '))}${t.themes?.length ? ` — ${slackEscape(t.themes.join(', '))}` : ''}`;
      const comment = short(e.data.comment);
      if (comment) text += `\n>${slackEscape(comment)}`;
      break;
    }
    case 'story.ready':
      text = `:white_check_mark: Story ready on *${site}*: ${storyLine(e.data)}`;
      break;
    case 'story.done': {
      const story = (e.data.story ?? {}) as Record<string, unknown>;
      const n = Array.isArray(e.data.respondents) ? e.data.respondents.length : 0;
      text = `:tada: Delivered on *${site}*: ${storyLine(story)}\n${n} respondent${n === 1 ? '' : 's'} to tell`;
      break;
    }
  }
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: context.map((c) => ({ type: 'mrkdwn', text: c })) },
    ],
  };
}
