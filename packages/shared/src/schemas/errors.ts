import { z } from 'zod';

export const ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'unsupported_media_type',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'origin_not_allowed',
  'rate_limited',
  'store_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorIssue = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "context.url" or "[3].score"'),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      issues: z.array(ErrorIssue).optional(),
    }),
  })
  .meta({ id: 'Error', description: 'Every non-2xx answer has this shape.' });
export type ErrorBody = z.infer<typeof ErrorBody>;
