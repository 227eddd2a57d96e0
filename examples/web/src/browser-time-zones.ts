// Read on first use, not when the module loads: the first read of a time zone loads the browser's
// time zone data, some 50 ms on a slow phone, which the welcome screen's first paint does without.

let own: string | undefined;
let all: readonly string[] | undefined;

/** The browser's own time zone. */
export function browserTimeZone(): string {
  own ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own;
}

/** Every time zone the browser knows, for a partner to pick theirs: the browser's own first. */
export function timeZoneChoices(): readonly string[] {
  all ??= [
    browserTimeZone(),
    ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== browserTimeZone()),
  ];
  return all;
}
