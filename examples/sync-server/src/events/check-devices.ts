import type { CheckedEvent, EventProblem } from './check-upload.js';

/**
 * The problems of uploaded events that name a device bound to the other partner: `owners` gives,
 * by device id, the partner whose token first uploaded an event of that device (the upload's own
 * claims included). Such an event can neither be stored nor replace or erase one that is: each
 * device's events belong to one partner, so one partner can never touch the history of the other's
 * phones, even under an id they write in their own name.
 */
export function checkDevices(
  events: readonly CheckedEvent[],
  owners: ReadonlyMap<string, string>,
  sender: string,
): EventProblem[] {
  const problems: EventProblem[] = [];
  for (const { event, index } of events) {
    const owner = owners.get(event.device);
    if (owner === undefined || owner === sender) continue;
    problems.push({
      index,
      code: 'device-of-other-partner',
      message: `Event "${event.id}" names device "${event.device}", which belongs to "${owner}": only their token uploads its events`,
      where: `events[${index}].device`,
      fix: "If this is your own device, another device took its id first: take a new one with createDeviceId() and record from it; your partner's devices upload their own events",
    });
  }
  return problems;
}
