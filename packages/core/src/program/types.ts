import type { Rule } from '../rules/types.js';
import type { ExerciseKindRegistry, PluginExercise } from './registry.js';

/**
 * A key into the content package's translations, such as `safe-space:mirror-me.title`.
 * The model never holds prose: every word a partner reads is looked up by key.
 */
export type ContentKey = string;

/** Who an exercise is for: one partner, both at once, or each partner on their own. */
export type ExerciseMode = 'solo' | 'together' | 'each';

/**
 * Who may see what a partner writes.
 * - `private`: only the author, ever.
 * - `shared`: both partners.
 * - `sealed`: both partners, once both have answered the same prompt; until then the other partner
 *   only sees that an answer exists.
 */
export type Visibility = 'private' | 'shared' | 'sealed';

/** Fields every exercise has, whatever its kind. */
export interface ExerciseBase {
  /** Unique within the program, kebab-case. */
  readonly id: string;
  /** Title shown in lists. */
  readonly titleKey: ContentKey;
  /** One sentence on what the exercise gives the couple. */
  readonly whyKey: ContentKey;
  /** What to do: numbered steps, one action per line, in the order they happen. */
  readonly howKey: ContentKey;
  /** How to pause, pass or stop if it gets hard, and that stopping is fine. */
  readonly ifHardKey: ContentKey;
  /** Who takes part. */
  readonly mode: ExerciseMode;
  /** About how long it takes, in minutes. */
  readonly minutes: number;
  /** Default visibility of what partners write in it. */
  readonly visibility: Visibility;
  /**
   * True when the exercise asks for joint vulnerability, conflict work or sealed sharing, so a safety
   * check that signals risk rests it for both partners.
   */
  readonly needsSafety: boolean;
}

/** Write privately, and optionally share what you wrote. */
export interface ReflectionExercise extends ExerciseBase {
  readonly kind: 'reflection';
  /** The questions to write about, in order. */
  readonly prompts: readonly ContentKey[];
  /** Whether the author may choose to share an entry with their partner. */
  readonly shareable: boolean;
}

/** A prompt in a conversation deck; depth grows from 1 (light) to 3 (deep). */
export interface ConversationPrompt {
  readonly id: string;
  readonly key: ContentKey;
  readonly depth: 1 | 2 | 3;
}

/** A deck of prompts the couple talks through together, taking turns. */
export interface ConversationExercise extends ExerciseBase {
  readonly kind: 'conversation';
  readonly prompts: readonly ConversationPrompt[];
  /** `alternate`: partners take turns answering; `both-answer`: each prompt is answered by both. */
  readonly turns: 'alternate' | 'both-answer';
}

/** A role in a guided practice, such as the one speaking or the one listening. */
export interface PracticeRole {
  readonly id: string;
  readonly labelKey: ContentKey;
}

/** One timed phase of a guided practice. */
export interface PracticePhase {
  readonly id: string;
  /** What to do in this phase. */
  readonly key: ContentKey;
  /** How long the phase lasts, in seconds. */
  readonly seconds: number;
  /** A cue for each role during this phase, by role id. */
  readonly cues?: Readonly<Record<string, ContentKey>>;
}

/** Timed phases with roles that swap, such as speaker and listener. */
export interface GuidedPracticeExercise extends ExerciseBase {
  readonly kind: 'guided-practice';
  /** Exactly two roles; partner A starts in the first. */
  readonly roles: readonly [PracticeRole, PracticeRole];
  readonly phases: readonly PracticePhase[];
  /** How many times the phases run; roles swap between rounds. */
  readonly rounds: number;
}

/** How often something recurs. */
export interface Cadence {
  readonly every: 'day' | 'week' | 'month';
  /** Every n days, weeks or months. */
  readonly interval: number;
  /** For weekly cadences: 0 = Sunday … 6 = Saturday. */
  readonly weekday?: number;
  /** Suggested local time, `HH:MM`, in each partner's time zone. */
  readonly time?: string;
}

/** A recurring habit of connection, such as a weekly date or a daily hello. */
export interface RitualExercise extends ExerciseBase {
  readonly kind: 'ritual';
  readonly cadence: Cadence;
  /** Ideas the couple can pick from. */
  readonly ideas: readonly ContentKey[];
}

/** One thing a check-in asks about, rated on the check-in's scale. */
export interface CheckInDimension {
  readonly id: string;
  readonly key: ContentKey;
  /**
   * A score about feeling safe. Two partners' scores on it never drive a suggestion both of them
   * see, such as "talk about it, your scores differ": that would tell one partner how safe the other
   * feels with them.
   */
  readonly sensitive?: boolean;
}

/** A numeric scale with a label at each end. */
export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly minLabelKey: ContentKey;
  readonly maxLabelKey: ContentKey;
}

/** Scaled questions per dimension, answered by each partner. */
export interface CheckInExercise extends ExerciseBase {
  readonly kind: 'check-in';
  readonly dimensions: readonly CheckInDimension[];
  readonly scale: Scale;
  readonly cadence: Cadence;
}

/** One answer a quiz question offers. */
export interface QuizOption {
  readonly id: string;
  readonly key: ContentKey;
}

/** A question each partner answers about themselves, then guesses for the other. */
export interface QuizQuestion {
  readonly id: string;
  readonly key: ContentKey;
  readonly options: readonly QuizOption[];
}

/** Answer about yourself, guess your partner's answer, compare. */
export interface PartnerQuizExercise extends ExerciseBase {
  readonly kind: 'partner-quiz';
  readonly questions: readonly QuizQuestion[];
}

/** Notes of appreciation written to the partner. */
export interface AppreciationExercise extends ExerciseBase {
  readonly kind: 'appreciation';
  /** Sentence starters, such as "Something you did this week that I loved…". */
  readonly starters: readonly ContentKey[];
}

/** One field of a shared agreement. */
export interface AgreementField {
  readonly id: string;
  readonly key: ContentKey;
  readonly input: 'text' | 'list' | 'date';
}

/** A shared plan both partners confirm, such as what to try after a conflict. */
export interface AgreementExercise extends ExerciseBase {
  readonly kind: 'agreement';
  readonly fields: readonly AgreementField[];
}

/** A short read, in sections. */
export interface LearnExercise extends ExerciseBase {
  readonly kind: 'learn';
  readonly sections: readonly ContentKey[];
}

/** A question in the private safety check. */
export interface SafetyQuestion {
  readonly id: string;
  readonly key: ContentKey;
  /**
   * Which answer signals risk. Answers are yes/no; when the answer equals `riskWhen`, the check signals
   * risk.
   */
  readonly riskWhen: boolean;
}

/** A private check on feeling safe; its answers never leave the author's view. */
export interface SafetyCheckExercise extends ExerciseBase {
  readonly kind: 'safety-check';
  readonly questions: readonly SafetyQuestion[];
}

/** Every exercise kind `@attune/core` knows without plugins, as a union discriminated by `kind`. */
export type BuiltInExercise =
  | ReflectionExercise
  | ConversationExercise
  | GuidedPracticeExercise
  | RitualExercise
  | CheckInExercise
  | PartnerQuizExercise
  | AppreciationExercise
  | AgreementExercise
  | LearnExercise
  | SafetyCheckExercise;

/**
 * One activity of a step. A union discriminated by `kind`: narrowing on `kind` gives the payload. It
 * holds the built-in kinds and the kinds installed plugins registered in `ExerciseKindRegistry`.
 *
 * @example
 * ```ts
 * if (exercise.kind === 'guided-practice') exercise.phases; // PracticePhase[]
 * ```
 */
export type Exercise = BuiltInExercise | PluginExercise;

/** Every exercise kind: the built-in ones and those plugins registered. */
export type ExerciseKind = Exercise['kind'];

/** Every built-in exercise kind. */
export type BuiltInExerciseKind = BuiltInExercise['kind'];

/** One step of the program, with its exercises and the rules that open and complete it. */
export interface Step {
  /** Unique within the program, kebab-case, such as `active-listening`. */
  readonly id: string;
  readonly titleKey: ContentKey;
  readonly summaryKey: ContentKey;
  /** Why this step matters, in a sentence or two. */
  readonly whyKey: ContentKey;
  readonly exercises: readonly Exercise[];
  /** When the step opens. `{ kind: 'always' }` for a step that is never locked. */
  readonly unlock: Rule;
  /** When the step counts as completed. */
  readonly completion: Rule;
}

/** The version of the program format this code reads and writes. */
export type CurrentSchemaVersion = 1;

/** A whole program: versioned, serialisable data, steps in order. */
export interface Program {
  /** Version of the data format; older programs are upgraded with `migrateProgram`. */
  readonly schemaVersion: CurrentSchemaVersion;
  /** Unique id, kebab-case. */
  readonly id: string;
  /** Version of the program's own content, semver. */
  readonly version: string;
  readonly titleKey: ContentKey;
  readonly steps: readonly Step[];
  /**
   * Steps that are never locked, whatever the rules say: help is never gated behind progress.
   */
  readonly alwaysOpen: readonly string[];
}

/**
 * The exercise of one plugin kind: the registered type, or the common fields with that kind while the
 * kind is not registered. One conditional, not a recursive type, so it costs `tsc` nothing.
 */
export type ExerciseOfKind<K extends string> = K extends keyof ExerciseKindRegistry
  ? ExerciseKindRegistry[K]
  : ExerciseBase & { readonly kind: K };
