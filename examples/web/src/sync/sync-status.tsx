import { useAppText } from '../app-text.js';
import type { SyncState } from './relay-sync.js';

/** Props of {@link SyncStatus}. */
export interface SyncStatusProps {
  readonly state: SyncState | undefined;
  /** The other partner's name. */
  readonly partner: string;
}

/**
 * One line on how this phone stands with the other partner's. Offline is said calmly: nothing is
 * lost, and the work goes out when the network is back.
 */
export function SyncStatus({ state, partner }: SyncStatusProps) {
  const words = useAppText();
  const status = state?.status ?? 'syncing';
  const text =
    state?.status === 'offline'
      ? words.t('sync.offline')
      : state?.status === 'failed'
        ? words.t('sync.failed', { message: state.message })
        : words.named(status === 'synced' ? 'sync.synced' : 'sync.syncing', { name: partner });
  return (
    <p role="status" className="sync-status" data-testid="sync-status" data-state={status}>
      {text}
    </p>
  );
}
