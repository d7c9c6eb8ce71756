// The survey dialog: one question per step; the answer session is updated after
// every step (so a visitor who leaves after the score still counts), then thanks.
// A class component: preact/hooks would add ~1.5 kB gz to a 12 kB budget.
import { Component } from 'preact';
import { npsCategory } from '@hark/shared/nps';
import type { MountOptions, PublicSurvey } from '../types.ts';
import type { Localize, Translate } from './strings.ts';
import { Choice, Scale, ratingScale } from './questions.tsx';
import { answerSession, type AnswerPatch } from './answer.ts';

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

interface State {
  step: number;
  patch: AnswerPatch;
  text: string;
  choice: string[];
  hidden?: boolean;
  pos?: { top: string; left: string };
}

export class Survey extends Component<SurveyProps, State> {
  override state: State = { step: 0, patch: {}, text: '', choice: [] };
  box?: HTMLDivElement | null;
  qs = questionsFor(this.props.o.survey);
  session = answerSession(this.props.o);
  timer?: ReturnType<typeof setTimeout>;
  place = () => {
    const a = this.props.o.anchor;
    const b = this.box;
    if (!a || !b) return;
    const r = a.getBoundingClientRect();
    const h = b.offsetHeight;
    const w = b.offsetWidth;
    const below = r.bottom + 8 + h <= innerHeight || r.top < h + 8;
    this.setState({
      pos: {
        top: `${Math.max(8, below ? r.bottom + 8 : r.top - h - 8)}px`,
        left: `${Math.max(8, Math.min(this.props.rtl ? r.right - w : r.left, innerWidth - w - 8))}px`,
      },
    });
  };
  close = () => {
    this.session.close();
    this.props.onClose();
  };

  override componentDidMount() {
    if (this.props.mode === 'pop') {
      this.place();
      addEventListener('scroll', this.place, true);
      addEventListener('resize', this.place);
    }
    this.focus();
  }

  override componentDidUpdate(_: SurveyProps, prev: State) {
    if (prev.step !== this.state.step || prev.hidden !== this.state.hidden) this.focus();
    if (this.state.step >= this.qs.length && !this.timer) this.timer = setTimeout(this.close, 4000);
  }

  override componentWillUnmount() {
    clearTimeout(this.timer);
    removeEventListener('scroll', this.place, true);
    removeEventListener('resize', this.place);
    this.session.close();
  }

  // Focus moves into prompts; inline blocks are page content and do not steal focus.
  focus() {
    if (this.props.mode === 'inline' && this.state.step < this.qs.length) return;
    const b = this.box;
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
    this.setState({ hidden: false, patch: got ? { ...this.state.patch, ...got } : this.state.patch });
  }

  render({ o, t, loc, rtl, mode, pick }: SurveyProps, { step, patch, text, choice, hidden, pos }: State) {
    const s = o.survey;
    const q = this.qs[step];
    const first = (type: string) => this.qs.find((x) => x.type === type) === q;
    const feature = s.trigger?.anchor?.feature ?? o.anchor?.getAttribute('data-hark-feature') ?? '';
    let heading = t('thanks');
    if (q?.type === 'nps') heading = loc(q.text, t('npsQuestion'));
    else if (q?.type === 'rating') heading = loc(q.text, t('featureQuestion', { feature }));
    else if (q?.type === 'text' && patch.score !== undefined && s.kind === 'nps') {
      const cat = npsCategory(patch.score);
      heading = loc(q.byCategory?.[cat], loc(q.text, t(cat)));
    } else if (q)
      heading = loc(q.text, t(s.kind === 'exit_intent' ? 'exitQuestion' : s.kind === 'feedback_button' ? 'buttonQuestion' : 'featureComment'));
    const answered = patch.score !== undefined || patch.comment !== undefined || !!patch.answers;
    const last = step + 1 >= this.qs.length;
    return (
      <div
        ref={(el) => void (this.box = el)}
        class={'d' + (mode === 'pop' ? ' pop' : mode === 'inline' ? ' inl' : '')}
        style={{ ...pos, display: hidden ? 'none' : undefined }}
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
            <Scale
              cls="sc"
              values={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
              labelledBy="hark-h"
              render={String}
              aria={String}
              rtl={rtl}
              onPick={(v) => this.answer(first('nps') ? { score: v } : { answers: { [q.id]: v } })}
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
            onPick={(v) => this.answer(first('rating') && s.kind !== 'nps' ? { score: v } : { answers: { [q.id]: v } })}
          />
        )}
        {q?.type === 'choice' && (
          <>
            <Choice
              labelledBy="hark-h"
              multiple={!!q.multiple}
              value={choice}
              options={q.options.map((x) => ({ id: x.id, label: loc(x.label, x.id) }))}
              onChange={(v) => (q.multiple ? this.setState({ choice: v }) : this.answer({ answers: { [q.id]: v[0]! } }))}
            />
            {q.multiple && (
              <div class="ac">
                <button type="button" class="pri" disabled={!choice.length} onClick={() => this.answer({ answers: { [q.id]: choice } })}>
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
                <button type="button" part="pick" onClick={() => this.doPick()}>
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
              onInput={(e) => this.setState({ text: (e.target as HTMLTextAreaElement).value })}
            />
            <div class="ac">
              <button
                type="button"
                class="pri"
                part="submit"
                // An empty follow-up is fine after a score; a survey with nothing answered yet needs text.
                disabled={!text.trim() && (q.required || !answered)}
                onClick={() => {
                  const v = text.trim();
                  this.answer(!v ? {} : first('text') ? { comment: v } : { answers: { [q.id]: v } });
                }}
              >
                {last ? t('send') : t('next')}
              </button>
            </div>
          </>
        )}
      </div>
    );
  }
}
