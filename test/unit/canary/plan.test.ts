import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planCanary, ProfileLockError } from '../../../src/core/canary/plan';
import { InputError } from '../../../src/core/util/errors';
import { bundledConfig } from '../../../src/core/util/packageRoot';

const never = () => new AbortController().signal;

describe('canary plan: flags over config over defaults', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-plan-'));
    fs.writeFileSync(path.join(root, 'profile.yaml'), 'acceptance:\n  min_decisions: 1\n');
    fs.writeFileSync(path.join(root, 'canary.yaml'), 'command: [run]\nruns: 4\ngating: soft\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const plan = (req: Partial<Parameters<typeof planCanary>[0]>) => planCanary({ root, node: '/n', profile: 'profile.yaml', configFile: 'canary.yaml', overrides: { enforce_lock: false }, ...req }, never());

  it('a flag wins over the config; an unset flag leaves the config value; the lock setting is not a config key', async () => {
    const p = await plan({ overrides: { runs: undefined, gating: 'hard', enforce_lock: false } });
    assert.deepEqual([p.config.runs, p.config.gating, p.config.profile_lock.enforced], [4, 'hard', false]);
    assert.deepEqual([p.profile, p.configFile, p.output, p.node], [path.join(root, 'profile.yaml'), path.join(root, 'canary.yaml'), path.join(root, p.config.output), '/n']);
    assert.deepEqual(p.lock.status, 'skipped');
  });

  it('names a bad flag value as coming from a flag or setting', async () => {
    await assert.rejects(plan({ overrides: { runs: 0, enforce_lock: false } }), (e: unknown) => e instanceof InputError && /^invalid canary option runs \(from a flag or setting\): /.test(e.message));
    // A nested key is named by its dotted path.
    await assert.rejects(plan({ overrides: { enforce_lock: 'yes' as unknown as boolean } }), (e: unknown) => e instanceof InputError && e.message.startsWith('invalid canary option profile_lock.enforced (from a flag or setting): '));
  });

  it('takes the bundled default config without one, and the bundled demo config and profile for the demo', async () => {
    const def = await plan({ configFile: undefined });
    assert.equal(def.configFile, bundledConfig('canary', 'default.yaml'));
    const demo = await plan({ configFile: undefined, profile: undefined, demo: true });
    assert.deepEqual([demo.configFile, demo.profile, demo.config.data_mode], [bundledConfig('demo', 'canary.yaml'), bundledConfig('demo', 'demo.yaml'), 'demo']);
  });

  it('needs a profile that is a file', async () => {
    await assert.rejects(plan({ profile: undefined }), (e: unknown) => e instanceof InputError && e.message === 'no profile given: pass --profile PATH (or use the demo)');
    await assert.rejects(plan({ profile: 'nope.yaml' }), (e: unknown) => e instanceof InputError && e.message === 'profile not found' && e.location?.file === path.join(root, 'nope.yaml'));
    await assert.rejects(plan({ profile: '.' }), (e: unknown) => e instanceof InputError && e.message === 'profile not found', 'a folder is not a profile');
  });

  it('a refused lock is a ProfileLockError carrying the status; without a detail it says the lock does not validate', async () => {
    await assert.rejects(plan({ overrides: {} }), (e: unknown) => e instanceof ProfileLockError && e.name === 'ProfileLockError' && e.status.status === 'invalid' && e.message === e.status.detail);
    const bare = new ProfileLockError({ enforced: true, status: 'invalid', lock_file: null });
    assert.deepEqual([bare.name, bare.message], ['ProfileLockError', 'the profile lock does not validate']);
  });

  it('a missing config file is named as the canary config file', async () => {
    await assert.rejects(plan({ configFile: 'none.yaml' }), (e: unknown) => e instanceof InputError && e.message === 'canary config file not found');
  });
});
