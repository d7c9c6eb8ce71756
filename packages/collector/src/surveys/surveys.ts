import { randomBytes } from 'node:crypto';
import {
  ExitIntentRules,
  type PublicSurvey,
  type Survey,
  SurveyCreate,
  type SurveyCreateInput,
  SurveyFatigue,
  type SurveyPatch,
  Targeting,
  Trigger,
  defaultQuestions,
  Question,
} from '@hark/shared';
import { z } from 'zod';
import { HttpError, notFound } from '../http/errors.ts';
import type { Collection } from '../store/port.ts';
import type { SurveyDoc } from '../store/collections.ts';

const CACHE_MS = 5000;

function newSurveyId(): string {
  return `srv_${randomBytes(9).toString('base64url')}`;
}

/** Fills every default so the widget never has to guess. */
function withDefaults(kind: Survey['kind'], s: Pick<SurveyCreateInput, 'trigger' | 'targeting' | 'fatigue' | 'questions'>) {
  const trigger = Trigger.parse(s.trigger ?? {});
  if (kind === 'exit_intent' && !trigger.exitIntent) trigger.exitIntent = ExitIntentRules.parse({});
  return {
    questions: z.array(Question).parse(s.questions && s.questions.length > 0 ? s.questions : defaultQuestions(kind)),
    targeting: Targeting.parse(s.targeting ?? {}),
    trigger,
    fatigue: SurveyFatigue.parse(s.fatigue ?? {}),
  };
}

export class SurveysService {
  private activeCache = new Map<string, { surveys: Survey[]; at: number }>();

  constructor(private readonly surveys: Collection<SurveyDoc>) {}

  private invalidate(siteKey: string) {
    this.activeCache.delete(siteKey);
  }

  async create(siteKey: string, raw: SurveyCreateInput): Promise<Survey> {
    const input = SurveyCreate.parse(raw);
    const now = new Date().toISOString();
    const survey: Survey = {
      id: input.id ?? newSurveyId(),
      siteKey,
      name: input.name,
      kind: input.kind,
      status: input.status ?? 'active',
      priority: input.priority ?? 0,
      ...withDefaults(input.kind, input),
      ...(input.strings ? { strings: input.strings } : {}),
      createdAt: now,
      updatedAt: now,
    };
    if ((await this.surveys.insertOne(survey as SurveyDoc)) === 'duplicate') {
      throw new HttpError(409, 'conflict', `survey "${survey.id}" already exists`);
    }
    this.invalidate(siteKey);
    return survey;
  }

  async get(id: string): Promise<Survey | null> {
    return (await this.surveys.findOne({ id })) as Survey | null;
  }

  async require(id: string): Promise<Survey> {
    const s = await this.get(id);
    if (!s) throw notFound(`survey "${id}"`);
    return s;
  }

  async list(siteKey: string): Promise<Survey[]> {
    return (await this.surveys.find({ siteKey }, { sort: { createdAt: 1, id: 1 } })) as Survey[];
  }

  async patch(id: string, patch: SurveyPatch): Promise<Survey> {
    const current = await this.require(id);
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const next: Survey = { ...merged, ...withDefaults(current.kind, merged), updatedAt: new Date().toISOString() };
    const { id: _id, siteKey: _s, createdAt: _c, kind: _k, ...set } = next;
    const updated = await this.surveys.findOneAndUpdate({ id }, { $set: set });
    if (!updated) throw notFound(`survey "${id}"`);
    this.invalidate(current.siteKey);
    return updated as Survey;
  }

  async delete(id: string): Promise<void> {
    const current = await this.require(id);
    await this.surveys.deleteMany({ id });
    this.invalidate(current.siteKey);
  }

  /** The cached active surveys of a site when fresh: ingest checks them without a wait. */
  peekActive(siteKey: string): Survey[] | undefined {
    const hit = this.activeCache.get(siteKey);
    return hit && Date.now() - hit.at < CACHE_MS ? hit.surveys : undefined;
  }

  /** Active surveys of a site, cached briefly: this is on the hot path of config and ingest. */
  async active(siteKey: string): Promise<Survey[]> {
    const hit = this.peekActive(siteKey);
    if (hit) return hit;
    const surveys = (await this.surveys.find({ siteKey, status: 'active' }, { sort: { priority: -1, id: 1 } })) as Survey[];
    this.activeCache.set(siteKey, { surveys, at: Date.now() });
    return surveys;
  }

  /** Surveys that can still receive answers: active or paused (answers given before a pause still arrive). */
  async findForIngest(siteKey: string, id: string): Promise<Survey | null> {
    const active = (await this.active(siteKey)).find((s) => s.id === id);
    if (active) return active;
    const s = await this.get(id);
    return s && s.siteKey === siteKey && s.status !== 'archived' ? s : null;
  }

  static toPublic(s: Survey): PublicSurvey {
    const { siteKey: _s, status: _st, createdAt: _c, updatedAt: _u, ...pub } = s;
    return pub;
  }
}
