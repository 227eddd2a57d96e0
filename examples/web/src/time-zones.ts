/** The browser's own time zone, offered first. */
export const browserZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every time zone the browser knows, for a partner to pick theirs. */
export const zones: readonly string[] = (() => {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(browserZone) ? known : [browserZone, ...known];
})();
