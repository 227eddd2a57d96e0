/** The shape of the terminal program's words: every locale has exactly the keys of English. */
export type CliText<T = typeof import('./en.js').en> = {
  readonly [K in keyof T]: T[K] extends string ? string : CliText<T[K]>;
};
