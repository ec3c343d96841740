// Text that came from data (label values, server error text, gates files) is shown on terminals and
// in documents; control characters in it could rewrite the screen, forge lines or break the format.

/** ESC sequences as terminals read them: CSI (ESC [ … final), OSC (ESC ] … BEL/ST), and two-byte escapes. */
// Matching control characters is this module's whole purpose.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

/** C0 (but tab and newline), DEL, C1 (incl. the 8-bit CSI \x9b) and the bidirectional overrides (Trojan Source). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes escape sequences and control characters (carriage returns too); tabs and newlines stay. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
