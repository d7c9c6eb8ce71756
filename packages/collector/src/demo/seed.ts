import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SurveyCreate, type SurveyCreateInput } from '@hark/shared';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { WIDGET_DEMO } from '../http/static-assets.ts';

/** Surveys of the demo site when the widget package ships none of its own. */
const DEFAULT_SURVEYS: SurveyCreateInput[] = [
  { id: 'demo-nps', name: 'NPS', kind: 'nps', priority: 10, trigger: { delayMs: 1500 } },
  { id: 'demo-exit', name: 'Why are you leaving?', kind: 'exit_intent', priority: 20 },
  {
    id: 'demo-feature',
    name: 'Export feedback',
    kind: 'feature_feedback',
    priority: 5,
    trigger: { anchor: { feature: 'Export', placement: 'popover' } },
  },
  { id: 'demo-button', name: 'Feedback', kind: 'feedback_button', priority: 0 },
];

function demoSurveys(): SurveyCreate[] {
  const file = join(WIDGET_DEMO, 'seed-surveys.json');
  const raw: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : DEFAULT_SURVEYS;
  return z.array(SurveyCreate).parse(raw);
}

/** Creates the `demo` site (any origin) and its surveys, once. Returns whether it did. */
export async function seedDemo(services: Services): Promise<boolean> {
  if (await services.sites.get('demo')) return false;
  // No visitor budget on the demo: every survey kind can be tried one after the other.
  await services.sites.create({ key: 'demo', name: 'Demo site', allowedOrigins: ['*'], visitorBudget: { minDaysBetweenPrompts: 0 } });
  for (const s of demoSurveys()) await services.surveys.create('demo', s);
  return true;
}
