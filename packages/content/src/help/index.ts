export { internationalDirectory } from './directory.js';
export { getHelpResources } from './get-help-resources.js';
export { euMemberStates, helpRegions } from './regions.js';
export type {
  DangerLine,
  EmergencyNumber,
  EmergencyService,
  HelpDirectory,
  Helpline,
  HelpResources,
  HelpResourcesOptions,
  HelpTopic,
  RegionHelp,
} from './types.js';
