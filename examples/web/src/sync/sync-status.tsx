import type { ReactNode } from 'react';
import { type AppText, useAppText } from '../app-text.js';
import type { SyncState } from './relay-sync.js';
import { syncProblemKey } from './sync-problem.js';

/** Props of {@link SyncStatus}. */
export interface SyncStatusProps {
  readonly state: SyncState | undefined;
  /** The other partner's name. */
  readonly partner: string;
}

function statusText(state: SyncState | undefined, partner: string, words: AppText): ReactNode {
  if (state?.status === 'offline') return words.t('sync.offline');
  if (state?.status === 'failed') {
    const problem = syncProblemKey(state.code);
    return problem
      ? words.named(problem, { name: partner })
      : words.t('sync.failed', { message: state.message });
  }
  return words.named(state?.status === 'synced' ? 'sync.synced' : 'sync.syncing', {
    name: partner,
  });
}

/**
 * One line on how this phone stands with the other partner's. Offline is said calmly: nothing is
 * lost, and the work goes out when the network is back. A refusal the app knows is said in the
 * couple's language; any other keeps the server's own explanation.
 */
export function SyncStatus({ state, partner }: SyncStatusProps) {
  const words = useAppText();
  return (
    <p
      role="status"
      className="sync-status"
      data-testid="sync-status"
      data-state={state?.status ?? 'syncing'}
    >
      {statusText(state, partner, words)}
    </p>
  );
}
