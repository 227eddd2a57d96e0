/** One partner of the couple. */
export interface Partner {
  /** Stable id, chosen by the host app. */
  readonly id: string;
  /** IANA time zone, such as `Europe/Berlin`; days and weeks are counted in it. */
  readonly timeZone: string;
}

/** The two people the program is for. */
export interface Couple {
  readonly id: string;
  readonly partners: readonly [Partner, Partner];
  /** When the couple started the program, in ms since the epoch. */
  readonly startedAt: number;
}
