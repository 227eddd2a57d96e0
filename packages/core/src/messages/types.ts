/**
 * Parameters of an explanation message. Ids come as they are (`exercise`, `step`, `dimension`); a
 * parameter ending in `Key` holds the content key of that thing's title, which `formatMessage`
 * translates and puts in place of the id.
 */
export type MessageParams = Readonly<Record<string, string | number>>;
