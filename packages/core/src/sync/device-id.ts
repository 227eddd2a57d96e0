import { platformCrypto } from '../crypto/web-crypto.js';

/**
 * A new random device id, such as `d-3f9c2a7b1e4d`. Give each install its own, keep it with the
 * install's storage, and take a new one when `importEvents` reports `deviceIdClash` — as after
 * restoring a backup onto a second phone — so no event id is ever used twice.
 *
 * @param random - a source of numbers in [0, 1) to use when the platform has no WebCrypto.
 */
export function createDeviceId(random: () => number = Math.random): string {
  const bytes = new Uint8Array(8);
  const crypto = platformCrypto();
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return `d-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
