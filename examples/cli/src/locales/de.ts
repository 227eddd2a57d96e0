import type { CliText } from './cli-text.js';

/** The terminal program's own words in German. */
export const de: CliText = {
  help: `Attune im Terminal: ein wöchentlicher Check-in, eine private Reflexion und wo ihr gerade steht.

Aufruf: attune [Befehl] [Optionen]

Befehle:
  check-in          den wöchentlichen Check-in beantworten
  reflect           eine private Reflexion schreiben
  progress          sehen, wo ihr im Programm steht
  (ohne Befehl)     aus einem Menü wählen

Optionen:
  --file <path>     wo eure Geschichte gespeichert wird (ATTUNE_FILE, sonst ~/.attune/attune.jsonl)
  --as <name>       wer gerade an der Tastatur sitzt (sonst der zuerst angegebene Name)
  --locale <code>   Sprache, etwa ar oder de (sonst aus LC_ALL, LC_MESSAGES oder LANG)
  --exercise <id>   die Reflexion, in die du schreiben willst (nur mit reflect)
  --help            dieser Text`,
  setup: {
    welcome: 'Willkommen. Du bist zum ersten Mal hier, also richten wir eure Geschichte ein.',
    me: 'Wie sollen wir dich nennen? ',
    partner: 'Und wie heißt die Person an deiner Seite? ',
    different: 'Bitte wählt zwei verschiedene Namen.',
    saved: 'Eure Geschichte wird in {{file}} gespeichert.',
  },
  menu: {
    title: 'Was möchtest du tun?',
    'check-in': 'Den wöchentlichen Check-in beantworten',
    reflect: 'Eine private Reflexion schreiben',
    progress: 'Sehen, wo ihr steht',
    quit: 'Beenden',
    choose: 'Deine Wahl: ',
    invalid: 'Bitte tippe eine der angezeigten Zahlen.',
  },
  'check-in': {
    intro:
      'Wähle für jede Zeile eine Zahl von {{min}} ({{minLabel}}) bis {{max}} ({{maxLabel}}). Mit Enter überspringst du eine Zeile.',
    ask: '{{dimension}} ({{min}}–{{max}}): ',
    invalid:
      'Bitte tippe eine ganze Zahl von {{min}} bis {{max}}, oder drücke Enter zum Überspringen.',
    saved: 'Gespeichert.',
    nothing: 'Nichts gespeichert: Du hast jede Zeile übersprungen.',
  },
  reflect: {
    intro: 'Schreib so viel du magst. Drück Enter in einer leeren Zeile, um fertig zu sein.',
    saved: 'Gespeichert.',
    nothing: 'Nichts gespeichert: Die Antwort war leer.',
    completed: 'Du hast jede Frage von „{{exercise}}“ beantwortet, damit ist die Übung geschafft.',
    'all-done': 'Du hast jede Reflexionsfrage beantwortet, die dir gerade offensteht.',
    unknown: 'Es gibt keine Reflexion „{{exercise}}“. Zur Wahl stehen: {{list}}',
    'not-open': '„{{exercise}}“ gehört zu einem Schritt, der noch nicht offen ist.',
  },
  progress: {
    step: '{{step}}: {{status}}, {{percent}}',
    'step-locked': '{{step}}: {{status}}',
    'opens-when': 'Öffnet sich, wenn:',
    rhythm: 'Rhythmus: {{rhythm}}',
    next: 'Als Nächstes: {{exercise}}',
  },
  stopped: 'Die Eingabe endete vor der letzten Antwort, darum wurde nichts weiter gespeichert.',
  paused: 'Das Programm ist pausiert. Das hier wartet, bis jemand von euch es fortsetzt.',
  resting: 'Diese Übung ruht gerade. Du kannst eine andere wählen.',
  error: {
    arguments: '{{reason}}. Mit --help siehst du, was möglich ist.',
    'unknown-command':
      'Den Befehl „{{command}}“ gibt es nicht. Mit --help siehst du, was möglich ist.',
    'unknown-name': '„{{name}}“ gehört nicht zu euch beiden. Wähle: {{names}}',
    'read-only': 'Eure Geschichte kann gerade nur gelesen werden, nicht geschrieben: {{reason}}',
    'setup-file':
      '{{file}} konnte nicht gelesen werden ({{reason}}). Nichts wurde verändert: Repariere die Datei, oder leg sie beiseite, um neu anzufangen.',
    'setup-missing':
      '{{file}} enthält eine Geschichte, aber {{setup}} fehlt. Nichts wurde verändert: Leg die Datei zurück, oder wähle eine andere --file.',
    'cannot-open': 'Eure Geschichte konnte nicht geöffnet werden: {{reason}}',
    'not-saved': 'Das konnte nicht gespeichert werden: {{reason}}',
    problem: 'Hinweis: {{message}}',
  },
};
