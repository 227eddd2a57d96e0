/**
 * The app's own words in English, the source locale: labels, headings and buttons around the
 * program's content. Every other locale's `app.json` has the same keys, with the plural forms its
 * language has (`_one`, `_other`; Arabic also `_zero`, `_two`, `_few`, `_many`; Japanese `_other`
 * only). English is part of the app's code, so it is always there to fall back on.
 */
export const app = {
  loading: 'Loading…',
  'skip-link': 'Skip to content',
  language: 'Language',
  'not-found': 'Not found',
  'back-to-path': 'Back to the path',
  'what-to-do': 'What to do',
  'if-hard': 'If it gets hard',
  'why-locked': 'Why is this locked?',
  'due-now': 'due now',
  nav: {
    label: 'Main',
    welcome: 'Welcome',
  },
  holder: {
    holding: 'Holding the phone: {{name}}',
    pass: 'Pass the phone to {{name}}',
  },
  handover: {
    body: 'When {{name}} holds the phone, the app shows what is theirs to see.',
    taken: 'I’m {{name}}, continue',
    cancel: 'Cancel',
  },
  left: {
    you: 'You have left the program.',
    partner: '{{name}} has left the program.',
  },
  onboarding: {
    devices: 'How will you use Attune?',
    'one-phone': 'Together on one phone',
    'own-phones': 'Each on our own phone',
    title: 'Welcome. Who are you two?',
    intro:
      'One phone is enough: you pass it between you, and the app shows each of you what is yours to see.',
    partner: 'Partner {{number}}',
    name: 'Name',
    'time-zone': 'Time zone',
    region: 'Where you live, for local help numbers (optional)',
    'region-none': 'Not now',
    'names-missing': 'Please give both names.',
    'names-same': 'Please give two different names, so the app can tell you apart.',
    start: 'Start our path',
  },
  path: {
    steps: 'The nine steps',
    next: 'Next for you',
    'coming-up': 'Coming up',
  },
  step: {
    missing: 'There is no step “{{id}}”.',
    completes: 'What completes this step',
    exercises: 'Exercises',
  },
  exercise: {
    missing: 'There is no exercise “{{id}}”.',
  },
  kind: {
    reflection: 'Reflection',
    conversation: 'Conversation deck',
    'guided-practice': 'Guided practice',
    ritual: 'Ritual',
    'check-in': 'Check-in',
    'partner-quiz': 'Partner quiz',
    appreciation: 'Appreciation notes',
    agreement: 'Agreement',
    learn: 'Read',
    'safety-check': 'Private check',
  },
  explain: {
    holds: 'Done: ',
    pending: 'Not yet: ',
  },
  done: {
    together: 'Done together',
    'together-times': 'Done together ×{{count}}',
    by: 'Done by {{names}}',
  },
  completion: {
    title: 'When you are done',
    together_one: 'Done together once.',
    together_other: 'Done together {{count}} times.',
    'not-together': 'Not done together yet.',
    times_one: 'done once',
    times_other: 'done {{count}}×',
    'not-yet': 'not yet',
    'we-did-it': 'We did this together',
  },
  help: {
    region: 'Where you live',
    'region-none': 'Not set',
    sms: 'SMS {{number}}',
  },
  leave: {
    'you-left': 'You have left the program, {{name}}.',
    sure: 'Are you sure?',
    'erase-title': 'Erase my entries from this device',
    'erase-body':
      'Removes everything {{name}} wrote from this device, and asks the partner’s devices to drop their copies. Save a copy first if you want to keep it.',
    erase: 'Erase my entries…',
    'erase-confirm': 'Yes, erase my entries',
    erased: 'Your entries were erased from this device.',
  },
  safety: {
    again: 'Take the check again',
  },
  agreement: {
    agreed: 'Agreed by both of you',
    'proposed-by': 'Proposed by {{name}}',
    confirmed: '✓ confirmed',
    'not-confirmed': 'not confirmed yet',
    change: 'Propose a change',
    write: 'Write it together',
    'one-per-line': '(one per line)',
    'propose-version': 'Propose this version',
    propose: 'Propose',
  },
  appreciation: {
    title: 'A note to {{name}}',
    'start-with': 'Start with',
    'own-words': 'My own words',
    note: 'Your note',
    send: 'Send to {{name}}',
    notes: 'Notes',
    'no-notes': 'No notes yet.',
    to: 'To {{name}}',
    from: 'From {{name}}',
  },
  'check-in': {
    title: '{{name}}’s check-in',
    save: 'Save my check-in',
    saved: 'Saved.',
    trends: 'How it has gone',
  },
  deck: {
    card: 'Card {{number}} of {{total}}',
    end: 'End of the deck',
    turn: '{{first}} answers first, then {{second}}.',
    last: 'That was the last card. Take turns saying one thing you learned.',
    again: 'Start the deck again',
    depth: 'Depth {{depth}} of 3',
  },
  practice: {
    'phase-time': 'Time in this phase',
  },
  questions: {
    title: 'Questions',
    'seal-answer': 'Seal my answer',
    'not-answered': '{{name}} has not answered yet.',
  },
  quiz: {
    self: 'About you, {{name}}',
    guess: 'Your guess for {{name}}',
    seal: 'Seal my answers',
    sealed: 'Your answers are sealed.',
    guessed: '{{name}} guessed {{option}}',
    match: '✓ a match',
    surprise: '✗ a surprise',
  },
  reflection: {
    title: 'Your answers',
    save: 'Save privately',
    own: '{{name}}’s entries',
    'shared-with': 'Shared with {{name}}',
    'shared-by': 'Shared by {{name}}',
  },
  ritual: {
    when: 'When',
    every: {
      day: 'Every day',
      days_one: 'Every {{count}} day',
      days_other: 'Every {{count}} days',
      week: 'Every week',
      weeks_one: 'Every {{count}} week',
      weeks_other: 'Every {{count}} weeks',
      month: 'Every month',
      months_one: 'Every {{count}} month',
      months_other: 'Every {{count}} months',
    },
    separator: ', ',
    ideas: 'Ideas',
  },
};

/** The shape of the app's words, as English has them. */
export type AppWords = typeof app;
