// The survey dialog: one question per step; the answer session is updated after
// every step (so a visitor who leaves after the score still counts), then thanks.
// Each step rebuilds the dialog's content with h() (see dom.ts) and moves focus in.
import { npsCategory } from '@hark/shared/nps';
import type { MountOptions, PublicSurvey } from '../types.ts';
import type { Localize, Translate } from './strings.ts';
import { Fragment, h, nodes } from './dom.ts';
import { Choice, Scale } from './questions.tsx';
import { answerSession, type AnswerPatch } from './answer.ts';

type Question = NonNullable<PublicSurvey['questions']>[number];

export function questionsFor(s: PublicSurvey): Question[] {
  const text: Question = { id: 'comment', type: 'text', required: s.kind === 'exit_intent' || s.kind === 'feedback_button' };
  return s.questions?.length
    ? s.questions
    : s.kind === 'nps'
      ? [{ id: 'score', type: 'nps' }, text]
      : s.kind === 'feature_feedback'
        ? [{ id: 'rating', type: 'rating', scale: 'stars' }, text]
        : [text];
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

const EMOJI = ['😞', '🙁', '😐', '🙂', '😍'];

/** Builds the dialog; `close()` ends the answer session (delivers, tells the loader) and calls onClose. */
export function survey({ o, t, loc, rtl, mode, pick, onClose }: SurveyProps) {
  const s = o.survey;
  const qs = questionsFor(s);
  const session = answerSession(o);
  const feature = s.trigger?.anchor?.feature ?? o.anchor?.getAttribute('data-hark-feature') ?? '';
  let step = 0;
  let patch: AnswerPatch = {};
  let timer: ReturnType<typeof setTimeout>;
  let over = false;

  /** Popover: below the anchor when it fits, else above; kept inside the viewport. */
  const place = () => {
    const r = o.anchor!.getBoundingClientRect();
    const { offsetHeight: h, offsetWidth: w } = box;
    const px = (n: number) => Math.max(8, n) + 'px';
    box.style.top = px(r.bottom + 8 + h <= innerHeight || r.top < h + 8 ? r.bottom + 8 : r.top - h - 8);
    box.style.left = px(Math.min(rtl ? r.right - w : r.left, innerWidth - w - 8));
  };
  const listen = (f: typeof addEventListener) => {
    f('scroll', place, true);
    f('resize', place);
  };
  const close = () => {
    if (!over) {
      over = true;
      clearTimeout(timer);
      listen(removeEventListener);
      session.close();
      onClose();
    }
  };

  const answer = (p: AnswerPatch) => {
    patch = { ...patch, ...p, answers: p.answers ? { ...patch.answers, ...p.answers } : patch.answers };
    session.update(patch, ++step >= qs.length);
    draw();
  };

  const box: HTMLElement = (
    <div
      class={'d ' + (mode === 'pop' ? 'pop' : mode === 'inline' ? 'inl' : '')}
      role={mode === 'inline' ? 'region' : 'dialog'}
      aria-labelledby="hark-h"
      tabIndex={-1}
      part="dialog"
      dir={rtl ? 'rtl' : 'ltr'}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    />
  );

  function draw() {
    const q = qs[step];
    // The first question of a type fills the top-level field (score/comment); later ones go to answers.
    const put = (field: 'score' | 'comment', v: string | number | string[], top: unknown) =>
      answer(top && qs.find((x) => x.type === q!.type) === q ? { [field]: v } : { answers: { [q!.id]: v } });
    const answered = patch.score !== undefined || patch.comment !== undefined || !!patch.answers;
    // An empty follow-up is fine after a score; a survey with nothing answered yet needs text.
    const needText = (q as { required?: boolean } | undefined)?.required || !answered;
    const choice: string[] = [];
    const next = (onClick: () => void, disabled: boolean) => (
      <div class="ac">
        <button type="button" class="p" part="submit" disabled={disabled} onClick={onClick} ref={(b: HTMLButtonElement) => (send = b)}>
          {t(step + 1 >= qs.length ? 'send' : 'next')}
        </button>
      </div>
    );
    let send: HTMLButtonElement;
    let about: HTMLElement;
    box.replaceChildren(
      ...nodes([
      <button type="button" class="x" part="close" aria-label={t('close')} onClick={close}>
        ×
      </button>,
      <h2 id="hark-h" role={q ? undefined : 'status'}>
        {!q
          ? t('thanks')
          : q.type === 'nps'
            ? loc(q.text, t('npsQuestion'))
            : q.type === 'rating'
              ? loc(q.text, t('featureQuestion', { feature }))
              : q.type === 'text' && s.kind === 'nps' && patch.score !== undefined
                ? loc(q.byCategory?.[npsCategory(patch.score)], loc(q.text, t(npsCategory(patch.score))))
                : loc(q.text, t(s.kind === 'exit_intent' ? 'exitQuestion' : s.kind === 'feedback_button' ? 'buttonQuestion' : 'featureComment'))}
      </h2>,
      q?.type === 'nps' && (
        <>
          <Scale cls="sc" values={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]} label={String} aria={String} rtl={rtl} onPick={(v: number) => put('score', v, 1)} />
          <div class="lb" aria-hidden="true">
            <span>{loc(q.lowLabel, t('npsLow'))}</span>
            <span>{loc(q.highLabel, t('npsHigh'))}</span>
          </div>
        </>
      ),
      q?.type === 'rating' && (
        <Scale
          cls="rt"
          values={[1, 2, 3, 4, 5]}
          label={(v: number) => (q.scale === 'emoji' ? EMOJI[v - 1]! : '★')}
          aria={(v: number) => t('outOf', { n: v })}
          rtl={rtl}
          onPick={(v: number) => put('score', v, s.kind !== 'nps')}
        />
      ),
      q?.type === 'choice' && (
        <>
          <Choice
            multiple={!!q.multiple}
            value={choice}
            options={q.options.map((x) => ({ id: x.id, label: loc(x.label, x.id) }))}
            onChange={() => (q.multiple ? (send.disabled = !choice.length) : put('comment', choice[0]!, 0))}
          />
          {q.multiple && next(() => put('comment', choice, 0), true)}
        </>
      ),
      q?.type === 'text' && (
        <>
          {pick && (
            <p class="m">
              <button
                type="button"
                part="pick"
                onClick={async () => {
                  box.hidden = true;
                  const got = await pick();
                  box.hidden = false;
                  if (got) about.textContent = t('about', { element: (patch = { ...patch, ...got }).element! });
                  box.querySelector('textarea')!.focus();
                }}
              >
                {t('pick')}
              </button>{' '}
              <span ref={(e: HTMLElement) => (about = e)} />
            </p>
          )}
          <textarea
            aria-labelledby="hark-h"
            aria-required={needText}
            placeholder={loc(q.placeholder, t(needText ? 'required' : 'optional'))}
            maxLength={4000}
            onInput={(e: Event) => (send.disabled = !(e.target as HTMLTextAreaElement).value.trim() && needText)}
          />
          {next(() => {
            const v = box.querySelector('textarea')!.value.trim();
            v ? put('comment', v, 1) : answer({});
          }, needText)}
        </>
      ),
      ]),
    );
    if (!q) timer = setTimeout(close, 4000);
    focus(!q);
  }
  // Focus moves into prompts; inline blocks are page content and do not steal focus.
  const focus = (force?: boolean) =>
    (mode !== 'inline' || force) && (box.querySelector<HTMLElement>('[tabindex="0"],textarea,button:not(.x)') ?? box).focus();

  draw();
  return {
    el: box,
    close,
    /** Call once the dialog is in the document. */
    shown() {
      if (mode === 'pop') {
        place();
        listen(addEventListener);
      }
      focus();
    },
  };
}
