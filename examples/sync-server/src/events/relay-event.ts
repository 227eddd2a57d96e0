import type { LoggedEvent } from '@attune/core';
import type { EncryptedEvent } from '@attune/core/crypto';

/**
 * An event as the relay takes, stores and hands it on: plain, as older phones send everything, or
 * encrypted, with only its envelope (id, author, device, sequence, clock, type, visibility) readable.
 */
export type RelayEvent = LoggedEvent | EncryptedEvent;
