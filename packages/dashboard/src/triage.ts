// PM triage statuses and assignees (insights API: PATCH /v1/admin/responses/{id}/triage,
// GET /v1/admin/triage/inbox). The inbox asks the OpenAPI document whether they are served;
// without them, status and assign are hidden.
import { api, apiRoutes } from './api.ts';
import type { Resp } from './pages/inbox.tsx';

export const TRIAGE_STATUSES = ['new', 'reviewing', 'planned', 'not_now', 'declined'];

export interface TriageApi {
  setStatus(ids: string[], status: string): Promise<void>;
  assign(ids: string[], assignee: string): Promise<void>;
  decorate(items: Resp[]): Promise<Resp[]>;
  inboxPath?: string;
}

const one = (id: string) => `/v1/admin/responses/${encodeURIComponent(id)}/triage`;

export async function triageApi(): Promise<TriageApi | null> {
  const paths = await apiRoutes();
  if (!paths['/v1/admin/responses/{id}/triage']?.patch) return null;
  const patch = (ids: string[], body: unknown) => Promise.all(ids.map((id) => api(one(id), { method: 'PATCH', body }))).then(() => undefined);
  return {
    inboxPath: paths['/v1/admin/triage/inbox']?.get ? '/v1/admin/triage/inbox' : undefined,
    setStatus: (ids, status) => patch(ids, { status }),
    assign: (ids, assignee) => patch(ids, { assignee: assignee || null }),
    async decorate(items) {
      const todo = items.filter((r) => !r.triage);
      const records = await Promise.all(todo.map((r) => api<{ status: string; assignee?: string }>(one(r.id)).catch(() => null)));
      const byId = new Map(todo.map((r, i) => [r.id, records[i]]));
      return items.map((r) => (r.triage ? r : { ...r, triage: byId.get(r.id) ?? undefined }));
    },
  };
}
