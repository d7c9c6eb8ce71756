// OpenAPI paths of the backlog routes (merged into /v1/openapi.json).
import { ListStoriesQuery, StoriesExportQuery, StoryExportQuery } from '@hark/shared';
import { type Json, adminErrors, bearer, error, json, jsonBody, pathParam, queryParams, ref } from '../openapi/fragments.ts';

const errs = adminErrors;
const sec = bearer;
const idParam = pathParam('id');
const siteKey = pathParam('siteKey');
const list = (name: string, cursor = false) =>
  json({ type: 'object', properties: { items: { type: 'array', items: ref(name) }, ...(cursor ? { nextCursor: { type: ['string', 'null'] } } : {}) } });

const exportAnswers = {
  '200': {
    description:
      '`jira`: text/csv (Summary, Description, Issue Type, Priority, Labels…); `linear`: text/csv (Title, Description, Priority, Status, Labels); ' +
      '`github`: JSON `{issues: [{storyId, title, labels, body, bodyFile}], script}`; `gh-script`: the shell script alone; `json`: `{items: Story[]}`',
    content: { 'text/csv': { schema: { type: 'string' } }, 'text/x-shellscript': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } },
  },
  ...errs,
};

export const paths: Record<string, unknown> = {
  '/v1/admin/stories': {
    post: {
      summary: 'Draft a user story from responses or a theme (po, admin)',
      description:
        'The draft has a title, "As a … I want … so that …" (persona from traits role/plan/segment, else a default), Given/When/Then acceptance criteria derived from the evidence (page, element, devices, reported and expected behaviour), labels, evidence (responses, quotes, unique users, accounts, NPS categories) and a priority score with its terms and a confidence. French evidence gives a French story unless `language` says otherwise. 422 when a response id is unknown for the site or no response has the theme.',
      security: sec,
      requestBody: jsonBody('StoryCreate'),
      responses: { '201': json(ref('Story'), 'Drafted'), '422': error('Unknown responses or theme without responses'), ...errs },
    },
    get: { summary: 'List stories, newest first (`escalated=true`: the PO\'s field signals for the PM)', security: sec, parameters: queryParams(ListStoriesQuery), responses: { '200': list('Story', true), ...errs } },
  },
  '/v1/admin/stories/export': {
    get: { summary: 'Export a site\'s stories (all but merged, or one status) as Jira CSV, Linear CSV, GitHub issues or JSON; `mark=true` (po, admin) moves ready ones to exported', security: sec, parameters: queryParams(StoriesExportQuery), responses: exportAnswers },
  },
  '/v1/admin/stories/{id}': {
    get: { summary: 'Get a story', security: sec, parameters: [idParam], responses: { '200': json(ref('Story')), ...errs } },
    patch: {
      summary: 'Edit a story (po, admin): title, story parts, criteria, labels, initiative, status',
      description: 'Status transitions: draft → ready → exported → done, and back to draft from any of them; anything else is 409. Becoming ready sends `story.ready`, becoming done sends `story.done` with the respondents to notify.',
      security: sec,
      parameters: [idParam],
      requestBody: jsonBody('StoryPatch'),
      responses: { '200': json(ref('Story')), '409': error('Transition not allowed, or the story was merged'), ...errs },
    },
  },
  '/v1/admin/stories/{id}/merge': {
    post: {
      summary: 'Merge duplicate stories into this one (po, admin): responses, labels and distinct criteria are added, evidence and priority recomputed; the others become `merged`',
      security: sec,
      parameters: [idParam],
      requestBody: jsonBody('StoryMerge'),
      responses: { '200': json(ref('Story')), '409': error('A story was already merged'), '422': error('Another site'), ...errs },
    },
  },
  '/v1/admin/stories/{id}/escalate': {
    post: { summary: 'Escalate a story to the strategic track with a note for the PM (po, admin)', security: sec, parameters: [idParam], requestBody: jsonBody('StoryEscalate'), responses: { '200': json(ref('Story')), '409': error('Merged story'), ...errs } },
  },
  '/v1/admin/stories/{id}/initiative': {
    put: { summary: 'Link a story to a roadmap initiative, or unlink with null (pm, po, admin)', security: sec, parameters: [idParam], requestBody: jsonBody('StoryInitiativeLink'), responses: { '200': json(ref('Story')), ...errs } },
  },
  '/v1/admin/stories/{id}/export': {
    get: { summary: 'Export one story (see the batch export for formats)', security: sec, parameters: [idParam, ...queryParams(StoryExportQuery)], responses: exportAnswers },
  },
  '/v1/admin/responses/{id}/stories': {
    get: { summary: 'The stories a response fed (merged ones name the story they went into)', security: sec, parameters: [idParam], responses: { '200': list('Story'), ...errs } },
  },
  '/v1/admin/sites/{siteKey}/webhooks': {
    get: { summary: 'A site\'s webhooks (secrets are never shown again)', security: sec, parameters: [siteKey], responses: { '200': list('Webhook'), ...errs } },
    post: {
      summary: 'Create a webhook (admin); the answer shows the signing secret once',
      description:
        'Events: response.created, response.tagged, story.ready, story.done. Each delivery is a POST of `{event, id, createdAt, site, data}` (or a Slack `{text, blocks}` message with format `slack`) with headers X-Hark-Event, X-Hark-Delivery, X-Hark-Timestamp and X-Hark-Signature: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the secret. Network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter.',
      security: sec,
      parameters: [siteKey],
      requestBody: jsonBody('WebhookCreate'),
      responses: { '201': json(ref('Webhook')), ...errs },
    },
  },
  '/v1/admin/webhooks/{id}': {
    patch: { summary: 'Update a webhook (admin); `rotateSecret: true` answers with a new secret', security: sec, parameters: [idParam], requestBody: jsonBody('WebhookPatch'), responses: { '200': json(ref('Webhook')), ...errs } },
    delete: { summary: 'Delete a webhook (admin); its pending deliveries end as failed', security: sec, parameters: [idParam], responses: { '204': { description: 'Deleted' }, ...errs } },
  },
  '/v1/admin/webhooks/{id}/deliveries': {
    get: {
      summary: 'Delivery log, newest first: each attempt with status code, duration, error, and the next retry',
      security: sec,
      parameters: [idParam, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } }],
      responses: { '200': list('WebhookDelivery'), ...errs },
    },
  },
};
