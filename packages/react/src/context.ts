import type { Program } from '@attune/core';
import { createContext, createElement, type ReactNode, useContext } from 'react';

/** What `AttuneProvider` makes available to the hooks below it. */
export interface AttuneContextValue {
  readonly program: Program;
}

const AttuneContext = createContext<AttuneContextValue | null>(null);

/** Props of {@link AttuneProvider}. */
export interface AttuneProviderProps {
  /** The program to show, such as `nineStepProgram` from `@attune/core`. */
  readonly program: Program;
  readonly children?: ReactNode;
}

/**
 * Makes a program available to Attune's hooks.
 *
 * @example
 * ```tsx
 * <AttuneProvider program={nineStepProgram}><Steps /></AttuneProvider>
 * ```
 */
export function AttuneProvider({ program, children }: AttuneProviderProps): ReactNode {
  return createElement(AttuneContext.Provider, { value: { program } }, children);
}

/**
 * Reads the value given to the nearest {@link AttuneProvider}.
 *
 * @throws when called outside an `AttuneProvider`, naming the fix.
 */
export function useAttuneContext(): AttuneContextValue {
  const value = useContext(AttuneContext);
  if (!value) {
    throw new Error(
      'Attune hooks must be used inside <AttuneProvider>. Wrap your app (or this part of it) in <AttuneProvider program={…}>.',
    );
  }
  return value;
}
