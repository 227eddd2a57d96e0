import { useAttuneSelector } from '@attune/react';
import { usePartners, useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { href } from './use-route.js';

/** Banners that hold on every screen: paused, resting, a partner who left. */
export function Banners() {
  const t = useText();
  const words = useAppText();
  const { me, other } = usePartners();
  const paused = useAttuneSelector((snapshot) => snapshot.paused);
  const resting = useAttuneSelector((snapshot) => snapshot.resting);
  const left = useAttuneSelector((snapshot) => snapshot.left);
  if (!paused && !resting && left.length === 0) return null;
  return (
    <div className="banners">
      {paused && (
        <p className="banner">
          {t('safety:paused.banner')} <a href={href({ screen: 'pause' })}>{t('action.resume')}</a>
        </p>
      )}
      {resting && <p className="banner">{t('safety:resting.neutral')}</p>}
      {left.includes(me.id) && <p className="banner">{words.t('left.you')}</p>}
      {left.includes(other.id) && (
        <p className="banner">{words.named('left.partner', { name: other.name })}</p>
      )}
    </div>
  );
}
