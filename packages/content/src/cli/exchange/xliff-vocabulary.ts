/** The namespace of XLIFF 2.0 (and 2.1) documents. */
export const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';

/** The namespace of XLIFF 1.2, named in the message when a tool returns that older format. */
export const xliff12Namespace = 'urn:oasis:names:tc:xliff:document:1.2';

/** XLIFF 2.0's Size and Length Restriction module, which carries a text's maximum length. */
export const sizeRestrictionNamespace = 'urn:oasis:names:tc:xliff:sizerestriction:2.0';

/** The namespace of `xml:space` and `xml:lang`, which needs no declaration. */
export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

/** The `category` of the note that carries the English fingerprint. */
export const fingerprintCategory = 'source-fingerprint';

/**
 * Tells whether a code point may appear in an XML 1.0 document, raw or as a character reference.
 * XLIFF 2.0 writes any other one as `<cp hex="…"/>`.
 */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

// XML's NameChar production, which ids in XLIFF 2.0 (`xs:NMTOKEN`) are made of.
const nameToken =
  /^[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]+$/u;

/** Tells whether a text can be an XLIFF 2.0 id (an XML name token), as a unit's or file's id. */
export function isNameToken(text: string): boolean {
  return nameToken.test(text);
}
