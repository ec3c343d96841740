import { InputError } from '../util/errors';
import { parsePublicKey, type SshPublicKey } from './keys';

// The allowed_signers file of ssh-keygen(1) "ALLOWED SIGNERS" — the one git uses for
// gpg.ssh.allowedSignersFile: `principals [options] keytype base64 [comment]` per line. ssh-keygen
// itself decides sign-off signatures; Aurora reads the file to find a signer's keys (DSSE record
// signatures, "which principal is this key?") and to report problems by line.

export interface SignerEntry {
  principals: string[];
  options: Record<string, string | true>;
  key: SshPublicKey;
  line: number;
}

/** Splits on spaces outside double quotes. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function parseOptions(text: string): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const part of text.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const i = part.indexOf('=');
    if (i < 0) out[part.toLowerCase()] = true;
    else out[part.slice(0, i).toLowerCase()] = part.slice(i + 1).replace(/^"|"$/g, '');
  }
  return out;
}

export function parseAllowedSigners(text: string, file: string): SignerEntry[] {
  const entries: SignerEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const t = tokens(line);
    const direct = parsePublicKey(t.slice(1).join(' '));
    const withOptions = direct ? null : parsePublicKey(t.slice(2).join(' '));
    const key = direct ?? withOptions;
    if (!key || t.length < 3) throw new InputError('not an allowed_signers line: expected `principal[,principal…] [options] keytype base64`', { file, line: i + 1 });
    entries.push({ principals: t[0].split(',').map((p) => p.replace(/^"|"$/g, '')), options: withOptions ? parseOptions(t[1]) : {}, key, line: i + 1 });
  });
  return entries;
}

/** Whether `entry` lets `principal` sign in `namespace` (literal principals; ssh-keygen applies the full rules to sign-offs). */
export function allows(entry: SignerEntry, principal: string, namespace: string): boolean {
  if (entry.options['cert-authority']) return false;
  const ns = entry.options.namespaces;
  if (typeof ns === 'string' && !ns.split(',').includes(namespace)) return false;
  return entry.principals.includes(principal);
}
