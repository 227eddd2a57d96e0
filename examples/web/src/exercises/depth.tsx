import { useAppText } from '../app-text.js';

/** Depth as dots, light to deep; the label says it in words. */
export function Depth({ depth }: { depth: 1 | 2 | 3 }) {
  const words = useAppText();
  return (
    <span className="depth" role="img" aria-label={words.t('deck.depth', { depth })}>
      {'●'.repeat(depth)}
      {'○'.repeat(3 - depth)}
    </span>
  );
}
