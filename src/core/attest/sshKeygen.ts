import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The one effect of signed sign-offs: running OpenSSH's ssh-keygen, so signatures are exactly the
// `ssh-keygen -Y sign` signatures git makes and checks. Core code receives an SshKeygen and never
// spawns anything itself; tests and other hosts can inject their own.

export interface SshKeygen {
  /** `ssh-keygen -Y sign -n NAMESPACE -f KEY` over `data`: the armored SSH signature. KEY may be a .pub whose private half is in ssh-agent. */
  sign(data: Buffer, keyFile: string, namespace: string, signal: AbortSignal): Promise<string>;
  /** `ssh-keygen -Y verify -f ALLOWED -I PRINCIPAL -n NAMESPACE -s SIG` over `data`. */
  verify(data: Buffer, signature: string, allowedSigners: string, principal: string, namespace: string, signal: AbortSignal): Promise<{ ok: boolean; detail: string }>;
  /** `ssh-keygen -y -f KEY`: the public key line of a private key file. */
  publicKeyOf(keyFile: string, signal: AbortSignal): Promise<string>;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input: Buffer | null, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<Run> {
  return new Promise((resolve, reject) => {
    // stdin is a pipe, never the terminal: a passphrase prompt fails instead of hanging.
    const child = spawn('ssh-keygen', args, { env, signal, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new Error('ssh-keygen not found: install OpenSSH (Debian: openssh-client)') : e));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? undefined);
  });
}

/** The real ssh-keygen; `env` carries SSH_AUTH_SOCK for agent signing. */
export function systemSshKeygen(env: NodeJS.ProcessEnv = process.env): SshKeygen {
  const clean = { PATH: env.PATH ?? '/usr/bin:/bin', ...(env.SSH_AUTH_SOCK ? { SSH_AUTH_SOCK: env.SSH_AUTH_SOCK } : {}), HOME: env.HOME ?? os.homedir() };
  return {
    async sign(data, keyFile, namespace, signal) {
      const r = await run(['-Y', 'sign', '-q', '-n', namespace, '-f', keyFile], data, clean, signal);
      if (r.code !== 0 || !r.stdout.includes('BEGIN SSH SIGNATURE')) throw new Error(`ssh-keygen -Y sign failed: ${r.stderr.trim() || `exit ${r.code}`}`);
      return r.stdout;
    },
    async verify(data, signature, allowedSigners, principal, namespace, signal) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aurora-sshsig-'));
      try {
        const sig = path.join(dir, 'sig');
        await fs.writeFile(sig, signature);
        const r = await run(['-Y', 'verify', '-f', allowedSigners, '-I', principal, '-n', namespace, '-s', sig], data, clean, signal);
        return { ok: r.code === 0, detail: (r.code === 0 ? r.stdout : r.stderr || r.stdout).trim() };
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    async publicKeyOf(keyFile, signal) {
      const r = await run(['-y', '-f', keyFile], null, clean, signal);
      if (r.code !== 0) throw new Error(`ssh-keygen -y failed: ${r.stderr.trim() || `exit ${r.code}`}`);
      return r.stdout.trim();
    },
  };
}
