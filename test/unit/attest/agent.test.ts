import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pae, rawSigner } from '../../../src/core/attest/dsse';
import { readPrivateKeyFile } from '../../../src/core/attest/keys';
import { prepareSigner } from '../../../src/core/attest/sign';
import { systemSshKeygen } from '../../../src/core/attest/sshKeygen';
import { signingPublicKey } from '../../../src/core/attest/trust';
import { makeWorkspace, rm } from '../checklist/workspace';
import { makeKey, PEOPLE, rmKeys, setUpSigners } from './signers';

// Signing through a REAL ssh-agent (started here on a private socket, ended by its pid): the private
// key file is moved away after ssh-add, so only the agent can sign.
describe('signing through ssh-agent (real agent, keys by ssh-keygen)', function () {
  this.timeout(30000);
  let dir: string;
  let agent: ChildProcess;
  let sock: string;
  const signal = new AbortController().signal;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-agent-'));
    sock = path.join(dir, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      agent.once('error', reject);
      agent.stdout!.on('data', (d: Buffer) => d.toString().includes('SSH_AUTH_SOCK') && resolve());
    });
  });
  after(() => {
    agent.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A key added to the agent, its private file then moved out of reach. */
  function agentKey(name: string): string {
    const key = makeKey(dir, name);
    execFileSync('ssh-add', ['-q', key], { env: { ...process.env, SSH_AUTH_SOCK: sock } });
    fs.renameSync(key, `${key}.away`);
    return `${key}.pub`;
  }

  it('makes a raw Ed25519 DSSE signature that node:crypto verifies with the key from the .pub line', async () => {
    const pubFile = agentKey('dsse');
    const pub = await signingPublicKey(pubFile, systemSshKeygen(), signal);
    const signer = await rawSigner(pubFile, { SSH_AUTH_SOCK: sock }, signal, pub);
    const data = pae('application/vnd.in-toto+json', Buffer.from('{"x":1}'));
    const sig = await signer.sign(data, signal);
    const blob = Buffer.from(fs.readFileSync(pubFile, 'utf8').split(' ')[1], 'base64');
    const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), blob.subarray(blob.length - 32)]), format: 'der', type: 'spki' });
    assert.equal(verify(null, data, key, sig), true);
    assert.equal(verify(null, Buffer.concat([data, Buffer.from(' ')]), key, sig), false);
  });

  it('signs a sign-off with ssh-keygen -Y sign through the agent; ssh-keygen -Y verify accepts it', async () => {
    const root = makeWorkspace();
    try {
      const keys = setUpSigners(root);
      // Replace Bob's key by one that only the agent holds.
      const pubFile = agentKey('bob-agent');
      fs.writeFileSync(path.join(root, '.aurora/allowed_signers'), fs.readFileSync(path.join(root, '.aurora/allowed_signers'), 'utf8').replace(fs.readFileSync(`${keys.sre_lead}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' '), fs.readFileSync(pubFile, 'utf8').trim().split(' ').slice(0, 2).join(' ')));
      const ssh = systemSshKeygen({ ...process.env, SSH_AUTH_SOCK: sock });
      const signer = await prepareSigner(root, pubFile, 'sre_lead', undefined, ssh, signal);
      assert.equal(signer.principal, PEOPLE.sre_lead);
      const payload = Buffer.from('{"what":"approved"}');
      const s = await signer.sign(payload, signal);
      fs.writeFileSync(path.join(dir, 's.sig'), s.sig);
      const out = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', path.join(root, '.aurora/allowed_signers'), '-I', PEOPLE.sre_lead, '-n', 'aurora-ga-signoff', '-s', path.join(dir, 's.sig')], { input: payload }).toString();
      assert.match(out, /Good "aurora-ga-signoff" signature for bob@example\.com/);
    } finally {
      rmKeys(root);
      rm(root);
    }
  });

  it('a passphrase-protected key file is refused with what to do when no agent is there', async () => {
    const file = path.join(dir, 'protected');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret phrase', '-f', file]);
    const k = readPrivateKeyFile(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual([k.kind, k.kind === 'agent-only' && k.reason], ['agent-only', 'the key file is passphrase-protected']);
    const pub = await signingPublicKey(file, systemSshKeygen(), signal);
    await assert.rejects(rawSigner(file, {}, signal, pub), /signed through ssh-agent, but SSH_AUTH_SOCK is not set/);
  });
});
