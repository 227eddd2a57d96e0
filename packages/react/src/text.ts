export type { TextStatus } from './text-loads.js';
export type { AttuneText } from './use-attune-text.js';
export { useAttuneText } from './use-attune-text.js';
export { useFormatMessage } from './use-format-message.js';
export { useLanguage } from './use-language.js';
export { useSuspenseAttuneText } from './use-suspense-attune-text.js';
export { useTextDirection } from './use-text-direction.js';
export type { AttuneTranslate } from './use-text-load.js';
