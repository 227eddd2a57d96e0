import type { ReactNode } from 'react';

/**
 * The app's own English words. Isolated from the text around them, so a sentence's full stop or
 * question mark stays at its end when the page runs right to left (Arabic), and marked as English
 * for screen readers.
 */
export function ChromeText({ children }: { children: ReactNode }) {
  return <bdi lang="en">{children}</bdi>;
}
