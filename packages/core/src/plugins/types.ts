import type { LoggedEvent } from '../events/types.js';
import type { MessageParams } from '../messages/types.js';
import type { ContentTree } from '../program/content-tree.js';
import type { Couple } from '../program/couple.js';
import type { PluginExercise } from '../program/registry.js';
import type {
  ContentKey,
  Exercise,
  ExerciseBase,
  ExerciseOfKind,
  Program,
  Step,
} from '../program/types.js';
import type { EngineSnapshot, ReminderIntent, Suggestion } from '../progress/types.js';
import type { RuleContext } from '../rules/evaluate.js';
import type { RuleOfKind } from '../rules/registry.js';
import type { ConditionProgress } from '../rules/types.js';

/**
 * The versions of the plugin contract this `@attune/core` implements. A plugin says which one it was
 * written for in {@link AttunePlugin.contract}; the engine refuses one it does not implement.
 */
export type PluginContractVersion = 1;

/** Something wrong in a plugin's data, relative to the exercise or rule checked. */
export interface PluginPayloadProblem {
  /** Where, relative to the exercise or rule, such as `sets[1].questions`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** What partners did in one run of an exercise, for {@link ExerciseKindDefinition.completedWhen}. */
export interface ExerciseAnswers {
  /** The couple's partner ids. */
  readonly partners: readonly string[];
  /** The partners who answered a prompt (by the prompt id given to `engine.answer`) in this run. */
  answeredBy(prompt: string): readonly string[];
  /**
   * The events of one of the kind's `completionEvents` types recorded in this run, in log order,
   * frozen; empty for any other type. They may be about any exercise: read their data to tell.
   */
  eventsOf(type: string): readonly LoggedEvent[];
}

/** The common exercise fields an exercise kind's `defaults` can fill in. */
export type DefaultableExerciseField = 'mode' | 'minutes' | 'visibility' | 'needsSafety';

/** Common fields an exercise kind fills in for exercises of its kind that leave them out. */
export type ExerciseDefaults = Partial<Pick<ExerciseBase, DefaultableExerciseField>>;

/**
 * An exercise as a plugin writes it in its steps: the common fields its kind's `defaults` fill in
 * may be left out. The engine's program holds the resolved exercise, the registered type with every
 * field. An exercise that leaves out a field its kind has no default for is reported when the engine
 * is created.
 *
 * @example
 * ```ts
 * const ladder: ExerciseInput<QuestionLadderExercise> = { id: 'ladder', kind: 'question-ladder', … };
 * ```
 */
export type ExerciseInput<E extends ExerciseBase = PluginExercise> = E extends ExerciseBase
  ? Omit<E, DefaultableExerciseField> & Partial<Pick<E, DefaultableExerciseField>>
  : never;

/** A step as a plugin writes it: its plugin exercises may leave out what their kinds' defaults fill. */
export interface StepInput extends Omit<Step, 'exercises'> {
  readonly exercises: readonly (Exercise | ExerciseInput)[];
}

/** A whole program as a plugin gives it, its steps written as {@link StepInput}. */
export interface ProgramInput extends Omit<Program, 'steps'> {
  readonly steps: readonly StepInput[];
}

/**
 * An exercise kind a plugin adds: how to check its payload, its defaults, and how completion is
 * recognised. Give it to {@link defineExerciseKind} so its functions see the registered type.
 */
export interface ExerciseKindDefinition<K extends string = string> {
  /** The kind, such as `question-ladder`; it must not be a built-in kind or another plugin's. */
  readonly kind: K;
  /**
   * Common fields that exercises of this kind may leave out, such as the default visibility; the
   * engine fills them in when it merges the plugins' steps into its program.
   */
  readonly defaults?: ExerciseDefaults;
  /**
   * Checks the fields beyond the common ones of an exercise of this kind, at registration and in
   * `validateProgram(document, { plugins })`. Returns every problem; an empty list when it is fine.
   */
  check?(exercise: Readonly<Record<string, unknown>>): readonly PluginPayloadProblem[];
  /**
   * Recognises completion from answers: after each answer to an exercise of this kind, in log order,
   * the engine asks whether this run is complete; when it is, it counts one completion done together,
   * at that answer's time (its week counts toward the rhythm), and starts a new run. Without it, completion is recorded by
   * `engine.completeExercise`, as for the built-in kinds.
   */
  completedWhen?(exercise: ExerciseOfKind<K>, answers: ExerciseAnswers): boolean;
  /**
   * Event types, each declared in `eventTypes` by a plugin of the engine, that count toward
   * completion as answers do: after each one too, in log order, `completedWhen` is asked, and
   * `answers.eventsOf(type)` gives those of the run.
   */
  readonly completionEvents?: readonly string[];
}

/** What a plugin's rule evaluator returns: whether it holds, and why, as a message key. */
export interface RuleOutcome {
  readonly holds: boolean;
  /** A key from the rule kind's `explanationKeys`, such as `flooding-break:explain.no-break`. */
  readonly key: ContentKey;
  readonly params?: MessageParams;
  /** How far the couple is, for partial credit in a step's percent. */
  readonly progress?: ConditionProgress;
  /** How far each partner is, by partner id. */
  readonly partners?: Readonly<Record<string, ConditionProgress>>;
}

/** What a plugin's rule evaluator reads: the engine's facts, and the events of plugins' own types. */
export interface PluginRuleContext extends Omit<RuleContext, 'evaluateCustom'> {
  /** The events of a type a plugin declared in `eventTypes`, in log order, frozen. */
  eventsOf(type: string): readonly LoggedEvent[];
}

/** A rule kind a plugin adds: its evaluator, the keys it explains itself with, and its check. */
export interface RuleKindDefinition<K extends string = string> {
  /** The kind, such as `no-break-in-progress`; it must not be a built-in kind or another plugin's. */
  readonly kind: K;
  /** Every message key `evaluate` may return; each must have English text in the plugin's resources. */
  readonly explanationKeys: readonly ContentKey[];
  /** Checks a rule of this kind beyond `kind`. Returns every problem; an empty list when it is fine. */
  check?(rule: Readonly<Record<string, unknown>>): readonly PluginPayloadProblem[];
  /** Evaluates a rule of this kind. If it throws, the rule does not hold and the engine reports it. */
  evaluate(rule: RuleOfKind<K>, context: PluginRuleContext): RuleOutcome;
}

/** Where an observed event came from. */
export interface ObservedEvent {
  /** `recorded` on this device through the engine's methods, or `received` from elsewhere. */
  readonly origin: 'recorded' | 'received';
}

/** What a plugin sees when it suggests or reminds: one partner's situation, read-only. */
export interface PluginViewContext {
  /** The partner the view is for. */
  readonly partner: string;
  readonly program: Program;
  readonly couple: Couple;
  readonly snapshot: EngineSnapshot;
  /** The engine's clock reading for this view. */
  readonly now: number;
  /** The events of a type a plugin declared in `eventTypes`, in log order, frozen. */
  eventsOf(type: string): readonly LoggedEvent[];
}

/** A reminder to build with {@link ReminderContext.reminder}. */
export interface ReminderRequest {
  /** Unique among this partner's reminders, such as `flooding-break:soft-start-talk:1767600000000`. */
  readonly id: string;
  readonly exercise: string;
  /** When it is due, in ms since the epoch. */
  readonly at: number;
  readonly messageKey: ContentKey;
  readonly params?: MessageParams;
}

/** What a reminder provider sees, with a helper that fills in the partner's time zone. */
export interface ReminderContext extends PluginViewContext {
  /** The built-in reminders of this partner. */
  readonly due: readonly ReminderIntent[];
  /** Builds a reminder intent for this partner: step, state and local time filled in. */
  reminder(request: ReminderRequest): ReminderIntent;
}

/** What a suggestion strategy sees: the partner's situation and the engine's own suggestion. */
export interface SuggestionContext extends PluginViewContext {
  /** This partner's reminders, built-in and from plugins. */
  readonly due: readonly ReminderIntent[];
  /** What the engine suggests without plugins. */
  readonly suggestion: Suggestion;
}

/** Which help a host app asks a plugin for. */
export interface HelpRequest {
  /** ISO 3166-1 alpha-2 region, such as `DE`, or `undefined` when it is not known. */
  readonly region: string | undefined;
}

/** A help resource a plugin provides, such as a counseling directory for a region. */
export interface PluginHelpResource {
  /** The service's own name, untranslated. */
  readonly name: string;
  /** One plain sentence on who it serves and how, as a key in the plugin's resources. */
  readonly descriptionKey: ContentKey;
  readonly phone?: string;
  readonly url?: string;
  /** When it answers: `24/7`, or as the service publishes it. */
  readonly hours?: string;
  /** A public page that publishes these details. */
  readonly sourceUrl: string;
  /** The day the source was last checked, as `YYYY-MM-DD`. */
  readonly checkedOn: string;
}

/**
 * A plugin's translations: locale, then namespace, then an i18next JSON v4 tree. English (`en`) is
 * the fallback locale and must hold every key the plugin uses.
 */
export type PluginResources = Readonly<Record<string, Readonly<Record<string, ContentTree>>>>;

/**
 * A plugin for one engine, written against contract version 1. Every part is optional besides
 * `contract` and `name`. Give it to {@link definePlugin}, then to `createEngine({ plugins })`.
 */
export interface AttunePlugin {
  /** The plugin contract version this plugin implements. */
  readonly contract: PluginContractVersion;
  /**
   * Unique among an engine's plugins, kebab-case, such as `question-ladder`. It prefixes the plugin's
   * event types and is the namespace its words are checked in.
   */
  readonly name: string;
  /** The plugin's own version, for diagnostics. */
  readonly version?: string;
  /** Exercise kinds the plugin adds. */
  readonly exerciseKinds?: readonly ExerciseKindDefinition[];
  /** Rule kinds the plugin adds. */
  readonly ruleKinds?: readonly RuleKindDefinition[];
  /**
   * Event types the plugin records with `engine.recordPluginEvent`, each `<name>/<type>`. They are
   * kept and folded like any event, given to the plugin through `eventsOf`, and not reported as
   * unknown.
   */
  readonly eventTypes?: readonly string[];
  /**
   * Checks the data of an event of one of `eventTypes` before the engine takes it, recorded here or
   * received from another device; `path` is relative to the data. Returns every problem, an empty
   * list when it is fine: the engine then refuses the event with an `AttuneEventError` naming the
   * field, and the log stays as it was. Without it, any JSON data is taken. If it throws, the event
   * is taken and the failure reported, as for any plugin function.
   */
  checkEventData?(type: string, data: unknown): readonly PluginPayloadProblem[];
  /**
   * Brings the data of an event of one of `eventTypes`, perhaps recorded by an older version of the
   * plugin on the other partner's phone, to the shape this version reads. The engine calls it
   * before `checkEventData`, `eventsOf`, observers, rule kinds and `completedWhen` see the data, so
   * keep it pure; the log, synced and exported, keeps the event as it was recorded. Put a version in
   * your events' data to tell the shapes apart. If it throws, the data is used as recorded and the
   * failure reported.
   *
   * @example
   * ```ts
   * upgradeEventData: (type, data) => {
   *   const { v, ...rest } = data as { v?: number; minutes?: number; mins?: number };
   *   return v === undefined ? { v: 2, minutes: rest.mins } : data;
   * },
   * ```
   */
  upgradeEventData?(type: string, data: unknown): unknown;
  /**
   * Steps added to the program: after its own, in plugin order, unless `stepsAfter` says where.
   * Their exercises may leave out the fields their kinds' `defaults` fill in.
   */
  readonly steps?: readonly StepInput[];
  /**
   * The id of the step this plugin's steps follow: one of the program's, or of a plugin listed
   * before this one. Steps of several plugins placed after the same step keep the plugins' order.
   * Without it, they come last.
   */
  readonly stepsAfter?: string;
  /** A whole program, in place of the one given to `createEngine`. At most one plugin may give one. */
  readonly program?: ProgramInput;
  /** The plugin's words, per locale and namespace; see {@link pluginResources}. */
  readonly resources?: PluginResources;
  /**
   * Keys the plugin's reminders, suggestions and help resources use, which only run later: listed
   * here, they are checked for English text at registration like the keys in its steps.
   */
  readonly messageKeys?: readonly ContentKey[];
  /**
   * Sees each event added after the engine was created, frozen, once the engine has folded it. It
   * cannot change the event or the log. Safety-check events are never shown to plugins.
   */
  observe?(event: LoggedEvent, observed: ObservedEvent): void;
  /**
   * Reminders for a partner, added to `viewFor(partner).due`. None are asked for while the program is
   * paused or after the partner left; reminders of resting exercises are dropped.
   */
  reminders?(context: ReminderContext): readonly ReminderIntent[];
  /**
   * Suggests what a partner does next, in place of the engine's suggestion, or returns `undefined` to
   * leave it. Never asked while the partner's own safety check signals risk or the program is paused;
   * a suggestion of a resting exercise is ignored.
   */
  suggest?(context: SuggestionContext): Suggestion | undefined;
  /** Help resources for a region; collected with {@link pluginHelpResources}. */
  helpResources?(request: HelpRequest): readonly PluginHelpResource[];
}
