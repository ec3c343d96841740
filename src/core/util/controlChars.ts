// Text that came from data (label values, server error text, gates files) is shown on terminals and
// in documents; control characters in it could rewrite the screen, forge lines or break the format.

// Built from character codes: control characters in regex literals are what lint forbids, and here
// they are the point.
const c = (code: number) => String.fromCharCode(code);
const ESC = c(0x1b);
const BEL = c(0x07);

/** ESC sequences as terminals read them: CSI (ESC [ … final), OSC (ESC ] … BEL/ST), and two-byte escapes. */
const ESCAPE_SEQUENCE = new RegExp(`${ESC}(?:\\[[0-?]*[ -/]*[@-~]|\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)?|[@-Z\\\\-_])`, 'g');

/** C0 (but tab and newline), DEL, C1 (incl. the 8-bit CSI 0x9b) and the bidirectional overrides (Trojan Source). */
const CONTROL = new RegExp(`[${c(0)}-${c(8)}${c(0x0b)}-${c(0x1f)}${c(0x7f)}-${c(0x9f)}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]`, 'g');

/** Removes escape sequences and control characters (carriage returns too); tabs and newlines stay. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
