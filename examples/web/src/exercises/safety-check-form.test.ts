import {
  type Couple,
  createEngine,
  type Engine,
  getExercise,
  nineStepProgram,
  type SafetyCheckExercise,
} from '@attune/core';
import { AttuneProvider } from '@attune/react';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../app-context.js';
import { createAppI18n } from '../i18n.js';
import de from '../locales/de/app.json';
import en from '../locales/en/app.json';
import { SafetyCheckForm } from './safety-check-form.js';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const couple: Couple = {
  id: 'safety-form-test',
  partners: [
    { id: 'ana', timeZone: 'UTC' },
    { id: 'kai', timeZone: 'UTC' },
  ],
  startedAt: 0,
};

const found = getExercise(nineStepProgram, 'safety-check')?.exercise;
if (found?.kind !== 'safety-check') throw new Error('The program has no safety check');
const check: SafetyCheckExercise = found;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** The form on a page, in a language, for Ana; what it reported to the shell, and her engine. */
async function form(locale: string, exercise: SafetyCheckExercise = check) {
  const i18n = await createAppI18n(locale);
  const engine: Engine = createEngine({ program: nineStepProgram, couple, device: 'ana-phone' });
  const reported: unknown[] = [];
  const app: AppContextValue = {
    names: { ana: 'Ana', kai: 'Kai' },
    region: undefined,
    setLanguage: () => {},
    setRegion: () => {},
    revealMode: () => 'when-both-answered',
    setRevealMode: () => {},
    report: (error) => reported.push(error),
  };
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  // The words load after the first render; their re-render happens inside act too.
  await act(async () => {
    root?.render(
      createElement(
        AppContext,
        { value: app },
        createElement(
          AttuneProvider,
          { engine, partner: 'ana', i18n },
          createElement(SafetyCheckForm, { exercise }),
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const group = (question: string) => {
    const index = exercise.questions.findIndex((each) => each.id === question);
    const fieldset = container.querySelectorAll('fieldset')[index];
    if (!fieldset) throw new Error(`No question "${question}"`);
    return fieldset;
  };
  return {
    container,
    engine,
    reported,
    group,
    answer(question: string, value: 'yes' | 'no') {
      const radio = group(question).querySelector<HTMLInputElement>(`input[value="${value}"]`);
      act(() => radio?.click());
    },
    submit() {
      act(() => container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    },
    checks: () => engine.getEvents().filter((event) => event.type === 'safety-check-taken'),
    alert: () => container.querySelector('[role="alert"]')?.textContent,
  };
}

describe('the safety check form', () => {
  it('records nothing until every question is answered, and says which still need one', async () => {
    const page = await form('en');
    expect(page.container.querySelectorAll('input[type="radio"][required]')).toHaveLength(
      check.questions.length * 2,
    );
    // No way to send a question left out: only yes and no.
    expect(page.container.querySelectorAll('input[value="skip"]')).toHaveLength(0);
    expect(page.container.textContent).toContain(en.safety['every-question']);

    page.answer('feel-safe', 'yes');
    page.submit();
    expect(page.checks()).toEqual([]);
    expect(page.alert()).toBe(en.safety.unanswered);
    expect(page.group('feel-safe').getAttribute('aria-invalid')).toBeNull();
    const open = page.group('can-disagree');
    expect(open.getAttribute('aria-invalid')).toBe('true');
    const hint = document.getElementById(open.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(en.safety['needs-answer']);
    expect(document.activeElement).toBe(open.querySelector('input[value="yes"]'));

    page.answer('can-disagree', 'yes');
    expect(page.group('can-disagree').getAttribute('aria-invalid')).toBeNull();
    page.answer('afraid', 'no');
    page.answer('see-others', 'yes');
    page.answer('threatened', 'no');
    expect(page.alert()).toBeUndefined();
    page.submit();
    expect(page.checks()).toHaveLength(1);
    expect(page.checks()[0]?.data).toMatchObject({
      answers: { 'feel-safe': true, 'can-disagree': true, afraid: false, 'see-others': true },
    });
    expect(page.container.querySelector('[data-result]')?.getAttribute('data-result')).toBe(
      'clear',
    );
  });

  it('lets a partner whose answer signals risk stop there, as the engine does', async () => {
    const page = await form('en');
    page.answer('afraid', 'yes');
    expect(page.container.querySelectorAll('input[type="radio"][required]')).toHaveLength(0);
    page.submit();
    expect(page.checks()).toHaveLength(1);
    expect(page.container.querySelector('[data-result]')?.getAttribute('data-result')).toBe('risk');
  });

  it('says a refusal of unfinished answers in the partner’s language, not the engine’s English', async () => {
    // A form that knows fewer questions than the program, so the engine still finds some missing.
    const page = await form('de', { ...check, questions: check.questions.slice(0, 2) });
    page.answer('feel-safe', 'yes');
    page.answer('can-disagree', 'yes');
    page.submit();
    expect(page.checks()).toEqual([]);
    expect(page.alert()).toBe(de.safety.refused);
    expect(page.reported.filter((error) => error !== undefined)).toEqual([]);

    page.answer('feel-safe', 'no');
    expect(page.alert()).toBeUndefined();
  });
});
