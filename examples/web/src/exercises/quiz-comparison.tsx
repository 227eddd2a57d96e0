import type { QuizQuestion } from '@attune/core';
import { usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';

/** One partner's quiz answer: what they picked for themselves, and their guess for the other. */
export interface QuizAnswer {
  readonly question: string;
  readonly self: string;
  readonly guess: string;
}

/** Props of {@link QuizComparison}. */
export interface QuizComparisonProps {
  readonly question: QuizQuestion;
  readonly mine: QuizAnswer;
  readonly theirs: QuizAnswer;
}

/** Both partners' answers to one question side by side, with each guess marked right or not. */
export function QuizComparison({ question, mine, theirs }: QuizComparisonProps) {
  const t = useText();
  const words = useAppText();
  const { me, other } = usePartners();
  const option = (id: string) => t(question.options.find((each) => each.id === id)?.key ?? id);
  const mark = (right: boolean) => words.t(right ? 'quiz.match' : 'quiz.surprise');
  return (
    <dl className="comparison" data-testid="quiz-comparison">
      <dt>
        <bdi>{me.name}</bdi>
      </dt>
      <dd>
        {option(mine.self)} —{' '}
        {words.named('quiz.guessed', { name: other.name }, { option: option(theirs.guess) })}{' '}
        <span className="mark">{mark(mine.self === theirs.guess)}</span>
      </dd>
      <dt>
        <bdi>{other.name}</bdi>
      </dt>
      <dd>
        {option(theirs.self)} —{' '}
        {words.named('quiz.guessed', { name: me.name }, { option: option(mine.guess) })}{' '}
        <span className="mark">{mark(theirs.self === mine.guess)}</span>
      </dd>
    </dl>
  );
}
