import { compareStrings } from "./source-key";

/**
 * Sorting many texts that lie scattered across a large heap, by their UTF-16 code units. Comparing
 * the strings themselves costs cache misses on every step, so each text's first
 * {@link PACKED_UNITS} code units are packed once into {@link PACKED_WORDS} small integers, the
 * integers are radix sorted, and only texts whose packed words tie go back to the strings.
 *
 * A unit packs as 7 bits: 0 past the end of the text, the unit plus one below 126, and 127 for any
 * larger unit, after which the packing stops. Packed words in order therefore never put two texts
 * out of order; they can only tie texts that differ, which the strings then decide.
 */
export const PACKED_WORDS = 5;
const UNITS_PER_WORD = 4;
export const PACKED_UNITS = PACKED_WORDS * UNITS_PER_WORD;
const LAST_PACKED_UNIT = 125;
/** Radix digits: each 28-bit word is sorted in two passes of 14 bits. */
const DIGIT_BITS = 14;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/** Writes `text`'s packed words to words[at..at + PACKED_WORDS). */
export function packText(text: string, words: Int32Array, at: number): void {
  const length = text.length;
  let unit = 0;
  for (let w = 0; w < PACKED_WORDS; w++) {
    let word = 0;
    for (let u = 0; u < UNITS_PER_WORD; u++, unit++) {
      let code = 0;
      if (unit < length) {
        const value = text.charCodeAt(unit);
        if (value <= LAST_PACKED_UNIT) code = value + 1;
        else {
          code = 127;
          unit = length; // nothing after this unit is packed
        }
      }
      word = (word << 7) | code;
    }
    words[at + w] = word;
  }
}

/** One stable counting-sort pass of `order` by a digit of each item's word; false if skipped. */
function sortPass(
  order: Int32Array,
  into: Int32Array,
  column: Int32Array,
  shift: number,
  counts: Int32Array,
): boolean {
  counts.fill(0);
  const count = order.length;
  for (let k = 0; k < count; k++) counts[((column[order[k]!]! >>> shift) & DIGIT_MASK) + 1]!++;
  // Every item in one bucket: the pass would change nothing.
  for (let b = 1; b < counts.length; b++) {
    if (counts[b] === count) return false;
    if (counts[b] !== 0) break;
  }
  for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
  for (let k = 0; k < count; k++) {
    const item = order[k]!;
    into[counts[(column[item]! >>> shift) & DIGIT_MASK]!++] = item;
  }
  return true;
}

/**
 * Indexes 0..count-1 in the order a stable sort of their texts by code units gives. `words` holds
 * each item's packed words (item i at i * PACKED_WORDS); `textOf` is read only for items whose
 * words tie.
 */
export function orderByText(
  count: number,
  words: Int32Array,
  textOf: (item: number) => string,
): Int32Array {
  let order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let spare = new Int32Array(count);
  const column = new Int32Array(count);
  const counts = new Int32Array((1 << DIGIT_BITS) + 1);
  // Least significant digit first: each stable pass keeps the order the later digits gave.
  for (let w = PACKED_WORDS - 1; w >= 0; w--) {
    for (let i = 0; i < count; i++) column[i] = words[i * PACKED_WORDS + w]!;
    for (const shift of [0, DIGIT_BITS]) {
      if (sortPass(order, spare, column, shift, counts)) [order, spare] = [spare, order];
    }
  }
  const tied = (a: number, b: number) => {
    for (let w = 0; w < PACKED_WORDS; w++) {
      if (words[a * PACKED_WORDS + w] !== words[b * PACKED_WORDS + w]) return false;
    }
    return true;
  };
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (end < count && tied(order[start]!, order[end]!)) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end));
      run.sort((x, y) => compareStrings(textOf(x), textOf(y)) || x - y);
      order.set(run, start);
    }
    start = end;
  }
  return order;
}
