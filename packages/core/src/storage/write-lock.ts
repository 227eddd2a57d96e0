/** The part of the Web Locks API (`navigator.locks`) a store uses to keep one writer. */
export interface LockManagerLike {
  /** As the Web Locks API's `LockManager.request`. */
  request(
    name: string,
    options: { readonly mode: 'exclusive'; readonly ifAvailable: boolean },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
}

/** A write lock held, or not, by this tab. */
export interface WriteLock {
  readonly held: boolean;
  /** Lets another tab take the lock. */
  release(): void;
}

/** The platform's Web Locks, where it has them (browsers, workers; not Node 20 or React Native). */
export function platformLocks(): LockManagerLike | undefined {
  return (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
}

/**
 * Takes the exclusive lock `name`, held until released. With `wait`, waits for another holder to let
 * go; without, answers at once with `held: false` when another tab has it.
 */
export function acquireWriteLock(
  locks: LockManagerLike,
  name: string,
  wait: boolean,
): Promise<WriteLock> {
  return new Promise((resolve, reject) => {
    let release = () => {};
    const released = new Promise<void>((done) => {
      release = done;
    });
    locks
      .request(name, { mode: 'exclusive', ifAvailable: !wait }, async (lock) => {
        if (lock === null) {
          resolve({ held: false, release: () => {} });
          return;
        }
        resolve({ held: true, release });
        // The lock is held for as long as this callback's promise is pending.
        await released;
      })
      .catch(reject);
  });
}
