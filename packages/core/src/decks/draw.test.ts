import { describe, expect, it } from 'vitest';
import { AttuneError } from '../errors/attune-error.js';
import { getDeck } from './all-decks.js';
import { AttuneDeckError } from './deck-error.js';
import { drawPrompt } from './draw.js';
import type { DeckDrawOptions } from './draw-options.js';
import { deckOrder } from './order.js';
import type { Deck, DeckPrompt, PromptDepth } from './types.js';

const p = (id: string, depth: PromptDepth, extra: Partial<DeckPrompt> = {}): DeckPrompt => ({
  id: `small-${id}`,
  key: `deck-small:small-${id}`,
  depth,
  tags: ['everyday'],
  ...extra,
});

const small: Deck = {
  id: 'small',
  kind: 'conversation',
  titleKey: 'deck-small:deck.title',
  prompts: [
    p('a', 'deep'),
    p('b', 'light'),
    p('c', 'medium'),
    p('d', 'light', { tags: ['money'] }),
    p('e', 'medium', { contexts: ['new-parents'] }),
    p('f', 'light'),
    p('g', 'deep', { contexts: ['long-distance', 'living-apart'] }),
  ],
};
const couple = 'couple-1';

/** Every draw of `rounds` rounds, used as they come. */
function walk(deck: Deck, options: DeckDrawOptions, draws: number) {
  const used = [...(options.used ?? [])];
  return Array.from({ length: draws }, () => {
    const draw = drawPrompt(deck, { ...options, used });
    if (draw) used.push(draw.prompt.id);
    return draw;
  });
}

const ids = (prompts: readonly DeckPrompt[]) => prompts.map((prompt) => prompt.id);

describe('deckOrder', () => {
  it('keeps the same order for a couple from release to release', () => {
    // A change here reshuffles every couple's decks on update: it needs a reason and a changeset.
    const all = {
      coupleId: couple,
      depth: 'mixed',
      contexts: ['new-parents', 'long-distance'],
    } as const;
    expect(ids(deckOrder(small, all))).toEqual([
      'small-g',
      'small-e',
      'small-d',
      'small-f',
      'small-c',
      'small-a',
      'small-b',
    ]);
    expect(ids(deckOrder(small, { ...all, round: 2 }))).toEqual([
      'small-g',
      'small-e',
      'small-f',
      'small-a',
      'small-b',
      'small-d',
      'small-c',
    ]);
  });

  it('shuffles per couple, and differently in each round', () => {
    const daily = getDeck('daily');
    const first = ids(deckOrder(daily, { coupleId: 'ana-and-kai' }));
    expect(ids(deckOrder(daily, { coupleId: 'ana-and-kai' }))).toEqual(first);
    expect(ids(deckOrder(daily, { coupleId: 'sam-and-noor' }))).not.toEqual(first);
    expect(ids(deckOrder(daily, { coupleId: 'ana-and-kai', round: 2 }))).not.toEqual(first);
  });

  it('goes light, then medium, then deep by default, and mixes depths when asked', () => {
    const daily = getDeck('daily');
    const depths = deckOrder(daily, { coupleId: couple }).map((prompt) => prompt.depth);
    expect(depths.indexOf('medium')).toBe(depths.lastIndexOf('light') + 1);
    expect(depths.indexOf('deep')).toBe(depths.lastIndexOf('medium') + 1);
    const mixed = deckOrder(daily, { coupleId: couple, depth: 'mixed' }).map((p) => p.depth);
    expect(mixed.indexOf('deep')).toBeLessThan(mixed.lastIndexOf('light'));
    expect(mixed).toHaveLength(depths.length);
  });

  it('does not depend on how the deck lists its prompts, and slots a new prompt in without a reshuffle', () => {
    const order = ids(deckOrder(small, { coupleId: couple, depth: 'mixed' }));
    const reversed = { ...small, prompts: [...small.prompts].reverse() };
    expect(ids(deckOrder(reversed, { coupleId: couple, depth: 'mixed' }))).toEqual(order);
    const grown = { ...small, prompts: [...small.prompts, p('h', 'light'), p('i', 'deep')] };
    const after = ids(deckOrder(grown, { coupleId: couple, depth: 'mixed' }));
    expect(after.filter((id) => order.includes(id))).toEqual(order);
  });

  it("puts the couple's contexts, then their topics, first within each depth", () => {
    const order = deckOrder(small, {
      coupleId: couple,
      contexts: ['living-apart', 'new-parents'],
      tags: ['money'],
    });
    expect(ids(order)).toEqual([
      'small-d',
      'small-f',
      'small-b',
      'small-e',
      'small-c',
      'small-g',
      'small-a',
    ]);
  });
});

describe('drawPrompt', () => {
  it('draws the first unused prompt of the order, and says how many are left', () => {
    const order = ids(deckOrder(small, { coupleId: couple }));
    const draw = drawPrompt(small, { coupleId: couple, used: [order[0] as string] });
    expect(draw).toMatchObject({ prompt: { id: order[1] }, round: 1, remaining: 4 });
    expect(draw?.newRound).toBe(false);
  });

  it('starts a new round in a new order once every prompt was used', () => {
    const draws = walk(small, { coupleId: couple }, 11);
    const firstRound = draws.slice(0, 5).map((draw) => draw?.prompt.id);
    const secondRound = draws.slice(5, 10).map((draw) => draw?.prompt.id);
    expect(new Set(firstRound).size).toBe(5);
    expect([...secondRound].sort()).toEqual([...firstRound].sort());
    expect(secondRound).not.toEqual(firstRound);
    expect(draws[5]).toMatchObject({
      round: 2,
      newRound: true,
      remaining: 5,
      reason: { key: 'common:deck.why.new-round', params: { round: 2 } },
    });
    expect(draws[6]?.newRound).toBe(false);
    expect(draws[10]).toMatchObject({ round: 3, newRound: true });
  });

  it('explains each draw with a message key', () => {
    const reasons = walk(
      small,
      { coupleId: couple, contexts: ['new-parents'], tags: ['money'] },
      6,
    ).map((draw) => draw?.reason);
    expect(reasons).toEqual([
      { key: 'common:deck.why.your-topic', params: { tag: 'money' } },
      { key: 'common:deck.why.lighter-first', params: { depth: 'light' } },
      { key: 'common:deck.why.lighter-first', params: { depth: 'light' } },
      { key: 'common:deck.why.your-context', params: { context: 'new-parents' } },
      { key: 'common:deck.why.lighter-first', params: { depth: 'medium' } },
      { key: 'common:deck.why.next', params: {} },
    ]);
    expect(drawPrompt(small, { coupleId: couple, depth: 'deep' })?.reason).toEqual({
      key: 'common:deck.why.chosen-depth',
      params: { depth: 'deep' },
    });
    expect(drawPrompt(small, { coupleId: couple, depth: 'mixed' })?.reason.key).toBe(
      'common:deck.why.next',
    );
  });

  it('ignores ids that are not prompts the couple may draw', () => {
    const plain = drawPrompt(small, { coupleId: couple });
    const noisy = drawPrompt(small, {
      coupleId: couple,
      used: ['__proto__', 'small-e', 'small-g', 'daily-breakfast', ''],
    });
    expect(noisy).toEqual(plain);
  });

  it('returns undefined when no prompt suits the options', () => {
    const forParents: Deck = {
      ...small,
      prompts: [p('e', 'medium', { contexts: ['new-parents'] })],
    };
    expect(drawPrompt(forParents, { coupleId: couple })).toBeUndefined();
    expect(drawPrompt(small, { coupleId: couple, depth: 'deep', contexts: [] })?.prompt.id).toBe(
      'small-a',
    );
    expect(drawPrompt(forParents, { coupleId: couple, depth: 'deep' })).toBeUndefined();
    expect(deckOrder(forParents, { coupleId: couple })).toEqual([]);
  });

  it('refuses input it cannot use with a typed error that names the fix', () => {
    const cases: [() => unknown, string][] = [
      [() => drawPrompt({ ...small, prompts: [] }, { coupleId: couple }), 'empty-deck'],
      [
        () =>
          drawPrompt(
            { ...small, prompts: [p('a', 'light'), p('a', 'deep')] },
            { coupleId: couple },
          ),
        'duplicate-prompt',
      ],
      [
        () =>
          drawPrompt(
            { ...small, prompts: [{ ...p('a', 'light'), depth: 'bottomless' as PromptDepth }] },
            { coupleId: couple },
          ),
        'unknown-depth',
      ],
      [() => drawPrompt(small, { coupleId: '' }), 'missing-couple'],
      [() => drawPrompt(small, { coupleId: couple, depth: 'shallow' as 'light' }), 'unknown-depth'],
      [
        () => drawPrompt(small, { coupleId: couple, contexts: ['on-mars' as 'later-life'] }),
        'unknown-context',
      ],
      [() => drawPrompt(small, { coupleId: couple, tags: ['weather' as 'home'] }), 'unknown-tag'],
      [() => deckOrder(small, { coupleId: couple, round: 0 }), 'invalid-round'],
      [() => deckOrder(small, { coupleId: couple, round: 1.5 }), 'invalid-round'],
      [() => getDeck('no-such-deck'), 'unknown-deck'],
    ];
    for (const [run, code] of cases) {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(AttuneDeckError.isInstance(caught)).toBe(true);
      expect(AttuneError.isInstance(caught)).toBe(true);
      expect(caught).toMatchObject({ name: 'AttuneDeckError', code, fix: expect.any(String) });
      expect((caught as AttuneDeckError).fix).not.toBe('');
    }
    expect(() => getDeck('no-such-deck')).toThrow(/Use one of: daily, talk-safe-space/);
  });
});
