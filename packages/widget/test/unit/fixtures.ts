import type { PublicSurvey } from '../../src/types.ts';

export function survey(p: Partial<PublicSurvey> & { id: string }): PublicSurvey {
  return {
    name: p.id,
    kind: 'nps',
    priority: 0,
    questions: [],
    targeting: { urls: { include: [], exclude: [] }, events: [], traits: [], devices: [], locales: [], samplingPercent: 100 },
    trigger: { delayMs: 0, scrollDepthPercent: 0 },
    fatigue: { recontactDays: 30, showAgainAfterAnswer: false, showAgainAfterDismiss: false },
    ...p,
  } as PublicSurvey;
}
