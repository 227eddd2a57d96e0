/** What a helpline is for: relationship violence, a crisis, suicide, or someone to talk to. */
export type HelpTopic = 'relationship-violence' | 'crisis' | 'suicide' | 'support';

/** An emergency service a number reaches. */
export type EmergencyService = 'police' | 'fire' | 'ambulance';

/** An emergency number, with where it is published and when that was last checked. */
export interface EmergencyNumber {
  /** The number to dial, as written locally: `112`, `911`, `17`. */
  readonly number: string;
  /** The services it reaches. */
  readonly services: readonly EmergencyService[];
  /** A public page that publishes the number: the service's own site or a government page. */
  readonly sourceUrl: string;
  /** The day the source was last checked, as `YYYY-MM-DD`. */
  readonly checkedOn: string;
}

/** A helpline: a named service, what it is for, how to reach it, and its public source. */
export interface Helpline {
  /** The service's name as it publishes it, untranslated: "Hilfetelefon Gewalt gegen Frauen". */
  readonly name: string;
  /** What the service is for. */
  readonly topics: readonly HelpTopic[];
  /**
   * The text that says who it serves and how, as a `namespace:key` translated in every locale:
   * `safety:help.lines.de-116016`. A host app that adds lines gives keys of its own namespace.
   */
  readonly descriptionKey: string;
  /** The number to call, as written locally. */
  readonly phone?: string;
  /** How to reach it by text message. */
  readonly sms?: {
    /** The number to text. */
    readonly number: string;
    /** A word to send first, when the service asks for one. */
    readonly keyword?: string;
  };
  /** The service's website. */
  readonly url?: string;
  /** When it answers: `24/7` for always, otherwise as the service publishes it. */
  readonly hours?: string;
  /** A public page that publishes these details: the service's own site or a government page. */
  readonly sourceUrl: string;
  /** The day the source was last checked, as `YYYY-MM-DD`. */
  readonly checkedOn: string;
}

/** The help resources of one region. */
export interface RegionHelp {
  /** ISO 3166-1 alpha-2 code (`US`, `GB`, `DE`), or `EU` for what holds in every EU member state. */
  readonly region: string;
  /**
   * Emergency numbers, the one to call in danger first: the police where they have a number of
   * their own (110 in Germany, 17 in France), otherwise the general one.
   */
  readonly emergency: readonly EmergencyNumber[];
  /** Helplines, the one for relationship violence first. */
  readonly helplines: readonly Helpline[];
}

/** A directory of helplines worldwide, for regions without an entry of their own. */
export interface HelpDirectory {
  /** The directory's name. */
  readonly name: string;
  /** Where to open it. */
  readonly url: string;
  /** The text that says what it lists, as a `namespace:key` translated in every locale. */
  readonly descriptionKey: string;
  /** A public page that describes the directory. */
  readonly sourceUrl: string;
  /** The day the source was last checked, as `YYYY-MM-DD`. */
  readonly checkedOn: string;
}

/**
 * What to call in danger right now, as a `safety` text to show: the region's first emergency
 * number, or "your local emergency number" where the region or its number is not known. Never
 * missing, so a screen always has a danger line to show.
 *
 * @example
 * ```ts
 * const { danger } = getHelpResources({ locale });
 * t(danger.key, { number: danger.number }); // "If you are in danger right now, call 110."
 * ```
 */
export type DangerLine =
  | {
      /** "If you are in danger right now, call {{number}}." */
      readonly key: 'safety:help.emergency';
      /** The number to call, the first of the region's emergency numbers. */
      readonly number: string;
    }
  | {
      /** "If you are in danger right now, call your local emergency number." */
      readonly key: 'safety:help.emergency-local';
      readonly number?: undefined;
    };

/** The help resources to show for one region. */
export interface HelpResources {
  /** The region they are for, or `undefined` when it is not known. */
  readonly region: string | undefined;
  /** What to call in danger right now; always there, "your local emergency number" at least. */
  readonly danger: DangerLine;
  /** Emergency numbers; empty when the region is unknown or has no verified entry. */
  readonly emergency: readonly EmergencyNumber[];
  /** Helplines; empty when the region is unknown or has no verified entry. */
  readonly helplines: readonly Helpline[];
  /** The international directory, always there as the way to find help anywhere. */
  readonly directory: HelpDirectory;
}

/** Options of `getHelpResources`. */
export interface HelpResourcesOptions {
  /** ISO 3166-1 alpha-2 region, such as `DE`; taken from `locale` when it names one. */
  readonly region?: string;
  /** The user's locale; only an explicit region in it (`de-AT`) is used, never a guess. */
  readonly locale?: string;
  /**
   * Entries added to the built-in ones. A number given again replaces the built-in one in its
   * place; other emergency numbers and helplines of the same region are appended.
   */
  readonly extra?: readonly RegionHelp[];
  /** Entries used instead of the built-in ones. */
  readonly replace?: readonly RegionHelp[];
  /** A directory to show instead of the built-in international one. */
  readonly directory?: HelpDirectory;
}
