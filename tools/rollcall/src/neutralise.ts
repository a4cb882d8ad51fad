// Vendor data (names, roles, group names, error messages) can carry characters a terminal acts on
// instead of showing: ESC starts sequences that recolour, move the cursor, retitle the window
// (OSC) or write to the clipboard; CR and LF overwrite or forge lines; bidi controls reorder text
// so it reads as something else. Every one is shown as a visible `\uXXXX` escape instead.

/** C0 (incl. ESC, CR, LF, TAB), DEL, C1 (incl. CSI, OSC) and every bidi control character. */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}]/gu;

/**
 * `text` with every control character and bidi control replaced by its `\uXXXX` escape
 * (ESC → `\u001b`, RLO → `\u202e`). The escape is JSON's own, so applied to JSON text it changes
 * nothing a parser sees. Idempotent: its output has nothing left to replace.
 */
export function neutralise(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
