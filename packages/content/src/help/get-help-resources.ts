import { internationalDirectory } from './directory.js';
import { euMemberStates, helpRegions } from './regions.js';
import type {
  DangerLine,
  EmergencyNumber,
  HelpResources,
  HelpResourcesOptions,
  RegionHelp,
} from './types.js';

// The United Kingdom's ISO code is GB, but people and some APIs say UK.
const aliases: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

function regionOf(options: HelpResourcesOptions): string | undefined {
  let region = options.region;
  if (region === undefined && options.locale !== undefined) {
    try {
      // Only a region written in the locale counts: `en` says nothing about where someone is,
      // and a wrong country's emergency number is worse than none.
      region = new Intl.Locale(options.locale).region;
    } catch {
      region = undefined;
    }
  }
  const upper = region?.trim().toUpperCase();
  if (!upper || !/^([A-Z]{2}|\d{3})$/.test(upper)) return undefined;
  return Object.hasOwn(aliases, upper) ? aliases[upper] : upper;
}

function merge(base: readonly RegionHelp[], extra: readonly RegionHelp[]): RegionHelp[] {
  const merged = new Map(
    base.map((entry) => [
      entry.region.toUpperCase(),
      { ...entry, region: entry.region.toUpperCase() },
    ]),
  );
  for (const entry of extra) {
    const region = entry.region.toUpperCase();
    const current = merged.get(region);
    const given = new Map(entry.emergency.map((item) => [item.number, item]));
    const ours = new Set(current?.emergency.map((item) => item.number));
    merged.set(
      region,
      current
        ? {
            region,
            // A number the host gives again replaces ours in its place, so the one to call in
            // danger stays first; the host's other numbers are added after ours.
            emergency: [
              ...current.emergency.map((item) => given.get(item.number) ?? item),
              ...entry.emergency.filter((item) => !ours.has(item.number)),
            ],
            helplines: [...current.helplines, ...entry.helplines],
          }
        : { ...entry, region },
    );
  }
  return [...merged.values()];
}

// Someone in danger always gets a line to call: the first number of the region, or the words
// "your local emergency number" where no verified number is known.
function dangerLine(emergency: readonly EmergencyNumber[]): DangerLine {
  const first = emergency[0];
  return first
    ? { key: 'safety:help.emergency', number: first.number }
    : { key: 'safety:help.emergency-local' };
}

/**
 * Gives the help resources for a region: the line to call in danger, its emergency numbers and
 * helplines, and always an international directory. The region comes from `region`, or from an
 * explicit region in `locale` (`de-AT`); without one, the danger line says "your local emergency
 * number" and the directory is the way to find help, since guessing a country from a language
 * could show the wrong emergency number. An EU member state without its own entry gets 112. A host
 * app can add entries with `extra` or bring its own with `replace`.
 *
 * @example
 * ```ts
 * const help = getHelpResources({ locale: 'de-DE' });
 * help.danger; // { key: 'safety:help.emergency', number: '110' }
 * help.helplines[0]?.phone; // '116 016'
 * getHelpResources({ locale: 'en' }).danger.key; // 'safety:help.emergency-local'
 * ```
 */
export function getHelpResources(options: HelpResourcesOptions = {}): HelpResources {
  const region = regionOf(options);
  const entries = merge(options.replace ?? helpRegions, options.extra ?? []);
  const find = (code: string) => entries.find((entry) => entry.region === code);
  const entry =
    region === undefined
      ? undefined
      : (find(region) ?? (euMemberStates.includes(region) ? find('EU') : undefined));
  const emergency = entry?.emergency ?? [];
  return {
    region,
    danger: dangerLine(emergency),
    emergency,
    helplines: entry?.helplines ?? [],
    directory: options.directory ?? internationalDirectory,
  };
}
