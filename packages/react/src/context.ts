import type { Engine } from '@attune/core';
import { createContext, createElement, type ReactNode, useContext, useMemo } from 'react';
import type { AttuneI18n } from './attune-i18n.js';
import { TextContext } from './text-provider.js';

/** What `AttuneProvider` makes available to the hooks below it. */
export interface AttuneContextValue {
  /** The couple's engine; its program is `engine.program`. */
  readonly engine: Engine;
  /** Id of the partner using this screen; actions are recorded for them. */
  readonly partner: string;
  /** The app's i18next instance, when this provider was given one. */
  readonly i18n: AttuneI18n | undefined;
}

const AttuneContext = createContext<AttuneContextValue | null>(null);

/** Props of {@link AttuneProvider}. */
export interface AttuneProviderProps {
  /** The couple's engine, from `createEngine` in `@attune/core`. */
  readonly engine: Engine;
  /**
   * Id of the partner using this screen. Change it when a couple passes one phone between them: the
   * hooks then show that partner's view and record for them.
   */
  readonly partner: string;
  /**
   * The app's i18next instance, for the text hooks (`useAttuneText`, `useFormatMessage`…). Without
   * one, they use the instance of an `AttuneTextProvider` around this provider.
   */
  readonly i18n?: AttuneI18n | undefined;
  /** The part of the app that uses Attune's hooks. */
  readonly children?: ReactNode;
}

/**
 * Makes a couple's engine, the partner using the screen and, optionally, the app's i18next instance
 * available to Attune's hooks.
 *
 * @example
 * ```tsx
 * <AttuneProvider engine={engine} partner="ana" i18n={i18n}><Steps /></AttuneProvider>
 * ```
 */
export function AttuneProvider({
  engine,
  partner,
  i18n,
  children,
}: AttuneProviderProps): ReactNode {
  const value = useMemo(() => ({ engine, partner, i18n }), [engine, partner, i18n]);
  // Always rendered, so that giving or removing `i18n` later keeps the tree below mounted.
  const text = useContext(TextContext);
  return createElement(
    AttuneContext.Provider,
    { value },
    createElement(TextContext.Provider, { value: i18n ?? text }, children),
  );
}

/**
 * Reads the value given to the nearest {@link AttuneProvider}.
 *
 * @throws when called outside an `AttuneProvider`, naming the fix.
 */
export function useAttuneContext(): AttuneContextValue {
  const value = useContext(AttuneContext);
  if (!value) {
    throw new Error('Attune hooks must be used inside <AttuneProvider engine={…} partner={…}>.');
  }
  return value;
}
