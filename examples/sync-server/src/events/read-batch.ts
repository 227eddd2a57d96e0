import type { Couple } from '@attune/core';
import { currentSyncFormat } from '@attune/core/sync';
import { HttpProblem } from '../http/http-problem.js';

/**
 * The events of an upload, after checking the batch around them: what `exportEvents` made for the
 * other partner of this couple. Each event is checked later, on its own.
 *
 * @throws {@link HttpProblem} naming the field at fault.
 */
export function readBatch(body: unknown, couple: Couple, sender: string): readonly unknown[] {
  const other = couple.partners.find((partner) => partner.id !== sender)?.id ?? '';
  const exportHint = `Send what exportEvents(ownEvents, { couple, recipient: '${other}' }) returns`;
  const batch = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (batch.format !== 'attune-sync' || !Array.isArray(batch.events)) {
    throw new HttpProblem(400, {
      code: 'not-a-batch',
      message: 'The body is not a sync batch: format "attune-sync" with a list of events',
      where: 'body',
      fix: exportHint,
    });
  }
  if (typeof batch.version !== 'number' || batch.version > currentSyncFormat) {
    throw new HttpProblem(422, {
      code: 'newer-format',
      message: `The batch uses sync format ${String(batch.version)}; this server reads up to ${currentSyncFormat}`,
      where: 'version',
      fix: 'Update the server, or send the batch from the @attune/core version the server runs',
    });
  }
  if (batch.couple !== couple.id) {
    throw new HttpProblem(422, {
      code: 'wrong-couple',
      message: `The batch belongs to couple "${String(batch.couple)}", and it was sent to couple "${couple.id}"`,
      where: 'couple',
      fix: "Upload each couple's batch to that couple's address",
    });
  }
  if (batch.recipient !== other) {
    throw new HttpProblem(422, {
      code: 'wrong-recipient',
      message: `The batch is for "${String(batch.recipient)}"; this server relays only what "${other}" may also hold`,
      where: 'recipient',
      fix: `${exportHint}: it leaves out private entries and safety checks, which stay on your device`,
    });
  }
  return batch.events;
}
