import type { GuidedPracticeExercise, PracticePhase, PracticeRole } from '@attune/core';
import { getExercise, practiceSchedule, practiceStateAt } from '@attune/core';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useAttuneContext } from './context.js';

// Timers exist in browsers, React Native and Node alike, but not in the ES library this package
// compiles against (it has no DOM); declared here so nothing else of the DOM can slip in.
declare function setInterval(tick: () => void, ms: number): unknown;
declare function clearInterval(timer: unknown): void;

/** Where a guided practice's timer stands, for the partner using this screen, and its controls. */
export interface PracticeTimer {
  /** The guided practice. */
  readonly exercise: GuidedPracticeExercise;
  /** `idle` before `start()`, `done` after the last phase of the last round. */
  readonly state: 'idle' | 'running' | 'paused' | 'done';
  /** The current round, from 0; roles swap between rounds. */
  readonly round: number;
  /** The current phase. */
  readonly phase: PracticePhase;
  /** Seconds left in the current phase; 0 once done. */
  readonly secondsLeft: number;
  /** Each partner's role this round, by partner id; the couple's first partner starts in the first. */
  readonly roles: Readonly<Record<string, PracticeRole>>;
  /** The role of the partner using this screen this round. */
  readonly role: PracticeRole;
  /** Starts (or starts over) from the first phase. */
  start(): void;
  /** Stops the clock; `resume()` goes on from the same moment. */
  pause(): void;
  /** Goes on after `pause()`. */
  resume(): void;
  /** Back to `idle`. */
  reset(): void;
}

/**
 * A guided practice's timer: round, phase, roles (swapped each round) and seconds left, read from the
 * engine's clock (`engine.now()`) and re-read once a second while running, so tests drive it with
 * fake timers. The schedule itself is `practiceSchedule` and `practiceStateAt` from `@attune/core`;
 * the timer's start and pauses live in this component. Record the exercise itself with
 * `useExercise` from `@attune/react`.
 *
 * @returns the timer, or `undefined` when the id is not a guided practice of the program.
 * @example
 * ```tsx
 * const timer = usePracticeTimer('speaker-listener');
 * return <p>{timer?.role.id}: {timer?.secondsLeft}s</p>;
 * ```
 */
export function usePracticeTimer(exerciseId: string): PracticeTimer | undefined {
  const { engine, partner } = useAttuneContext();
  const found = getExercise(engine.program, exerciseId)?.exercise;
  const practice = found?.kind === 'guided-practice' ? found : undefined;
  const [a, b] = engine.couple.partners;
  const schedule = useMemo(
    () => practice && practiceSchedule(practice, [a.id, b.id]),
    [practice, a.id, b.id],
  );
  // [start, paused at]: the start moves on by each pause's length, so the time run is now - start.
  const [run, setRun] = useState<[number, number?]>();
  const [, tick] = useReducer((ticks: number) => ticks + 1, 0);
  const at = schedule && practiceStateAt(schedule, run ? (run[1] ?? engine.now()) - run[0] : 0);
  const ticking = !!run && run[1] === undefined && !!at && !at.done;

  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [ticking]);

  if (!practice || !at) return undefined;
  const { roles } = at.current;
  return {
    exercise: practice,
    state: !run ? 'idle' : at.done ? 'done' : run[1] === undefined ? 'running' : 'paused',
    round: at.current.round,
    phase: at.current.phase,
    secondsLeft: at.secondsLeft,
    roles,
    role: roles[partner] as PracticeRole,
    start: () => setRun([engine.now()]),
    pause: () => {
      const now = engine.now();
      setRun((current) => current && [current[0], current[1] ?? now]);
    },
    resume: () => {
      const now = engine.now();
      setRun((current) => current && [current[0] + now - (current[1] ?? now)]);
    },
    reset: () => setRun(undefined),
  };
}
