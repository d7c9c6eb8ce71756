import {
  BatchIngestResult,
  ErrorBody,
  IngestResult,
  ResponseInput,
  Site,
  SiteConfig,
  SiteCreate,
  SitePatch,
  StoredResponse,
  Survey,
  SurveyCreate,
  SurveyPatch,
  TokenCreate,
  TokenInfo,
  TagOverride,
  TaxonomyPut,
  Taxonomy,
} from '@hark/shared';
import { z } from 'zod';
import { ListResponsesQuery } from '../responses/list-query.ts';
import { type Json, adminErrors, bearer, error, json, pathParam, queryParams, ref } from './fragments.ts';
import { insightsPaths } from '../insights/index.ts';
import { backlogPaths } from '../backlog/index.ts';
import { sessionAuthPaths } from '../http/routes/session-auth.ts';

const errors = {
  ...adminErrors,
  '429': error('Rate limited: see Retry-After'),
  '503': error('Store unavailable'),
};

const sec = bearer;
const siteKey = pathParam('siteKey');
const idParam = pathParam('id');

const components: Record<string, z.ZodType> = {
  Error: ErrorBody,
  ResponseInput,
  IngestResult,
  BatchIngestResult,
  SiteConfig,
  Site,
  SiteCreate,
  SitePatch,
  Survey,
  SurveyCreate,
  SurveyPatch,
  StoredResponse,
  TokenCreate,
  TokenInfo,
  TagOverride,
  TaxonomyPut,
  Taxonomy,
};

/** OpenAPI 3.1: JSON Schema 2020-12 straight from the zod schemas that validate the requests. */
export function openApiDocument(): Json {
  // Components come from the zod registry (every schema with .meta({ id })), as the
  // server sees them (output) and, for request bodies, as clients send them (input).
  const gen = (io: 'input' | 'output') =>
    z.toJSONSchema(z.globalRegistry, { uri: (id: string) => `#/components/schemas/${id}`, unrepresentable: 'any', io }).schemas as Record<string, Json>;
  const output = gen('output');
  const input = gen('input');
  const schemas: Record<string, Json> = {};
  for (const [name, s] of Object.entries(output)) {
    const { $schema: _s, id: _id, ...rest } = (/(Create|Patch|Input|Query)$/.test(name) ? input[name] ?? s : s) as Json;
    schemas[name] = rest;
  }
  for (const name of Object.keys(components)) if (!schemas[name]) throw new Error(`schema ${name} has no .meta({ id })`);

  const paths: Json = {
    '/healthz': {
      get: {
        summary: 'Liveness and store reachability',
        responses: {
          '200': json({ type: 'object', properties: { status: { const: 'ok' }, store: { enum: ['embedded', 'mongodb'] } } }),
          '503': json({ type: 'object' }, 'Store unreachable'),
        },
      },
    },
    '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'text/plain exposition format' } } } },
    '/v1/sites/{siteKey}/config': {
      get: {
        summary: 'Public config for the widget: active surveys and theme',
        description: 'Cacheable (ETag, Cache-Control). CORS restricted to the site\'s allowed origins.',
        parameters: [siteKey],
        responses: { '200': json(ref('SiteConfig')), '304': { description: 'Not modified (If-None-Match)' }, '403': errors['403'], '404': errors['404'] },
      },
    },
    '/v1/sites/{siteKey}/responses': {
      post: {
        summary: 'Submit one response or a batch (≤ 50)',
        description:
          'Body as application/json or text/plain (navigator.sendBeacon). Idempotent on `id`: re-sending the same id answers `duplicate: true` and stores nothing new. Acknowledged only once stored.',
        parameters: [siteKey],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [ref('ResponseInput'), { type: 'array', items: ref('ResponseInput'), maxItems: 50 }] } },
            'text/plain': { schema: { type: 'string', description: 'The same JSON, sent as text' } },
          },
        },
        responses: {
          '202': json({ oneOf: [ref('IngestResult'), ref('BatchIngestResult')] }, 'Stored (or already stored)'),
          '400': errors['400'],
          '403': error('Origin not allowed for this site'),
          '404': errors['404'],
          '413': error('Body or batch too large'),
          '415': error('Unsupported content type'),
          '422': error('Unknown survey or type mismatch'),
          '429': errors['429'],
          '503': errors['503'],
        },
      },
    },
    '/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    '/v1/admin/sites': {
      get: { summary: 'List sites', security: sec, responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('Site') } } }), ...adminErrors } },
      post: { summary: 'Create a site (admin)', security: sec, requestBody: { required: true, content: { 'application/json': { schema: ref('SiteCreate') } } }, responses: { '201': json(ref('Site')), '409': error('Exists'), ...adminErrors } },
    },
    '/v1/admin/sites/{siteKey}': {
      get: { summary: 'Get a site', security: sec, parameters: [siteKey], responses: { '200': json(ref('Site')), ...adminErrors } },
      patch: { summary: 'Update a site (admin)', security: sec, parameters: [siteKey], requestBody: { required: true, content: { 'application/json': { schema: ref('SitePatch') } } }, responses: { '200': json(ref('Site')), ...adminErrors } },
    },
    '/v1/admin/sites/{siteKey}/surveys': {
      get: { summary: 'List a site\'s surveys', security: sec, parameters: [siteKey], responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('Survey') } } }), ...adminErrors } },
      post: { summary: 'Create a survey (admin, pm, po)', security: sec, parameters: [siteKey], requestBody: { required: true, content: { 'application/json': { schema: ref('SurveyCreate') } } }, responses: { '201': json(ref('Survey')), '409': error('Exists'), ...adminErrors } },
    },
    '/v1/admin/surveys/{id}': {
      get: { summary: 'Get a survey', security: sec, parameters: [idParam], responses: { '200': json(ref('Survey')), ...adminErrors } },
      patch: { summary: 'Update a survey (admin, pm, po)', security: sec, parameters: [idParam], requestBody: { required: true, content: { 'application/json': { schema: ref('SurveyPatch') } } }, responses: { '200': json(ref('Survey')), ...adminErrors } },
      delete: { summary: 'Delete a survey (admin, pm, po)', security: sec, parameters: [idParam], responses: { '204': { description: 'Deleted' }, ...adminErrors } },
    },
    '/v1/admin/responses': {
      get: {
        summary: 'List responses, newest first, with filters and cursor pagination',
        security: sec,
        parameters: queryParams(ListResponsesQuery),
        responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('StoredResponse') }, nextCursor: { type: ['string', 'null'] } } }), ...adminErrors },
      },
    },
    '/v1/admin/responses/export': {
      get: {
        summary: 'Export responses as CSV or JSONL (streamed)',
        security: sec,
        parameters: [...queryParams(ListResponsesQuery).filter((p) => p.name !== 'limit' && p.name !== 'cursor'), { name: 'format', in: 'query', schema: { enum: ['csv', 'jsonl'] } }],
        responses: { '200': { description: 'text/csv or application/x-ndjson' }, ...adminErrors },
      },
    },
    '/v1/admin/responses/{id}': {
      get: { summary: 'Get one response', security: sec, parameters: [idParam], responses: { '200': json(ref('StoredResponse')), ...adminErrors } },
    },
    '/v1/admin/responses/{id}/tags': {
      patch: {
        summary: 'Override tags (pm, po, admin): kind, track, themes, sentiment. Kept across re-tagging; recorded with who, when, before and after.',
        security: sec,
        parameters: [idParam],
        requestBody: { required: true, content: { 'application/json': { schema: ref('TagOverride') } } },
        responses: { '200': json(ref('StoredResponse')), '409': error('Not tagged yet'), ...adminErrors },
      },
    },
    '/v1/admin/responses/{id}/tags/history': {
      get: { summary: 'Who changed this response\'s tags, when, before and after', security: sec, parameters: [idParam], responses: { '200': json({ type: 'object' }), ...adminErrors } },
    },
    '/v1/admin/sites/{siteKey}/taxonomy': {
      get: { summary: 'The site\'s theme taxonomy (or the built-in one)', security: sec, parameters: [siteKey], responses: { '200': json(ref('Taxonomy')), ...adminErrors } },
      put: {
        summary: 'Replace the site\'s taxonomy (pm, admin); run a re-tag afterwards',
        security: sec,
        parameters: [siteKey],
        requestBody: { required: true, content: { 'application/json': { schema: ref('TaxonomyPut') } } },
        responses: { '200': json(ref('Taxonomy')), ...adminErrors },
      },
    },
    '/v1/admin/sites/{siteKey}/themes/discovered': {
      get: {
        summary: 'Recurring topics found in the site\'s comments without configuration',
        security: sec,
        parameters: [siteKey, { name: 'fresh', in: 'query', schema: { enum: ['true', 'false'] } }],
        responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('DiscoveredTheme') } } }), ...adminErrors },
      },
    },
    '/v1/admin/sites/{siteKey}/retag': {
      post: {
        summary: 'Re-run the tagger over the site\'s responses in the background (pm, admin); resumable',
        security: sec,
        parameters: [siteKey, { name: 'restart', in: 'query', schema: { enum: ['true', 'false'] } }],
        responses: { '202': json({ type: 'object' }, 'Started; the body is the job status'), ...adminErrors },
      },
      get: { summary: 'Progress of the last re-tag', security: sec, parameters: [siteKey], responses: { '200': json({ type: 'object' }), ...adminErrors } },
    },
    '/v1/admin/users/{userId}': {
      delete: {
        summary: 'GDPR erasure: delete every response of one end user (admin)',
        security: sec,
        parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }, { name: 'site', in: 'query', schema: { type: 'string' } }],
        responses: { '200': json({ type: 'object', properties: { userId: { type: 'string' }, deleted: { type: 'integer' } } }), ...adminErrors },
      },
    },
    '/v1/admin/tokens': {
      get: { summary: 'List tokens (admin)', security: sec, responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('TokenInfo') } } }), ...adminErrors } },
      post: { summary: 'Create a token (admin); the token is shown once', security: sec, requestBody: { required: true, content: { 'application/json': { schema: ref('TokenCreate') } } }, responses: { '201': json(ref('TokenInfo')), ...adminErrors } },
    },
    '/v1/admin/tokens/{id}': {
      delete: { summary: 'Revoke a token (admin)', security: sec, parameters: [idParam], responses: { '204': { description: 'Revoked' }, ...adminErrors } },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Hark collector API',
      version: '0.1.0',
      description: 'Collects NPS, exit-intent and feature feedback; admin API for sites, surveys and responses. Every error is `{"error": {"code", "message", "issues"?}}`.',
    },
    servers: [{ url: '/' }],
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'hark_session' } } },
    paths: { ...paths, ...insightsPaths, ...backlogPaths, ...sessionAuthPaths },
  };
}

/** Later features register their paths here so the document stays the single description of the API. */
export type OpenApiPaths = Json;
