import type { Rule, RuleActor } from '../rules/types.js';
import type {
  AgreementField,
  Cadence,
  ContentKey,
  Exercise,
  ExerciseBase,
  ExerciseMode,
  Program,
  Step,
  Visibility,
} from './types.js';

// The program holds no prose: every key is derived from the step id, the exercise id and an item id,
// as `<step>:<exercise>.<group>.<item>`. Id lists are space-separated strings to keep the bundle small
// (the whole program must stay under 3 kB minified and gzipped).

/** Mode, minutes, visibility and whether a safety signal rests the exercise (default false). */
type Opts = readonly [
  mode: ExerciseMode,
  minutes: number,
  visibility: Visibility,
  safety?: boolean,
];

/** An exercise waiting for its step id, which namespaces its keys. */
type Make = (step: string) => Exercise;

/** The kind-specific part of each exercise. */
type Payload<E = Exercise> = E extends ExerciseBase ? Omit<E, keyof ExerciseBase> : never;

type Key = (path: string) => ContentKey;

const ids = (list: string): string[] => list.split(' ');

const exercise =
  (
    id: string,
    [mode, minutes, visibility, needsSafety = false]: Opts,
    payload: (k: Key) => Payload,
  ): Make =>
  (step) => {
    const k: Key = (path) => `${step}:${id}.${path}`;
    return {
      id,
      titleKey: k('title'),
      whyKey: k('why'),
      howKey: k('how'),
      ifHardKey: k('if-hard'),
      mode,
      minutes,
      visibility,
      needsSafety,
      ...payload(k),
    };
  };

const keys = (k: Key, group: string, list: string): ContentKey[] =>
  ids(list).map((id) => k(`${group}.${id}`));

/** Builds `{ id, key }` for an item of a group, such as a prompt or a question. */
const item =
  (k: Key, group: string) =>
  (id: string): { id: string; key: ContentKey } => ({ id, key: k(`${group}.${id}`) });

/** Something both partners see: done together unless another mode is given. */
const shared = (minutes: number, needsSafety = false, mode: ExerciseMode = 'together'): Opts => [
  mode,
  minutes,
  'shared',
  needsSafety,
];
const SOLO_WRITE: Opts = ['solo', 10, 'private'];
const EACH_WRITE: Opts = ['each', 10, 'private'];
const SEALED_QUIZ: Opts = ['each', 10, 'sealed', true];
const SOLO_BRIEF: Opts = ['solo', 5, 'private'];

const reflection = (id: string, o: Opts, prompts: string, shareable = true): Make =>
  exercise(id, o, (k) => ({ kind: 'reflection', prompts: keys(k, 'prompts', prompts), shareable }));

/** `depths` lists prompt ids by depth: light, middle, deep. */
const conversation = (
  id: string,
  o: Opts,
  depths: readonly [string, string, string],
  turns: 'alternate' | 'both-answer' = 'alternate',
): Make =>
  exercise(id, o, (k) => ({
    kind: 'conversation',
    turns,
    prompts: depths.flatMap((list, i) =>
      ids(list).map((p) => ({ ...item(k, 'prompts')(p), depth: (i + 1) as 1 | 2 | 3 })),
    ),
  }));

/** `phases` is a list of `id:seconds`; each phase has a cue for each role. Roles swap each round. */
const practice = (id: string, o: Opts, roles: string, phases: string, rounds = 2): Make =>
  exercise(id, o, (k) => {
    const [a = '', b = ''] = ids(roles);
    return {
      kind: 'guided-practice',
      roles: [
        { id: a, labelKey: k(`roles.${a}`) },
        { id: b, labelKey: k(`roles.${b}`) },
      ],
      phases: ids(phases).map((phase) => {
        const [p = '', seconds] = phase.split(':');
        return {
          ...item(k, 'phases')(p),
          seconds: Number(seconds),
          cues: { [a]: k(`cues.${p}.${a}`), [b]: k(`cues.${p}.${b}`) },
        };
      }),
      rounds,
    };
  });

const ritual = (id: string, o: Opts, cadence: Cadence, ideas: string): Make =>
  exercise(id, o, (k) => ({ kind: 'ritual', cadence, ideas: keys(k, 'ideas', ideas) }));

const SENSITIVE_DIMENSIONS: ReadonlySet<string> = /* @__PURE__ */ new Set(['safety']);

const checkIn = (id: string, o: Opts, dimensions: string, cadence: Cadence): Make =>
  exercise(id, o, (k) => ({
    kind: 'check-in',
    dimensions: ids(dimensions).map((dimension) => ({
      ...item(k, 'dimensions')(dimension),
      // How safe a partner feels is theirs to share, never a nudge both of them see.
      ...(SENSITIVE_DIMENSIONS.has(dimension) && { sensitive: true }),
    })),
    scale: { min: 1, max: 5, minLabelKey: k('scale.min'), maxLabelKey: k('scale.max') },
    cadence,
  }));

/** Question ids mapped to their option ids. */
const quiz = (id: string, questions: Record<string, string>): Make =>
  exercise(id, SEALED_QUIZ, (k) => ({
    kind: 'partner-quiz',
    questions: Object.entries(questions).map(([q, options]) => ({
      ...item(k, 'questions')(q),
      options: ids(options).map(item(k, `options.${q}`)),
    })),
  }));

/** Notes each partner writes to the other. */
const notes = (id: string, starters: string): Make =>
  exercise(id, shared(5, false, 'each'), (k) => ({
    kind: 'appreciation',
    starters: keys(k, 'starters', starters),
  }));

/** A plan the couple makes together and both confirm. */
const agreement = (
  id: string,
  needsSafety: boolean,
  fields: Record<string, AgreementField['input']>,
): Make =>
  exercise(id, shared(20, needsSafety), (k) => ({
    kind: 'agreement',
    fields: Object.entries(fields).map(([f, input]) => ({ ...item(k, 'fields')(f), input })),
  }));

/** A short solo read. */
const learn = (id: string, sections: string): Make =>
  exercise(id, SOLO_BRIEF, (k) => ({
    kind: 'learn',
    sections: keys(k, 'sections', sections),
  }));

/** A private, solo safety check; question ids mapped to the answer that signals risk. */
const safetyCheck = (id: string, questions: Record<string, boolean>): Make =>
  exercise(id, SOLO_BRIEF, (k) => ({
    kind: 'safety-check',
    questions: Object.entries(questions).map(([q, riskWhen]) => ({
      ...item(k, 'questions')(q),
      riskWhen,
    })),
  }));

/** `weekday`: 0 = Sunday … 6 = Saturday. */
const weekly = (weekday: number, time: string): Cadence => ({
  every: 'week',
  interval: 1,
  weekday,
  time,
});

const step = (id: string, unlock: Rule, completion: Rule, ...exercises: Make[]): Step => ({
  id,
  titleKey: `${id}:step.title`,
  summaryKey: `${id}:step.summary`,
  whyKey: `${id}:step.why`,
  exercises: exercises.map((make) => make(id)),
  unlock,
  completion,
});

const always: Rule = { kind: 'always' };
const safetyClear: Rule = { kind: 'safety-clear' };
const all = (...rules: Rule[]): Rule => ({ kind: 'all', rules });
const any = (...rules: Rule[]): Rule => ({ kind: 'any', rules });
const after = (step: string): Rule => ({ kind: 'step-completed', step });
const done =
  (by: RuleActor) =>
  (exercise: string, times = 1): Rule => ({
    kind: 'exercise-done',
    exercise,
    by,
    ...(times > 1 && { times }),
  });
/** Both partners, each on their own: the couple moves at the slower partner's pace. */
const each = done('each');
/** One completion recorded together. */
const together = done('both-together');
/** One partner is enough. */
const either = done('either');
/** Steps 3 to 8 open once both foundation steps are completed. */
const opens = (...rules: Rule[]): Rule =>
  all(after('safe-space'), after('open-communication'), ...rules);

/** The default nine-step program: from a safe space to knowing when to seek help. */
export const nineStepProgram: Program = /* @__PURE__ */ buildNineStepProgram();

// Built by a call marked pure, so a bundle that does not use the program leaves all of it out, even
// when the module shares a chunk with the engine.
function buildNineStepProgram(): Program {
  return {
    schemaVersion: 1,
    id: 'nine-steps',
    version: '1.0.0',
    titleKey: 'common:program.title',
    alwaysOpen: ['professional-help'],
    steps: [
      step(
        'safe-space',
        always,
        all(each('safe-space-basics'), each('what-feels-safe'), together('ground-rules')),
        safetyCheck('safety-check', {
          'feel-safe': false,
          'can-disagree': false,
          afraid: true,
          'see-others': false,
          threatened: true,
        }),
        learn('safe-space-basics', 'validate criticism pausing'),
        reflection('what-feels-safe', EACH_WRITE, 'safe shut-down open-up'),
        practice('just-validate', shared(15), 'speaker listener', 'share:120 validate:60 thank:30'),
        agreement('ground-rules', false, {
          promises: 'list',
          avoid: 'list',
          'pause-word': 'text',
          review: 'date',
        }),
      ),
      step(
        'open-communication',
        always,
        all(together('dreams-deck'), together('daily-talk', 3), each('weekly-check-in')),
        conversation('dreams-deck', shared(30), ['day small-joy', 'hope worry', 'dream fear need']),
        ritual(
          'daily-talk',
          shared(10),
          { every: 'day', interval: 1, time: '20:30' },
          'high-low feeling walk tea',
        ),
        reflection('unsaid-things', EACH_WRITE, 'bottled assumed unsaid'),
        quiz('inner-world-quiz', {
          recharge: 'alone friends outdoors',
          worried: 'quiet busy talk',
          dream: 'travel create home',
        }),
        checkIn(
          'weekly-check-in',
          shared(5, false, 'each'),
          'feeling-heard closeness stress fun support',
          weekly(0, '19:00'),
        ),
      ),
      step(
        'empathy',
        opens(),
        all(together('mirror-validate-empathise'), each('their-shoes')),
        practice(
          'mirror-validate-empathise',
          shared(20),
          'speaker listener',
          'share:180 mirror:60 validate:60 empathise:60',
        ),
        reflection('their-shoes', EACH_WRITE, 'moment felt needed missed'),
        conversation('perspective-deck', shared(25), [
          'comfort memory',
          'misunderstood cared-for',
          'hard-season wish',
        ]),
        quiz('feelings-quiz', {
          stressed: 'quiet busy talk',
          sad: 'company alone distract',
          'hard-day': 'hug listen help',
        }),
      ),
      step(
        'appreciation',
        opens(),
        all(each('thank-you-notes', 3), together('appreciation-round')),
        notes('thank-you-notes', 'thanks loved smiled'),
        notes('admiration-notes', 'admire proud glad'),
        ritual('hello-goodbye', shared(5), { every: 'day', interval: 1 }, 'hug kiss welcome text'),
        conversation('appreciation-round', shared(20), [
          'thanks habit',
          'proud loved',
          'changed-me unthanked',
        ]),
        quiz('feel-loved-quiz', {
          loved: 'words time touch help',
          surprise: 'note meal plan',
          affection: 'hugs hands cuddles',
        }),
      ),
      step(
        'vulnerability',
        opens(after('empathy'), safetyClear),
        all(
          each('before-you-share'),
          together('fears-hopes-deck'),
          any(together('share-and-hold'), each('sealed-answers')),
        ),
        learn('before-you-share', 'pass care not-therapy'),
        conversation('fears-hopes-deck', shared(30, true), [
          'habit comfort',
          'insecurity ask',
          'hurt loss trust',
        ]),
        conversation(
          'sealed-answers',
          ['each', 15, 'sealed', true],
          ['fear joy', 'unsure want', 'past hardest'],
          'both-answer',
        ),
        practice(
          'share-and-hold',
          shared(25, true),
          'sharer holder',
          'share:240 reflect:60 comfort:60 thank:30',
        ),
        checkIn('trust-check-in', shared(5, true, 'each'), 'trust safety held pace', {
          every: 'month',
          interval: 1,
          time: '19:00',
        }),
      ),
      step(
        'active-listening',
        opens(),
        all(together('speaker-listener', 2), each('listening-habits')),
        practice(
          'speaker-listener',
          shared(20),
          'speaker listener',
          'speak:180 paraphrase:60 clarify:60 confirm:30',
        ),
        learn('listening-basics', 'attention interrupting clarifying reflecting'),
        reflection('listening-habits', EACH_WRITE, 'drift interrupt heard', false),
        conversation('curious-deck', shared(25), [
          'weekend song',
          'proud mind-changed',
          'unseen listening',
        ]),
        ritual('phones-down', shared(15), weekly(3, '20:00'), 'turns ask sum-up'),
      ),
      step(
        'quality-time',
        opens(),
        all(together('together-plan'), together('weekly-date', 2), {
          kind: 'rhythm',
          weeks: 2,
        }),
        ritual('weekly-date', shared(60), weekly(5, '19:00'), 'cook walk explore games home'),
        agreement('together-plan', false, {
          night: 'text',
          activities: 'list',
          protect: 'list',
          start: 'date',
        }),
        reflection('moments-we-loved', EACH_WRITE, 'best more obstacles'),
        conversation('dream-date-deck', shared(20), [
          'lazy-day game',
          'new revisit',
          'traditions future',
        ]),
      ),
      step(
        'conflict',
        opens(after('active-listening'), safetyClear, { kind: 'days-since-start', atLeast: 14 }),
        all(
          each('conflict-basics'),
          each('soft-start-prep'),
          together('soft-start-talk'),
          together('repair-plan'),
        ),
        learn('conflict-basics', 'soft-start flooding repair not-therapy'),
        reflection('soft-start-prep', ['each', 10, 'private', true], 'i-feel about i-need'),
        practice(
          'soft-start-talk',
          shared(25, true),
          'speaker listener',
          'soft-start:60 reflect:60 respond:120 common-ground:180',
        ),
        practice(
          'flooding-break',
          shared(25, true),
          'needs-break gives-space',
          'call-break:30 self-soothe:1200 come-back:60',
          1,
        ),
        agreement('repair-plan', true, {
          happened: 'text',
          needs: 'list',
          try: 'list',
          'check-back': 'date',
        }),
      ),
      step(
        'professional-help',
        always,
        either('when-to-seek-help'),
        learn('when-to-seek-help', 'not-therapy signs finding-someone if-unsafe'),
        safetyCheck('safety-recheck', {
          'safe-now': false,
          afraid: true,
          controlled: true,
          pressured: true,
        }),
        reflection('help-readiness', SOLO_WRITE, 'tried stuck hope worries'),
        agreement('counselor-plan', true, {
          needs: 'list',
          options: 'list',
          caller: 'text',
          'call-by': 'date',
        }),
      ),
    ],
  };
}
