import type { AgreementField } from '@attune/core';
import { useLanguage } from '@attune/react/text';

/** An agreement's fields, by field id: text, a date (`YYYY-MM-DD`) or a list. */
export type AgreementFields = Readonly<Record<string, string | readonly string[]>>;

/** A field's value as the text an input holds; a list has one item per line. */
export function asText(value: string | readonly string[] | undefined): string {
  return typeof value === 'string' ? value : (value ?? []).join('\n');
}

/** Props of {@link AgreementValue}. */
export interface AgreementValueProps {
  readonly field: AgreementField;
  readonly value: AgreementFields[string] | undefined;
}

/** One field of a proposed agreement, shown as its input kind reads best: a list, a date, text. */
export function AgreementValue({ field, value }: AgreementValueProps) {
  const language = useLanguage();
  if (field.input === 'list') {
    const items = typeof value === 'string' ? [value] : (value ?? []);
    return (
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  }
  if (field.input === 'date' && typeof value === 'string' && value) {
    // A date without a time zone: read and shown as that calendar day.
    const day = new Date(`${value}T12:00:00Z`);
    return (
      <time dateTime={value}>
        {new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(day)}
      </time>
    );
  }
  return <>{asText(value)}</>;
}
