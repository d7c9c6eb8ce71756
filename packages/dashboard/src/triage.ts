// PM triage statuses and assignees live in the insights API (/v1/admin/triage/*). The inbox
// asks the OpenAPI document whether it is served; without it, status and assign are hidden.
import { apiRoutes } from './api.ts';
import type { Resp } from './pages/inbox.tsx';

export const TRIAGE_STATUSES = ['new', 'reviewing', 'planned', 'not_now', 'declined'];

export interface TriageApi {
  setStatus(ids: string[], status: string): Promise<void>;
  assign(ids: string[], assignee: string): Promise<void>;
  decorate(items: Resp[]): Promise<Resp[]>;
}

export async function triageApi(): Promise<TriageApi | null> {
  const paths = await apiRoutes();
  if (!Object.keys(paths).some((p) => p.startsWith('/v1/admin/triage'))) return null;
  return null; // wired once the insights API's shape has landed
}
