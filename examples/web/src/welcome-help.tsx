import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import { createDeviceId } from '@attune/core/sync';
import { AttuneProvider } from '@attune/react';
import { useSuspenseAttuneText } from '@attune/react/text';
import { HelpScreen } from './help-screen.js';

// The help screen shares its hooks with every screen of a couple, and they read a couple's engine:
// before onboarding, it gets one of its own that only shows the program. Nothing is recorded in it.
const previewCouple: Couple = {
  id: 'preview',
  partners: [
    { id: 'preview-a', timeZone: 'UTC' },
    { id: 'preview-b', timeZone: 'UTC' },
  ],
  startedAt: 0,
};
let previewEngine: Engine | undefined;
const getPreviewEngine = (): Engine => {
  previewEngine ??= createEngine({
    program: nineStepProgram,
    couple: previewCouple,
    // Random like every device id, though nothing is ever recorded here.
    device: createDeviceId(),
  });
  return previewEngine;
};

/** Help before a couple is set up, loaded when first opened from the welcome screen. */
export function WelcomeHelp() {
  // Its words are the safety namespace's, which the welcome screen holds only a few of.
  useSuspenseAttuneText('safety');
  return (
    <AttuneProvider engine={getPreviewEngine()} partner="preview-a">
      <HelpScreen />
    </AttuneProvider>
  );
}
