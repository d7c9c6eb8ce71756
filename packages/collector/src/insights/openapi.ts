// OpenAPI paths of the insights, triage and initiative routes (merged into /v1/openapi.json).
import { InboxQuery, InitiativeListQuery, NpsCompareQuery, NpsQuery, ThemesQuery } from '@hark/shared';
import { type Json, adminErrors, bearer, error, json, jsonBody, pathParam, queryParams, ref } from '../openapi/fragments.ts';

const sec = bearer;
const p = pathParam;
const requestBody = jsonBody;

const conflict = error('Transition not allowed by the workflow, or the record changed meanwhile');

export const paths: Json = {
  '/v1/admin/insights/nps': {
    get: {
      summary: 'NPS with its 95% confidence interval, per period and per segment',
      description:
        'Only NPS answers with a score count. NPS = 100·(p−d)/n; SE = 100·√((p/n + d/n − (p/n − d/n)²)/n); CI = NPS ± 1.96·SE clamped to [−100, 100]; `tooFew` when n < minN. ' +
        '`trend` has one point per day, ISO week (labelled by its Monday) or month (UTC), gaps included; `segments` when `segment` is given.',
      security: sec,
      parameters: queryParams(NpsQuery),
      responses: { '200': json(ref('NpsReport')), ...adminErrors },
    },
  },
  '/v1/admin/insights/nps/compare': {
    get: {
      summary: 'Is the NPS difference between two periods or two segments significant?',
      description: 'Either aFrom/aTo/bFrom/bTo (two periods) or segment/a/b (two segment values, within from/to). diff = NPS(a) − NPS(b); z = diff/√(SE_a² + SE_b²); two-sided p; significant at 0.05.',
      security: sec,
      parameters: queryParams(NpsCompareQuery),
      responses: { '200': json(ref('NpsComparison')), ...adminErrors },
    },
  },
  '/v1/admin/insights/themes': {
    get: {
      summary: 'Theme drivers ranked by NPS points at stake',
      description:
        'Per theme: volume (responses of any type), trend per interval, share of detractors, mean sentiment, NPS of respondents mentioning it vs the rest (with CIs and a test), ' +
        'points at stake = 100·d_theme/n_total (the overall NPS gain if the theme\'s detractors became passives), up to 3 quotes (NPS answers first, lowest scores first, newest first, among the theme\'s most recent answers), track mix, and its triage state (status, escalation).',
      security: sec,
      parameters: queryParams(ThemesQuery),
      responses: { '200': json(ref('ThemesReport')), ...adminErrors },
    },
  },
  '/v1/admin/sites/{siteKey}/insights/rebuild': {
    post: {
      summary: 'Rebuild the insights roll-up of a site from its responses (pm, admin)',
      description:
        'The NPS and theme queries read a roll-up (one document per day × survey × type × device × language) kept up to date as responses change. ' +
        'A site without one is backfilled on its first query; this recomputes it on demand (after an upgrade, or to repair). ' +
        'Writes during the rebuild are not lost: the days they touch are recomputed before the new roll-up is swapped in. 409 while another rebuild of the site runs.',
      security: sec,
      parameters: [p('siteKey')],
      responses: {
        '200': json({
          type: 'object',
          properties: {
            siteKey: { type: 'string' },
            gen: { type: 'string', description: 'generation id of the new roll-up' },
            responses: { type: 'integer', description: 'responses scanned' },
            documents: { type: 'integer', description: 'roll-up documents written' },
            dirtyDays: { type: 'integer', description: 'days recomputed because responses changed during the rebuild' },
            ms: { type: 'integer' },
          },
          required: ['siteKey', 'gen', 'responses', 'documents', 'dirtyDays', 'ms'],
        }),
        '409': conflict,
        ...adminErrors,
      },
    },
  },
  '/v1/admin/responses/{id}/triage': {
    get: { summary: 'PM triage state of a response (status `new` if never triaged)', security: sec, parameters: [p('id')], responses: { '200': json(ref('TriageRecord')), ...adminErrors } },
    patch: {
      summary: 'Triage a response (pm, admin): status new → reviewing → planned | not_now | declined (reopen to reviewing), assignee, note',
      security: sec,
      parameters: [p('id')],
      requestBody: requestBody('TriagePatch'),
      responses: { '200': json(ref('TriageRecord')), '409': conflict, ...adminErrors },
    },
  },
  '/v1/admin/sites/{siteKey}/themes/{theme}/triage': {
    get: { summary: 'PM triage state of a theme, with any PO escalation', security: sec, parameters: [p('siteKey'), p('theme')], responses: { '200': json(ref('TriageRecord')), ...adminErrors } },
    patch: {
      summary: 'Triage a theme (pm, admin)',
      security: sec,
      parameters: [p('siteKey'), p('theme')],
      requestBody: requestBody('TriagePatch'),
      responses: { '200': json(ref('TriageRecord')), '409': conflict, ...adminErrors },
    },
  },
  '/v1/admin/sites/{siteKey}/themes/{theme}/escalate': {
    post: {
      summary: 'Escalate a theme to the strategic track with a note (po, admin): the PO\'s field signal to the PM',
      security: sec,
      parameters: [p('siteKey'), p('theme')],
      requestBody: requestBody('EscalateBody'),
      responses: { '200': json(ref('TriageRecord')), ...adminErrors },
    },
  },
  '/v1/admin/triage/inbox': {
    get: {
      summary: 'PM inbox: responses of a track with their triage state (default: strategic, status new), newest first',
      security: sec,
      parameters: queryParams(InboxQuery),
      responses: {
        '200': json({ type: 'object', properties: { items: { type: 'array', items: { allOf: [ref('StoredResponse'), { type: 'object', properties: { triage: ref('TriageRecord') } }] } }, nextCursor: { type: ['string', 'null'] } } }),
        ...adminErrors,
      },
    },
  },
  '/v1/admin/initiatives': {
    get: { summary: 'List roadmap initiatives (now, next, later)', security: sec, parameters: queryParams(InitiativeListQuery), responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('Initiative') } } }), ...adminErrors } },
    post: { summary: 'Create an initiative (pm, admin)', security: sec, requestBody: requestBody('InitiativeCreate'), responses: { '201': json(ref('Initiative')), ...adminErrors } },
  },
  '/v1/admin/initiatives/{id}': {
    get: {
      summary: 'An initiative with its evidence (linked themes and responses, accounts affected, NPS at stake) and the stories delivered under it',
      security: sec,
      parameters: [p('id')],
      responses: { '200': json(ref('InitiativeDetail')), ...adminErrors },
    },
    patch: { summary: 'Update an initiative (pm, admin); null clears description or owner', security: sec, parameters: [p('id')], requestBody: requestBody('InitiativePatch'), responses: { '200': json(ref('Initiative')), ...adminErrors } },
  },
  '/v1/admin/initiatives/{id}/links': {
    post: {
      summary: 'Link responses and/or themes to an initiative (pm, admin); responses must belong to its site',
      security: sec,
      parameters: [p('id')],
      requestBody: requestBody('InitiativeLinks'),
      responses: { '200': json(ref('Initiative')), '422': error('A response is not on the initiative\'s site'), ...adminErrors },
    },
  },
  '/v1/admin/initiatives/{id}/links/responses/{responseId}': {
    delete: { summary: 'Unlink a response (pm, admin)', security: sec, parameters: [p('id'), p('responseId')], responses: { '200': json(ref('Initiative')), ...adminErrors } },
  },
  '/v1/admin/initiatives/{id}/links/themes/{theme}': {
    delete: { summary: 'Unlink a theme (pm, admin)', security: sec, parameters: [p('id'), p('theme')], responses: { '200': json(ref('Initiative')), ...adminErrors } },
  },
};
