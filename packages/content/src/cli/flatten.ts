/** The texts of one namespace file, by dotted key, and the keys whose value is not text. */
export interface FlatTexts {
  /** Every text by its i18next key, such as `step.title` or `steps.0`. */
  readonly texts: ReadonlyMap<string, string>;
  /** Keys whose value is a number, `true`/`false` or `null`, which i18next cannot show as words. */
  readonly notText: readonly string[];
}

/**
 * Flattens an i18next JSON v4 tree into dotted keys, the way i18next looks them up. Lists become
 * numbered keys (`steps.0`), as i18next reads them.
 */
export function flatten(content: unknown): FlatTexts {
  const texts = new Map<string, string>();
  const notText: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') texts.set(key, value);
    else if (value !== null && typeof value === 'object') {
      for (const [name, child] of Object.entries(value))
        visit(child, key ? `${key}.${name}` : name);
    } else notText.push(key);
  };
  visit(content, '');
  return { texts, notText };
}

/** Tells whether a parsed namespace file has the shape i18next expects: an object of keys. */
export function isKeyObject(content: unknown): content is Readonly<Record<string, unknown>> {
  return content !== null && typeof content === 'object' && !Array.isArray(content);
}
