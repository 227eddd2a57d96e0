/** Depth as dots, light to deep; the label says it in words. */
export function Depth({ depth }: { depth: 1 | 2 | 3 }) {
  return (
    <span className="depth" role="img" aria-label={`Depth ${depth} of 3`}>
      {'●'.repeat(depth)}
      {'○'.repeat(3 - depth)}
    </span>
  );
}
