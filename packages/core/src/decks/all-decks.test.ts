import { describe, expect, it } from 'vitest';
import { nineStepProgram } from '../program/nine-step-program.js';
import { attuneDecks, getDeck } from './all-decks.js';
import { coupleContexts } from './contexts.js';
import { promptDepths } from './depths.js';
import { drawPrompt } from './draw.js';
import { promptTags } from './tags.js';
import type { Deck, PromptDepth } from './types.js';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const namespace = /^deck-[a-z0-9]+(-[a-z0-9]+)*$/;
const prompts = attuneDecks.flatMap((deck) => deck.prompts.map((prompt) => ({ deck, prompt })));

function depthCounts(deck: Deck): Record<PromptDepth, number> {
  const counts = { light: 0, medium: 0, deep: 0 };
  for (const prompt of deck.prompts) counts[prompt.depth]++;
  return counts;
}

describe('attuneDecks', () => {
  it('gives every deck and every prompt a unique kebab-case id, each prompt starting with its deck id', () => {
    const deckIds = attuneDecks.map((deck) => deck.id);
    expect(new Set(deckIds).size).toBe(deckIds.length);
    for (const id of deckIds) expect(id).toMatch(kebab);
    const seen = new Map<string, string>();
    for (const { deck, prompt } of prompts) {
      expect(seen.get(prompt.id), `${prompt.id} is in two decks`).toBeUndefined();
      seen.set(prompt.id, deck.id);
      expect(prompt.id).toMatch(kebab);
      expect(prompt.id.startsWith(`${deck.id}-`), `${prompt.id} in ${deck.id}`).toBe(true);
    }
  });

  it('words every prompt through a key <namespace>:<id> of a deck namespace, quiz questions with their options', () => {
    for (const deck of attuneDecks) {
      const [titleSpace, title] = deck.titleKey.split(':');
      expect(titleSpace).toMatch(namespace);
      expect(title).toBe('deck.title');
      for (const prompt of deck.prompts) {
        const [space, rest, ...more] = prompt.key.split(':');
        expect(more, prompt.key).toEqual([]);
        expect(space, prompt.key).toMatch(namespace);
        if (deck.kind === 'partner-quiz') {
          expect(rest, prompt.key).toBe(`${prompt.id}.question`);
          for (const option of prompt.options ?? []) {
            expect(option.key).toBe(`${space}:${prompt.id}.options.${option.id}`);
          }
        } else {
          expect(rest, prompt.key).toBe(prompt.id);
          expect(prompt.options, prompt.id).toBeUndefined();
        }
      }
    }
  });

  it('tags every prompt with known topics, and knows every depth and context it names', () => {
    for (const { prompt } of prompts) {
      expect(prompt.tags.length, prompt.id).toBeGreaterThan(0);
      for (const tag of prompt.tags) expect(promptTags, prompt.id).toContain(tag);
      expect(new Set(prompt.tags).size, prompt.id).toBe(prompt.tags.length);
      expect(promptDepths).toContain(prompt.depth);
      for (const context of prompt.contexts ?? [])
        expect(coupleContexts, prompt.id).toContain(context);
      if (prompt.contexts) expect(prompt.contexts.length, prompt.id).toBeGreaterThan(0);
    }
  });

  it('holds a question a day for a year, a quiz, reflections, date ideas and a deck for every step', () => {
    expect(getDeck('daily').prompts.length).toBeGreaterThanOrEqual(365);
    expect(getDeck('reflection').prompts.length).toBeGreaterThanOrEqual(150);
    expect(getDeck('dates').prompts.length).toBeGreaterThanOrEqual(60);
    const quiz = getDeck('quiz');
    expect(quiz.kind).toBe('partner-quiz');
    expect(quiz.prompts.length).toBeGreaterThanOrEqual(100);
    for (const question of quiz.prompts) {
      const options = question.options ?? [];
      expect(options.length, question.id).toBeGreaterThanOrEqual(3);
      expect(options.length, question.id).toBeLessThanOrEqual(4);
      expect(new Set(options.map((option) => option.id)).size, question.id).toBe(options.length);
    }
    for (const step of nineStepProgram.steps) {
      const deck = attuneDecks.find((d) => d.kind === 'conversation' && d.step === step.id);
      expect(deck, `a conversation deck for ${step.id}`).toBeDefined();
    }
    expect(prompts.length).toBeGreaterThanOrEqual(1000);
  });

  it('goes from light to deep in every deck, and draws for any couple', () => {
    for (const deck of attuneDecks) {
      const counts = depthCounts(deck);
      for (const depth of promptDepths)
        expect(counts[depth], `${deck.id} ${depth}`).toBeGreaterThan(0);
      for (const step of [deck.step].filter(Boolean)) {
        expect(nineStepProgram.steps.map((s) => s.id)).toContain(step);
      }
      expect(drawPrompt(deck, { coupleId: 'any-couple' })?.prompt.depth).toBe('light');
    }
  });

  it('finds each deck by id', () => {
    for (const deck of attuneDecks) expect(getDeck(deck.id)).toBe(deck);
  });
});
