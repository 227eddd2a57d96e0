import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AttuneProvider } from './context.js';
import { testEngine } from './test-fixtures.js';
import { useExercise } from './use-exercise.js';
import { usePracticeTimer } from './use-practice-timer.js';
import { useRhythm } from './use-rhythm.js';
import { useSteps } from './use-steps.js';
import { useSuggestion } from './use-suggestion.js';

function Progress() {
  const steps = useSteps();
  const rhythm = useRhythm();
  const suggestion = useSuggestion();
  const timer = usePracticeTimer('just-validate');
  const exercise = useExercise('safe-space-basics');
  return (
    <main>
      <ol>
        {steps.map((step) => (
          <li key={step.id}>
            {step.id}: {step.status} {step.percent}%
          </li>
        ))}
      </ol>
      <p>weeks: {rhythm.weeks}</p>
      <p>next: {suggestion.exercise}</p>
      <p>
        {timer?.phase.id} {timer?.secondsLeft}
      </p>
      <p>{exercise?.status}</p>
    </main>
  );
}

describe('server rendering', () => {
  it('renders with the server snapshot and hydrates without a mismatch', async () => {
    // The server builds its engine from the stored events; the client builds its own from the same.
    const source = testEngine();
    source.completeExercise('ana', 'safe-space-basics');
    source.completeExercise('ana', 'ground-rules', { together: true });
    const events = source.getEvents();

    const app = (engine = testEngine(events)) => (
      <AttuneProvider engine={engine} partner="ana">
        <Progress />
      </AttuneProvider>
    );
    const html = renderToString(app());
    const text = html.replaceAll('<!-- -->', '');
    expect(text).toContain('<li>safe-space: in-progress 50%</li>');
    expect(text).toContain('<p>weeks: 1</p>');
    expect(text).toContain('<p>share 120</p>');

    const container = document.createElement('div');
    container.innerHTML = html;
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    await act(async () => {
      hydrateRoot(container, app(), { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe(html);
    errors.mockRestore();
  });
});
