import { AttuneSignatureError } from '@attune/core/crypto';
import { coupleKeyring } from '../events/couple-keyring.js';
import { HttpProblem } from '../http/http-problem.js';
import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';
import { requirePaired } from './require-paired.js';

// What introduceDevice writes, and nothing else: the relay keeps an introduction as it came.
const FIELDS = [
  'statement',
  'version',
  'couple',
  'partner',
  'device',
  'publicKey',
  'by',
  'signature',
];

const FIX = 'Send what introduceDevice(signer, { couple, partner, device, publicKey }) returned';

/** Where each keyring refusal points in an introduction, and its status. */
const refusals: Readonly<Record<string, { readonly status: number; readonly where: string }>> = {
  unsigned: { status: 403, where: 'signature' },
  'bad-signature': { status: 403, where: 'signature' },
  'unknown-device': { status: 403, where: 'by' },
  'device-clash': { status: 409, where: 'device' },
  'wrong-couple': { status: 422, where: 'couple' },
};

/** A keyring's refusal as the answer to the phone. */
function refused(error: AttuneSignatureError, body: Record<string, unknown>): HttpProblem {
  if (error.code === 'device-of-other-partner') {
    // Either the device introduced is the other partner's, or the one introducing it is.
    const where = error.device === body.device ? 'device' : 'by';
    return new HttpProblem(403, {
      code: error.code,
      message: error.message,
      where,
      fix:
        where === 'device'
          ? 'Give the new device an id of its own (createDeviceId) and introduce that'
          : "Introduce a device from one of your own bound devices; your partner's devices introduce theirs",
    });
  }
  const known = refusals[error.code] ?? { status: 400, where: 'body' };
  return new HttpProblem(known.status, {
    code: error.code,
    message: error.message,
    where: known.where,
    fix: error.code === 'device-clash' ? error.fix : FIX,
  });
}

/**
 * `POST /couples/:id/introductions` with what `introduceDevice` returned: binds a new device of the
 * caller's (such as the id a phone takes after a clash) to them, with its key, when a device
 * already bound to them signed the introduction; the couple's keyring checks it. First come, first
 * bound: a device id bound already, to anyone, keeps its binding. The introduction is kept as it
 * came, for the other phone to check for itself (`GET /couples/:id/devices`).
 *
 * @returns `201 { couple, partner, device, added: true }`, or `200` with `added: false` when the
 *   device was bound this way already.
 */
export async function addIntroduction(
  context: RouteContext,
  caller: Caller,
  body: unknown,
): Promise<RouteResult> {
  const couple = requirePaired(caller);
  const input = (
    typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}
  ) as Record<string, unknown>;
  const extra = Object.keys(input).find((key) => !FIELDS.includes(key));
  if (extra !== undefined || Object.keys(input).length === 0) {
    throw new HttpProblem(400, {
      code: 'malformed',
      message:
        extra === undefined
          ? 'The body is not an introduction'
          : `An introduction holds only ${FIELDS.join(', ')}; this one holds "${extra}" too`,
      where: extra ?? 'body',
      fix: FIX,
    });
  }
  // The caller's own devices only, whatever their introduction says.
  if (typeof input.partner === 'string' && input.partner !== caller.partner) {
    throw new HttpProblem(403, {
      code: 'not-your-device',
      message: `The introduction binds a device to "${input.partner}", and this token belongs to "${caller.partner}"`,
      where: 'partner',
      fix: "Introduce only your own devices; your partner's phone introduces theirs",
    });
  }
  const keyring = await coupleKeyring(context.store, couple.id, caller.partner);
  let binding: Awaited<ReturnType<typeof keyring.add>>;
  try {
    binding = await keyring.add(input);
  } catch (error) {
    if (AttuneSignatureError.isInstance(error)) throw refused(error, input);
    throw error;
  }
  const { added, stored } = await context.store.addSigningKey(couple.id, {
    partner: binding.partner,
    device: binding.device,
    publicKey: binding.publicKey,
    introduction: input,
  });
  // Another request bound the id in the meantime, to something else.
  if (stored.partner !== binding.partner || stored.publicKey !== binding.publicKey) {
    throw new HttpProblem(409, {
      code: stored.partner === binding.partner ? 'device-clash' : 'device-of-other-partner',
      message: `Device "${binding.device}" was bound to another key a moment ago`,
      where: 'device',
      fix: 'Give the new device an id of its own (createDeviceId) and introduce that',
    });
  }
  return {
    status: added ? 201 : 200,
    body: { couple: couple.id, partner: binding.partner, device: binding.device, added },
  };
}
