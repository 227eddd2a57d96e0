import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../events/types.js';
import { canonicalJson } from '../log/canonical-json.js';
import { createAesGcmCipher, generateAesGcmKey } from './aes-gcm-cipher.js';
import { encryptEvents } from './encrypted-event.js';
import {
  anaPhone,
  changeCharacter,
  couple,
  forgedSigner,
  kaiPhone,
  makeDevice,
  ordered,
  type TestDevice,
} from './fixtures.js';
import { createDeviceKeyring, type DeviceKeyring, introduceDevice } from './keyring.js';
import { signEvents, verifyEvents } from './signed-event.js';
import { generateDeviceSigningKey } from './signing-key.js';

// Devices: the two phones bound at pairing, a tablet each and a laptop of Ana's introduced after,
// a second "ana-tablet" (a backup restored with the first one's id), and devices no one bound.
const anaTablet = await makeDevice('ana', 'ana-tablet');
const anaLaptop = await makeDevice('ana', 'ana-laptop');
const kaiTablet = await makeDevice('kai', 'kai-tablet');
const restoredTablet = await makeDevice('ana', 'ana-tablet');
const mallory = await makeDevice('ana', 'mallory-phone');
const relayKeys = { keys: await generateDeviceSigningKey(), device: 'relay' };
const pairing = [anaPhone.binding, kaiPhone.binding];

/** The partner each device id truly belongs to. */
const truePartner: Readonly<Record<string, string>> = {
  'ana-phone': 'ana',
  'ana-tablet': 'ana',
  'ana-laptop': 'ana',
  'kai-phone': 'kai',
  'kai-tablet': 'kai',
};

const cipher = createAesGcmCipher({ keys: { couple: await generateAesGcmKey() } });
const plainPool = ordered.filter((_, i) => i % 7 === 0).slice(0, 12);
const encryptedPool = await encryptEvents(plainPool.slice(0, 6), cipher);
const unsignedPool: readonly (LoggedEvent | (typeof encryptedPool)[number])[] = [
  ...plainPool,
  ...encryptedPool,
];

async function eventKeyring(): Promise<DeviceKeyring> {
  const keyring = await createDeviceKeyring({ couple, bindings: pairing });
  const { rejected } = await keyring.addAll([
    await introduceDevice(anaPhone.signer, anaTablet.binding),
    await introduceDevice(kaiPhone.signer, kaiTablet.binding),
  ]);
  expect(rejected).toEqual([]);
  return keyring;
}
const keyring = await eventKeyring();

type Json = Record<string, unknown>;

/**
 * A change to one field of an event, from a hostile relay: every kind of change a field can take,
 * each one sure to make the event differ.
 */
const change: fc.Arbitrary<(event: Json) => Json> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 4 }).map((s) => (e: Json) => ({ ...e, id: `${e.id}${s}` })),
  fc.constant((e: Json) => ({ ...e, partner: e.partner === 'ana' ? 'kai' : 'ana' })),
  fc
    .constantFrom('ana-phone', 'kai-phone', 'ana-tablet', 'x')
    .map((device) => (e: Json) => ({ ...e, device: device === e.device ? `${device}2` : device })),
  fc.integer({ min: 1, max: 1000 }).map((n) => (e: Json) => ({ ...e, seq: (e.seq as number) + n })),
  fc
    .integer({ min: -1000, max: 1000 })
    .filter((n) => n !== 0)
    .map((n) => (e: Json) => ({
      ...e,
      clock: { ...(e.clock as Json), wall: ((e.clock as Json).wall as number) + n },
    })),
  fc.integer({ min: 1, max: 5 }).map((n) => (e: Json) => ({
    ...e,
    clock: { ...(e.clock as Json), counter: ((e.clock as Json).counter as number) + n },
  })),
  fc
    .constantFrom('entry-shared', 'erasure-requested', 'answer-recorded', 'x')
    .map((type) => (e: Json) => ({ ...e, type: type === e.type ? `${type}-x` : type })),
  fc.constant((e: Json) => ({
    ...e,
    visibility:
      e.visibility === 'private' ? 'shared' : e.visibility === 'shared' ? 'sealed' : 'private',
  })),
  // Data, or for an encrypted event its payload: replaced, extended, or one character changed.
  fc.tuple(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })).map(
    ([key, value]) =>
      (e: Json) =>
        'encrypted' in e
          ? { ...e, encrypted: { ...(e.encrypted as Json), [`${key}!`]: value } }
          : { ...e, data: { ...(e.data as Json), [`${key}!`]: value } },
  ),
  fc
    .jsonValue({ maxDepth: 3 })
    .map(
      (value) => (e: Json) =>
        'encrypted' in e ? { ...e, encrypted: value } : { ...e, data: value },
    ),
  fc
    .tuple(fc.constantFrom('ciphertext', 'iv', 'key', 'cipher'), fc.nat())
    .map(([field, at]) => (e: Json) => {
      if (!('encrypted' in e)) return { ...e, data: [e.data] };
      const payload = e.encrypted as Record<string, string>;
      const text = payload[field] as string;
      return { ...e, encrypted: { ...payload, [field]: changeCharacter(text, at % text.length) } };
    }),
  // A field added, or one taken away.
  fc.jsonValue({ maxDepth: 1 }).map((value) => (e: Json) => ({ ...e, extra: value })),
  fc
    .constantFrom(
      'id',
      'partner',
      'device',
      'seq',
      'clock',
      'type',
      'visibility',
      'data',
      'encrypted',
    )
    .map((field) => (e: Json) => {
      const copy = { ...e };
      if (Object.hasOwn(copy, field)) delete copy[field];
      else copy[field] = null;
      return copy;
    }),
  fc
    .nat(85)
    .map((at) => (e: Json) => ({ ...e, signature: changeCharacter(e.signature as string, at) })),
);

const signers: readonly { readonly keys: TestDevice['keys']; readonly device: string }[] = [
  anaPhone,
  anaTablet,
  anaLaptop,
  kaiPhone,
  kaiTablet,
  mallory,
  relayKeys,
];

describe('signed events, against a hostile relay', () => {
  it("accepts an event only when its device is bound to the partner it names, and that device's key signed exactly it for this couple", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...unsignedPool),
        fc.constantFrom('ana', 'kai', 'mallory'),
        fc.constantFrom(
          'ana-phone',
          'ana-tablet',
          'ana-laptop',
          'kai-phone',
          'kai-tablet',
          'mallory-phone',
        ),
        fc.constantFrom(...signers),
        fc.constantFrom(couple, 'another-couple'),
        fc.option(change, { nil: undefined }),
        async (base, partner, device, signer, signedFor, tamper) => {
          const event = { ...base, partner, device, id: `${device}:${base.seq}` };
          const claims = { couple: signedFor, partner, device };
          const [signed] = await signEvents([event], forgedSigner(signer.keys, claims));
          const sent = tamper ? tamper(signed as unknown as Json) : signed;
          fc.pre(!tamper || canonicalJson(sent) !== canonicalJson(signed));
          const { verified, rejected } = await verifyEvents([sent], keyring);
          const genuine =
            !tamper &&
            signedFor === couple &&
            signer.device === device &&
            keyring.get(device)?.partner === partner;
          expect(verified).toHaveLength(genuine ? 1 : 0);
          expect(rejected).toHaveLength(genuine ? 0 : 1);
          if (verified.length > 0) expect(truePartner[device]).toBe(partner);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses any change to any field of an event its own device signed, plain or encrypted', async () => {
    const genuine = [
      ...(await signEvents(
        unsignedPool.filter((e) => e.device === 'ana-phone'),
        anaPhone.signer,
      )),
      ...(await signEvents(
        unsignedPool.filter((e) => e.device === 'kai-phone'),
        kaiPhone.signer,
      )),
    ];
    expect((await verifyEvents(genuine, keyring)).rejected).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...genuine), change, async (signed, tamper) => {
        const sent = tamper(signed as unknown as Json);
        fc.pre(canonicalJson(sent) !== canonicalJson(signed));
        const { verified, rejected } = await verifyEvents(
          [JSON.parse(JSON.stringify(sent))],
          keyring,
        );
        expect(verified).toEqual([]);
        expect(rejected[0]?.index).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

// Introductions: the honest ones (a chain tablet -> laptop, and a restored tablet that reuses an id),
// and hostile ones — from the other partner's devices, from unbound devices, with a key the relay
// made, changed after signing, of another couple, or claiming a device of the other partner.
const honest = {
  anaTablet: await introduceDevice(anaPhone.signer, anaTablet.binding),
  anaLaptop: await introduceDevice(anaTablet.signer, anaLaptop.binding),
  kaiTablet: await introduceDevice(kaiPhone.signer, kaiTablet.binding),
  restored: await introduceDevice(anaPhone.signer, restoredTablet.binding),
};
const watch = { ...mallory.binding, device: 'ana-watch' };
// Kai's phone claiming, for Kai, the id of a device Ana has not bound yet: allowed, since device ids
// are only names; it keeps Ana's device of that id out wherever it came first (see the docs).
const squat = await introduceDevice(kaiPhone.signer, {
  ...kaiTablet.binding,
  device: 'ana-tablet',
});
const genuine = [...Object.values(honest), squat];
const realKey: Readonly<Record<string, string>> = Object.fromEntries(
  [anaPhone, anaTablet, anaLaptop, kaiPhone, kaiTablet].map((d) => [d.device, d.binding.publicKey]),
);
const hostile = [
  await introduceDevice(
    forgedSigner(kaiPhone.keys, { partner: 'ana', device: 'kai-phone' }),
    watch,
  ),
  await introduceDevice(
    forgedSigner(kaiTablet.keys, { partner: 'ana', device: 'kai-tablet' }),
    watch,
  ),
  await introduceDevice(forgedSigner(anaLaptop.keys, { partner: 'kai', device: 'ana-laptop' }), {
    ...watch,
    partner: 'kai',
    device: 'kai-watch',
  }),
  await introduceDevice(mallory.signer, watch),
  await introduceDevice(
    forgedSigner(relayKeys.keys, { partner: 'ana', device: 'ana-phone' }),
    watch,
  ),
  { ...honest.anaTablet, publicKey: mallory.binding.publicKey },
  { ...honest.anaTablet, device: 'ana-watch' },
  { ...honest.kaiTablet, partner: 'ana' },
  await introduceDevice(
    forgedSigner(anaPhone.keys, { couple: 'another-couple', partner: 'ana', device: 'ana-phone' }),
    { ...watch, couple: 'another-couple' },
  ),
  await introduceDevice(kaiPhone.signer, { ...kaiTablet.binding, device: 'ana-phone' }),
  squat,
  { ...honest.anaLaptop, signature: honest.anaTablet.signature },
  'not an introduction',
];
const universe: readonly unknown[] = [...Object.values(honest), ...hostile];
const subset = fc.array(fc.constantFrom(...universe), { maxLength: 24 });

async function keyringOf(
  bindings: readonly (typeof pairing)[number][],
  introductions: readonly unknown[],
) {
  const built = await createDeviceKeyring({ couple, bindings });
  const result = await built.addAll(introductions);
  const refused = result.rejected
    .map(({ index, error }) => `${canonicalJson(introductions[index])} ${error.code}`)
    .sort();
  return { keyring: built, result, refused };
}

describe('introductions, against a hostile relay', () => {
  it('bind a device only through an unbroken chain of introductions from a bound device of the same partner', async () => {
    await fc.assert(
      fc.asyncProperty(subset, async (introductions) => {
        const { keyring: built } = await keyringOf(pairing, introductions);
        const has = (introduction: unknown) => introductions.includes(introduction);
        // Walks each binding back to pairing: an introduction that arrived, signed by the real key
        // of its introducer, which is bound to the same partner with that key.
        const chain = (device: string, seen: readonly string[]): boolean => {
          const binding = built.get(device);
          if (!binding || seen.includes(device)) return false;
          if (pairing.some((paired) => canonicalJson(paired) === canonicalJson(binding)))
            return true;
          return genuine.some(
            (i) =>
              has(i) &&
              i.device === device &&
              i.partner === binding.partner &&
              i.publicKey === binding.publicKey &&
              built.get(i.by)?.partner === binding.partner &&
              built.get(i.by)?.publicKey === realKey[i.by] &&
              chain(i.by, [...seen, device]),
          );
        };
        for (const binding of built.bindings()) expect(chain(binding.device, [])).toBe(true);
        expect(built.get('ana-phone')).toEqual(anaPhone.binding);
        expect(built.get('kai-phone')).toEqual(kaiPhone.binding);
        expect(built.get('ana-watch')).toBeUndefined();
        expect(built.get('kai-watch')).toBeUndefined();
        // What honest introductions bring is there, unless another claim on the id came first.
        expect(built.get('kai-tablet')).toEqual(
          has(honest.kaiTablet) ? kaiTablet.binding : undefined,
        );
        const claims = [honest.anaTablet, honest.restored, squat].filter(has);
        expect(built.get('ana-tablet') === undefined).toBe(claims.length === 0);
        const laptop =
          has(honest.anaLaptop) &&
          built.get('ana-tablet')?.publicKey === anaTablet.binding.publicKey;
        expect(built.get('ana-laptop')).toEqual(laptop ? anaLaptop.binding : undefined);
      }),
      { numRuns: 150 },
    );
  });

  it('end the same whatever order bindings and introductions come in', async () => {
    await fc.assert(
      fc.asyncProperty(
        subset.chain((introductions) =>
          fc.tuple(
            fc.shuffledSubarray(introductions, { minLength: introductions.length }),
            fc.shuffledSubarray(introductions, { minLength: introductions.length }),
            fc.shuffledSubarray([...pairing, ...pairing], { minLength: 2 * pairing.length }),
          ),
        ),
        async ([first, second, bindings]) => {
          const a = await keyringOf(pairing, first);
          const b = await keyringOf(bindings, second);
          expect(b.keyring.bindings()).toEqual(a.keyring.bindings());
          expect(b.refused).toEqual(a.refused);
          expect(b.result.added.length).toBe(a.result.added.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuse a second binding of a device id whatever order the bindings come in', async () => {
    const conflicting = [
      { ...anaPhone.binding, publicKey: kaiPhone.binding.publicKey },
      ...pairing,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(conflicting, { minLength: conflicting.length }),
        async (bindings) => {
          await expect(createDeviceKeyring({ couple, bindings })).rejects.toMatchObject({
            code: 'device-clash',
            device: 'ana-phone',
          });
        },
      ),
      { numRuns: 20 },
    );
  });
});
