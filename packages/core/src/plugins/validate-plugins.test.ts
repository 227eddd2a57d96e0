import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { testCouple } from '../engine/fixtures.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Program, Step } from '../program/types.js';
import { definePlugin } from './define-plugin.js';
import { echoPlugin, echoStep } from './fixtures.js';
import { AttunePluginError } from './plugin-error.js';
import { pluginSupport } from './plugin-mark.js';
import { createPluginRuntime } from './plugin-runtime.js';
import { type InstallPlugins, installerOf } from './plugin-support.js';
import type { AttunePlugin } from './types.js';
import { validatePlugins } from './validate-plugins.js';

const codes = (plugins: readonly AttunePlugin[], program: Program = nineStepProgram) =>
  validatePlugins(plugins, program).map((problem) => [problem.plugin, problem.code, problem.path]);

describe('validatePlugins', () => {
  it('finds no problem in a well-formed plugin', () => {
    expect(validatePlugins([echoPlugin], nineStepProgram)).toEqual([]);
  });

  it('refuses a contract version it does not implement, saying what to install', () => {
    const future = { ...echoPlugin, contract: 2 } as unknown as AttunePlugin;
    const [problem] = validatePlugins([future], nineStepProgram);
    expect(problem).toMatchObject({ plugin: 'echo', code: 'unsupported-contract' });
    expect(problem?.message).toContain('contract 2');
    expect(problem?.fix).toContain('contract 1');
  });

  it('refuses something that is not a plugin, a name used twice and a name not in kebab-case', () => {
    const odd = definePlugin({ contract: 1, name: 'Odd Name' });
    expect(codes([null as unknown as AttunePlugin, echoPlugin, echoPlugin, odd])).toEqual([
      ['plugins[0]', 'invalid-plugin', ''],
      ['echo', 'duplicate-plugin', 'name'],
      ['Odd Name', 'invalid-plugin', 'name'],
    ]);
  });

  it('reports kinds that clash with built-ins or with another plugin, naming the owner', () => {
    const clashing = definePlugin({
      contract: 1,
      name: 'clashing',
      exerciseKinds: [{ kind: 'learn' }, { kind: 'echo' }],
      ruleKinds: [
        { kind: 'bell-rung', explanationKeys: [], evaluate: () => ({ holds: true, key: 'x:y' }) },
      ],
    });
    const problems = validatePlugins([echoPlugin, clashing], nineStepProgram);
    expect(problems.map((problem) => problem.message)).toEqual([
      'The exercise kind "learn" is already @attune/core\'s.',
      'The exercise kind "echo" is already echo\'s.',
      'The rule kind "bell-rung" is already echo\'s.',
    ]);
    expect(problems[0]).toMatchObject({
      plugin: 'clashing',
      code: 'kind-clash',
      path: 'exerciseKinds[0].kind',
      fix: 'Give it a name of its own, such as "clashing-learn".',
    });
  });

  it("reports step and exercise ids that clash with the program's or another plugin's", () => {
    const copy = definePlugin({
      contract: 1,
      name: 'copy',
      steps: [{ ...echoStep, id: 'empathy' }, echoStep],
    });
    expect(codes([echoPlugin, copy])).toEqual([
      ['copy', 'id-clash', 'steps[0].id'],
      ['copy', 'id-clash', 'steps[0].exercises[0].id'],
      ['copy', 'id-clash', 'steps[1].id'],
      ['copy', 'id-clash', 'steps[1].exercises[0].id'],
    ]);
  });

  it('places steps after the step a plugin names, in plugin order, and last without one', () => {
    const step = (id: string): Step => ({
      id,
      titleKey: 'common:step.title',
      summaryKey: 'common:step.summary',
      whyKey: 'common:step.why',
      exercises: [],
      unlock: { kind: 'always' },
      completion: { kind: 'always' },
    });
    const placing = (name: string, stepsAfter?: string) =>
      definePlugin({
        contract: 1,
        name,
        steps: [step(`${name}-step`)],
        ...(stepsAfter && { stepsAfter }),
      });
    const plugins = [placing('first', 'empathy'), placing('second', 'empathy'), placing('third')];
    expect(validatePlugins(plugins, nineStepProgram)).toEqual([]);
    const order = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'd',
      plugins,
    }).program.steps.map((candidate) => candidate.id);
    const empathy = order.indexOf('empathy');
    expect(order.slice(empathy, empathy + 3)).toEqual(['empathy', 'first-step', 'second-step']);
    expect(order.at(-1)).toBe('third-step');
    expect(order.at(-2)).toBe('professional-help');
  });

  it('reports a stepsAfter naming no step before the plugin’s own', () => {
    const step: Step = { ...echoStep, id: 'later', exercises: [], completion: { kind: 'always' } };
    const early = definePlugin({ contract: 1, name: 'early', steps: [], stepsAfter: 'later' });
    const late = definePlugin({ contract: 1, name: 'late', steps: [step] });
    const lost = definePlugin({ contract: 1, name: 'lost', stepsAfter: 'nowhere' });
    expect(codes([early, late, lost])).toEqual([
      ['early', 'unknown-step', 'stepsAfter'],
      ['lost', 'unknown-step', 'stepsAfter'],
    ]);
  });

  it('reports exercises and rules of kinds no plugin adds, wherever they are nested', () => {
    const stranger = definePlugin({ contract: 1, name: 'stranger', steps: [echoStep] });
    expect(codes([stranger])).toEqual([
      ['stranger', 'unknown-kind', 'steps[0].exercises[0]'],
      ['stranger', 'unknown-kind', 'steps[0].completion.rules[1]'],
    ]);
    const negated = {
      ...nineStepProgram,
      steps: [
        {
          ...nineStepProgram.steps[0],
          unlock: { kind: 'not', rule: { kind: 'moon-phase' } },
        } as unknown as Step,
      ],
    };
    expect(codes([echoPlugin], negated)).toEqual([
      ['program "nine-steps"', 'unknown-kind', 'steps[0].unlock.rule'],
    ]);
  });

  it("runs the kinds' own checks and reports a check that throws", () => {
    const broken = {
      ...echoStep,
      id: 'broken',
      exercises: [{ ...echoStep.exercises[0], id: 'broken-echo', prompts: [] }],
      completion: { kind: 'bell-rung' },
    } as unknown as Step;
    const withBroken = definePlugin({ ...echoPlugin, steps: [broken] });
    expect(validatePlugins([withBroken], nineStepProgram)).toEqual([
      {
        plugin: 'echo',
        code: 'invalid-payload',
        path: 'steps[0].exercises[0].prompts',
        message: 'An echo needs prompts.',
        fix: 'Add a prompt.',
      },
      expect.objectContaining({ path: 'steps[0].completion.times' }),
    ]);
    const throwing = definePlugin({
      ...echoPlugin,
      exerciseKinds: [
        {
          kind: 'echo',
          check: () => {
            throw new Error('boom');
          },
        },
      ],
    });
    expect(validatePlugins([throwing], nineStepProgram)[0]?.message).toBe(
      "Its kind's check threw: boom.",
    );
  });

  it('asks for event types prefixed with the plugin name', () => {
    const loose = definePlugin({ contract: 1, name: 'loose', eventTypes: ['bell', 'loose/ok'] });
    const [problem, ...rest] = validatePlugins([loose], nineStepProgram);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'event-type', path: 'eventTypes[0]' });
    expect(problem?.fix).toContain('"loose/bell"');
  });

  it('lets only one plugin give a whole program', () => {
    const one = definePlugin({ contract: 1, name: 'one', program: nineStepProgram });
    const two = definePlugin({ contract: 1, name: 'two', program: nineStepProgram });
    expect(codes([one, two])).toContainEqual(['two', 'program-clash', 'program']);
  });

  it('reports keys without English text in the namespaces the plugin ships', () => {
    const untranslated = definePlugin({
      ...echoPlugin,
      resources: { es: { echo: { step: { title: 'Ecos' } } } },
      messageKeys: ['echo:reminder', 'common:action.start'],
    });
    const problems = validatePlugins([untranslated], nineStepProgram);
    // Every key of the step, the explanation and the reminder, but not the key of Attune's own words.
    expect(problems).toHaveLength(11);
    expect(problems).toContainEqual({
      plugin: 'echo',
      code: 'missing-content',
      path: 'steps[0].exercises[0].prompts[1].key',
      message:
        '"echo:one.prompts.second" has no text in "en", the locale every other one falls back to.',
      fix: 'Add "one.prompts.second" to resources.en["echo"].',
    });
    expect(problems.map((problem) => problem.path)).toContain('ruleKinds[0].explanationKeys[0]');
    expect(problems.map((problem) => problem.path)).toContain('messageKeys[0]');
  });

  it('finds plural forms of a key and keys of a whole program', () => {
    const whole = definePlugin({
      contract: 1,
      name: 'whole',
      program: { ...nineStepProgram, titleKey: 'whole:title' },
      resources: { en: { whole: { title: 'A whole program' } } },
    });
    expect(validatePlugins([whole], nineStepProgram)).toEqual([]);
    expect(codes([{ ...whole, resources: { en: { whole: {} } } }], nineStepProgram)).toEqual([
      ['whole', 'missing-content', 'program.titleKey'],
    ]);
  });

  it("refuses rules in a plugin's steps that wait for what the engine does not run, naming where", () => {
    // The step docs/plugins.md showed: its completion waits for an exercise that no step has.
    const ladderStep: Step = {
      id: 'ladder-of-questions',
      titleKey: 'common:step.title',
      summaryKey: 'common:step.summary',
      whyKey: 'common:step.why',
      exercises: [],
      unlock: {
        kind: 'all',
        rules: [{ kind: 'step-completed', step: 'open-communication' }, { kind: 'safety-clear' }],
      },
      completion: { kind: 'exercise-done', exercise: 'question-ladder', by: 'both-together' },
    };
    const ladder = definePlugin({ contract: 1, name: 'ladder', steps: [ladderStep] });
    expect(validatePlugins([ladder], nineStepProgram)).toEqual([
      {
        plugin: 'ladder',
        code: 'unknown-exercise',
        path: 'steps[0].completion',
        message:
          'The rule waits for exercise "question-ladder", which no step of this engine has, so "ladder-of-questions" could never be completed.',
        fix: 'Add an exercise with the id "question-ladder" to one of your steps, or name one the program has.',
      },
    ]);
    expect(() =>
      createEngine({
        program: nineStepProgram,
        couple: testCouple,
        device: 'd',
        plugins: [ladder],
      }),
    ).toThrow(AttunePluginError);

    const waiting = definePlugin({
      contract: 1,
      name: 'waiting',
      steps: [
        {
          ...ladderStep,
          id: 'waiting',
          unlock: {
            kind: 'any',
            rules: [
              { kind: 'step-completed', step: 'nowhere' },
              { kind: 'not', rule: { kind: 'step-completed', step: 'empathy' } },
            ],
          },
          completion: {
            kind: 'all',
            rules: [
              {
                kind: 'check-in-score',
                exercise: 'weekly-check-in',
                dimension: 'moon',
                by: 'each',
              },
              { kind: 'check-in-divergence', exercise: 'dreams-deck', dimension: 'x', atLeast: 2 },
              { kind: 'exercise-done', exercise: 'echo-one', by: 'each' },
            ],
          },
        },
      ],
    });
    const problems = validatePlugins([echoPlugin, waiting], nineStepProgram);
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['unknown-step', 'steps[0].unlock.rules[0]'],
      ['unknown-dimension', 'steps[0].completion.rules[0]'],
      ['unknown-exercise', 'steps[0].completion.rules[1]'],
    ]);
    expect(problems[0]?.message).toBe(
      'The rule waits for step "nowhere", which this engine does not run, so "waiting" could never open.',
    );
    expect(problems[0]?.fix).toContain('open-communication, empathy');
    expect(problems[1]?.fix).toMatch(/^Use one of: /);
    // Another plugin's exercise counts; without that plugin, it is unknown.
    expect(codes([waiting]).map(([, code]) => code)).toContain('unknown-exercise');
    // The app's own program is validateProgram's to check, not the plugins'.
    const broken = {
      ...nineStepProgram,
      steps: [{ ...ladderStep, id: 'own' }, ...nineStepProgram.steps],
    };
    expect(validatePlugins([echoPlugin], broken)).toEqual([]);
  });

  it('reports common fields a plugin exercise leaves out that its kind has no default for', () => {
    const [exercise] = echoStep.exercises;
    const { minutes: _, visibility: __, ...bare } = exercise as unknown as Record<string, unknown>;
    const partial = definePlugin({
      ...echoPlugin,
      steps: [{ ...echoStep, exercises: [bare] } as unknown as Step],
    });
    // Echo's kind fills in the visibility, but not the minutes.
    expect(validatePlugins([partial], nineStepProgram)).toEqual([
      {
        plugin: 'echo',
        code: 'invalid-payload',
        path: 'steps[0].exercises[0].minutes',
        message: '"minutes" is missing, and the exercise kind "echo" has no default for it.',
        fix: 'Give the exercise "minutes", or give its kind a default for it in "defaults".',
      },
    ]);
  });

  it('asks that the events a kind counts toward completion be declared by a plugin', () => {
    const counting = definePlugin({
      ...echoPlugin,
      exerciseKinds: [
        {
          kind: 'echo',
          completionEvents: ['echo/bell', 'other/gong'],
          completedWhen: () => false,
        },
      ],
    });
    expect(codes([counting])).toEqual([
      ['echo', 'event-type', 'exerciseKinds[0].completionEvents[1]'],
    ]);
  });

  it('reports a namespace two plugins ship', () => {
    const other = definePlugin({ contract: 1, name: 'other', resources: { en: { echo: {} } } });
    expect(codes([echoPlugin, other])).toEqual([['other', 'id-clash', 'resources']]);
  });
});

describe('createEngine with plugins', () => {
  it('throws every problem at once as an AttunePluginError, creating no engine', () => {
    const future = { ...echoPlugin, name: 'future', contract: 2 } as unknown as AttunePlugin;
    const stranger = definePlugin({ contract: 1, name: 'stranger', steps: [echoStep] });
    const create = () =>
      createEngine({
        program: nineStepProgram,
        couple: testCouple,
        device: 'phone-1',
        plugins: [future, stranger],
      });
    expect(create).toThrow(AttunePluginError);
    try {
      create();
    } catch (error) {
      const problems = (error as AttunePluginError).problems;
      expect(problems.map((problem) => problem.code)).toEqual([
        'unsupported-contract',
        'unknown-kind',
        'unknown-kind',
      ]);
      expect((error as Error).message).toContain('3 problem(s)');
      expect((error as Error).message).toContain('- stranger at steps[0].exercises[0]: No plugin');
    }
  });

  it('runs plugins with the code definePlugin gives them, which a spread copy keeps', () => {
    expect(installerOf(echoPlugin)).toBeTypeOf('function');
    const copy: AttunePlugin = { ...echoPlugin };
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'phone-1',
      plugins: [copy],
    });
    expect(engine.plugins).toEqual([copy]);
    expect(engine.program.steps.map((step) => step.id)).toContain('echoes');
  });

  it('calls the installer the plugins carry, with every plugin of the engine', () => {
    const calls: number[] = [];
    const install: InstallPlugins = (options) => {
      calls.push(options.plugins.length);
      return createPluginRuntime(options);
    };
    const carrying = Object.assign({ ...echoPlugin }, { [pluginSupport]: install });
    const quiet = definePlugin({ contract: 1, name: 'quiet' });
    const engine = createEngine({
      program: nineStepProgram,
      couple: testCouple,
      device: 'phone-1',
      plugins: [carrying, quiet],
    });
    expect(calls).toEqual([2]);
    expect(engine.program.steps.map((step) => step.id)).toContain('echoes');
  });

  it('refuses plugins not made with definePlugin, when none brings the code to run them', () => {
    const plain = { contract: 1, name: 'plain' } as AttunePlugin;
    const create = () =>
      createEngine({
        program: nineStepProgram,
        couple: testCouple,
        device: 'phone-1',
        plugins: [plain, null as unknown as AttunePlugin],
      });
    expect(create).toThrow(AttunePluginError);
    try {
      create();
    } catch (error) {
      expect((error as AttunePluginError).problems).toEqual([
        expect.objectContaining({ plugin: 'plain', code: 'invalid-plugin', path: '' }),
        expect.objectContaining({ plugin: 'plugins[1]', code: 'invalid-plugin' }),
      ]);
      expect((error as Error).message).toContain('definePlugin');
    }
    // Alongside one made with definePlugin, a plain plugin object is refused all the same.
    expect(() =>
      createEngine({
        program: nineStepProgram,
        couple: testCouple,
        device: 'phone-1',
        plugins: [echoPlugin, plain],
      }),
    ).toThrow(/plain: This plugin was not made with definePlugin/);
  });

  it('throws the very problems validatePlugins lists, plugins made with definePlugin or not', () => {
    const plainJar = { contract: 1, name: 'plain-jar' } as AttunePlugin;
    const lost = definePlugin({
      contract: 1,
      name: 'lost',
      steps: [{ ...echoStep, id: 'lost-step', exercises: [], completion: { kind: 'always' } }],
      stepsAfter: 'nowhere',
    });
    const thrown = (plugins: readonly AttunePlugin[]) => {
      try {
        createEngine({ program: nineStepProgram, couple: testCouple, device: 'd', plugins });
      } catch (error) {
        return (error as AttunePluginError).problems;
      }
      return [];
    };
    const sets = [
      [plainJar],
      [plainJar, null as unknown as AttunePlugin],
      [echoPlugin, plainJar],
      [lost, echoPlugin],
    ];
    for (const plugins of sets) {
      const listed = validatePlugins(plugins, nineStepProgram);
      expect(listed.length).toBeGreaterThan(0);
      expect(thrown(plugins)).toEqual(listed);
    }
    expect(validatePlugins([plainJar], nineStepProgram)).toEqual([
      {
        plugin: 'plain-jar',
        code: 'invalid-plugin',
        path: '',
        message: 'This plugin was not made with definePlugin.',
        fix: 'Pass what definePlugin of the @attune/core the engine comes from returns.',
      },
    ]);
  });
});
