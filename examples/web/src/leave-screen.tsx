import type { Engine } from '@attune/core';
import { exportPartnerData } from '@attune/core/sync';
import { useAttuneContext, useAttuneSelector, useSafety } from '@attune/react';
import { useState } from 'react';
import { useAct, useApp, usePartners, useText } from './app-context.js';
import { useAppText } from './app-text.js';

/** Props of {@link LeaveScreen}. */
export interface LeaveScreenProps {
  /** Removes the partner's own events from this device (the other partner's stay). */
  readonly eraseMyData: () => Promise<void>;
}

/** Saves the partner's own data as a JSON file: what they wrote, and what was shared with them. */
function download(engine: Engine, partner: string): void {
  const data = exportPartnerData(engine.getEvents(), { couple: engine.couple, partner });
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = `attune-${partner}-${data.exportedAt.slice(0, 10)}.json`;
  link.click();
  // The click has started the download; the URL is not needed any longer.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * Leaving alone, at any time: first a copy of one's own data, then leaving, and, on this shared
 * device, erasing one's own entries. Each step asks once more before it happens.
 */
export function LeaveScreen({ eraseMyData }: LeaveScreenProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const { report } = useApp();
  const { engine } = useAttuneContext();
  const { me } = usePartners();
  const safety = useSafety();
  const left = useAttuneSelector((snapshot) => snapshot.left.includes(me.id));
  const [asking, setAsking] = useState<'leave' | 'erase' | undefined>();
  const [erased, setErased] = useState(false);

  return (
    <section aria-labelledby="leave-title">
      <h1 id="leave-title">{t('safety:leave.title')}</h1>
      <p className="lead">{t('safety:leave.body')}</p>
      <div className="card">
        <button type="button" onClick={() => download(engine, me.id)}>
          {t('safety:leave.export')}
        </button>
      </div>
      <div className="card">
        {left ? (
          <p role="status">{words.named('leave.you-left', { name: me.name })}</p>
        ) : asking === 'leave' ? (
          <fieldset className="confirm">
            <legend>{words.t('leave.sure')}</legend>
            <button
              type="button"
              className="danger"
              onClick={() => {
                act(safety.leave);
                setAsking(undefined);
              }}
            >
              {t('safety:leave.confirm')}
            </button>
            <button type="button" onClick={() => setAsking(undefined)}>
              {t('action.back')}
            </button>
          </fieldset>
        ) : (
          <button type="button" className="danger" onClick={() => setAsking('leave')}>
            {t('safety:leave.confirm')}
          </button>
        )}
      </div>
      <div className="card">
        <h2>{words.t('leave.erase-title')}</h2>
        <p>{words.named('leave.erase-body', { name: me.name })}</p>
        {erased ? (
          <p role="status">{words.t('leave.erased')}</p>
        ) : asking === 'erase' ? (
          <fieldset className="confirm">
            <legend>{words.t('leave.sure')}</legend>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setAsking(undefined);
                eraseMyData().then(() => setErased(true), report);
              }}
            >
              {words.t('leave.erase-confirm')}
            </button>
            <button type="button" onClick={() => setAsking(undefined)}>
              {t('action.back')}
            </button>
          </fieldset>
        ) : (
          <button type="button" className="danger" onClick={() => setAsking('erase')}>
            {words.t('leave.erase')}
          </button>
        )}
      </div>
    </section>
  );
}
