import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setHardOverrideAuto } from '../../../src/core/promote/hardOverride';
import { InputError } from '../../../src/core/util/errors';
import { originalKitFile } from '../../support/originalKit';

const CONFIG = `# Runtime config
profiles:
  default:
    ci_gating:
      enabled: true
      hard_override: force_off   # auto | force_off | force_on
      hard_enabled: true
      metrics: [churn, dcts]     # flow list kept as written
    other: "quoted"
`;

describe('promote: ci_gating.hard_override edit', () => {
  it('sets auto in place and leaves every other byte, comments included, as written', () => {
    const edit = setHardOverrideAuto(CONFIG, 'master.yaml');
    assert.equal(edit.text, CONFIG.replace('hard_override: force_off', 'hard_override: auto'));
    assert.deepEqual(edit.changes, ['line 6: hard_override force_off → auto']);
    assert.equal(edit.changed, true);
  });

  it('changes nothing when it is already auto', () => {
    const text = CONFIG.replace('force_off', 'auto');
    const edit = setHardOverrideAuto(text, 'master.yaml');
    assert.deepEqual([edit.changed, edit.text, edit.changes], [false, text, ['line 6: hard_override already auto']]);
  });

  it('adds the key when the block has none, keeping the comments', () => {
    const edit = setHardOverrideAuto(CONFIG.replace(/ {6}hard_override.*\n/, ''), 'master.yaml');
    assert.match(edit.text, /hard_override: auto/);
    assert.match(edit.text, /# Runtime config/);
    assert.match(edit.text, /# flow list kept as written/);
    assert.equal(edit.changed, true);
  });

  it('refuses the original master.yaml: two ci_gating keys in one mapping, naming both lines', () => {
    const original = fs.readFileSync(originalKitFile('master.yaml'), 'utf8');
    assert.throws(() => setHardOverrideAuto(original, 'living_latent/cfg/master.yaml'), (e: Error) => e instanceof InputError && /appears 2 times in one mapping \(lines 88, 133\); PyYAML keeps only the last/.test(e.message) && e.location?.line === 133);
  });

  it('refuses a config with no ci_gating mapping, and invalid YAML with its line', () => {
    assert.throws(() => setHardOverrideAuto('profiles:\n  default: {}\n', 'c.yaml'), /no 'ci_gating' mapping found/);
    assert.throws(() => setHardOverrideAuto('a: [1, 2\nb: 3\n', 'c.yaml'), (e: Error) => e instanceof InputError && e.location?.file === 'c.yaml' && typeof e.location.line === 'number');
  });
});
