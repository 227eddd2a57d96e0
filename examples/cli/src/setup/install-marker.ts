import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { createDeviceId } from '@attune/core/sync';

/** Where {@link loadInstallMarker} looks: the user's configuration folder, not the history's. */
export interface InstallMarkerPlace {
  /** The home folder. */
  readonly homeDir: string;
  /** `XDG_CONFIG_HOME`, when set: used in place of `~/.config` if it is an absolute path. */
  readonly configHome?: string | undefined;
}

/** The file that holds this computer's install marker. */
export function installMarkerPathOf(place: InstallMarkerPlace): string {
  const config =
    place.configHome && isAbsolute(place.configHome)
      ? place.configHome
      : join(place.homeDir, '.config');
  return join(config, 'attune', 'install-id');
}

// What a marker may be: what `openEventStore` takes as an id.
const isMarker = (text: string) => /^[^\s]{1,128}$/.test(text);

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

async function readMarker(path: string): Promise<string | undefined> {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    return isMarker(text) ? text : undefined;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * This install's marker, for `openEventStore({ install })`: made once with `createDeviceId()` and
 * kept in the user's configuration folder (`~/.config/attune/install-id`), apart from the history
 * file. A history file copied to another computer, or another account, then meets another marker
 * there and records under a new device id, so the two copies never give two events one id.
 *
 * The marker is written whole before it can be seen (to a temporary file, then linked into place), so
 * two first runs at once agree on one. `undefined` when it can neither be read nor made (no home
 * folder, no permission, a file that is not a marker): the history then opens without one, as before,
 * and a copy is found only when the two sync.
 */
export async function loadInstallMarker(place: InstallMarkerPlace): Promise<string | undefined> {
  const path = installMarkerPathOf(place);
  try {
    const saved = await readMarker(path);
    if (saved !== undefined) return saved;
    const marker = createDeviceId();
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${marker}.tmp`;
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(`${marker}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // Fails when another run made the marker first: that one is kept.
      await link(temporary, path);
      return marker;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
      return await readMarker(path);
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  } catch {
    return undefined;
  }
}
