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
  const text = (() => {
    switch (state?.status) {
      case 'synced':
        return (
          <>
            Up to date with <bdi>{partner}</bdi>’s phone
          </>
        );
      case 'offline':
        return <>Offline: what you do is kept on this phone and sent when you are back online</>;
      case 'failed':
        return <>Sync stopped: {state.message}</>;
      default:
        return (
          <>
            Syncing with <bdi>{partner}</bdi>’s phone…
          </>
        );
    }
  })();
  return (
    <p
      role="status"
      className="sync-status"
      data-testid="sync-status"
      data-state={state?.status ?? 'syncing'}
    >
      {text}
    </p>
  );
}
