// The insights and backlog APIs land separately; their paths are looked up in the OpenAPI
// document so the dashboard follows the collector it is served by.
import { apiRoutes } from './api.ts';

export async function findPath(test: RegExp, method = 'get'): Promise<string | undefined> {
  const paths = await apiRoutes();
  return Object.keys(paths).find((p) => test.test(p) && paths[p]?.[method]);
}
