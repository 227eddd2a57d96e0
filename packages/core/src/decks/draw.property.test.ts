import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coupleContexts } from './contexts.js';
import { depthRank, promptDepths } from './depths.js';
import { drawPrompt } from './draw.js';
import type { DeckDepthChoice, DeckDrawOptions } from './draw-options.js';
import { deckOrder } from './order.js';
import { promptTags } from './tags.js';
import type { CoupleContext, Deck, DeckPrompt } from './types.js';

// Ids a hand-written deck would never have: names `Object.prototype` knows, empty and lone-surrogate
// strings, separators the seed uses, and whatever fast-check makes up.
const hostileId = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '\u0000', '\ud800'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

const prompt = (id: string) =>
  fc
    .record({
      depth: fc.constantFrom(...promptDepths),
      tags: fc.subarray([...promptTags], { maxLength: 3 }),
      contexts: fc.option(fc.subarray([...coupleContexts], { maxLength: 2 }), { nil: undefined }),
    })
    .map(
      ({ depth, tags, contexts }): DeckPrompt => ({
        id,
        key: `deck-test:${id}`,
        depth,
        tags,
        ...(contexts && { contexts }),
      }),
    );

const deck = fc
  .tuple(hostileId, fc.uniqueArray(hostileId, { minLength: 1, maxLength: 30 }))
  .chain(([id, ids]) =>
    fc.tuple(...ids.map(prompt)).map(
      (prompts): Deck => ({
        id,
        kind: 'conversation',
        titleKey: 'deck-test:deck.title',
        prompts,
      }),
    ),
  );

const choices = fc.record({
  coupleId: fc.oneof(
    fc.string({ minLength: 1 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  ),
  depth: fc.constantFrom<DeckDepthChoice>('gentle', 'mixed', ...promptDepths),
  contexts: fc.subarray([...coupleContexts]),
  tags: fc.subarray([...promptTags], { maxLength: 4 }),
});

/** Ids a caller might pass as used: the deck's own, many times over, and ids of nothing in it. */
const usedFor = (target: Deck) =>
  fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...target.prompts.map((p) => p.id)) },
      { weight: 1, arbitrary: hostileId },
    ),
    { maxLength: 80 },
  );

const scene = fc.tuple(deck, choices).chain(([target, options]) =>
  fc.record({
    target: fc.constant(target),
    options: fc.constant(options),
    used: usedFor(target),
  }),
);

const eligible = (target: Deck, contexts: readonly CoupleContext[], depth: DeckDepthChoice) =>
  target.prompts.filter(
    (p) =>
      (depth === 'gentle' || depth === 'mixed' || p.depth === depth) &&
      (!p.contexts?.length || p.contexts.some((context) => contexts.includes(context))),
  );

describe('drawing from a deck', () => {
  it('visits every eligible prompt exactly once per round, starting a new round only when all were used', () => {
    fc.assert(
      fc.property(
        deck,
        choices,
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(hostileId, { maxLength: 5 }),
        (target, options, preUsed, foreign) => {
          const ids = eligible(target, options.contexts, options.depth).map((p) => p.id);
          // Round one partly done already, with ids of nothing in the deck mixed in.
          const used = [
            ...ids.filter((_, i) => preUsed[i]),
            ...foreign.filter((id) => !ids.includes(id)),
          ];
          const left = ids.filter((id) => !used.includes(id));
          const draw = () => drawPrompt(target, { ...options, used });
          if (ids.length === 0) {
            expect(draw()).toBeUndefined();
            return;
          }
          const rounds = [left, ids, ids].filter((round) => round.length > 0);
          rounds.forEach((round, index) => {
            const seen: string[] = [];
            for (let i = 0; i < round.length; i++) {
              const drawn = draw() as NonNullable<ReturnType<typeof draw>>;
              expect(drawn.newRound).toBe(i === 0 && (index > 0 || left.length === 0));
              expect(drawn.remaining).toBe(round.length - i);
              seen.push(drawn.prompt.id);
              used.push(drawn.prompt.id);
            }
            expect([...seen].sort()).toEqual([...round].sort());
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same draw for the same inputs, whatever order `used` comes in', () => {
    const shuffled = scene.chain((s) =>
      fc.record({
        scene: fc.constant(s),
        used: fc.shuffledSubarray(s.used, { minLength: s.used.length, maxLength: s.used.length }),
      }),
    );
    fc.assert(
      fc.property(shuffled, ({ scene: { target, options, used }, used: reordered }) => {
        const once = drawPrompt(target, { ...options, used });
        // Another device: its own copies of the deck and options, `used` in another order.
        const copy = structuredClone({ target, options });
        const elsewhere = drawPrompt(copy.target, { ...copy.options, used: reordered });
        expect(elsewhere).toEqual(once);
        expect(drawPrompt(target, { ...options, used })).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('never draws a prompt meant for contexts the couple did not set, and leaves out nothing eligible', () => {
    fc.assert(
      fc.property(scene, ({ target, options, used }) => {
        const order = deckOrder(target, options);
        for (const p of order) {
          if (p.contexts?.length) {
            expect(p.contexts.some((context) => options.contexts.includes(context))).toBe(true);
          }
        }
        expect(order.map((p) => p.id).sort()).toEqual(
          eligible(target, options.contexts, options.depth)
            .map((p) => p.id)
            .sort(),
        );
        const drawn = drawPrompt(target, { ...options, used });
        if (drawn) expect(order).toContain(drawn.prompt);
      }),
      { numRuns: 200 },
    );
  });

  it('in gentle order, never draws a deeper prompt while a lighter one of the round is unused', () => {
    fc.assert(
      fc.property(scene, ({ target, options, used }) => {
        const gentle: DeckDrawOptions = { ...options, depth: 'gentle', used };
        const order = deckOrder(target, gentle);
        for (let i = 1; i < order.length; i++) {
          const [before, after] = [order[i - 1] as DeckPrompt, order[i] as DeckPrompt];
          expect(depthRank(before.depth)).toBeLessThanOrEqual(depthRank(after.depth));
        }
        const drawn = drawPrompt(target, gentle);
        if (!drawn) return;
        const uses = (id: string) => used.filter((u) => u === id).length;
        const done = Math.min(...order.map((p) => uses(p.id)));
        const unused = order.filter((p) => uses(p.id) === done);
        expect(unused).toContain(drawn.prompt);
        expect(drawn.round).toBe(done + 1);
        for (const p of unused) {
          expect(depthRank(drawn.prompt.depth)).toBeLessThanOrEqual(depthRank(p.depth));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('draws only the depth the couple chose, when they chose one', () => {
    fc.assert(
      fc.property(scene, fc.constantFrom(...promptDepths), ({ target, options, used }, depth) => {
        const drawn = drawPrompt(target, { ...options, depth, used });
        expect(drawn === undefined || drawn.prompt.depth === depth).toBe(true);
        expect(deckOrder(target, { ...options, depth }).every((p) => p.depth === depth)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
