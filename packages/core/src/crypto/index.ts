export type { AesGcmCipherOptions } from './aes-gcm-cipher.js';
export { createAesGcmCipher, generateAesGcmKey, importAesGcmKey } from './aes-gcm-cipher.js';
export type { EncryptedPayload, EventEnvelopeFields, PayloadCipher } from './cipher.js';
export type { CryptoErrorCode } from './crypto-error.js';
export { AttuneCryptoError } from './crypto-error.js';
export type {
  DecryptEventsOptions,
  DecryptResult,
  EncryptEventsOptions,
  EncryptedEvent,
} from './encrypted-event.js';
export {
  decryptEvent,
  decryptEvents,
  encryptEvent,
  encryptEvents,
  isEncryptedEvent,
} from './encrypted-event.js';
export type {
  AesGcmParamsLike,
  CryptoKeyLike,
  SubtleCryptoLike,
  WebCryptoLike,
} from './web-crypto.js';
