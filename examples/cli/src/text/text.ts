import type { i18n } from 'i18next';

/** Looks up a text by key (`namespace:key`, `common` by default) with interpolation values. */
export type Text = (key: string, values?: Readonly<Record<string, unknown>>) => string;

/** The {@link Text} of an i18next instance: always a string, whatever i18next's types say. */
export function textOf(instance: i18n): Text {
  return (key, values) => String(instance.t(key, values as never));
}
