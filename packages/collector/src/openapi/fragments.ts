// Building blocks of the OpenAPI document, shared by the core paths (document.ts) and the
// path modules of insights, backlog and sign-in, so every route is described the same way.
import { z } from 'zod';

export type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
export const error = (description: string) => json(ref('Error'), description);

/** The errors every admin route can answer. */
export const adminErrors = {
  '400': error('Invalid input: the body names each field and the problem'),
  '401': error('Missing or invalid bearer token'),
  '403': error("The token's role may not do this"),
  '404': error('Not found'),
};

export const bearer = [{ bearer: [] }];

export const pathParam = (name: string, description?: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  ...(description ? { description } : {}),
});

export const jsonBody = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });

/** Query parameters from the zod schema that validates the query string (as clients send it). */
export function queryParams(schema: z.ZodType): Json[] {
  type Obj = { properties?: Record<string, Json>; required?: string[]; $ref?: string; $defs?: Record<string, Obj> };
  const top = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Obj;
  // A schema registered with .meta({ id }) comes back as a $ref into $defs: read the object it names.
  const js = top.$ref ? (top.$defs?.[top.$ref.replace('#/$defs/', '')] ?? {}) : top;
  const required = new Set(js.required ?? []);
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: s,
    ...(s.description ? { description: s.description } : {}),
  }));
}
