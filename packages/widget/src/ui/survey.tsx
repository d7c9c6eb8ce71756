// The survey dialog: one question per step, answers reported to the loader after
// every step (so a visitor who leaves after the score still counts), then thanks.
import { useEffect, useRef, useState } from 'preact/hooks';
import { npsCategory } from '@hark/shared/nps';
import type { AnswerPatch, MountOptions, PublicSurvey } from '../types.ts';
import type { Localize, Translate } from './strings.ts';
import { Choice, Scale, ratingScale } from './questions.tsx';

type Question = NonNullable<PublicSurvey['questions']>[number];

export function questionsFor(s: PublicSurvey): Question[] {
  if (s.questions?.length) return s.questions;
  const text: Question = { id: 'comment', type: 'text', required: false };
  if (s.kind === 'nps') return [{ id: 'score', type: 'nps' }, text];
  if (s.kind === 'feature_feedback') return [{ id: 'rating', type: 'rating', scale: 'stars' }, text];
  return [{ ...text, required: true }];
}

export interface SurveyProps {
  o: MountOptions;
  t: Translate;
  loc: Localize;
  rtl: boolean;
  mode: 'float' | 'pop' | 'inline';
  /** Feedback button only: lets the visitor point at the element the feedback is about. */
  pick?: () => Promise<{ element: string; selector: string } | null>;
  onClose(): void;
}

export function Survey({ o, t, loc, rtl, mode, pick, onClose }: SurveyProps) {
  const s = o.survey;
  const qs = questionsFor(s);
  const [step, setStep] = useState(0);
  const [patch, setPatch] = useState<AnswerPatch>({});
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string[]>([]);
  const [hidden, setHidden] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const done = step >= qs.length;
  const q = qs[step];
  const feature = s.trigger?.anchor?.feature ?? o.anchor?.getAttribute('data-hark-feature') ?? '';

  // Focus moves into the dialog for prompts; inline blocks are page content and do not steal focus.
  useEffect(() => {
    if (mode === 'inline' && !done) return;
    const el = box.current?.querySelector<HTMLElement>('[tabindex="0"],textarea,button:not(.x)') ?? box.current;
    el?.focus();
  }, [step, hidden]);

  useEffect(() => {
    if (!done) return;
    const id = setTimeout(onClose, 4000);
    return () => clearTimeout(id);
  }, [done]);

  // Popover: keep next to the anchor while the page scrolls or resizes.
  const [pos, setPos] = useState<Record<string, string>>({});
  useEffect(() => {
    if (mode !== 'pop' || !o.anchor) return;
    const place = () => {
      const r = o.anchor!.getBoundingClientRect();
      const h = box.current?.offsetHeight ?? 200;
      const w = box.current?.offsetWidth ?? 320;
      const below = r.bottom + 8 + h <= innerHeight || r.top < h + 8;
      setPos({
        top: `${Math.max(8, below ? r.bottom + 8 : r.top - h - 8)}px`,
        left: `${Math.min(Math.max(8, rtl ? r.right - w : r.left), innerWidth - w - 8)}px`,
      });
    };
    place();
    addEventListener('scroll', place, true);
    addEventListener('resize', place);
    return () => {
      removeEventListener('scroll', place, true);
      removeEventListener('resize', place);
    };
  }, [step]);

  const answer = (p: AnswerPatch) => {
    const next = { ...patch, ...p, answers: p.answers ? { ...patch.answers, ...p.answers } : patch.answers };
    const last = step + 1 >= qs.length;
    setPatch(next);
    o.onAnswer(next, last);
    setText('');
    setChoice([]);
    setStep(step + 1);
  };

  const firstOf = (type: string) => qs.find((x) => x.type === type) === q;
  const heading = (() => {
    if (!q) return t('thanks');
    if (q.type === 'nps') return loc(q.text, t('npsQuestion'));
    if (q.type === 'rating') return loc(q.text, t('featureQuestion', { feature }));
    if (q.type === 'text' && patch.score !== undefined && s.kind === 'nps') {
      const cat = npsCategory(patch.score);
      return loc(q.byCategory?.[cat], loc(q.text, t(cat)));
    }
    const dflt = s.kind === 'exit_intent' ? 'exitQuestion' : s.kind === 'feedback_button' ? 'buttonQuestion' : 'featureComment';
    return loc(q.text, t(dflt));
  })();

  const submitText = () => {
    const v = text.trim();
    if (!q || q.type !== 'text') return;
    if (!v) return answer({});
    answer(firstOf('text') ? { comment: v } : { answers: { [q.id]: v } });
  };

  const doPick = async () => {
    if (!pick) return;
    setHidden(true);
    const got = await pick();
    setHidden(false);
    if (got) setPatch({ ...patch, ...got });
  };

  const cls = `d${mode === 'pop' ? ' pop' : mode === 'inline' ? ' inl' : ''}`;
  const emptyText = q?.type === 'text' && !text.trim() && (q.required || Object.keys(patch).every((k) => k === 'element' || k === 'selector'));
  return (
    <div
      ref={box}
      class={cls}
      style={{ ...pos, display: hidden ? 'none' : undefined }}
      role={mode === 'inline' ? 'region' : 'dialog'}
      aria-labelledby="hark-h"
      tabIndex={-1}
      part="dialog"
      dir={rtl ? 'rtl' : 'ltr'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" class="x" part="close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
      <h2 id="hark-h" role={done ? 'status' : undefined}>
        {heading}
      </h2>
      {q?.type === 'nps' && (
        <>
          <Scale
            cls="sc"
            values={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
            labelledBy="hark-h"
            render={String}
            aria={String}
            rtl={rtl}
            onPick={(v) => answer(firstOf('nps') ? { score: v } : { answers: { [q.id]: v } })}
          />
          <div class="lb" aria-hidden="true">
            <span>{loc(q.lowLabel, t('npsLow'))}</span>
            <span>{loc(q.highLabel, t('npsHigh'))}</span>
          </div>
        </>
      )}
      {q?.type === 'rating' && (
        <Scale
          cls="rt"
          labelledBy="hark-h"
          rtl={rtl}
          {...ratingScale(q.scale ?? 'stars', t)}
          onPick={(v) => answer(firstOf('rating') && s.kind !== 'nps' ? { score: v } : { answers: { [q.id]: v } })}
        />
      )}
      {q?.type === 'choice' && (
        <>
          <Choice
            labelledBy="hark-h"
            multiple={!!q.multiple}
            value={choice}
            options={q.options.map((x) => ({ id: x.id, label: loc(x.label, x.id) }))}
            onChange={(v) => (q.multiple ? setChoice(v) : answer({ answers: { [q.id]: v[0]! } }))}
          />
          {q.multiple && (
            <div class="ac">
              <button type="button" class="pri" disabled={!choice.length} onClick={() => answer({ answers: { [q.id]: choice } })}>
                {t('next')}
              </button>
            </div>
          )}
        </>
      )}
      {q?.type === 'text' && (
        <>
          {pick && (
            <p class="m">
              <button type="button" part="pick" onClick={doPick}>
                {t('pick')}
              </button>{' '}
              {patch.element && <span>{t('about', { element: patch.element })}</span>}
            </p>
          )}
          <textarea
            aria-labelledby="hark-h"
            placeholder={loc(q.placeholder, t('placeholder'))}
            maxLength={4000}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
          <div class="ac">
            <button type="button" class="pri" part="submit" disabled={emptyText} onClick={submitText}>
              {step + 1 >= qs.length ? t('send') : t('next')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
