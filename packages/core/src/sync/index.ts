export type { ErasableEvent, ErasePartnerOptions, Erasure } from '../export/erasure.js';
export { erasePartner, erasureCutoffs, isErased, keptRests } from '../export/erasure.js';
export type { ExportPartnerDataOptions, PartnerExport } from '../export/export-partner-data.js';
export { currentExportFormat, exportPartnerData } from '../export/export-partner-data.js';
/*
 * The limits every event is held to, whichever device sent it (see "Limits on input" in the engine
 * guide): a relay that checks or stores events needs them to refuse what every device refuses, and
 * to size its columns. An event past one is refused by `importEvents` and `checkEncryptedEvent`.
 * `MIN_WALL` and `MAX_WALL` bound clock wall times (1970 to the end of 9999), `MAX_COUNTER` the
 * clock counter, `MAX_ID_LENGTH` every id, `MAX_TEXT_LENGTH` every string in data, `MAX_DEPTH` the
 * nesting of data and `MAX_DATA_BYTES` its size as UTF-8 JSON.
 */
export {
  MAX_COUNTER,
  MAX_DATA_BYTES,
  MAX_DEPTH,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_WALL,
  MIN_WALL,
} from '../log/bounds.js';
export { canonicalJson, keptVersion } from '../log/same-event.js';
export { checkEncryptedEvent, relayReadableEventTypes } from './check-encrypted-event.js';
export type { SyncCursor } from './cursor.js';
export { advanceCursor, checkCursor, cursorOf } from './cursor.js';
export { createDeviceId } from './device-id.js';
export type { ExportEventsOptions, SyncBatch } from './export-events.js';
export { currentSyncFormat, exportEvents } from './export-events.js';
export type { ImportEventsOptions, ImportResult, SyncConflict } from './import-events.js';
export { importEvents } from './import-events.js';
export { eventsFor } from './privacy-filter.js';
export type { SyncErrorCode } from './sync-error.js';
export { AttuneSyncError } from './sync-error.js';
