import { lazy } from 'react';
import { PathScreen } from './path-screen.js';
import type { Route } from './use-route.js';

// Only the path comes with a couple's code; every other screen loads when it is first opened, so a
// couple's first screen stays light. Each is small, so opening one (help too) is still one quick tap.
const ExerciseScreen = lazy(() =>
  import('./exercise-screen.js').then((module) => ({ default: module.ExerciseScreen })),
);
const HelpScreen = lazy(() =>
  import('./help-screen.js').then((module) => ({ default: module.HelpScreen })),
);
const LeaveScreen = lazy(() =>
  import('./leave-screen.js').then((module) => ({ default: module.LeaveScreen })),
);
const PauseScreen = lazy(() =>
  import('./pause-screen.js').then((module) => ({ default: module.PauseScreen })),
);
const SafetyScreen = lazy(() =>
  import('./safety-screen.js').then((module) => ({ default: module.SafetyScreen })),
);
const StepScreen = lazy(() =>
  import('./step-screen.js').then((module) => ({ default: module.StepScreen })),
);

/** Props of {@link Screen}. */
export interface ScreenProps {
  readonly route: Route;
  /** Removes the partner's own events from this device; for the leave screen. */
  readonly eraseMyData: () => Promise<void>;
}

/** The screen a route names, for a couple that is set up. */
export function Screen({ route, eraseMyData }: ScreenProps) {
  switch (route.screen) {
    case 'step':
      return <StepScreen id={route.id} />;
    case 'exercise':
      return <ExerciseScreen id={route.id} />;
    case 'safety':
      return <SafetyScreen />;
    case 'pause':
      return <PauseScreen />;
    case 'leave':
      return <LeaveScreen eraseMyData={eraseMyData} />;
    case 'help':
      return <HelpScreen />;
    default:
      return <PathScreen />;
  }
}
