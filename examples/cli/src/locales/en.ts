/** The terminal program's own words in English, the source locale. */
export const en = {
  help: `Attune in your terminal: a weekly check-in, a private reflection, and where you are.

Usage: attune [command] [options]

Commands:
  check-in          answer the weekly check-in
  reflect           write a private reflection
  progress          see where you are in the program
  (no command)      choose from a menu

Options:
  --file <path>     where your history is kept (ATTUNE_FILE, default ~/.attune/attune.jsonl)
  --as <name>       who is at the keyboard (default: the name you gave first)
  --locale <code>   language, such as ar or de (default from LC_ALL, LC_MESSAGES or LANG)
  --exercise <id>   the reflection to write in (reflect only)
  --help            this text`,
  setup: {
    welcome: 'Welcome. This is your first time here, so let’s set up your history.',
    me: 'What should we call you? ',
    partner: 'And your partner? ',
    different: 'Please choose two different names.',
    saved: 'Your history will be kept in {{file}}.',
  },
  menu: {
    title: 'What would you like to do?',
    'check-in': 'Answer the weekly check-in',
    reflect: 'Write a private reflection',
    progress: 'See where you are',
    quit: 'Leave',
    choose: 'Your choice: ',
    invalid: 'Please type one of the numbers shown.',
  },
  'check-in': {
    intro:
      'For each line, choose a number from {{min}} ({{minLabel}}) to {{max}} ({{maxLabel}}). Press Enter to skip a line.',
    ask: '{{dimension}} ({{min}}–{{max}}): ',
    invalid: 'Please type a whole number from {{min}} to {{max}}, or press Enter to skip.',
    saved: 'Saved.',
    nothing: 'Nothing was saved: you skipped every line.',
  },
  reflect: {
    intro: 'Write as much as you like. Press Enter on an empty line to finish.',
    saved: 'Saved.',
    nothing: 'Nothing was saved: the answer was empty.',
    completed: 'You have answered every question of “{{exercise}}”, so it counts as done.',
    'all-done': 'You have answered every reflection question that is open to you for now.',
    unknown: 'There is no reflection “{{exercise}}”. You can choose from: {{list}}',
    'not-open': '“{{exercise}}” is in a step that is not open yet.',
  },
  progress: {
    step: '{{step}}: {{status}}, {{percent}}',
    'step-locked': '{{step}}: {{status}}',
    'opens-when': 'Opens when:',
    rhythm: 'Rhythm: {{rhythm}}',
    next: 'Next: {{exercise}}',
  },
  stopped: 'The input ended before the last answer, so nothing more was saved.',
  paused: 'The program is paused, so this waits until one of you resumes it.',
  resting: 'This exercise is resting for now. You can choose another one.',
  error: {
    arguments: '{{reason}}. Run with --help to see what is possible.',
    'unknown-command':
      'There is no command “{{command}}”. Run with --help to see what is possible.',
    'unknown-name': '“{{name}}” is not one of you. Choose one of: {{names}}',
    'read-only': 'Your history can only be read right now, not written: {{reason}}',
    'setup-file':
      '{{file}} could not be read ({{reason}}). Nothing was changed: fix the file, or move it away to start again.',
    'setup-missing':
      '{{file}} holds a history, but {{setup}} is missing. Nothing was changed: put it back, or choose another --file.',
    'cannot-open': 'Your history could not be opened: {{reason}}',
    'not-saved': 'This could not be saved: {{reason}}',
    problem: 'Note: {{message}}',
  },
} as const;
