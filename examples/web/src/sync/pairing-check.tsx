import { useId } from 'react';
import { useAppText } from '../app-text.js';

/** Props of {@link PairingCheck}. */
export interface PairingCheckProps {
  /** The number made from both phones' public keys (`pairingCheck`). */
  readonly check: string;
  /** The other partner's name. */
  readonly partner: string;
  /** What the partners found: the same number on both phones, or not. */
  readonly onAnswer: (same: boolean) => void;
}

/**
 * Asks the partners, once, to compare the number both phones show. The same number means each phone
 * holds the other's real key, so the sync server cannot read along; a server that swapped in keys of
 * its own could not make the numbers match.
 */
export function PairingCheck({ check, partner, onAnswer }: PairingCheckProps) {
  const words = useAppText();
  const title = useId();
  return (
    <section className="banner pairing-check" aria-labelledby={title}>
      <h2 id={title}>{words.t('sync.check-title')}</h2>
      <p>{words.named('sync.check-how', { name: <bdi>{partner}</bdi> })}</p>
      <p className="pairing-code" data-testid="pairing-check">
        {check}
      </p>
      <p>{words.t('sync.check-differs')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onAnswer(true)}>
          {words.t('sync.check-same')}
        </button>
        <button type="button" onClick={() => onAnswer(false)}>
          {words.t('sync.check-different')}
        </button>
      </div>
    </section>
  );
}
