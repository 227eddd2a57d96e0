/** A random id such as `web-3f9a…`; `getRandomValues` works on plain http too, unlike `randomUUID`. */
export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
