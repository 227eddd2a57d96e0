import type { CliText } from './cli-text.js';

/** The terminal program's own words in Spanish. */
export const es: CliText = {
  help: `Attune en la terminal: un check-in semanal, una reflexión privada y dónde están ustedes.

Uso: attune [comando] [opciones]

Comandos:
  check-in          responder el check-in semanal
  reflect           escribir una reflexión privada
  progress          ver dónde están en el programa
  (sin comando)     elegir en un menú

Opciones:
  --file <path>     dónde se guarda su historia (ATTUNE_FILE; si no, ~/.attune/attune.jsonl)
  --as <name>       quién está en el teclado (si no, el primer nombre que diste)
  --locale <code>   idioma, como ar o de (si no, de LC_ALL, LC_MESSAGES o LANG)
  --exercise <id>   la reflexión en la que quieres escribir (solo con reflect)
  --help            este texto`,
  setup: {
    welcome: 'Hola. Es tu primera vez aquí, así que vamos a preparar su historia.',
    me: '¿Cómo te llamamos? ',
    partner: '¿Y a tu pareja? ',
    different: 'Elige dos nombres distintos, por favor.',
    saved: 'Su historia se guardará en {{file}}.',
  },
  menu: {
    title: '¿Qué te gustaría hacer?',
    'check-in': 'Responder el check-in semanal',
    reflect: 'Escribir una reflexión privada',
    progress: 'Ver dónde están',
    quit: 'Salir',
    choose: 'Tu elección: ',
    invalid: 'Escribe uno de los números que se muestran, por favor.',
  },
  'check-in': {
    intro:
      'En cada línea, elige un número del {{min}} ({{minLabel}}) al {{max}} ({{maxLabel}}). Pulsa Enter para saltarte una línea.',
    ask: '{{dimension}} ({{min}}–{{max}}): ',
    invalid: 'Escribe un número entero del {{min}} al {{max}}, o pulsa Enter para saltarla.',
    saved: 'Guardado.',
    nothing: 'No se guardó nada: te saltaste todas las líneas.',
  },
  reflect: {
    intro: 'Escribe todo lo que quieras. Pulsa Enter en una línea vacía para terminar.',
    saved: 'Guardado.',
    nothing: 'No se guardó nada: la respuesta estaba vacía.',
    completed: 'Respondiste todas las preguntas de «{{exercise}}», así que cuenta como hecho.',
    'all-done': 'Respondiste todas las preguntas de reflexión que tienes abiertas por ahora.',
    unknown: 'No hay ninguna reflexión «{{exercise}}». Puedes elegir entre: {{list}}',
    'not-open': '«{{exercise}}» está en un paso que todavía no está disponible.',
  },
  progress: {
    step: '{{step}}: {{status}}, {{percent}}',
    'step-locked': '{{step}}: {{status}}',
    'opens-when': 'Se abre cuando:',
    rhythm: 'Ritmo: {{rhythm}}',
    next: 'Lo siguiente: {{exercise}}',
  },
  stopped: 'La entrada terminó antes de la última respuesta, así que no se guardó nada más.',
  paused: 'El programa está en pausa, así que esto espera a que alguno de ustedes lo retome.',
  resting: 'Este ejercicio está en descanso por ahora. Puedes elegir otro.',
  error: {
    arguments: '{{reason}}. Usa --help para ver qué es posible.',
    'unknown-command': 'No existe el comando «{{command}}». Usa --help para ver qué es posible.',
    'unknown-name': '«{{name}}» no es ninguno de ustedes. Elige entre: {{names}}',
    'read-only': 'Por ahora su historia solo se puede leer, no escribir: {{reason}}',
    'setup-file':
      'No se pudo leer {{file}} ({{reason}}). No se cambió nada: arregla el archivo o muévelo a otro lugar para empezar de nuevo.',
    'setup-missing':
      '{{file}} tiene una historia, pero falta {{setup}}. No se cambió nada: vuelve a ponerlo o elige otro --file.',
    'cannot-open': 'No se pudo abrir su historia: {{reason}}',
    'not-saved': 'No se pudo guardar: {{reason}}',
    problem: 'Nota: {{message}}',
  },
};
