import type { MessageParams } from '../messages/types.js';
import type { PluginRule } from './registry.js';

/** Who must have done something for a condition to hold. */
export type RuleActor = 'either' | 'each' | 'both-together';

/** Holds always. Used to open a step from the start. */
export interface AlwaysRule {
  readonly kind: 'always';
}

/** Holds when every inner rule holds. */
export interface AllRule {
  readonly kind: 'all';
  readonly rules: readonly Rule[];
}

/** Holds when at least one inner rule holds. */
export interface AnyRule {
  readonly kind: 'any';
  readonly rules: readonly Rule[];
}

/** Holds when the inner rule does not. */
export interface NotRule {
  readonly kind: 'not';
  readonly rule: Rule;
}

/** Holds when an exercise was completed, by whom and how often the rule asks. */
export interface ExerciseDoneRule {
  readonly kind: 'exercise-done';
  readonly exercise: string;
  /**
   * `either`: one partner is enough; `each`: both partners, separately; `both-together`: one completion
   * recorded together.
   */
  readonly by: RuleActor;
  /** How many completions are needed (default 1). */
  readonly times?: number;
  /** Only completions in the last n days count. */
  readonly withinDays?: number;
}

/** Holds when another step is completed. */
export interface StepCompletedRule {
  readonly kind: 'step-completed';
  readonly step: string;
}

/** Holds when the latest check-in score on a dimension is within bounds. */
export interface CheckInScoreRule {
  readonly kind: 'check-in-score';
  readonly exercise: string;
  readonly dimension: string;
  readonly by: 'either' | 'each';
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** Holds when the partners' latest scores on a dimension differ by at least `atLeast`. */
export interface CheckInDivergenceRule {
  readonly kind: 'check-in-divergence';
  readonly exercise: string;
  readonly dimension: string;
  readonly atLeast: number;
}

/** Holds when the couple practised together in at least `weeks` distinct weeks. */
export interface RhythmRule {
  readonly kind: 'rhythm';
  readonly weeks: number;
}

/** Holds once at least `atLeast` days have passed since the couple started. */
export interface DaysSinceStartRule {
  readonly kind: 'days-since-start';
  readonly atLeast: number;
}

/** Holds while no safety check signals risk. */
export interface SafetyClearRule {
  readonly kind: 'safety-clear';
}

/** Every rule kind `@attune/core` evaluates without plugins, as a union discriminated by `kind`. */
export type BuiltInRule =
  | AlwaysRule
  | AllRule
  | AnyRule
  | NotRule
  | ExerciseDoneRule
  | StepCompletedRule
  | CheckInScoreRule
  | CheckInDivergenceRule
  | RhythmRule
  | DaysSinceStartRule
  | SafetyClearRule;

/**
 * A declarative, serialisable condition. Steps use rules to say when they open and when they are done.
 * Every evaluation can explain itself as message keys. It holds the built-in kinds and the kinds
 * installed plugins registered in `RuleKindRegistry`.
 */
export type Rule = BuiltInRule | PluginRule;

/** Every rule kind: the built-in ones and those plugins registered. */
export type RuleKind = Rule['kind'];

/** Every built-in rule kind. */
export type BuiltInRuleKind = BuiltInRule['kind'];

/** How far one partner (or the couple) is towards a condition. */
export interface ConditionProgress {
  readonly done: number;
  readonly needed: number;
  readonly holds: boolean;
}

/**
 * Why a rule holds or not, as a message key with parameters, nested like the rule. `partners` says,
 * per partner id, how far each one is, for conditions that count each partner.
 */
export interface RuleExplanation {
  readonly kind: string;
  readonly holds: boolean;
  readonly key: string;
  readonly params: MessageParams;
  readonly progress?: ConditionProgress;
  readonly partners?: Readonly<Record<string, ConditionProgress>>;
  readonly children?: readonly RuleExplanation[];
}
