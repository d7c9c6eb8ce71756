import type { Router } from 'express';
import { Router as makeRouter } from 'express';
import type { Store } from '../store/port.ts';
import type { CoreServices } from '../services.ts';

/** PM insights and triage services. Filled by the "PM insights" work. */
export interface InsightsServices {}

export async function createInsightsServices(_store: Store, _core: CoreServices): Promise<InsightsServices> {
  return {};
}

/** Admin routes of PM insights and triage; mounted under /v1/admin behind authentication. */
export function insightsRoutes(_services: CoreServices & { insights: InsightsServices }, _bodyLimitKb: number): Router {
  return makeRouter();
}

/** OpenAPI paths of these routes (merged into /v1/openapi.json). */
export const insightsPaths: Record<string, unknown> = {};
