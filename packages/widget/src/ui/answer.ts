// One answer session: the uuid is minted when the visitor gives the first answer
// (it is the idempotency key), and the same response grows as later steps are
// answered. It stays "held" in the outbox until the visitor finishes, closes, or the
// page goes away, so a score given before leaving is never lost.
import type { MountOptions, ResponseInput } from '../types.ts';
import { uuidv4 } from './uuid.ts';
import { load, save } from '../storage.ts';
import { recordOutcome, recordShown, type FatigueState } from '../fatigue.ts';

export interface AnswerPatch {
  score?: number;
  comment?: string;
  answers?: Record<string, string | number | string[]>;
  element?: string;
  selector?: string;
}

export function answerSession(o: MountOptions) {
  let r: ResponseInput | undefined;
  let over = false;
  const release = () => r && !over && o.put(r, false);
  const fatigue = (f: (st: FatigueState) => FatigueState) => save(o.fk, f(load(o.fk, { bySurvey: {} })));
  if (o.prompt) fatigue((st) => recordShown(st, o.survey, Date.now()));
  // Capture phase: runs before the outbox's own pagehide listener hands it to sendBeacon.
  addEventListener('pagehide', release, true);
  return {
    update({ element, selector, ...rest }: AnswerPatch, finished: boolean) {
      if (over) return;
      // JSON round trip drops undefined fields so the wire format stays minimal.
      r = JSON.parse(
        JSON.stringify({
          id: r?.id ?? uuidv4(),
          answeredAt: r?.answeredAt ?? new Date().toISOString(),
          surveyId: o.survey.id,
          type: o.survey.kind,
          locale: o.locale,
          ...rest,
          context: {
            url: location.href.slice(0, 2048),
            title: document.title.slice(0, 500) || undefined,
            referrer: document.referrer.slice(0, 2048) || undefined,
            trigger: o.trigger.slice(0, 100),
            viewport: { w: innerWidth, h: innerHeight },
            feature: o.survey.trigger?.anchor?.feature ?? o.anchor?.getAttribute('data-hark-feature') ?? undefined,
            element: element?.slice(0, 500),
            selector: selector?.slice(0, 1000),
          },
          user: o.user,
        }),
      );
      o.put(r!, !finished);
    },
    /** The surface closed: deliver what was answered and tell the loader. */
    close() {
      if (!over) {
        release();
        over = true;
        removeEventListener('pagehide', release, true);
        fatigue((st) => recordOutcome(st, o.survey.id, !!r, Date.now()));
        o.done(r);
      }
    },
  };
}
