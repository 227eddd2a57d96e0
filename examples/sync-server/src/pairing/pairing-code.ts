import { randomInt } from 'node:crypto';

// No 0, 1, I or O: a code is read out loud or typed from another phone's screen.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 8;

/**
 * A new pairing code, such as `K7QX-M2PA`: 40 random bits, which the rate limit and the expiry
 * make impractical to guess.
 */
export function createPairingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * The code as stored and compared: upper case, without spaces or dashes, so `k7qx m2pa` finds
 * `K7QX-M2PA`. Undefined when it cannot be a code at all.
 */
export function normalizePairingCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== LENGTH) return undefined;
  for (const char of code) if (!ALPHABET.includes(char)) return undefined;
  return code;
}
