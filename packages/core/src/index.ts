export { attuneDecks, getDeck } from './decks/all-decks.js';
export { coupleContexts } from './decks/contexts.js';
export type { DeckErrorCode } from './decks/deck-error.js';
export { AttuneDeckError } from './decks/deck-error.js';
export { promptDepths } from './decks/depths.js';
export type { DeckDraw } from './decks/draw.js';
export { drawPrompt } from './decks/draw.js';
export type {
  DeckDepthChoice,
  DeckDrawOptions,
  DeckOrderOptions,
} from './decks/draw-options.js';
export { deckOrder } from './decks/order.js';
export type { PromptTag } from './decks/tags.js';
export { promptTags } from './decks/tags.js';
export type {
  CoupleContext,
  Deck,
  DeckKind,
  DeckOption,
  DeckPrompt,
  PromptDepth,
} from './decks/types.js';
export { usedDeckPrompts } from './decks/used-prompts.js';
export { createEngine } from './engine/create-engine.js';
export { restStartAfter } from './engine/safety-rest.js';
export type {
  Engine,
  EngineOptions,
  ReceiveResult,
  RevealMode,
  TogetherOptions,
} from './engine/types.js';
export type { AttuneErrorOptions } from './errors/attune-error.js';
export { AttuneError } from './errors/attune-error.js';
export type { AttuneProblem } from './errors/problem.js';
export type {
  AgreementConfirmedEvent,
  AgreementProposedEvent,
  AnswerRecordedEvent,
  AnswerSealedEvent,
  AppreciationSentEvent,
  AttuneEvent,
  AttuneEventType,
  CheckInRecordedEvent,
  EntrySharedEvent,
  ErasureRequestedEvent,
  EventEnvelope,
  ExerciseCompletedEvent,
  ExerciseStartedEvent,
  HybridTimestamp,
  LoggedEvent,
  PartnerLeftEvent,
  ProgramPausedEvent,
  ProgramResumedEvent,
  QuizAnsweredEvent,
  SafetyCheckTakenEvent,
  SafetyRestEvent,
  SealableEventType,
  ToggleData,
  UnknownEvent,
} from './events/types.js';
export type { EventCheckContext } from './log/check-event.js';
export { checkEvent } from './log/check-event.js';
export type { EventErrorCode } from './log/event-error.js';
export { AttuneEventError } from './log/event-error.js';
export { compareEvents } from './log/order.js';
export type { AttuneMessage, Translate } from './messages/format-message.js';
export { formatMessage } from './messages/format-message.js';
export type { MessageParams } from './messages/types.js';
export {
  defineExerciseKind,
  definePlugin,
  defineRuleKind,
  pluginContractVersion,
} from './plugins/define-plugin.js';
export type { PluginProblem, PluginProblemCode } from './plugins/plugin-error.js';
export { AttunePluginError } from './plugins/plugin-error.js';
export type { PluginHelp, ProvidedHelpResource } from './plugins/plugin-help.js';
export { pluginHelpResources } from './plugins/plugin-help.js';
export type { PluginResourceSource } from './plugins/plugin-resources.js';
export { pluginResources } from './plugins/plugin-resources.js';
export type {
  AttunePlugin,
  DefaultableExerciseField,
  ExerciseAnswers,
  ExerciseDefaults,
  ExerciseInput,
  ExerciseKindDefinition,
  HelpRequest,
  ObservedEvent,
  PluginContractVersion,
  PluginHelpResource,
  PluginPayloadProblem,
  PluginResources,
  PluginRuleContext,
  PluginViewContext,
  ProgramInput,
  ReminderContext,
  ReminderRequest,
  RuleKindDefinition,
  RuleOutcome,
  StepInput,
  SuggestionContext,
} from './plugins/types.js';
export { validatePlugins } from './plugins/validate-plugins.js';
export { practiceSchedule, practiceStateAt } from './practice/schedule.js';
export type { PracticeSchedule, PracticeState, ScheduledPracticePhase } from './practice/types.js';
export type { ContentKeyUse } from './program/content-keys.js';
export { listContentKeys } from './program/content-keys.js';
export type { ContentTree } from './program/content-tree.js';
export type { Couple, Partner } from './program/couple.js';
export type { LocatedExercise } from './program/lookup.js';
export { getExercise, getStep, listExercises } from './program/lookup.js';
export type { ProgramMigration } from './program/migrate.js';
export {
  AttuneProgramVersionError,
  currentSchemaVersion,
  migrateProgram,
  programMigrations,
} from './program/migrate.js';
export { nineStepProgram } from './program/nine-step-program.js';
export type { ExerciseKindRegistry, PluginExercise } from './program/registry.js';
export type {
  AgreementExercise,
  AgreementField,
  AppreciationExercise,
  BuiltInExercise,
  BuiltInExerciseKind,
  Cadence,
  CheckInDimension,
  CheckInExercise,
  ContentKey,
  ConversationExercise,
  ConversationPrompt,
  CurrentSchemaVersion,
  Exercise,
  ExerciseBase,
  ExerciseKind,
  ExerciseMode,
  ExerciseOfKind,
  GuidedPracticeExercise,
  LearnExercise,
  PartnerQuizExercise,
  PracticePhase,
  PracticeRole,
  Program,
  QuizOption,
  QuizQuestion,
  ReflectionExercise,
  RitualExercise,
  SafetyCheckExercise,
  SafetyQuestion,
  Scale,
  Step,
  Visibility,
} from './program/types.js';
export type {
  CheckInTrends,
  Contribution,
  Diagnostic,
  DimensionTrend,
  EngineSnapshot,
  ExerciseProgress,
  ExerciseStatus,
  ReminderIntent,
  Rhythm,
  StepProgress,
  StepStatus,
  Suggestion,
  TrendDirection,
  TrendPoint,
} from './progress/types.js';
export type { RuleContext } from './rules/evaluate.js';
export type { PluginRule, RuleKindRegistry, RuleOfKind } from './rules/registry.js';
export type {
  AllRule,
  AlwaysRule,
  AnyRule,
  BuiltInRule,
  BuiltInRuleKind,
  CheckInDivergenceRule,
  CheckInScoreRule,
  ConditionProgress,
  DaysSinceStartRule,
  ExerciseDoneRule,
  NotRule,
  RhythmRule,
  Rule,
  RuleActor,
  RuleExplanation,
  RuleKind,
  SafetyClearRule,
  StepCompletedRule,
} from './rules/types.js';
export type {
  OpenEntryOf,
  OpenViewEntry,
  OwnRest,
  PartnerView,
  PluginEventType,
  PluginViewEntry,
  RestViewEntry,
  SealedAnswerRef,
  SealedViewEntry,
  ViewEntry,
} from './visibility/types.js';
