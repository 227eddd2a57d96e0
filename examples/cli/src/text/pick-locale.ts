import { matchLocale, sourceLocale } from '@attune/content';

/**
 * The locale to speak in: the `--locale` flag, else the POSIX variables in their order of precedence
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`), matched to a shipped locale. `ar_EG.UTF-8` asks for `ar-EG`,
 * which Arabic serves; `C` and `POSIX` mean no preference, so the source locale.
 */
export function pickLocale(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const requested = [flag, env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value !== undefined && value.trim() !== '',
  );
  if (!requested) return sourceLocale;
  // `language_TERRITORY.codeset@modifier`: only language and territory say which words to use.
  const tag = requested.trim().split(/[.@]/)[0] ?? '';
  if (tag === '' || tag === 'C' || tag === 'POSIX') return sourceLocale;
  return matchLocale(tag.replace(/_/g, '-'));
}
