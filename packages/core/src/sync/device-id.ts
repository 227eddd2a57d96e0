import { platformCrypto } from '../crypto/web-crypto.js';

/** How many random bytes a device id carries: 128 bits, so two installs never draw the same one. */
const DEVICE_ID_BYTES = 16;

/**
 * A new random device id of 128 bits, such as `d-3f9c2a7b1e4d8c05a1b2c3d4e5f60718`. A device id is
 * made once per install and never derived from a name: event ids are `device:seq`, so two installs
 * with one id could give two different events one id.
 *
 * A store opened with `openEventStore` makes one and keeps it (`store.device`); call this where an app
 * keeps the id itself, and to take a new one when `importEvents` reports `deviceIdClash`. Ids of 64
 * bits that earlier versions made (`d-` and 16 hex digits) stay valid.
 *
 * @param random - a source of numbers in [0, 1) to use when the platform has no WebCrypto.
 */
export function createDeviceId(random: () => number = Math.random): string {
  const bytes = new Uint8Array(DEVICE_ID_BYTES);
  const crypto = platformCrypto();
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return `d-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
