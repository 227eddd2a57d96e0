import { type Context, createContext, createElement, type ReactNode } from 'react';
import type { AttuneI18n } from './attune-i18n.js';

/**
 * The i18next instance the text hooks read: the nearest `AttuneTextProvider`'s, or the `i18n` of
 * the nearest `AttuneProvider` that was given one.
 *
 * @internal
 */
export const TextContext: Context<AttuneI18n | undefined> = createContext<AttuneI18n | undefined>(
  undefined,
);

/** Props of {@link AttuneTextProvider}. */
export interface AttuneTextProviderProps {
  /** The app's i18next instance, which the text hooks load Attune's words into. */
  readonly i18n: AttuneI18n;
  /** The part of the app that uses the text hooks. */
  readonly children?: ReactNode;
}

/**
 * Gives the text hooks (`useAttuneText`, `useLanguage`, `useFormatMessage`…) the app's i18next
 * instance where there is no couple's engine yet, such as a welcome or sign-in screen, so such a
 * screen loads no engine. Inside it, an `AttuneProvider` with an `i18n` of its own gives its hooks
 * that one instead.
 *
 * @example
 * ```tsx
 * <AttuneTextProvider i18n={i18n}>
 *   {couple ? <AttuneProvider engine={engine} partner="ana"><Path /></AttuneProvider> : <Welcome />}
 * </AttuneTextProvider>
 * ```
 */
export function AttuneTextProvider({ i18n, children }: AttuneTextProviderProps): ReactNode {
  return createElement(TextContext.Provider, { value: i18n }, children);
}
