import type { AttuneEvent, AttuneEventType } from '../events/types.js';
import type { Couple } from '../program/couple.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Exercise, Program, Visibility } from '../program/types.js';
import { createRandom, type Random } from './random.js';

/** How the simulated couple behaves. */
export type SimulatedBehaviour = 'engaged' | 'uneven' | 'paused' | 'diverging' | 'unsafe';

/** Options of {@link simulateCouple}. */
export interface SimulateCoupleOptions {
  /** How many days to simulate. */
  readonly days: number;
  /** The same seed gives the same log. */
  readonly seed: number;
  readonly behaviour: SimulatedBehaviour;
  /** The program to practise (default the nine-step program). */
  readonly program?: Program;
  /** Exercise sessions per active day and partner (default 1); raise it for long benchmark logs. */
  readonly sessionsPerDay?: number;
  /** When the couple starts, in ms since the epoch (default Monday 2026-01-05 08:00 UTC). */
  readonly startedAt?: number;
  /** Put into the text of every private entry, so tests can check it never leaks. */
  readonly privateMarker?: string;
  /** Put into the text of every sealed answer. */
  readonly sealedMarker?: string;
}

/** A simulated couple with their whole event log, in the order it was recorded. */
export interface SimulatedCouple {
  readonly couple: Couple;
  readonly program: Program;
  readonly events: readonly AttuneEvent[];
}

const DAY = 86_400_000;

/**
 * Produces a realistic event log for a couple, deterministically from a seed: partners working
 * through the steps, answering prompts, checking in weekly and keeping rituals. Behaviours: `engaged`
 * (both practise most days), `uneven` (one partner much more than the other), `paused` (a pause in
 * the middle third), `diverging` (check-in scores drift apart), `unsafe` (one partner's safety check
 * signals risk part-way, which rests the exercises that need safety).
 *
 * @example
 * ```ts
 * const { couple, program, events } = simulateCouple({ days: 60, seed: 7, behaviour: 'engaged' });
 * const engine = createEngine({ program, couple, device: 'test', events, now: () => end });
 * ```
 */
export function simulateCouple(options: SimulateCoupleOptions): SimulatedCouple {
  const program = options.program ?? nineStepProgram;
  const random: Random = createRandom(options.seed);
  const startedAt = options.startedAt ?? Date.UTC(2026, 0, 5, 8);
  const couple: Couple = {
    id: `couple-${options.seed}`,
    partners: [
      { id: 'ana', timeZone: 'Europe/Berlin' },
      { id: 'kai', timeZone: 'America/New_York' },
    ],
    startedAt,
  };
  const [a, b] = couple.partners.map((partner) => partner.id) as [string, string];
  const exercises = program.steps.flatMap((step) => step.exercises);
  const safetyCheck = exercises.find((exercise) => exercise.kind === 'safety-check');
  const checkIn = exercises.find((exercise) => exercise.kind === 'check-in');
  const sessions = options.sessionsPerDay ?? 1;
  const events: AttuneEvent[] = [];
  const seq = new Map<string, number>();
  let lastWall = 0;
  let counter = 0;

  const emit = <T extends AttuneEventType>(
    partner: string,
    at: number,
    type: T,
    data: Extract<AttuneEvent, { type: T }>['data'],
    visibility: Visibility,
  ): void => {
    const device = `${partner}-phone`;
    const next = (seq.get(device) ?? 0) + 1;
    seq.set(device, next);
    counter = at === lastWall ? counter + 1 : 0;
    lastWall = at;
    events.push({
      id: `${device}:${next}`,
      partner,
      device,
      seq: next,
      clock: { wall: at, counter },
      type,
      data,
      visibility,
    } as AttuneEvent);
  };

  const activity = (partner: string): number => {
    if (options.behaviour === 'uneven') return partner === a ? 0.8 : 0.15;
    return 0.7;
  };
  const position = new Map<string, number>([
    [a, 0],
    [b, 0],
  ]);
  const pauseFrom = Math.floor(options.days / 3);
  const pauseTo = Math.floor((2 * options.days) / 3);
  const riskDay = Math.floor(options.days / 2);

  // Sealed answers by prompt, to mark each and to reveal every answer to a prompt once both
  // partners answered it, each by its author, as their engines do.
  const sealedByPrompt = new Map<string, { partner: string; id: string; revealed: boolean }[]>();
  const seal = (
    partner: string,
    at: number,
    answer: 'answer-recorded' | 'quiz-answered',
    exercise: string,
    prompt: string,
  ) => {
    const answered = events[events.length - 1] as AttuneEvent;
    emit(partner, at, 'answer-sealed', { entry: answered.id, answer, exercise, prompt }, 'shared');
    const key = `${exercise}|${prompt}`;
    const answers = [
      ...(sealedByPrompt.get(key) ?? []),
      { partner, id: answered.id, revealed: false },
    ];
    sealedByPrompt.set(key, answers);
    if (new Set(answers.map((each) => each.partner)).size < 2) return;
    for (const each of answers) {
      if (each.revealed) continue;
      each.revealed = true;
      emit(each.partner, at + 1, 'entry-shared', { entry: each.id }, 'shared');
    }
  };

  const practise = (partner: string, exercise: Exercise, at: number) => {
    const together = exercise.mode === 'together';
    emit(partner, at, 'exercise-started', { exercise: exercise.id, together }, 'shared');
    if (exercise.kind === 'reflection') {
      const prompt = exercise.prompts[0] ?? 'prompt';
      emit(
        partner,
        at + 60_000,
        'answer-recorded',
        { exercise: exercise.id, prompt, text: `I wrote ${options.privateMarker ?? ''} something` },
        'private',
      );
    } else if (exercise.visibility === 'sealed' && exercise.kind === 'conversation') {
      const prompt = random.pick(exercise.prompts).id;
      emit(
        partner,
        at + 60_000,
        'answer-recorded',
        { exercise: exercise.id, prompt, text: `My answer ${options.sealedMarker ?? ''}` },
        'sealed',
      );
      seal(partner, at + 60_000, 'answer-recorded', exercise.id, prompt);
    } else if (exercise.kind === 'partner-quiz') {
      const question = random.pick(exercise.questions);
      const option = random.pick(question.options).id;
      emit(
        partner,
        at + 60_000,
        'quiz-answered',
        { exercise: exercise.id, question: question.id, self: option, guess: option },
        'sealed',
      );
      seal(partner, at + 60_000, 'quiz-answered', exercise.id, question.id);
    } else if (exercise.kind === 'appreciation') {
      emit(
        partner,
        at + 60_000,
        'appreciation-sent',
        { exercise: exercise.id, text: 'Thank you for today' },
        'shared',
      );
    }
    emit(
      partner,
      at + Math.min(exercise.minutes, 25) * 60_000,
      'exercise-completed',
      { exercise: exercise.id, together },
      'shared',
    );
  };

  for (let day = 0; day < options.days; day++) {
    const dayStart = startedAt + day * DAY;
    const paused = options.behaviour === 'paused' && day >= pauseFrom && day < pauseTo;
    if (options.behaviour === 'paused' && day === pauseFrom)
      emit(a, dayStart, 'program-paused', {}, 'shared');
    if (options.behaviour === 'paused' && day === pauseTo)
      emit(b, dayStart, 'program-resumed', {}, 'shared');
    if (options.behaviour === 'unsafe' && day === riskDay && safetyCheck?.kind === 'safety-check') {
      const answers = Object.fromEntries(safetyCheck.questions.map((q) => [q.id, q.riskWhen]));
      emit(
        b,
        dayStart + 3_600_000,
        'safety-check-taken',
        { exercise: safetyCheck.id, answers },
        'private',
      );
      emit(b, dayStart + 3_600_001, 'safety-rest', { active: true }, 'shared');
    }
    if (paused) continue;
    for (const partner of [a, b]) {
      if (!random.chance(activity(partner))) continue;
      for (let session = 0; session < sessions; session++) {
        const index = position.get(partner) ?? 0;
        const exercise = exercises[index % exercises.length];
        position.set(partner, index + 1);
        if (!exercise || exercise.kind === 'safety-check') continue;
        const at = dayStart + (partner === a ? 10 : 14) * 3_600_000 + session * 1_800_000;
        practise(partner, exercise, at);
      }
      if (checkIn?.kind === 'check-in' && day % 7 === 6) {
        const base = options.behaviour === 'diverging' ? (partner === a ? 5 : 1) : random.int(3, 5);
        const scores = Object.fromEntries(
          checkIn.dimensions.map((d) => [
            d.id,
            Math.max(checkIn.scale.min, Math.min(checkIn.scale.max, base)),
          ]),
        );
        emit(
          partner,
          dayStart + 20 * 3_600_000,
          'check-in-recorded',
          { exercise: checkIn.id, scores },
          checkIn.visibility,
        );
      }
    }
  }
  return { couple, program, events };
}
