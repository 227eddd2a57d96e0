import type { AttuneEvent } from '@attune/core';
import { useAttuneContext } from './context.js';
import { shallowEqual } from './shallow-equal.js';
import { useAttuneSelector } from './use-attune-selector.js';
import { usePartnerView } from './use-partner-view.js';

/** Where the couple stands on safety and pausing, and the partner's actions for it. */
export interface SafetyState {
  /** True while exercises that need safety rest for both partners; the reason is never given. */
  readonly resting: boolean;
  /** True while the program is paused, by either partner. */
  readonly paused: boolean;
  /** This partner's own latest safety check signalled risk. Only ever shown to them. */
  readonly ownSafetyConcern: boolean;
  /** Records this partner's private safety check, by question id. */
  takeCheck(exercise: string, answers: Readonly<Record<string, boolean>>): AttuneEvent;
  /** Pauses the program for both partners. */
  pause(): AttuneEvent;
  /** Resumes the program. */
  resume(): AttuneEvent;
  /** Records that this partner leaves the program alone; their data stays theirs. */
  leave(): AttuneEvent;
}

/**
 * The safety gate for the partner using this screen: take the private check, pause, resume, leave.
 *
 * @example
 * ```tsx
 * const { ownSafetyConcern, takeCheck } = useSafety();
 * // Every question answered: only a check whose answers signal risk may leave some out.
 * takeCheck('safety-check', {
 *   'feel-safe': true,
 *   'can-disagree': true,
 *   afraid: false,
 *   'see-others': true,
 *   threatened: false,
 * });
 * ```
 */
export function useSafety(): SafetyState {
  const { engine, partner } = useAttuneContext();
  return {
    ...useAttuneSelector(({ resting, paused }) => ({ resting, paused }), shallowEqual),
    ownSafetyConcern: usePartnerView((view) => view.ownSafetyConcern),
    takeCheck: engine.takeSafetyCheck.bind(engine, partner),
    pause: engine.pause.bind(engine, partner),
    resume: engine.resume.bind(engine, partner),
    leave: engine.leave.bind(engine, partner),
  };
}
