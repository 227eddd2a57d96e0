export type { AesGcmCipherOptions } from './aes-gcm-cipher.js';
export { createAesGcmCipher, generateAesGcmKey, importAesGcmKey } from './aes-gcm-cipher.js';
export type {
  EncryptedPayload,
  EventEnvelopeFields,
  PayloadCipher,
  ReadableEnvelope,
} from './cipher.js';
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
  AddIntroductionsResult,
  DeviceBinding,
  DeviceIntroduction,
  DeviceKeyring,
  DeviceKeyringOptions,
} from './keyring.js';
export { createDeviceKeyring, introduceDevice } from './keyring.js';
export type { SignatureErrorCode, SignatureErrorSubject } from './signature-error.js';
export { AttuneSignatureError } from './signature-error.js';
export type { SignedEvent, VerifyResult } from './signed-event.js';
export { signEvents, verifyEvents } from './signed-event.js';
export type { DeviceSigner, DeviceSignerOptions, DeviceSigningKeyPair } from './signing-key.js';
export {
  createDeviceSigner,
  exportSigningPublicKey,
  generateDeviceSigningKey,
  importSigningPublicKey,
} from './signing-key.js';
export type {
  AesGcmParamsLike,
  CryptoKeyLike,
  EcdsaParamsLike,
  SigningCryptoLike,
  SigningSubtleCryptoLike,
  SubtleCryptoLike,
  WebCryptoLike,
} from './web-crypto.js';
