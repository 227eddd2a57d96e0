import { useEffect, useRef } from 'react';
import { useApp } from './app-context.js';
import { useAppText } from './app-text.js';

/** Props of {@link Handover}. */
export interface HandoverProps {
  /** The partner the phone goes to. */
  readonly to: string;
  readonly onTaken: () => void;
  readonly onCancel: () => void;
}

/**
 * Between two partners on one phone: nothing of the first partner's screen stays visible until the
 * second says they hold it, so a private entry is not left open for the other to read.
 */
export function Handover({ to, onTaken, onCancel }: HandoverProps) {
  const { names } = useApp();
  const name = names[to] ?? to;
  const words = useAppText();
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that opened this screen is gone: the focus moves to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="handover" aria-labelledby="handover-title">
      <h1 id="handover-title" ref={heading} tabIndex={-1}>
        {words.named('holder.pass', { name })}
      </h1>
      <p>{words.named('handover.body', { name })}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onTaken}>
          {words.named('handover.taken', { name })}
        </button>
        <button type="button" onClick={onCancel}>
          {words.t('handover.cancel')}
        </button>
      </div>
    </section>
  );
}
