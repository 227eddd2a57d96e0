// The core compiles without the DOM library so that nothing browser-only leaks into the engine, which
// runs in React Native and workers too. These are the few WebCrypto shapes the cipher uses; the real
// `crypto` of a browser, Node 20+ or a worker satisfies them. The signing shapes are apart from the
// cipher's, so that a host's own AES-only implementation still fits `WebCryptoLike`.

/** An opaque WebCrypto key, such as the `CryptoKey` from `crypto.subtle.generateKey`. */
export interface CryptoKeyLike {
  /** As WebCrypto's `Crypto.type`. */
  readonly type: string;
  /** As WebCrypto's `Crypto.algorithm`. */
  readonly algorithm: unknown;
}

/** Parameters of an AES-GCM operation. */
export interface AesGcmParamsLike {
  /** As WebCrypto's `Crypto.name`. */
  readonly name: 'AES-GCM';
  /** As WebCrypto's `Crypto.iv`. */
  readonly iv: Uint8Array<ArrayBuffer>;
  /** As WebCrypto's `Crypto.additionalData`. */
  readonly additionalData: Uint8Array<ArrayBuffer>;
  /** As WebCrypto's `Crypto.tagLength`. */
  readonly tagLength: 128;
}

/** The part of WebCrypto's `SubtleCrypto` the AES-GCM cipher uses. */
export interface SubtleCryptoLike {
  /** As WebCrypto's `SubtleCrypto.encrypt`. */
  encrypt(
    algorithm: AesGcmParamsLike,
    key: CryptoKeyLike,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<ArrayBuffer>;
  /** As WebCrypto's `SubtleCrypto.decrypt`. */
  decrypt(
    algorithm: AesGcmParamsLike,
    key: CryptoKeyLike,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<ArrayBuffer>;
  /** As WebCrypto's `SubtleCrypto.generateKey`. */
  generateKey(
    algorithm: { readonly name: 'AES-GCM'; readonly length: 256 },
    extractable: boolean,
    usages: ('encrypt' | 'decrypt')[],
  ): Promise<unknown>;
  /** As WebCrypto's `SubtleCrypto.importKey`. */
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { readonly name: 'AES-GCM' },
    extractable: boolean,
    usages: ('encrypt' | 'decrypt')[],
  ): Promise<unknown>;
}

/**
 * The curve and hash of a device's signing key: ECDSA on P-256 with SHA-256.
 *
 * @example
 * ```ts
 * const params: EcdsaParamsLike = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
 * ```
 */
export interface EcdsaParamsLike {
  /** As WebCrypto's `EcdsaParams.name`. */
  readonly name: 'ECDSA';
  /** As WebCrypto's `EcKeyGenParams.namedCurve`. */
  readonly namedCurve: 'P-256';
  /** As WebCrypto's `EcdsaParams.hash`. */
  readonly hash: 'SHA-256';
}

/**
 * The part of WebCrypto's `SubtleCrypto` that device signing keys use.
 *
 * @example
 * ```ts
 * const subtle: SigningSubtleCryptoLike = globalThis.crypto.subtle;
 * ```
 */
export interface SigningSubtleCryptoLike {
  /** As WebCrypto's `SubtleCrypto.generateKey`, for an ECDSA key pair. */
  generateKey(
    algorithm: EcdsaParamsLike,
    extractable: boolean,
    usages: ('sign' | 'verify')[],
  ): Promise<unknown>;
  /** As WebCrypto's `SubtleCrypto.importKey`, for an ECDSA public key. */
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: EcdsaParamsLike,
    extractable: boolean,
    usages: 'verify'[],
  ): Promise<unknown>;
  /** As WebCrypto's `SubtleCrypto.exportKey`. */
  exportKey(format: 'raw', key: CryptoKeyLike): Promise<ArrayBuffer>;
  /** As WebCrypto's `SubtleCrypto.sign`. */
  sign(
    algorithm: EcdsaParamsLike,
    key: CryptoKeyLike,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<ArrayBuffer>;
  /** As WebCrypto's `SubtleCrypto.verify`. */
  verify(
    algorithm: EcdsaParamsLike,
    key: CryptoKeyLike,
    signature: Uint8Array<ArrayBuffer>,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<boolean>;
}

/**
 * WebCrypto as device signing keys use it; `globalThis.crypto` satisfies it.
 *
 * @example
 * ```ts
 * // Where the platform has no WebCrypto of its own, such as React Native with a polyfill:
 * const keys = await generateDeviceSigningKey(polyfilledCrypto satisfies SigningCryptoLike);
 * ```
 */
export interface SigningCryptoLike {
  /** As WebCrypto's `Crypto.subtle`. */
  readonly subtle: SigningSubtleCryptoLike;
}

/** WebCrypto, as `globalThis.crypto` provides it. */
export interface WebCryptoLike {
  /** As WebCrypto's `Crypto.subtle`. */
  readonly subtle: SubtleCryptoLike;
  /** As WebCrypto's `Crypto.getRandomValues`. */
  getRandomValues<T extends Uint8Array<ArrayBuffer>>(array: T): T;
}

interface TextCodecs {
  readonly TextEncoder?: new () => { encode(text: string): Uint8Array<ArrayBuffer> };
  readonly TextDecoder?: new (
    label: string,
    options: { fatal: boolean },
  ) => { decode(bytes: Uint8Array): string };
  readonly crypto?: WebCryptoLike & SigningCryptoLike;
}

const platform = globalThis as TextCodecs;

/** UTF-8 bytes of a text. */
export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  if (!platform.TextEncoder) throw new Error('TextEncoder is not available on this platform.');
  return new platform.TextEncoder().encode(text);
}

/** The text of UTF-8 bytes; throws on bytes that are not valid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string {
  if (!platform.TextDecoder) throw new Error('TextDecoder is not available on this platform.');
  return new platform.TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The platform's WebCrypto, if it has one. */
export function platformCrypto(): (WebCryptoLike & SigningCryptoLike) | undefined {
  return platform.crypto?.subtle ? platform.crypto : undefined;
}
