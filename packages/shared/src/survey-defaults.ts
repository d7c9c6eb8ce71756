import type { Question } from './schemas/survey.ts';
import type { SurveyKind } from './schemas/common.ts';

/**
 * The questions a survey gets when its author gives none. Wording is left out on
 * purpose: the widget's built-in French and English strings supply it.
 */
export function defaultQuestions(kind: SurveyKind): Question[] {
  switch (kind) {
    case 'nps':
      return [
        { type: 'nps', id: 'score' },
        { type: 'text', id: 'comment', required: false },
      ];
    case 'feature_feedback':
      return [
        { type: 'rating', id: 'rating', scale: 'stars' },
        { type: 'text', id: 'comment', required: false },
      ];
    case 'exit_intent':
    case 'feedback_button':
      return [{ type: 'text', id: 'comment', required: true }];
  }
}
