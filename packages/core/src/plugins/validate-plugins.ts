import { isKnownEventType } from '../log/check-event.js';
import { hasText } from '../program/content-tree.js';
import type { Program } from '../program/types.js';
import type { Rule } from '../rules/types.js';
import { builtInExerciseKinds, builtInRuleKinds } from './built-in-kinds.js';
import { pluginContractVersion } from './contract.js';
import { errorText } from './isolate.js';
import type { PluginProblem, PluginProblemCode } from './plugin-error.js';
import { notDefinedProblem } from './plugin-mark.js';
import { checkRuleTargets } from './rule-targets.js';
import type {
  AttunePlugin,
  DefaultableExerciseField,
  ExerciseDefaults,
  PluginPayloadProblem,
  StepInput,
} from './types.js';

const defaultable: readonly DefaultableExerciseField[] = [
  'mode',
  'minutes',
  'visibility',
  'needsSafety',
];

type Check = (data: Readonly<Record<string, unknown>>) => readonly PluginPayloadProblem[];

/** Calls `visit` with every string in a plugin's data and its path, such as `steps[0].titleKey`. */
function stringsIn(
  value: unknown,
  path: string,
  visit: (text: string, path: string) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (typeof value === 'object' && value !== null) {
    for (const [field, inner] of Object.entries(value)) {
      stringsIn(inner, Array.isArray(value) ? `${path}[${field}]` : `${path}.${field}`, visit);
    }
  }
}

/**
 * Checks plugins together with the program they will run with, and returns every problem found: a
 * plugin not made with `definePlugin`, a contract version this core does not implement, names used
 * twice, kinds, ids or namespaces that clash with built-ins or with each other, exercises and rules
 * of kinds no plugin adds, payloads the kinds' checks refuse, fields no default fills in, rules in
 * a plugin's steps that wait for a step, exercise or check-in dimension the engine will not have,
 * and keys without English text. `createEngine` throws the same list as one `AttunePluginError`;
 * plugin authors can call it in their tests.
 *
 * @example
 * ```ts
 * for (const p of validatePlugins([plugin], nineStepProgram)) console.error(p.message, p.fix);
 * ```
 */
export function validatePlugins(
  plugins: readonly AttunePlugin[],
  program: Program,
): PluginProblem[] {
  const problems: PluginProblem[] = [];
  const report = (
    plugin: string,
    code: PluginProblemCode,
    path: string,
    message: string,
    fix: string,
  ) => {
    problems.push({ plugin, code, path, message, fix });
  };
  // Who owns each kind, id and namespace, as `exercise kind "learn"` → `@attune/core`.
  const owners = new Map<string, string>();
  const checks = new Map<string, Check | undefined>();
  // The defaults of each plugin exercise kind, by kind.
  const defaults = new Map<string, ExerciseDefaults>();
  const claim = (
    what: string,
    id: string,
    owner: string,
    path: string,
    code: PluginProblemCode,
  ) => {
    const first = owners.get(`${what} "${id}"`);
    if (first === undefined) owners.set(`${what} "${id}"`, owner);
    else {
      report(
        owner,
        code,
        path,
        `The ${what} "${id}" is already ${first}'s.`,
        `Give it a name of its own, such as "${owner}-${id}".`,
      );
    }
    return first === undefined;
  };
  for (const kind of Object.keys(builtInExerciseKinds)) {
    owners.set(`exercise kind "${kind}"`, '@attune/core');
  }
  for (const kind of Object.keys(builtInRuleKinds))
    owners.set(`rule kind "${kind}"`, '@attune/core');

  const valid = plugins.filter((plugin, i) => {
    // The engine runs only plugins that bring the code to run them, so this comes first, as there.
    const notDefined = notDefinedProblem(plugin, i);
    if (notDefined) {
      problems.push(notDefined);
      return false;
    }
    const name = String(plugin.name);
    if (plugin.contract !== pluginContractVersion) {
      report(
        name,
        'unsupported-contract',
        'contract',
        `The plugin implements plugin contract ${String(plugin.contract)}; this @attune/core implements contract ${pluginContractVersion}.`,
        `Install a version of the plugin written for contract ${pluginContractVersion}, or an @attune/core that implements its contract.`,
      );
      return false;
    }
    const twice = owners.has(`plugin "${name}"`);
    if (twice || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
      report(
        name,
        twice ? 'duplicate-plugin' : 'invalid-plugin',
        'name',
        twice ? `Two plugins are named "${name}".` : `"${name}" is not a kebab-case name.`,
        twice
          ? 'Give each plugin to the engine once; if they are different plugins, rename one.'
          : 'Use lowercase letters, digits and single hyphens, such as "question-ladder".',
      );
      return false;
    }
    owners.set(`plugin "${name}"`, name);
    plugin.exerciseKinds?.forEach((kind, k) => {
      if (claim('exercise kind', kind.kind, name, `exerciseKinds[${k}].kind`, 'kind-clash')) {
        checks.set(`exercise kind "${kind.kind}"`, kind.check?.bind(kind));
        defaults.set(kind.kind, kind.defaults ?? {});
      }
    });
    plugin.ruleKinds?.forEach((kind, k) => {
      if (claim('rule kind', kind.kind, name, `ruleKinds[${k}].kind`, 'kind-clash')) {
        checks.set(`rule kind "${kind.kind}"`, kind.check?.bind(kind));
      }
    });
    plugin.eventTypes?.forEach((type, t) => {
      // The prefix keeps a plugin's events apart from future built-ins and from other plugins'.
      if (!type.startsWith(`${name}/`) || isKnownEventType(type)) {
        report(
          name,
          'event-type',
          `eventTypes[${t}]`,
          `The event type "${type}" does not start with "${name}/".`,
          `Name it "${name}/${type}", so that it can never clash with another event type.`,
        );
      }
    });
    return true;
  });

  // The types a kind's completion counts must be events some plugin of the engine records.
  const declared = new Set(valid.flatMap((plugin) => plugin.eventTypes ?? []));
  for (const plugin of valid) {
    plugin.exerciseKinds?.forEach((kind, k) => {
      kind.completionEvents?.forEach((type, t) => {
        if (declared.has(type)) return;
        report(
          plugin.name,
          'event-type',
          `exerciseKinds[${k}].completionEvents[${t}]`,
          `No plugin of this engine declares the event type "${type}", so it can never count toward completing "${kind.kind}".`,
          'List it in the "eventTypes" of the plugin that records it, or leave it out.',
        );
      });
    });
  }

  /** Reports an unknown kind, or what the kind's own check finds, under `path`. */
  const checkKind = (what: string, kind: string, data: object, owner: string, path: string) => {
    if (owners.get(`${what} "${kind}"`) === '@attune/core') return;
    if (!owners.has(`${what} "${kind}"`)) {
      report(
        owner,
        'unknown-kind',
        path,
        `No plugin of this engine adds the ${what} "${kind}".`,
        'Give the engine the plugin that adds it, or use a built-in kind.',
      );
      return;
    }
    let found: readonly PluginPayloadProblem[];
    try {
      found = checks.get(`${what} "${kind}"`)?.(data as Readonly<Record<string, unknown>>) ?? [];
    } catch (error) {
      found = [{ path: '', message: `Its kind's check threw: ${errorText(error)}.`, fix: '' }];
    }
    for (const problem of found) {
      const at = problem.path ? `${path}.${problem.path}` : path;
      report(owner, 'invalid-payload', at, problem.message, problem.fix);
    }
  };
  const walk = (rule: Rule, owner: string, path: string) => {
    const inner = rule as { readonly rules?: readonly Rule[]; readonly rule?: Rule };
    if (rule.kind === 'all' || rule.kind === 'any') {
      inner.rules?.forEach((nested, r) => {
        walk(nested, owner, `${path}.rules[${r}]`);
      });
    } else if (rule.kind === 'not' && inner.rule) walk(inner.rule, owner, `${path}.rule`);
    else checkKind('rule kind', rule.kind, rule, owner, path);
  };

  // The steps the engine will run, whose they are, and where they sit in their owner's data.
  const replacing = valid.filter((plugin) => plugin.program);
  for (const extra of replacing.slice(1)) {
    report(
      extra.name,
      'program-clash',
      'program',
      `Plugin "${replacing[0]?.name}" already gives the engine its whole program.`,
      'Give the engine at most one plugin with a program; add steps through `steps`.',
    );
  }
  const base = replacing[0];
  const parts: [owner: string, at: string, steps: readonly StepInput[], own: boolean][] = [
    base?.program
      ? [base.name, 'program.steps', base.program.steps, true]
      : [`program "${program.id}"`, 'steps', program.steps, false],
    ...valid.map((plugin): [string, string, readonly StepInput[], boolean] => [
      plugin.name,
      'steps',
      plugin.steps ?? [],
      true,
    ]),
  ];
  for (const [owner, at, steps, own] of parts) {
    steps.forEach((step, s) => {
      const stepAt = `${at}[${s}]`;
      claim('step id', step.id, owner, `${stepAt}.id`, 'id-clash');
      step.exercises.forEach((exercise, e) => {
        const exerciseAt = `${stepAt}.exercises[${e}]`;
        claim('exercise id', exercise.id, owner, `${exerciseAt}.id`, 'id-clash');
        checkKind('exercise kind', exercise.kind, exercise, owner, exerciseAt);
        const filled = defaults.get(exercise.kind);
        if (!own || !filled) return;
        // What the kind's defaults do not fill in, a plugin's exercise must give itself.
        for (const field of defaultable) {
          if (exercise[field] !== undefined || filled[field] !== undefined) continue;
          report(
            owner,
            'invalid-payload',
            `${exerciseAt}.${field}`,
            `"${field}" is missing, and the exercise kind "${exercise.kind}" has no default for it.`,
            `Give the exercise "${field}", or give its kind a default for it in "defaults".`,
          );
        }
      });
      walk(step.unlock, owner, `${stepAt}.unlock`);
      walk(step.completion, owner, `${stepAt}.completion`);
    });
  }

  // A plugin's rules wait only for what the engine will run; the app's own are validateProgram's.
  const running = parts.flatMap(([, , steps]) => steps);
  for (const [owner, at, steps, own] of parts) {
    if (!own) continue;
    for (const problem of checkRuleTargets(steps, running, at)) {
      report(owner, problem.code, problem.path, problem.message, problem.fix);
    }
  }

  // A plugin's steps follow a step that comes before them: the program's, or an earlier plugin's.
  const earlier = new Set(parts[0]?.[2].map((step) => step.id));
  for (const plugin of valid) {
    const anchor = plugin.stepsAfter;
    if (anchor !== undefined && !earlier.has(anchor)) {
      report(
        plugin.name,
        'unknown-step',
        'stepsAfter',
        `No step "${String(anchor)}" comes before this plugin's steps.`,
        'Name a step of the program, or of a plugin listed before this one; leave it out to add the steps last.',
      );
    }
    for (const step of plugin.steps ?? []) earlier.add(step.id);
  }

  for (const plugin of valid) {
    const resources = plugin.resources ?? {};
    const english = Object.hasOwn(resources, 'en') ? resources.en : undefined;
    // Keys in the namespaces the plugin ships (and the one named after it) are the plugin's to
    // translate; other keys, such as `common:…`, are translated elsewhere.
    const own = new Set([plugin.name, ...Object.values(resources).flatMap(Object.keys)]);
    for (const namespace of own) {
      claim('namespace', namespace, plugin.name, 'resources', 'id-clash');
    }
    const { steps, program: whole, ruleKinds, messageKeys } = plugin;
    stringsIn({ steps, program: whole, ruleKinds, messageKeys }, '', (key, path) => {
      const colon = key.indexOf(':');
      const namespace = key.slice(0, colon);
      if (colon < 1 || !own.has(namespace)) return;
      const tree = english && Object.hasOwn(english, namespace) ? english[namespace] : undefined;
      if (hasText(tree, key.slice(colon + 1).split('.'))) return;
      report(
        plugin.name,
        'missing-content',
        path.slice(1),
        `"${key}" has no text in "en", the locale every other one falls back to.`,
        `Add "${key.slice(colon + 1)}" to resources.en["${namespace}"].`,
      );
    });
  }
  return problems;
}
