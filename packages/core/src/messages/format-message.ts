/** A message as the engine gives it: a content key and its parameters. */
export interface AttuneMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * The part of i18next's `t` that formatting needs, so `i18n.t` of any instance (or a stub) fits. The
 * options are typed narrowly because i18next's own `t` does not accept an open record type; the
 * interpolation values are passed through all the same.
 */
export type Translate = (key: string, options: { readonly count?: number }) => unknown;

const EXERCISE_DONE = 'common:explain.exercise-done.';

/**
 * Turns an engine message into text. A parameter ending in `Key` (such as `exerciseKey`) holds the
 * content key of a title: it is translated and takes the place of the id (`exercise`). For "exercise
 * done" conditions, how many times and within how many days are added as their own phrases.
 *
 * @example
 * ```ts
 * const step = engine.getSnapshot().steps[2];
 * formatMessage(i18n.t, step.unlock); // "Finish the step “A safe space”"
 * ```
 */
export function formatMessage(t: Translate, message: AttuneMessage): string {
  const values: Record<string, unknown> = { ...message.params };
  for (const [name, value] of Object.entries(message.params)) {
    if (name.endsWith('Key') && typeof value === 'string') {
      values[name.slice(0, -3)] = String(t(value, {}));
    }
  }
  let text = String(t(message.key, values));
  if (message.key.startsWith(EXERCISE_DONE)) {
    const times = Number(message.params.times ?? 1);
    if (times > 1) text += ` ${String(t(`${EXERCISE_DONE}times`, { count: times }))}`;
    if (message.params.days !== undefined) {
      text += ` ${String(t(`${EXERCISE_DONE}within`, { count: Number(message.params.days) }))}`;
    }
  }
  return text;
}
