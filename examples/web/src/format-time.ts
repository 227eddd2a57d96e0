/** A moment as a date and time in a partner's time zone, in the app's language. */
export function formatMoment(at: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

/** A moment as a short date, for chart labels. */
export function formatDay(at: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(at);
}
