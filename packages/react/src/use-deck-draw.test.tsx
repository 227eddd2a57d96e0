import { type Deck, deckOrder, drawPrompt, getDeck } from '@attune/core';
import { act, renderHook } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttuneProvider } from './context.js';
import { providerFor, testCouple, testEngine } from './test-fixtures.js';
import { useDeckDraw } from './use-deck-draw.js';

const daily = getDeck('daily');
const order = deckOrder(daily, { coupleId: testCouple.id }).map((prompt) => prompt.id);

/** Today's question, its reason and its round, as a screen would show them. */
function Today() {
  const draw = useDeckDraw('daily');
  return (
    <p data-reason={draw?.reason.key}>
      {draw?.prompt.key} {draw?.round}
    </p>
  );
}

describe('useDeckDraw', () => {
  it("draws the couple's order, moving on as this partner answers", () => {
    const engine = testEngine();
    const { result } = renderHook(() => useDeckDraw('daily'), { wrapper: providerFor(engine) });
    expect(result.current).toEqual(drawPrompt(daily, { coupleId: testCouple.id }));
    expect(result.current?.prompt.id).toBe(order[0]);
    act(() => {
      engine.answer('ana', 'what-feels-safe', order[0] as string, 'Toast');
    });
    expect(result.current?.prompt.id).toBe(order[1]);
    expect(result.current?.remaining).toBe(order.length - 1);
  });

  it("does not move on for the other partner's answers, so the one answering second gets the same prompt", () => {
    const engine = testEngine();
    const { result } = renderHook(() => useDeckDraw(daily), {
      wrapper: providerFor(engine, 'kai'),
    });
    act(() => {
      engine.answer('ana', 'what-feels-safe', order[0] as string, 'Toast', 'shared');
    });
    expect(result.current?.prompt.id).toBe(order[0]);
  });

  it("counts the app's own used prompts with the answered ones, and passes the options on", () => {
    const engine = testEngine();
    engine.answer('ana', 'what-feels-safe', order[0] as string, 'Toast');
    const used = [order[0] as string, order[1] as string];
    const { result } = renderHook(() => useDeckDraw('daily', { used }), {
      wrapper: providerFor(engine),
    });
    expect(result.current?.prompt.id).toBe(order[2]);
    const contexts = ['new-parents'] as const;
    const deep = renderHook(() => useDeckDraw('daily', { depth: 'deep', contexts }), {
      wrapper: providerFor(engine),
    });
    expect(deep.result.current).toEqual(
      drawPrompt(daily, { coupleId: testCouple.id, depth: 'deep', contexts }),
    );
  });

  it('keeps the same draw between renders while nothing it reads changed', () => {
    const engine = testEngine();
    const { result, rerender } = renderHook(() => useDeckDraw('daily'), {
      wrapper: providerFor(engine),
    });
    const first = result.current;
    rerender();
    act(() => {
      engine.completeExercise('ana', 'safe-space-basics');
    });
    expect(result.current).toBe(first);
  });

  it('returns undefined when nothing suits, and throws for an unknown deck', () => {
    const forParents: Deck = {
      ...daily,
      id: 'parents',
      prompts: [
        {
          id: 'parents-1',
          key: 'deck-x:parents-1',
          depth: 'light',
          tags: ['family'],
          contexts: ['new-parents'],
        },
      ],
    };
    const { result } = renderHook(() => useDeckDraw(forParents), {
      wrapper: providerFor(testEngine()),
    });
    expect(result.current).toBeUndefined();
    expect(() =>
      renderHook(() => useDeckDraw('no-such-deck'), { wrapper: providerFor(testEngine()) }),
    ).toThrow(expect.objectContaining({ name: 'AttuneDeckError', code: 'unknown-deck' }));
  });

  it('renders on the server the draw the client makes', () => {
    const source = testEngine();
    source.answer('ana', 'what-feels-safe', order[0] as string, 'Toast');
    const html = renderToString(
      <AttuneProvider engine={testEngine(source.getEvents())} partner="ana">
        <Today />
      </AttuneProvider>,
    ).replaceAll('<!-- -->', '');
    const expected = drawPrompt(daily, { coupleId: testCouple.id, used: [order[0] as string] });
    expect(html).toBe(`<p data-reason="${expected?.reason.key}">${expected?.prompt.key} 1</p>`);
  });
});
