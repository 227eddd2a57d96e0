export type {
  Engine,
  EngineOptions,
  ReceiveResult,
  TogetherOptions,
} from './engine/create-engine.js';
export { createEngine } from './engine/create-engine.js';
export type {
  CheckInTrends,
  ConditionProgress,
  Contribution,
  Couple,
  Diagnostic,
  DimensionTrend,
  EngineEvent,
  EngineSnapshot,
  MessageParams,
  Partner,
  PartnerView,
  ReminderIntent,
  Rhythm,
  RuleExplanation,
  StepProgress,
  StepStatus,
  Suggestion,
  TrendDirection,
  TrendPoint,
  ViewEntry,
} from './engine/types.js';
export type {
  AgreementConfirmedEvent,
  AgreementProposedEvent,
  AnswerRecordedEvent,
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
  PartnerLeftEvent,
  ProgramPausedEvent,
  ProgramResumedEvent,
  QuizAnsweredEvent,
  SafetyCheckTakenEvent,
  SafetyRestEvent,
  UnknownEvent,
} from './events/types.js';
export type { EventCheckContext } from './log/check-event.js';
export { checkEvent } from './log/check-event.js';
export type { EventErrorCode } from './log/event-error.js';
export { AttuneEventError } from './log/event-error.js';
export type { AppendOutcome, LoggedEvent } from './log/event-log.js';
export { compareEvents, compareTimestamps } from './log/order.js';
export type { AttuneMessage, Translate } from './messages/format-message.js';
export { formatMessage } from './messages/format-message.js';
export type { ContentKeyUse } from './program/content-keys.js';
export { listContentKeys } from './program/content-keys.js';
export type { LocatedExercise } from './program/lookup.js';
export { getExercise, getStep, listExercises } from './program/lookup.js';
export type { ProgramMigration } from './program/migrate.js';
export {
  currentSchemaVersion,
  migrateProgram,
  ProgramVersionError,
  programMigrations,
} from './program/migrate.js';
export { nineStepProgram } from './program/nine-step-program.js';
export type {
  AgreementExercise,
  AgreementField,
  AppreciationExercise,
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
  AllRule,
  AlwaysRule,
  AnyRule,
  CheckInDivergenceRule,
  CheckInScoreRule,
  DaysSinceStartRule,
  ExerciseDoneRule,
  NotRule,
  RhythmRule,
  Rule,
  RuleActor,
  RuleKind,
  SafetyClearRule,
  StepCompletedRule,
} from './rules/types.js';
