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
  /** Set by the UI chunk when it mounts (the loader only checks the anchor is there). */
  anchor?: Element | null;
  user?: { id?: string; traits?: Traits };
  /** Store (or update) an answer in the outbox; `hold` while the visitor may still add to it. */
  put(r: ResponseInput, hold: boolean): void;
  /** The surface closed: with the response when anything was answered (after the 'answered'/'dismissed' event). */
  done(r?: ResponseInput): void;
  /** Feedback tab only: the visitor opened the panel (before the 'shown' event). */
  opened(): void;
  /** The page's `on()` subscriptions: the UI chunk emits 'shown', 'answered' and 'dismissed'. */
  ls: Set<[HarkEvent, HarkListener]>;
}

/**
 * What the loader passes to `UiModule.mount`: the MountOptions values in order, so that the loader,
 * which is budgeted, carries none of their property names (the UI chunk builds the object).
 */
export type MountArgs = [
  survey: MountOptions['survey'],
  theme: MountOptions['theme'],
  locale: MountOptions['locale'],
  trigger: MountOptions['trigger'],
  nonce: MountOptions['nonce'],
  fk: MountOptions['fk'],
  user: MountOptions['user'],
  put: MountOptions['put'],
  done: MountOptions['done'],
  opened: MountOptions['opened'],
  ls: MountOptions['ls'],
  prompt?: MountOptions['prompt'],
];

export interface UiHandle {
  close(): void;
}

/** The lazily loaded UI chunk. */
export interface UiModule {
  /** A prompt or an inline block; for a feedback button, a side tab that opens the survey (and the element picker) on demand. */
  mount(args: MountArgs): UiHandle;
  /**
   * Feedback tabs and inline blocks, by survey id: mounts one (once) when given its MountArgs, closes it when given
   * false. An inline block that closes itself (answered or dismissed) is forgotten, so it may be docked again.
   */
  dock(id: string, args: MountArgs | false): void;
  /**
   * The delivery outbox (retries, backoff, Retry-After, sendBeacon) lives in the UI chunk: the loader
   * only asks for it when there is something to deliver (an answer, or unsent ones left by a past page view).
   */
  outbox(endpoint: string, key: string): OutboxHandle;
  /**
   * Exit-intent watchers for one armed survey (desktop or touch heuristics); returns the stop function.
   * 'exit:pagehide' is not passed on: the page is leaving, so the survey id is saved in sessionStorage under
   * `key` and asked on the next page view of this session.
   */
  exit(rules: NonNullable<PublicSurvey['trigger']>['exitIntent'], onExit: (reason: ExitReason) => void, key: string, id: string): () => void;
}

export interface OutboxHandle {
  put(r: ResponseInput, hold: boolean): void;
  stop(): void;
}
