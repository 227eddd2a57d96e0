import { checkCursor, type SyncCursor } from '@attune/core/sync';

/** How far this phone's sync got: what it sent to the other partner, and where its last pull ended. */
export interface SyncPosition {
  readonly sent: SyncCursor;
  /** The server's position after the last event pulled. */
  readonly since: number;
}

const start: SyncPosition = { sent: {}, since: 0 };

// One position per couple and device: a new device id (after a clash) starts from the beginning.
const keyOf = (couple: string, device: string) => `attune-sync:${couple}:${device}`;

/**
 * The position saved on this phone, or the start when there is none or it cannot be read. Starting
 * over is always safe: the server keeps each event once, and `importEvents` skips what is held.
 */
export function loadSyncPosition(couple: string, device: string): SyncPosition {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(couple, device)) ?? 'null') as {
      sent?: unknown;
      since?: unknown;
    } | null;
    if (!saved || !Number.isSafeInteger(saved.since) || (saved.since as number) < 0) return start;
    return { sent: checkCursor(saved.sent), since: saved.since as number };
  } catch {
    return start;
  }
}

/** Saves the position, so a reload neither sends nor pulls again what already went through. */
export function saveSyncPosition(couple: string, device: string, position: SyncPosition): void {
  try {
    localStorage.setItem(keyOf(couple, device), JSON.stringify(position));
  } catch {
    // Storage full or refused: the next page load starts over, which is only slower.
  }
}
