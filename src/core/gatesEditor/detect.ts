/**
 * Whether a YAML text is an Aurora gates file: it names the gates schema (the modeline the bundled
 * file carries) or has `schema_version` and `gates` at the top level.
 */
export function looksLikeGatesFile(text: string): boolean {
  if (/yaml-language-server:\s*\$schema=\S*gates\.schema\.json/.test(text.slice(0, 500))) return true;
  return /^schema_version:\s*1\s*$/m.test(text) && /^gates:\s*$/m.test(text);
}
