/** Names of the `{{placeholders}}` in a text, such as `partner` in `Ask {{partner}}` or `{{- name}}`. */
export function placeholders(text: string): ReadonlySet<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*-?\s*([^\s,}]+)[^}]*\}\}/g))
    names.add(match[1] as string);
  return names;
}

/** Keys nested with `$t(…)` in a text: `$t(common:ok)` gives `common:ok`. */
export function nestedKeys(text: string): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const match of text.matchAll(/\$t\(\s*([^,)\s]+)/g)) keys.add(match[1] as string);
  return keys;
}

/**
 * The markup tags of a text, sorted, so that two texts with the same tags in a different order
 * compare equal: `<strong>`, `</strong>`, `<br/>`, and react-i18next's numbered `<1>`.
 */
export function markupTags(text: string): readonly string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(/<(\/?)([A-Za-z0-9][\w-]*)(?:\s[^<>]*?)?\s*(\/?)>/g)) {
    tags.push(`<${match[1]}${match[2]}${match[3]}>`);
  }
  return tags.sort();
}

/** The words of a text without placeholders, nestings or tags, for comparing lengths. */
export function visibleText(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\$t\([^)]*\)/g, '')
    .replace(/<[^<>]*>/g, '')
    .trim();
}
