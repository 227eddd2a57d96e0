import { useAttuneText } from '@attune/react/text';
import { lazy } from 'react';
import { useAppText } from './app-text.js';
import { Onboarding } from './onboarding.js';
import type { Setup } from './persistence.js';
import { Shell } from './shell.js';
import { useRoute } from './use-route.js';

const WelcomeHelp = lazy(() =>
  import('./welcome-help.js').then((module) => ({ default: module.WelcomeHelp })),
);

/** Props of {@link Welcome}. */
export interface WelcomeProps {
  readonly onboard: (setup: Setup) => void;
  /** Why the last action was refused, if it was. */
  readonly problem: string | undefined;
}

/**
 * Before a couple is set up: the welcome screen, which is onboarding, and help. It needs no engine
 * and no storage beyond the setup, so the first screen loads neither.
 */
export function Welcome({ onboard, problem }: WelcomeProps) {
  const { t } = useAttuneText('common');
  const words = useAppText();
  const route = useRoute();
  return (
    <Shell
      nav={[
        [{ screen: 'path' }, words.t('nav.welcome')],
        [{ screen: 'help' }, t('safety:help.title')],
      ]}
      problem={problem}
    >
      {route.screen === 'help' ? <WelcomeHelp /> : <Onboarding onDone={onboard} />}
    </Shell>
  );
}
