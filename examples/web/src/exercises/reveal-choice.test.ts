import { type Couple, createEngine, nineStepProgram, type RevealMode } from '@attune/core';
import { AttuneProvider } from '@attune/react';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../app-context.js';
import { createAppI18n } from '../i18n.js';
import { RevealChoice } from './reveal-choice.js';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const couple: Couple = {
  id: 'reveal-choice-test',
  partners: [
    { id: 'ana', timeZone: 'UTC' },
    { id: 'kai', timeZone: 'UTC' },
  ],
  startedAt: Date.UTC(2026, 0, 5, 8),
};
const NOW = Date.UTC(2026, 0, 5, 9);
const QUIZ = 'inner-world-quiz';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** One shared phone where Ana chooses when her answers open, and both answered one question. */
async function setUp() {
  const modes: Record<string, RevealMode> = { ana: 'by-choice' };
  const engine = createEngine({
    program: nineStepProgram,
    couple,
    device: 'shared-phone',
    now: () => NOW,
    reveal: (partner) => modes[partner] ?? 'when-both-answered',
  });
  const anas = engine.answerQuiz('ana', QUIZ, 'recharge', 'alone', 'friends');
  engine.answerQuiz('kai', QUIZ, 'recharge', 'outdoors', 'alone');
  const i18n = await createAppI18n('en');
  const reported: unknown[] = [];
  const app: AppContextValue = {
    names: { ana: 'Ana', kai: 'Kai' },
    region: undefined,
    setLanguage: () => {},
    setRegion: () => {},
    revealMode: (partner) => modes[partner] ?? 'when-both-answered',
    setRevealMode: (partner, mode) => {
      modes[partner] = mode;
    },
    report: (error) => reported.push(error),
  };
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root?.render(
      createElement(
        AppContext,
        { value: app },
        createElement(
          AttuneProvider,
          { engine, partner: 'ana', i18n },
          createElement(RevealChoice, { exercise: QUIZ, promptText: (prompt) => `Q:${prompt}` }),
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const button = (name: string) => {
    const found = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
    if (!found) throw new Error(`No button "${name}" in: ${container.textContent}`);
    return found;
  };
  const opened = () =>
    engine.viewFor('kai').entries.find((entry) => entry.id === anas.id)?.data !== undefined;
  return { engine, container, reported, button, opened, modes };
}

describe('RevealChoice', () => {
  it('lists the answers that wait for Ana, and reveals the one she picks', async () => {
    const { container, button, opened, reported } = await setUp();
    expect(container.textContent).toContain('Kai has answered too. Your answers wait for you:');
    expect(container.textContent).toContain('Q:recharge');
    expect(opened()).toBe(false);
    await act(async () => button('Reveal this one').click());
    expect(opened()).toBe(true);
    expect(reported.filter(Boolean)).toEqual([]);
    expect(container.textContent).not.toContain('Your answers wait for you');
  });

  it('opens what waited when Ana goes back to opening answers at once', async () => {
    const { container, opened, modes } = await setUp();
    const box = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await act(async () => box.click());
    expect(modes.ana).toBe('when-both-answered');
    expect(opened()).toBe(true);
  });
});
