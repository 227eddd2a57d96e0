/**
 * The file formats `export` writes and `import` reads: XLIFF 2.0, which Crowdin, Lokalise, Weblate
 * and OmegaT open, and gettext PO, which Poedit, Weblate and most other tools open.
 */
export type ExchangeFormat = 'xliff' | 'po';

/** The file name ending of each format, as tools expect it. */
export const formatExtension: Readonly<Record<ExchangeFormat, string>> = {
  xliff: '.xlf',
  po: '.po',
};

/** What a note tells a translator; XLIFF keeps it as the note's `category`. */
export type NoteCategory =
  | 'context'
  | 'max-length'
  | 'plural'
  | 'placeholders'
  | 'steps'
  | 'outdated';

/** One note for the translator on a text. */
export interface ExchangeNote {
  /** What the note is about. */
  readonly category: NoteCategory;
  /** The note, in words for a translator. */
  readonly text: string;
}

/** One text as it leaves for a translation tool: a unit of XLIFF, an entry of PO. */
export interface ExchangeUnit {
  /** The i18next key within its namespace: `check.answer-yes`, `minutes_few`. */
  readonly key: string;
  /** The English text. */
  readonly source: string;
  /** The locale's text, or `''` where it has none yet or still holds the English words. */
  readonly target: string;
  /**
   * The fingerprint of the English text, as `mark-translated` records it, so that `import` can
   * tell when the English changed after the file was written.
   */
  readonly fingerprint: string;
  /** The most characters the text may have, from the English context file. */
  readonly maxLength?: number;
  /** Notes for the translator: where the text is used, its limits, what to keep. */
  readonly notes: readonly ExchangeNote[];
}

/** The units of one namespace, which `export` writes as one file. */
export interface ExchangeNamespace {
  /** The namespace: `safety`. */
  readonly namespace: string;
  /** Its units, in the English file's order. */
  readonly units: readonly ExchangeUnit[];
}

/** What `export` writes into one file: one namespace of one locale. */
export interface ExchangeDocument {
  /** The locale the source texts are in: `en`. */
  readonly sourceLocale: string;
  /** The locale the targets are in: `de`. */
  readonly locale: string;
  /** The namespace. */
  readonly content: ExchangeNamespace;
}

/** One text as read back from a file a translation tool returned. */
export interface ImportedUnit {
  /** The namespace it belongs to. */
  readonly namespace: string;
  /** The i18next key within the namespace. */
  readonly key: string;
  /** The source text as the file has it. */
  readonly source: string;
  /** The translation; `''` leaves the locale's text as it is. */
  readonly target: string;
  /** The fingerprint of the English the file was exported from, when the file kept it. */
  readonly fingerprint?: string;
  /** The line of the unit in the file, for messages. */
  readonly line?: number;
  /** Set when the tool marked the translation as not ready (PO's `fuzzy`). */
  readonly fuzzy?: boolean;
}

/** Everything read from one returned file. */
export interface ImportedFile {
  /** The file as given on the command line. */
  readonly path: string;
  /** The target language the file names (`trgLang`, or PO's `Language` header). */
  readonly locale: string;
  /** The source language the file names, when the format has one. */
  readonly sourceLocale?: string;
  /** Every unit, in the file's order. */
  readonly units: readonly ImportedUnit[];
}
