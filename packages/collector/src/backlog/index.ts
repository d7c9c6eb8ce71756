import type { Router } from 'express';
import { Router as makeRouter } from 'express';
import type { Store } from '../store/port.ts';
import type { CoreServices } from '../services.ts';

/** PO backlog services (stories, exports, webhooks). Filled by the "PO backlog" work. */
export interface BacklogServices {}

export async function createBacklogServices(_store: Store, _core: CoreServices): Promise<BacklogServices> {
  return {};
}

/** Admin routes of the backlog; mounted under /v1/admin behind authentication. */
export function backlogRoutes(_services: CoreServices & { backlog: BacklogServices }, _bodyLimitKb: number): Router {
  return makeRouter();
}

/** OpenAPI paths of these routes (merged into /v1/openapi.json). */
export const backlogPaths: Record<string, unknown> = {};

/** Stops background work (webhook delivery retries). */
export function stopBacklog(_services: BacklogServices): void {}
