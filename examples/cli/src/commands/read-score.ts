// Digits as people type them on their own keyboard: Arabic-Indic, Eastern Arabic-Indic (Persian,
// Urdu) and full-width (Japanese input methods), besides ASCII.
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0xff10];

function asciiDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9);
    out += zero === undefined ? char : String(code - zero);
  }
  return out;
}

/**
 * Reads an answer to a scaled question: a whole number within the scale, `'skip'` for an empty
 * answer, or `undefined` for anything else.
 */
export function readScore(answer: string, min: number, max: number): number | 'skip' | undefined {
  const text = asciiDigits(answer.trim());
  if (text === '') return 'skip';
  if (!/^\d+$/.test(text)) return undefined;
  const score = Number(text);
  return score >= min && score <= max ? score : undefined;
}
