// The survey dialog: one question per step; the answer session is updated after
// every step (so a visitor who leaves after the score still counts), then thanks.
// A class component: preact/hooks would add ~1.5 kB gz to a 12 kB budget.
import { Component, Fragment, h } from 'preact';
import { npsCategory } from '@hark/shared/nps';
import type { MountOptions, PublicSurvey } from '../types.ts';
import type { Localize, Translate } from './strings.ts';
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

interface State {
  step: number;
  patch: AnswerPatch;
  text: string;
  choice: string[];
  hidden?: boolean;
  pos?: { top: string; left: string };
}

const EMOJI = ['😞', '🙁', '😐', '🙂', '😍'];

export class Survey extends Component<SurveyProps, State> {
  override state: State = { step: 0, patch: {}, text: '', choice: [] };
  box?: HTMLDivElement | null;
  qs = questionsFor(this.props.o.survey);
  session = answerSession(this.props.o);
  timer?: ReturnType<typeof setTimeout>;
  /** Popover: below the anchor when it fits, else above; kept inside the viewport. */
  place = () => {
    const a = this.props.o.anchor;
    const b = this.box;
    if (a && b) {
      const r = a.getBoundingClientRect();
      const { offsetHeight: h, offsetWidth: w } = b;
      const px = (n: number) => Math.max(8, n) + 'px';
      this.setState({
        pos: {
          top: px(r.bottom + 8 + h <= innerHeight || r.top < h + 8 ? r.bottom + 8 : r.top - h - 8),
          left: px(Math.min(this.props.rtl ? r.right - w : r.left, innerWidth - w - 8)),
        },
      });
    }
  };
  close = () => {
    this.session.close();
    this.props.onClose();
  };
  listen(on: boolean) {
    const f = on ? addEventListener : removeEventListener;
    f('scroll', this.place, true);
    f('resize', this.place);
  }

  override componentDidMount() {
    if (this.props.mode === 'pop') {
      this.place();
      this.listen(true);
    }
    this.focus();
  }

  override componentDidUpdate(_: SurveyProps, prev: State) {
    const { step, hidden } = this.state;
    if (prev.step !== step || prev.hidden !== hidden) this.focus();
    if (step >= this.qs.length) this.timer ??= setTimeout(this.close, 4000);
  }

  override componentWillUnmount() {
    clearTimeout(this.timer);
    this.listen(false);
    this.session.close();
  }

  // Focus moves into prompts; inline blocks are page content and do not steal focus.
  focus() {
    const b = this.box;
    if (this.props.mode !== 'inline' || this.state.step >= this.qs.length)
      (b?.querySelector<HTMLElement>('[tabindex="0"],textarea,button:not(.x)') ?? b)?.focus();
  }

  answer(p: AnswerPatch) {
    const s = this.state;
    const patch = { ...s.patch, ...p, answers: p.answers ? { ...s.patch.answers, ...p.answers } : s.patch.answers };
    this.session.update(patch, s.step + 1 >= this.qs.length);
    this.setState({ patch, text: '', choice: [], step: s.step + 1 });
  }

  async doPick() {
    this.setState({ hidden: true });
    const got = await this.props.pick!();
    this.setState({ hidden: false, patch: { ...this.state.patch, ...got } });
  }

  render({ o, t, loc, rtl, mode, pick }: SurveyProps, { step, patch, text, choice, hidden, pos }: State) {
    const s = o.survey;
    const q = this.qs[step];
    // The first question of a type fills the top-level field (score/comment); later ones go to answers.
    const put = (field: 'score' | 'comment', v: string | number | string[], top: unknown) =>
      this.answer(top && this.qs.find((x) => x.type === q!.type) === q ? { [field]: v } : { answers: { [q!.id]: v } });
    const feature = s.trigger?.anchor?.feature ?? o.anchor?.getAttribute('data-hark-feature') ?? '';
    const answered = patch.score !== undefined || patch.comment !== undefined || !!patch.answers;
    // An empty follow-up is fine after a score; a survey with nothing answered yet needs text.
    const needText = q?.required || !answered;
    const heading = !q
      ? t('thanks')
      : q.type === 'nps'
        ? loc(q.text, t('npsQuestion'))
        : q.type === 'rating'
          ? loc(q.text, t('featureQuestion', { feature }))
          : q.type === 'text' && s.kind === 'nps' && patch.score !== undefined
            ? loc(q.byCategory?.[npsCategory(patch.score)], loc(q.text, t(npsCategory(patch.score))))
            : loc(q.text, t(s.kind === 'exit_intent' ? 'exitQuestion' : s.kind === 'feedback_button' ? 'buttonQuestion' : 'featureComment'));
    const next = (
      v: unknown,
      onClick: () => void,
      disabled?: boolean,
    ) =>
      v && (
        <div class="ac">
          <button type="button" class="p" part="submit" disabled={disabled} onClick={onClick}>
            {step + 1 >= this.qs.length ? t('send') : t('next')}
          </button>
        </div>
      );
    return (
      <div
        ref={(el) => void (this.box = el)}
        class={'d ' + (mode === 'pop' ? 'pop' : mode === 'inline' ? 'inl' : '')}
        style={{ ...pos, display: hidden ? 'none' : '' }}
        role={mode === 'inline' ? 'region' : 'dialog'}
        aria-labelledby="hark-h"
        tabIndex={-1}
        part="dialog"
        dir={rtl ? 'rtl' : 'ltr'}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            this.close();
          }
        }}
      >
        <button type="button" class="x" part="close" aria-label={t('close')} onClick={this.close}>
          ×
        </button>
        <h2 id="hark-h" role={q ? undefined : 'status'}>
          {heading}
        </h2>
        {q?.type === 'nps' && (
          <>
            <Scale cls="sc" values={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]} label={String} aria={String} rtl={rtl} onPick={(v) => put('score', v, 1)} />
            <div class="lb" aria-hidden="true">
              <span>{loc(q.lowLabel, t('npsLow'))}</span>
              <span>{loc(q.highLabel, t('npsHigh'))}</span>
            </div>
          </>
        )}
        {q?.type === 'rating' && (
          <Scale
            cls="rt"
            values={[1, 2, 3, 4, 5]}
            label={(v) => (q.scale === 'emoji' ? EMOJI[v - 1]! : '★')}
            aria={(v) => t('outOf', { n: v })}
            rtl={rtl}
            onPick={(v) => put('score', v, s.kind !== 'nps')}
          />
        )}
        {q?.type === 'choice' && (
          <>
            <Choice
              multiple={!!q.multiple}
              value={choice}
              options={q.options.map((x) => ({ id: x.id, label: loc(x.label, x.id) }))}
              onChange={(v) => (q.multiple ? this.setState({ choice: v }) : put('comment', v[0]!, 0))}
            />
            {next(q.multiple, () => put('comment', choice, 0), !choice.length)}
          </>
        )}
        {q?.type === 'text' && (
          <>
            {pick && (
              <p class="m">
                <button type="button" part="pick" onClick={() => this.doPick()}>
                  {t('pick')}
                </button>{' '}
                {patch.element && t('about', { element: patch.element })}
              </p>
            )}
            <textarea
              aria-labelledby="hark-h"
              aria-required={needText}
              placeholder={loc(q.placeholder, t(needText ? 'required' : 'optional'))}
              maxLength={4000}
              value={text}
              onInput={(e) => this.setState({ text: (e.target as HTMLTextAreaElement).value })}
            />
            {next(1, () => (text.trim() ? put('comment', text.trim(), 1) : this.answer({})), !text.trim() && needText)}
          </>
        )}
      </div>
    );
  }
}
