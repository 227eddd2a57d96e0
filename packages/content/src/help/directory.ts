import type { HelpDirectory } from './types.js';

/** The international helpline directory shown everywhere, and alone where no region is known. */
export const internationalDirectory: HelpDirectory = {
  name: 'Find A Helpline',
  url: 'https://findahelpline.com',
  descriptionKey: 'safety:help.lines.find-a-helpline',
  sourceUrl: 'https://developer.throughlinecare.com/general',
  checkedOn: '2026-11-27',
};
