import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { CheckInExercise, Exercise, Program } from '../program/types.js';
import { exportEvents } from '../sync/export-events.js';
import { importEvents } from '../sync/import-events.js';
import { testCouple } from '../testing/test-couple.js';
import { createEngine } from './create-engine.js';
import type { Engine, RevealMode } from './types.js';

// Two partners, each on their own phone, answer sealed prompts and sync in any order, as often or
// as rarely as they like. Every answer carries a token of its own, so what a phone holds can be
// searched for the words of each answer.

const all = nineStepProgram.steps.flatMap((step) => step.exercises);
const find = <E extends Exercise>(id: string) => all.find((exercise) => exercise.id === id) as E;
const sealedAnswers = find('sealed-answers');
const quiz = all.find((exercise) => exercise.kind === 'partner-quiz') as Extract<
  Exercise,
  { kind: 'partner-quiz' }
>;
const checkIn: CheckInExercise = {
  ...find<CheckInExercise>('weekly-check-in'),
  visibility: 'sealed',
};
const first = nineStepProgram.steps[0] as Program['steps'][number];
// One open step holding a sealed written answer, the partner quiz and a sealed check-in.
const program: Program = {
  ...nineStepProgram,
  steps: [
    {
      ...first,
      exercises: [sealedAnswers, { ...quiz, visibility: 'sealed' }, checkIn],
      unlock: { kind: 'always' },
      completion: { kind: 'not', rule: { kind: 'always' } },
    } as Program['steps'][number],
  ],
  alwaysOpen: [],
};

const START = testCouple.startedAt;
const PROMPTS = ['fear', 'joy', 'unsure'];
const QUESTIONS = quiz.questions.slice(0, 2);

type Action =
  | { readonly kind: 'answer'; readonly by: 0 | 1; readonly prompt: number }
  | { readonly kind: 'quiz'; readonly by: 0 | 1; readonly question: number; readonly pick: number }
  | { readonly kind: 'check-in'; readonly by: 0 | 1; readonly score: number }
  | {
      readonly kind: 'sync';
      readonly from: 0 | 1;
      readonly keep: number;
      readonly reverse: boolean;
    }
  | { readonly kind: 'reveal'; readonly by: 0 | 1; readonly some: boolean }
  /** A modified app: shares, and marks, naming the other partner's answers, sent as its own. */
  | { readonly kind: 'forge'; readonly by: 0 | 1; readonly pick: number; readonly mark: boolean };

const by = fc.constantFrom<0 | 1>(0, 1);
// Syncs outnumber answers, and deliver parts of a batch, backwards, or twice.
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('answer' as const), by, prompt: fc.nat(2) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('quiz' as const),
      by,
      question: fc.nat(QUESTIONS.length - 1),
      pick: fc.nat(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('check-in' as const),
      by,
      score: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      from: by,
      keep: fc.integer({ min: 0, max: 100 }),
      reverse: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('forge' as const),
      by,
      pick: fc.nat(),
      mark: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reveal' as const), by, some: fc.boolean() }),
  },
);

const partners = ['ana', 'kai'] as const;

interface Phone {
  readonly partner: string;
  readonly engine: Engine;
}

function phones(reveal: RevealMode): [Phone, Phone] {
  return partners.map((partner) => ({
    partner,
    engine: createEngine({
      program,
      couple: testCouple,
      device: `${partner}-phone`,
      now: () => START + 60_000,
      reveal,
    }),
  })) as [Phone, Phone];
}

/** Everything a phone holds and shows: its log (what storage keeps), each view, the snapshot. */
const everything = (phone: Phone) =>
  JSON.stringify([
    phone.engine.getEvents(),
    phone.engine.viewFor('ana'),
    phone.engine.viewFor('kai'),
    phone.engine.getSnapshot(),
  ]);

/** Sends what `from` may send `to`, or part of it, as a relay might deliver it. */
function sync(from: Phone, to: Phone, keep: number, reverse: boolean): void {
  const batch = exportEvents(from.engine.getEvents(), {
    couple: testCouple,
    recipient: to.partner,
  });
  let events = batch.events.slice(0, Math.ceil((batch.events.length * keep) / 100));
  if (reverse) events = [...events].reverse();
  const result = importEvents(
    to.engine.getEvents(),
    { ...batch, events },
    {
      couple: testCouple,
      device: `${to.partner}-phone`,
      self: to.partner,
    },
  );
  expect(result.rejected).toEqual([]);
  to.engine.receive(result.added);
}

/** Sync both ways until nothing new moves. */
function settle(a: Phone, b: Phone): void {
  for (let round = 0; round < 6; round++) {
    sync(a, b, 100, false);
    sync(b, a, 100, false);
  }
}

interface Written {
  readonly author: string;
  /** The answer's id. */
  readonly id: string;
  /** Its words, for a written answer. */
  readonly token?: string;
  /** `exercise|prompt`; a check-in's round. */
  readonly key: string;
}

/** Whether a phone holds a sealed answer whole: in its log (its storage), its views, its words. */
const holds = (phone: Phone, held: string, answer: Written) =>
  phone.engine.getEvents().some((event) => event.id === answer.id) ||
  [phone.engine.viewFor('ana'), phone.engine.viewFor('kai')].some((view) =>
    view.entries.some((entry) => entry.id === answer.id && entry.data !== undefined),
  ) ||
  (answer.token !== undefined && held.includes(answer.token));

/** The keys each partner answered, as their own phone recorded them. */
const answeredOn = (phone: Phone) =>
  new Set(
    phone.engine
      .getEvents()
      .filter((event) => event.partner === phone.partner && event.type === 'answer-sealed')
      .map((event) => {
        const data = event.data as { exercise: string; prompt: string };
        return `${data.exercise}|${data.prompt}`;
      }),
  );

function run(actions: readonly Action[], reveal: RevealMode) {
  const [ana, kai] = phones(reveal);
  const both = [ana, kai] as const;
  const written: Written[] = [];
  let count = 0;
  const check = () => {
    for (const [phone, other] of [
      [ana, kai],
      [kai, ana],
    ] as const) {
      const held = everything(phone);
      const answered = answeredOn(phone);
      for (const answer of written) {
        if (answer.author !== other.partner || !holds(phone, held, answer)) continue;
        // Words of the other partner's sealed answer reached this phone: only after it answered
        // the same prompt itself.
        expect(answered.has(answer.key), `${answer.token} reached ${phone.partner} early`).toBe(
          true,
        );
      }
    }
  };
  for (const step of actions) {
    const phone = both[step.kind === 'sync' ? step.from : step.by];
    const partner = phone.partner;
    const token = `T${count++}x${partner}`;
    if (step.kind === 'answer') {
      const prompt = PROMPTS[step.prompt] as string;
      const event = phone.engine.answer(partner, sealedAnswers.id, prompt, token, 'sealed');
      written.push({ author: partner, id: event.id, token, key: `${sealedAnswers.id}|${prompt}` });
    } else if (step.kind === 'quiz') {
      const question = QUESTIONS[step.question] as (typeof QUESTIONS)[number];
      const options = question.options.map((option) => option.id);
      const pick = options[step.pick % options.length] as string;
      const event = phone.engine.answerQuiz(partner, quiz.id, question.id, pick, pick);
      written.push({ author: partner, id: event.id, key: `${quiz.id}|${question.id}` });
    } else if (step.kind === 'check-in') {
      const event = phone.engine.recordCheckIn(partner, checkIn.id, {
        [checkIn.dimensions[0]?.id as string]: step.score,
      });
      const mark = phone.engine
        .getEvents()
        .find(
          (candidate) =>
            candidate.type === 'answer-sealed' &&
            (candidate.data as { entry: string }).entry === event.id,
        );
      if (!mark) throw new Error(`no mark for ${event.id}`);
      const round = (mark.data as { prompt: string }).prompt;
      written.push({ author: partner, id: event.id, key: `${checkIn.id}|${round}` });
    } else if (step.kind === 'sync') {
      sync(phone, both[1 - step.from] as Phone, step.keep, step.reverse);
    } else if (step.kind === 'forge') {
      // Sent from a device of the forger's own, straight to the other phone's engine.
      const target = written.filter((answer) => answer.author !== partner)[
        step.pick % Math.max(written.length, 1)
      ];
      const other = both[1 - step.by] as Phone;
      const device = `${partner}-modified`;
      const seq = count + 1;
      const forged = {
        id: `${device}:${seq}`,
        partner,
        device,
        seq,
        clock: { wall: START + 60_000, counter: seq },
        visibility: 'shared',
        ...(step.mark
          ? {
              type: 'answer-sealed',
              data: {
                entry: target?.id ?? `${device}:${seq - 1}`,
                answer: 'answer-recorded',
                exercise: sealedAnswers.id,
                prompt: 'fear',
              },
            }
          : { type: 'entry-shared', data: { entry: target?.id ?? 'nothing:1' } }),
      };
      // A mark naming another device's event is refused; a share of another's answer opens nothing.
      other.engine.receive([forged]);
      phone.engine.receive([forged]);
    } else {
      const waiting = phone.engine.viewFor(partner).toReveal;
      const chosen = step.some ? waiting.slice(0, 1) : waiting;
      if (chosen.length > 0) {
        phone.engine.revealAnswers(
          partner,
          chosen.map((ref) => ref.entry),
        );
      }
    }
    check();
  }
  return { ana, kai, written };
}

describe('sealed answers, two phones', () => {
  it("never put a sealed answer's words on the other partner's phone before it answered the same prompt", () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 40 }),
        fc.constantFrom<RevealMode>('when-both-answered', 'by-choice'),
        (actions, reveal) => {
          run(actions, reveal);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('opens both answers on both phones once both answered, when the engine reveals by itself', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
        const { ana, kai, written } = run(actions, 'when-both-answered');
        settle(ana, kai);
        const answered = { ana: answeredOn(ana), kai: answeredOn(kai) };
        for (const answer of written) {
          const other = answer.author === 'ana' ? 'kai' : 'ana';
          if (!answered[other].has(answer.key)) continue;
          const phone = other === 'ana' ? ana : kai;
          expect(holds(phone, everything(phone), answer)).toBe(true);
          if (answer.token) expect(everything(phone)).toContain(answer.token);
        }
        // Both phones agree on progress, trends included, whatever else each holds.
        const { version: _a, events: _ae, ...anas } = ana.engine.getSnapshot();
        const { version: _k, events: _ke, ...kais } = kai.engine.getSnapshot();
        expect(anas).toEqual(kais);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('waits for the author in by-choice mode, and reveals only what they chose', () => {
    const [ana, kai] = phones('by-choice');
    const first = ana.engine.answer('ana', sealedAnswers.id, 'fear', 'ANA-FEAR', 'sealed');
    ana.engine.answer('ana', sealedAnswers.id, 'joy', 'ANA-JOY', 'sealed');
    kai.engine.answer('kai', sealedAnswers.id, 'fear', 'KAI-FEAR', 'sealed');
    kai.engine.answer('kai', sealedAnswers.id, 'joy', 'KAI-JOY', 'sealed');
    settle(ana, kai);
    expect(everything(kai)).not.toContain('ANA-');
    expect(ana.engine.viewFor('ana').toReveal.map((ref) => ref.prompt)).toEqual(['fear', 'joy']);
    expect(() => ana.engine.revealAnswers('ana', ['kai-phone:1'])).toThrow(/not a sealed answer/);

    ana.engine.revealAnswers('ana', [first.id]);
    settle(ana, kai);
    expect(everything(kai)).toContain('ANA-FEAR');
    expect(everything(kai)).not.toContain('ANA-JOY');
    expect(ana.engine.viewFor('ana').toReveal.map((ref) => ref.prompt)).toEqual(['joy']);
    expect(() => ana.engine.revealAnswers('ana', [first.id])).toThrow(/revealed already/);
    // Kai chose nothing yet: Ana sees none of his words.
    expect(everything(ana)).not.toContain('KAI-');
  });

  it('refuses to reveal, or share, a sealed answer before the other partner answered', () => {
    const [ana] = phones('by-choice');
    const answer = ana.engine.answer('ana', sealedAnswers.id, 'fear', 'ANA-FEAR', 'sealed');
    expect(() => ana.engine.revealAnswers('ana', [answer.id])).toThrow(
      /sealed until the other partner answers "fear"/,
    );
    expect(() => ana.engine.shareEntry('ana', answer.id)).toThrow(/sealed until/);
    expect(ana.engine.viewFor('ana').toReveal).toEqual([]);
  });

  it("shows the other partner's sealed answer by its mark: that it exists, for which prompt", () => {
    const [ana, kai] = phones('when-both-answered');
    const answer = ana.engine.answer('ana', sealedAnswers.id, 'fear', 'ANA-FEAR', 'sealed');
    sync(ana, kai, 100, false);
    expect(kai.engine.getEvents().map((event) => event.type)).toEqual(['answer-sealed']);
    expect(kai.engine.viewFor('kai').entries).toEqual([
      {
        id: answer.id,
        type: 'answer-recorded',
        at: answer.clock.wall,
        visibility: 'sealed',
        partner: 'ana',
        sealed: true,
        exercise: sealedAnswers.id,
        prompt: 'fear',
      },
    ]);
    // Ana does not see her own mark.
    expect(ana.engine.viewFor('ana').entries.map((entry) => entry.type)).toEqual([
      'answer-recorded',
    ]);
  });

  it('never reveals in the name of a partner who does not record on the phone', () => {
    const [ana, kai] = phones('when-both-answered');
    // A history holding Ana's sealed answer whole, as an older version sent it.
    ana.engine.answer('ana', sealedAnswers.id, 'fear', 'ANA-FEAR', 'sealed');
    kai.engine.receive(ana.engine.getEvents());
    kai.engine.answer('kai', sealedAnswers.id, 'fear', 'KAI-FEAR', 'sealed');
    expect(kai.engine.getEvents().filter((event) => event.partner === 'ana')).toHaveLength(2);
  });
});

describe('a reveal choice per partner', () => {
  it('reveals by itself for one partner and waits for the other', () => {
    const modes: Record<string, RevealMode> = { ana: 'by-choice', kai: 'when-both-answered' };
    const engine = createEngine({
      program,
      couple: testCouple,
      device: 'shared-phone',
      now: () => START + 60_000,
      reveal: (partner) => modes[partner] ?? 'when-both-answered',
    });
    const anas = engine.answer('ana', sealedAnswers.id, 'fear', 'ANA-FEAR', 'sealed');
    const kais = engine.answer('kai', sealedAnswers.id, 'fear', 'KAI-FEAR', 'sealed');
    // Kai's answer opened for Ana; Ana's waits for her choice.
    expect(engine.viewFor('ana').entries.find((entry) => entry.id === kais.id)?.data).toBeDefined();
    expect(engine.viewFor('kai').entries.find((entry) => entry.id === anas.id)?.sealed).toBe(true);
    expect(engine.viewFor('ana').toReveal.map((ref) => ref.entry)).toEqual([anas.id]);
    expect(engine.viewFor('kai').toReveal).toEqual([]);
    engine.revealAnswers('ana');
    expect(JSON.stringify(engine.viewFor('kai'))).toContain('ANA-FEAR');
    expect(engine.viewFor('ana').toReveal).toEqual([]);
  });

  it('tells subscribers once for an answer, its mark and the reveals it set off', () => {
    const engine = createEngine({
      program,
      couple: testCouple,
      device: 'shared-phone',
      now: () => START + 60_000,
    });
    engine.answer('ana', sealedAnswers.id, 'fear', 'ANA-FEAR', 'sealed');
    let heard = 0;
    engine.subscribe(() => heard++);
    engine.answer('kai', sealedAnswers.id, 'fear', 'KAI-FEAR', 'sealed');
    // Kai's answer, its mark, and both reveals.
    expect(
      engine
        .getEvents()
        .slice(2)
        .map((event) => event.type),
    ).toEqual(['answer-recorded', 'answer-sealed', 'entry-shared', 'entry-shared']);
    expect(heard).toBe(1);
  });
});
