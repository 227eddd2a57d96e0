import type { ReactNode } from 'react';

const NUMBERED = /^\d+\.\s+/;

/**
 * An exercise's "what to do" text: its numbered lines become a real list, so they are read out as
 * steps; any other line (such as the five-minute version) stays a paragraph.
 */
export function HowTo({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length > 0) {
      blocks.push(
        <ol key={blocks.length} className="how">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>,
      );
      items = [];
    }
  };
  for (const line of text.split('\n')) {
    if (NUMBERED.test(line)) {
      items.push(line.replace(NUMBERED, ''));
    } else if (line.trim()) {
      flush();
      blocks.push(<p key={blocks.length}>{line}</p>);
    }
  }
  flush();
  return <>{blocks}</>;
}
