// Recording what a partner does, as an app does it: through the engine's typed methods, with a
// subscriber that reads the engine again on every change as `useSyncExternalStore` does — the
// snapshot (`getSnapshot`) or one partner's view (`viewFor`). Each timing covers the method and the
// subscriber it notifies, at 1,000 and at 100,000 events.
import { createEngine } from '@attune/core';
import { collect, median, round, summary, time, withNoise } from './stats.mjs';

const MINUTE = 60_000;

/** What the subscriber reads on every change. */
const subscribers = {
  snapshot: (engine) => engine.getSnapshot(),
  view: (engine) => engine.viewFor('ana'),
};

/**
 * The exercises each typed method can record on now, at every size measured: in steps that are not
 * locked, not resting, with the program not paused. Safety checks are left out (a risk would rest
 * exercises and change what the next records may do).
 */
function usableExercises(engines) {
  const open = (engine) => {
    const snapshot = engine.getSnapshot();
    if (snapshot.paused) throw new Error('the bench history ends paused');
    const ids = new Set();
    for (const step of engine.program.steps) {
      const progress = snapshot.steps.find((candidate) => candidate.id === step.id);
      if (!progress || progress.status === 'locked') continue;
      for (const exercise of step.exercises) {
        if (!progress.resting.includes(exercise.id)) ids.add(exercise.id);
      }
    }
    return ids;
  };
  const sets = engines.map(open);
  const exercises = [];
  for (const step of engines[0].program.steps) {
    for (const exercise of step.exercises) {
      if (exercise.kind === 'safety-check') continue;
      if (sets.every((ids) => ids.has(exercise.id))) exercises.push(exercise);
    }
  }
  return exercises;
}

/**
 * The typed methods a round records, in order, each on an exercise the program allows: a mix of
 * completions, starts, answers (private, shared and sealed), check-ins, appreciations, quiz answers
 * and pause/resume pairs, alternating partners. Round `turn` takes the next exercise of each kind,
 * so the rounds together cover every usable exercise.
 */
function operationsFor(exercises, turn) {
  const ofKind = (...kinds) => exercises.filter((exercise) => kinds.includes(exercise.kind));
  const pick = (list, i) => list[(turn * 4 + i) % list.length];
  const completable = exercises;
  const answerable = ofKind('reflection', 'conversation');
  const checkIns = ofKind('check-in');
  const appreciations = ofKind('appreciation');
  const quizzes = ofKind('partner-quiz');
  for (const [name, list] of Object.entries({ answerable, checkIns, appreciations, quizzes })) {
    if (list.length === 0) throw new Error(`no usable exercise for ${name} in the bench history`);
  }
  const partners = ['ana', 'kai'];
  const ops = [];
  const add = (kind, run) => ops.push({ kind, partner: partners[ops.length % 2], run });
  const together = (exercise) => ({ together: exercise.mode === 'together' });
  for (let i = 0; i < 4; i++) {
    const exercise = pick(completable, i);
    add('completeExercise', (engine, partner) =>
      engine.completeExercise(partner, exercise.id, together(exercise)),
    );
    const answered = pick(answerable, i);
    const prompts = answered.prompts;
    const prompt = prompts[(turn + i) % prompts.length];
    add('answer', (engine, partner) =>
      engine.answer(
        partner,
        answered.id,
        typeof prompt === 'string' ? prompt : prompt.id,
        `Round ${turn}: what I noticed this week`,
      ),
    );
  }
  for (let i = 0; i < 2; i++) {
    const started = pick(completable, i + 2);
    add('startExercise', (engine, partner) =>
      engine.startExercise(partner, started.id, together(started)),
    );
    const checkIn = pick(checkIns, i);
    const scores = {};
    checkIn.dimensions.forEach((dimension, d) => {
      scores[dimension.id] =
        checkIn.scale.min + ((turn + d) % (checkIn.scale.max - checkIn.scale.min + 1));
    });
    add('recordCheckIn', (engine, partner) => engine.recordCheckIn(partner, checkIn.id, scores));
    const appreciation = pick(appreciations, i);
    const starter = appreciation.starters[(turn + i) % appreciation.starters.length];
    add('sendAppreciation', (engine, partner) =>
      engine.sendAppreciation(partner, appreciation.id, 'Thank you for today', starter),
    );
    const quiz = pick(quizzes, i);
    const question = quiz.questions[(turn + i) % quiz.questions.length];
    const option = question.options[turn % question.options.length].id;
    add('answerQuiz', (engine, partner) =>
      engine.answerQuiz(partner, quiz.id, question.id, option, option),
    );
    // A pause and the resume right after it, so that the records after them are allowed.
    add('pause', (engine, partner) => engine.pause(partner));
    add('resume', (engine, partner) => engine.resume(partner));
  }
  return ops;
}

/**
 * Records one round of operations into a fresh engine started from `history` (as from its own
 * storage, `trusted`), with the subscriber attached; returns each operation's time in µs.
 */
function recordRound(setup, size, subscriber, turn) {
  const { couple, program } = setup;
  const { events, end } = setup.histories.get(size);
  let clock = end;
  const engine = createEngine({
    program,
    couple,
    device: 'bench',
    now: () => clock,
    events,
    trusted: true,
  });
  const read = subscribers[subscriber];
  engine.subscribe(() => read(engine));
  // The first render reads the engine once before anything is recorded.
  read(engine);
  const ops = operationsFor(setup.exercises, turn);
  const times = [];
  for (const op of ops) {
    clock += MINUTE;
    const { ms, cpuMs } = time(() => op.run(engine, op.partner));
    times.push({ kind: op.kind, us: ms * 1000, cpuUs: cpuMs * 1000 });
  }
  // A sealed answer comes with its mark (`answer-sealed`): one or two events per record.
  if (engine.getEvents().length < events.length + ops.length) {
    throw new Error('a record did not add its event');
  }
  return times;
}

/**
 * The median cost of one record at 1,000 and at 100,000 events, with the given subscriber, and
 * their ratio. Each round records the same mix into a fresh engine at each size (the order of the
 * sizes alternating), so the log grows by one round's records only; its ratio compares the two
 * sizes under the same machine load.
 */
export function benchRecord(history, subscriber, { rounds = 9, warmup = 2 } = {}) {
  const sizes = [1_000, 100_000];
  const histories = new Map(sizes.map((size) => [size, history.prefix(size)]));
  const probes = sizes.map((size) => {
    const { events, end } = histories.get(size);
    return createEngine({
      program: history.program,
      couple: history.couple,
      device: 'probe',
      now: () => end,
      events,
      trusted: true,
    });
  });
  const setup = {
    couple: history.couple,
    program: history.program,
    histories,
    exercises: usableExercises(probes),
  };
  for (let i = 0; i < warmup; i++) {
    for (const size of sizes) recordRound(setup, size, subscriber, i);
  }
  const roundMedians = new Map(sizes.map((size) => [size, []]));
  const cpuMedians = new Map(sizes.map((size) => [size, []]));
  const all = new Map(sizes.map((size) => [size, []]));
  const ratios = [];
  const cpuRatios = [];
  let operations = 0;
  for (let i = 0; i < rounds; i++) {
    collect();
    const order = i % 2 === 0 ? sizes : [...sizes].reverse();
    const medians = new Map();
    const cpu = new Map();
    for (const size of order) {
      const times = recordRound(setup, size, subscriber, warmup + i);
      operations = times.length;
      medians.set(size, median(times.map((entry) => entry.us)));
      cpu.set(size, median(times.map((entry) => entry.cpuUs)));
      for (const entry of times) all.get(size).push(entry);
    }
    for (const size of sizes) {
      roundMedians.get(size).push(medians.get(size));
      cpuMedians.get(size).push(cpu.get(size));
    }
    ratios.push(medians.get(100_000) / medians.get(1_000));
    cpuRatios.push(cpu.get(100_000) / cpu.get(1_000));
  }
  collect();
  // Per method, every record of every round pooled, at each size.
  const kinds = {};
  for (const size of sizes) {
    const byKind = new Map();
    for (const { kind, us, cpuUs } of all.get(size)) {
      if (!byKind.has(kind)) byKind.set(kind, { us: [], cpuUs: [] });
      byKind.get(kind).us.push(us);
      byKind.get(kind).cpuUs.push(cpuUs);
    }
    for (const [kind, lists] of byKind) {
      kinds[kind] ??= { records: lists.us.length };
      kinds[kind][`microsecondsAt${size}`] = round(median(lists.us));
      kinds[kind][`cpuMicrosecondsAt${size}`] = round(median(lists.cpuUs));
    }
  }
  for (const entry of Object.values(kinds)) {
    entry.ratio = round(entry.microsecondsAt100000 / entry.microsecondsAt1000);
  }
  return {
    subscriber: subscriber === 'snapshot' ? 'getSnapshot()' : "viewFor('ana')",
    rounds,
    recordsPerRound: operations,
    exercises: setup.exercises.length,
    // 100,000 ÷ 1,000, round by round; each round's median record, in µs.
    ...withNoise({
      ratio: summary(ratios),
      microsecondsAt1000: summary(roundMedians.get(1_000)),
      microsecondsAt100000: summary(roundMedians.get(100_000)),
      // The same from the CPU time of each record.
      ratioByCpu: summary(cpuRatios),
      cpuMicrosecondsAt1000: summary(cpuMedians.get(1_000)),
      cpuMicrosecondsAt100000: summary(cpuMedians.get(100_000)),
    }),
    // Per method: the median of its records over every round, in µs.
    byMethod: kinds,
  };
}
