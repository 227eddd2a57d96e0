import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory } from './setup/open-history.js';
import { readSetup, setupPathOf } from './setup/setup-file.js';
import { runScripted } from './testing/run-scripted.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-cli-'));
  file = join(dir, 'history', 'attune.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The events in the history file, as stored. */
async function storedEvents() {
  const text = await readFile(file, 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { event: Record<string, unknown> }).event);
}

const start = Date.UTC(2026, 0, 5, 8);
const clock = start;
const now = () => clock;

describe('first run', () => {
  it('asks for both names, keeps the setup beside the history, and never asks again', async () => {
    const first = await runScripted(['progress', '--file', file], ['Ana', 'Kai'], { now });
    expect(first.code).toBe(0);
    expect(first.output).toContain('What should we call you? Ana');
    expect(first.output).toContain('And your partner? Kai');
    const setup = JSON.parse(await readFile(`${file}.setup.json`, 'utf8'));
    expect(setup).toMatchObject({
      format: 'attune-cli-setup',
      self: 'Ana',
      couple: {
        partners: [
          { id: 'Ana', timeZone: 'Europe/Berlin' },
          { id: 'Kai', timeZone: 'Europe/Berlin' },
        ],
        startedAt: start,
      },
    });
    const second = await runScripted(['progress', '--file', file], [], { now });
    expect(second.output).not.toContain('What should we call you?');
  });

  it('asks again when both names are the same', async () => {
    const run = await runScripted(['progress', '--file', file], ['Sam', 'Sam', 'Sam', 'Alex']);
    expect(run.output).toContain('Please choose two different names.');
    expect(JSON.parse(await readFile(`${file}.setup.json`, 'utf8')).couple.partners).toHaveLength(
      2,
    );
  });

  it('refuses to start over events whose setup is missing, and changes nothing', async () => {
    await runScripted(
      ['check-in', '--file', file, '--me', 'Ana', '--partner', 'Kai'],
      ['3', '3', '3', '3', '3'],
    );
    await rm(`${file}.setup.json`);
    const before = await readFile(file, 'utf8');
    const run = await runScripted(['progress', '--file', file], ['Someone', 'Else']);
    expect(run.code).toBe(1);
    expect(run.errors).toContain('holds a history, but');
    expect(run.errors).toContain('Nothing was changed');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('says what is wrong with a damaged setup file, and leaves it as it is', async () => {
    await runScripted(['progress', '--file', file, '--me', 'Ana', '--partner', 'Kai']);
    await writeFile(`${file}.setup.json`, '{ "format": "something else" }');
    const run = await runScripted(['progress', '--file', file]);
    expect(run.code).toBe(1);
    expect(run.errors).toContain('it is not a setup this program wrote');
    expect(await readFile(`${file}.setup.json`, 'utf8')).toBe('{ "format": "something else" }');
  });

  it('opens a history of another couple read-only: it can be looked at, never written', async () => {
    const base = ['--file', file, '--me', 'Ana', '--partner', 'Kai'];
    await runScripted(['check-in', ...base], ['3', '3', '3', '3', '3'], { now });
    const path = `${file}.setup.json`;
    const setup = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(
      path,
      JSON.stringify({ ...setup, couple: { ...setup.couple, id: 'someone-else' } }),
    );
    const before = await readFile(file, 'utf8');

    const write = await runScripted(['check-in', '--file', file], ['4', '4', '4', '4', '4'], {
      now,
    });
    expect(write.code).toBe(1);
    expect(write.errors).toContain('Your history can only be read right now, not written');
    const look = await runScripted(['progress', '--file', file], [], { now });
    expect(look.code).toBe(0);
    expect(look.output).toContain('Open communication: In progress');
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('check-in', () => {
  it('asks each dimension on its scale, lets a line be skipped, and asks again after a wrong answer', async () => {
    const run = await runScripted(
      ['check-in', '--file', file, '--me', 'Ana', '--partner', 'Kai'],
      ['4', '', 'often', '7', '5', '2', '3'],
      { now },
    );
    expect(run.code).toBe(0);
    expect(run.output).toContain(
      'For each line, choose a number from 1 (Not at all) to 5 (Very much). Press Enter to skip a line.',
    );
    expect(run.output).toContain('Feeling heard (1–5): 4');
    expect(run.output.match(/Please type a whole number from 1 to 5/g)).toHaveLength(2);
    expect(run.output).toContain('Saved. You both see this.');
    expect(run.output).toContain('Open communication: In progress, 17%');
    const [event] = await storedEvents();
    expect(event).toMatchObject({
      partner: 'Ana',
      type: 'check-in-recorded',
      visibility: 'shared',
      data: {
        exercise: 'weekly-check-in',
        scores: { 'feeling-heard': 4, stress: 5, fun: 2, support: 3 },
      },
    });
  });

  it('records for the partner named with --as', async () => {
    await runScripted(['progress', '--file', file, '--me', 'Ana', '--partner', 'Kai']);
    const run = await runScripted(
      ['check-in', '--file', file, '--as', 'Kai'],
      ['5', '5', '5', '5', '5'],
    );
    expect(run.code).toBe(0);
    expect((await storedEvents())[0]).toMatchObject({ partner: 'Kai' });
    const stranger = await runScripted(['check-in', '--file', file, '--as', 'Sam']);
    expect(stranger.code).toBe(2);
    expect(stranger.errors).toContain('“Sam” is not one of you. Choose one of: Ana, Kai');
  });

  it('saves nothing when the input ends part-way, or every line is skipped', async () => {
    const cut = await runScripted(
      ['check-in', '--file', file, '--me', 'Ana', '--partner', 'Kai'],
      ['4', '4'],
    );
    expect(cut.code).toBe(1);
    expect(cut.errors).toContain(
      'The input ended before the last answer, so nothing more was saved.',
    );
    const skipped = await runScripted(['check-in', '--file', file], ['', '', '', '', '']);
    expect(skipped.output).toContain('Nothing was saved: you skipped every line.');
    // Nothing was ever appended, so the history file was not even created.
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('waits while the program is paused, in the person’s language', async () => {
    await runScripted(['progress', '--file', file, '--me', 'Ana', '--partner', 'Kai'], [], { now });
    const setup = await readSetup(setupPathOf(file));
    if (!setup) throw new Error('the first run wrote no setup');
    // Paused from elsewhere, as an app sharing this history would.
    const history = await openHistory({ ...setup, file, now, onProblem: () => undefined });
    history.engine.pause('Kai');
    await history.close();

    const run = await runScripted(['check-in', '--file', file, '--locale', 'es'], ['3'], { now });
    expect(run.code).toBe(1);
    expect(run.errors).toContain('El programa está en pausa');
    const progress = await runScripted(['progress', '--file', file], [], { now });
    expect(progress.output).toContain('Rhythm: Paused');
  });

  it('takes digits as an Arabic keyboard types them', async () => {
    const run = await runScripted(
      ['check-in', '--file', file, '--me', 'Ana', '--partner', 'Kai', '--locale', 'ar'],
      ['٤', '٣', '٥', '١', '٢'],
    );
    expect(run.code).toBe(0);
    expect((await storedEvents())[0]).toMatchObject({
      data: { scores: { 'feeling-heard': 4, closeness: 3, stress: 5, fun: 1, support: 2 } },
    });
  });
});

describe('reflection', () => {
  it('asks one prompt at a time, writes privately, and completes the reflection after the last', async () => {
    const args = ['reflect', '--file', file, '--me', 'Ana', '--partner', 'Kai'];
    const first = await runScripted(
      args,
      ['I feel at ease on long walks,', 'when nobody rushes.', ''],
      {
        now,
      },
    );
    expect(first.code).toBe(0);
    expect(first.output).toContain('What helps me open up');
    expect(first.output).toContain('Only you will ever see this.');
    expect(first.output).toContain('When do you feel most at ease');
    expect(first.output).toContain('Saved. Only you will ever see this.');

    const second = await runScripted(['reflect', '--file', file], ['A sharp tone.', ''], { now });
    // The prompt names the other partner.
    expect(second.output).toContain('What makes you go quiet');
    const third = await runScripted(['reflect', '--file', file], ['Ask me twice.'], { now });
    expect(third.output).toContain('What could Kai do or say');
    expect(third.output).toContain(
      'You have answered every question of “What helps me open up”, so it counts as done.',
    );

    const events = await storedEvents();
    const answers = events.filter((event) => event.type === 'answer-recorded');
    expect(answers).toHaveLength(3);
    expect(answers.every((event) => event.visibility === 'private')).toBe(true);
    expect(answers[0]).toMatchObject({
      data: {
        exercise: 'what-feels-safe',
        prompt: 'safe-space:what-feels-safe.prompts.safe',
        text: 'I feel at ease on long walks,\nwhen nobody rushes.',
      },
    });
    expect(events.filter((event) => event.type === 'exercise-started')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({
      type: 'exercise-completed',
      data: { exercise: 'what-feels-safe' },
    });

    // The next reflection comes from the next open step.
    const fourth = await runScripted(['reflect', '--file', file], [''], { now });
    expect(fourth.output).toContain('Things left unsaid');
    expect(fourth.output).toContain('Nothing was saved: the answer was empty.');
  });

  it('writes in the reflection named, and explains one that is not open or not there', async () => {
    const base = ['--file', file, '--me', 'Ana', '--partner', 'Kai'];
    const named = await runScripted(
      ['reflect', ...base, '--exercise', 'unsaid-things'],
      ['Plenty.'],
    );
    expect(named.output).toContain('Things left unsaid');
    const locked = await runScripted(['reflect', '--file', file, '--exercise', 'their-shoes']);
    expect(locked.code).toBe(1);
    expect(locked.errors).toContain('is in a step that is not open yet.');
    const missing = await runScripted(['reflect', '--file', file, '--exercise', 'nope']);
    expect(missing.errors).toContain(
      'There is no reflection “nope”. You can choose from: what-feels-safe',
    );
  });
});

describe('progress', () => {
  it('shows every step with status and percent, why locked steps are locked, the rhythm and what is next', async () => {
    const run = await runScripted(
      ['progress', '--file', file, '--me', 'Ana', '--partner', 'Kai'],
      [],
      { now },
    );
    expect(run.output).toContain('Nine steps closer');
    expect(run.output).toContain('not therapy');
    expect(run.output).toContain('1. A safe space: Ready when you are, 0%');
    expect(run.output).toContain('3. Empathy: Not open yet');
    expect(run.output).toContain('Opens when:');
    expect(run.output).toContain('○ Finish the step “A safe space”');
    expect(run.output).toContain('9. Getting support: Ready when you are, 0%');
    expect(run.output).toContain('Rhythm: 0 weeks with shared practice');
    expect(run.output).toContain('Next: ');
    // A safety condition that holds is not news: its words would say exercises rest.
    expect(run.output).not.toContain('resting');
  });
});

describe('language', () => {
  it('speaks Arabic when LANG asks for it, with text from the ar locale', async () => {
    const run = await runScripted(['--file', file, '--me', 'Ana', '--partner', 'Kai'], ['3', '0'], {
      env: { LANG: 'ar_EG.UTF-8' },
      now,
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain('ماذا تودّ أن تفعل الآن؟');
    expect(run.output).toContain('تسع خطوات لنقترب أكثر');
    expect(run.output).toContain('1. مساحة آمنة: جاهز متى شئت');
    expect(run.output).toContain('3. التعاطف: لم يُفتح بعد');
    expect(run.output).toContain('○ إنهاء خطوة «مساحة آمنة»');
    expect(run.output).not.toMatch(/Ready when you are|Not open yet/);
  });

  it('lets --locale win over the environment, and LC_ALL over LANG', async () => {
    const base = ['progress', '--file', file, '--me', 'Ana', '--partner', 'Kai'];
    const flag = await runScripted([...base, '--locale', 'de'], [], {
      env: { LC_ALL: 'es_ES.UTF-8' },
    });
    expect(flag.output).toContain('Noch nicht offen');
    const lcAll = await runScripted(['progress', '--file', file], [], {
      env: { LC_ALL: 'es_MX.UTF-8', LANG: 'ar_EG.UTF-8' },
    });
    expect(lcAll.output).toContain('Todavía no está disponible');
  });
});

describe('command line', () => {
  it('shows help, and explains a command or flag that does not exist', async () => {
    const help = await runScripted(['--help']);
    expect(help.code).toBe(0);
    expect(help.output).toContain('Usage: attune [command] [options]');
    const unknown = await runScripted(['dance']);
    expect(unknown.code).toBe(2);
    expect(unknown.errors).toContain('There is no command “dance”');
    const flag = await runScripted(['--colour'], [], { env: { LANG: 'de_DE.UTF-8' } });
    expect(flag.code).toBe(2);
    expect(flag.errors).toContain("Unknown option '--colour'");
    expect(flag.errors).toContain('Mit --help siehst du, was möglich ist.');
  });

  it('offers a menu when no command is given, and explains a choice that is not offered', async () => {
    const run = await runScripted(
      ['--file', file, '--me', 'Ana', '--partner', 'Kai'],
      ['7', '3', '0'],
    );
    expect(run.code).toBe(0);
    expect(run.output).toContain('Please type one of the numbers shown.');
    expect(run.output).toContain('Nine steps closer');
  });
});
