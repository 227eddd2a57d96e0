/**
 * Answers to the nine-step program's safety check that say all is clear: the core takes a clear
 * check only when every question is answered.
 */
export const allClear: Readonly<Record<string, boolean>> = {
  'feel-safe': true,
  'can-disagree': true,
  afraid: false,
  'see-others': true,
  threatened: false,
};

/** Answers that signal a concern, which rests the exercises that need safety. */
export const concern: Readonly<Record<string, boolean>> = { afraid: true, 'feel-safe': false };
