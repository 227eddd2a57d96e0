import type { RevealMode } from '@attune/core';
import { useAttuneContext } from '@attune/react';
import { useAttuneText } from '@attune/react/text';
import { createContext, useContext } from 'react';

/** What every screen may need from the app around it: names, language, region, reporting. */
export interface AppContextValue {
  /** Display names by partner id; empty before onboarding. */
  readonly names: Readonly<Record<string, string>>;
  /** ISO region for help resources, when one was chosen. */
  readonly region: string | undefined;
  setLanguage(locale: string): void;
  setRegion(region: string | undefined): void;
  /** When a partner's sealed answers open: at once when both answered, or when they choose. */
  revealMode(partner: string): RevealMode;
  setRevealMode(partner: string, mode: RevealMode): void;
  /** Shows why an action was refused, in the screen's alert region. */
  report(error: unknown): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The value of the nearest {@link AppContext}. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('Screens must be rendered inside <AppContext value={…}>.');
  return value;
}

/** One partner as a screen shows them. */
export interface PartnerInfo {
  readonly id: string;
  readonly name: string;
}

/** The partner holding the phone, and the other one. */
export function usePartners(): { readonly me: PartnerInfo; readonly other: PartnerInfo } {
  const { engine, partner } = useAttuneContext();
  const { names } = useApp();
  const ids = engine.couple.partners.map((each) => each.id);
  const otherId = ids.find((id) => id !== partner) ?? partner;
  return {
    me: { id: partner, name: names[partner] ?? partner },
    other: { id: otherId, name: names[otherId] ?? otherId },
  };
}

/** Translates any `namespace:key`, with both partners' names filled in where the text uses them. */
export type Translate = (key: string, options?: Readonly<Record<string, unknown>>) => string;

/**
 * The program's words in the current language, with `{{partner}}` (the other partner) and `{{you}}`
 * (the one holding the phone) filled in, since most texts speak about the other by name.
 */
export function useText(): Translate {
  const { t } = useAttuneText('common');
  const { me, other } = usePartners();
  return (key, options) => t(key, { partner: other.name, you: me.name, ...options });
}

/** Runs an action and reports why the engine refused it, instead of failing silently. */
export function useAct(): <T>(action: () => T) => T | undefined {
  const { report } = useApp();
  return (action) => {
    try {
      const result = action();
      report(undefined);
      return result;
    } catch (error) {
      report(error);
      return undefined;
    }
  };
}
