// Types shared by the loader and the UI chunk. Type-only imports from @hark/shared
// keep zod out of the bundle: the schemas stay on the server, the shapes come here.
import type { PublicSurvey, ResponseInput, SiteConfig, Theme } from '@hark/shared/types';
import type { ExitReason } from './exit-intent.ts';

export type { PublicSurvey, ResponseInput, SiteConfig, Theme };
export type SurveyKind = PublicSurvey['kind'];
export type Primitive = string | number | boolean | null;
export type Traits = Record<string, Primitive>;

export interface InitOptions {
  /** Site key, as configured in the collector. */
  site: string;
  /** Collector base URL, e.g. "https://feedback.example.com". */
  collector: string;
  /** "fr" or "en" (any BCP 47 tag); defaults to <html lang>, then the browser. */
  locale?: string;
  user?: { id?: string; traits?: Traits };
  /** CSP nonce for the <style>/<script> elements the widget adds (only needed without adoptedStyleSheets). */
  nonce?: string;
}

export type HarkEvent = 'shown' | 'answered' | 'dismissed';

export interface HarkEventDetail {
  surveyId: string;
  kind: SurveyKind;
  trigger?: string;
  /** For "answered": the response exactly as queued for delivery. */
  response?: ResponseInput;
}

export type HarkListener = (detail: HarkEventDetail) => void;

export interface MountOptions {
  survey: PublicSurvey;
  theme: Theme;
  locale: string;
  trigger: string;
  nonce?: string;
  /** localStorage key of the fatigue state: the UI records shown (for prompts), answered, dismissed. */
  fk: string;
  /** An automatic prompt (spends the visitor budget), not a tab or an inline block. */
  prompt?: 1;
  anchor?: Element | null;
  user?: { id?: string; traits?: Traits };
  /** Store (or update) an answer in the outbox; `hold` while the visitor may still add to it. */
  put(r: ResponseInput, hold: boolean): void;
  /** The surface closed: with the response when anything was answered. */
  done(r?: ResponseInput): void;
  /** Feedback tab only: the visitor opened the panel. */
  opened?(): void;
}

export interface UiHandle {
  close(): void;
}

/** The lazily loaded UI chunk. */
export interface UiModule {
  mountSurvey(opts: MountOptions): UiHandle;
  /** Feedback button: a side tab that opens the survey (and the element picker) on demand. */
  mountTab(opts: MountOptions): UiHandle;
  /**
   * The delivery outbox (retries, backoff, Retry-After, sendBeacon) lives in the UI chunk: the loader
   * only asks for it when there is something to deliver (an answer, or unsent ones left by a past page view).
   */
  outbox(endpoint: string, key: string): OutboxHandle;
  /** Exit-intent watchers for one armed survey (desktop or touch heuristics); returns the stop function. */
  exit(rules: NonNullable<PublicSurvey['trigger']>['exitIntent'], onExit: (reason: ExitReason) => void): () => void;
}

export interface OutboxHandle {
  put(r: ResponseInput, hold: boolean): void;
  stop(): void;
}
