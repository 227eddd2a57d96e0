// The couple's order of a deck is a sort by a seeded key per prompt rather than a Fisher–Yates
// shuffle of the deck's array: the key of a prompt depends only on the couple, the deck, the round
// and the prompt's own id, so the order does not depend on how the deck's array is arranged, and a
// prompt added to a deck in a later version slots in without reshuffling the rest of the couple's
// order. Both hashes are small, well-known and non-cryptographic: nothing here needs to be secret.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the string's UTF-16 code units, continuing from `hash`. */
function fnv1a(text: string, hash: number = FNV_OFFSET): number {
  let state = hash;
  for (let i = 0; i < text.length; i++) {
    state ^= text.charCodeAt(i);
    state = Math.imul(state, FNV_PRIME);
  }
  return state >>> 0;
}

/** One step of mulberry32: spreads FNV-1a's weak low-bit differences over all 32 bits. */
function mulberry32(seed: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * A function giving each prompt id its place in one couple's shuffled order of one deck in one
 * round: the same arguments give the same keys on every device and in every runtime.
 */
export function seededKey(coupleId: string, deckId: string, round: number): (id: string) => number {
  // The separators keep ("ab", "c") and ("a", "bc") apart.
  const seed = fnv1a(`${coupleId}\u0000${deckId}\u0000${round}\u0000`);
  return (id) => mulberry32(fnv1a(id, seed));
}
