import type { HelpDirectory } from './types.js';

/** The international helpline directory shown everywhere, and alone where no region is known. */
export const internationalDirectory: HelpDirectory = {
  name: 'Find A Helpline',
  url: 'https://findahelpline.com',
  description:
    'Free, confidential helplines for crisis, suicide, abuse and more, to search by country and topic.',
  sourceUrl: 'https://developer.throughlinecare.com/general',
  checkedOn: '2026-11-27',
};
