/** A 0–100 percentage as the locale writes it, such as `67%` or `67 %` or `٪67`. */
export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100,
  );
}
