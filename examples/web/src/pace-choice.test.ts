import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import { exportEvents } from '@attune/core/sync';
import { AttuneProvider } from '@attune/react';
import { act, createElement, type FunctionComponent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from './app-context.js';
import { createAppI18n } from './i18n.js';
import { PauseScreen } from './pause-screen.js';
import { SafetyScreen } from './safety-screen.js';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const couple: Couple = {
  id: 'pace-choice-test',
  partners: [
    { id: 'ana', timeZone: 'UTC' },
    { id: 'kai', timeZone: 'UTC' },
  ],
  startedAt: Date.UTC(2026, 0, 5, 8),
};
// 08:07 UTC: a rest chosen now takes effect at 08:15.
const NOW = Date.UTC(2026, 0, 5, 8, 7);
const QUARTER = Date.UTC(2026, 0, 5, 8, 15);

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** A screen on a page, in English, for one partner of a couple whose engine is given. */
async function show(screen: FunctionComponent, engine: Engine, partner = 'ana') {
  const i18n = await createAppI18n('en');
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
  await act(async () => {
    root?.render(
      createElement(
        AppContext,
        { value: app },
        createElement(AttuneProvider, { engine, partner, i18n }, createElement(screen)),
      ),
    );
    // The words load after the first render; their re-render happens inside act too.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const button = (name: string) => {
    const found = [...container.querySelectorAll('button')].find(
      (each) => each.textContent === name,
    );
    if (!found) throw new Error(`No button "${name}" in: ${container.textContent}`);
    return found;
  };
  return {
    container,
    reported,
    /** A text of the `safety` namespace, in the page's language. */
    words: (key: string) => String(i18n.t(`safety:${key}`)),
    button,
    click: (name: string) => act(() => button(name).click()),
    has: (name: string) =>
      [...container.querySelectorAll('button')].some((b) => b.textContent === name),
    text: () => container.textContent ?? '',
  };
}

const engineAt = (device: string) =>
  createEngine({ program: nineStepProgram, couple, device, now: () => NOW });

/** Answers the check's question about fear with yes, which signals risk, and finishes. */
function takeRiskyCheck(page: Awaited<ReturnType<typeof show>>) {
  const afraid = [...page.container.querySelectorAll('fieldset')].find((fieldset) =>
    fieldset.querySelector('legend')?.textContent?.includes('afraid'),
  );
  act(() => afraid?.querySelector<HTMLInputElement>('input[value="yes"]')?.click());
  act(() => page.container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
}

describe('resting the deeper exercises', () => {
  it('offers a rest after a check that signals risk, recommended, and records it only when chosen', async () => {
    const engine = engineAt('ana-phone');
    const page = await show(SafetyScreen, engine);
    expect(page.has(page.words('rest.choose'))).toBe(false);
    takeRiskyCheck(page);
    expect(page.container.querySelector('[data-result]')?.getAttribute('data-result')).toBe('risk');
    // Nothing rests by itself: the partner chooses, told what the other partner sees and could infer.
    expect(engine.getEvents().map((event) => event.type)).toEqual(['safety-check-taken']);
    expect(page.text()).toContain(page.words('rest.others-see'));
    expect(page.has(page.words('rest.not-now'))).toBe(true);
    page.click(page.words('rest.choose'));
    const rest = engine.getEvents().find((event) => event.type === 'safety-rest');
    expect(rest).toMatchObject({ data: { active: true }, clock: { wall: QUARTER } });
    expect(page.text()).toContain('The deeper exercises rest for both of you from 8:15');
    expect(engine.getSnapshot().resting).toBe(false);
    // Nothing was refused.
    expect(page.reported.every((each) => each === undefined)).toBe(true);
  });

  it('records nothing for “Not now”, and never shows an earlier result on a later visit', async () => {
    const engine = engineAt('ana-phone');
    const page = await show(SafetyScreen, engine);
    takeRiskyCheck(page);
    page.click(page.words('rest.not-now'));
    expect(page.text()).toContain(page.words('rest.declined'));
    expect(engine.getEvents().map((event) => event.type)).toEqual(['safety-check-taken']);
    act(() => root?.unmount());
    const later = await show(SafetyScreen, engine);
    expect(later.has(later.words('rest.choose'))).toBe(false);
    expect(later.container.querySelector('[data-result]')).toBeNull();
  });

  it('lets either partner choose a slower pace, for no reason, which records the very same rest', async () => {
    const afterRisk = engineAt('ana-phone');
    const risky = await show(SafetyScreen, afterRisk);
    takeRiskyCheck(risky);
    risky.click(risky.words('rest.choose'));
    act(() => root?.unmount());

    const slower = engineAt('ana-phone');
    const page = await show(PauseScreen, slower);
    expect(page.text()).toContain(page.words('pace.others-see'));
    page.click(page.words('pace.slower'));
    expect(page.text()).toContain('You chose a slower pace, from 8:15');
    // What Kai's device and a relay would receive is the same, byte for byte.
    const forKai = (engine: Engine) =>
      JSON.stringify(exportEvents(engine.getEvents(), { couple, recipient: 'kai' }));
    expect(forKai(slower)).toBe(forKai(afterRisk));

    page.click(page.words('pace.usual'));
    expect(page.text()).toContain('Your slower pace ends at 8:15');
    expect(slower.viewFor('ana').ownRest).toMatchObject({ active: false });
    expect(page.has(page.words('pace.slower'))).toBe(true);
  });

  it("shows the other partner nothing of a partner's rest but the neutral words", async () => {
    const engine = engineAt('shared-phone');
    engine.setRest('ana', true);
    const page = await show(PauseScreen, engine, 'kai');
    expect(page.has(page.words('pace.slower'))).toBe(true);
    expect(page.text()).not.toContain('You chose');
    expect(page.text()).not.toContain('ends at');
  });
});
