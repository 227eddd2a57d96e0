export type { AttuneContextValue, AttuneProviderProps } from './context.js';
export { AttuneProvider, useAttuneContext } from './context.js';
export { useProgram, useStep } from './use-program.js';
