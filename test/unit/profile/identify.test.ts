import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeProfile } from '../../../src/core/lock';
import { hasProfileSections, keyInfo, keyPathAt, profileEvidence } from '../../../src/core/profile';

const r2 = fs.readFileSync(path.resolve('test/fixtures/workspace/locks/r2.yaml'), 'utf8');
const canary = fs.readFileSync(path.resolve('test/fixtures/workspace/canary/canary.yaml'), 'utf8');

describe('profile: which YAML files are profiles', () => {
  it('decides by location, then a lock beside it, then the required sections', () => {
    const never = () => assert.fail('text read although location or lock decides');
    assert.equal(profileEvidence('/w/configs/profiles/new.yaml', false, never), 'location');
    assert.equal(profileEvidence('/w/locks/x.yml', true, never), 'lock');
    assert.equal(profileEvidence('/w/locks/r2.yaml', false, () => r2), 'content');
    assert.equal(profileEvidence('/w/configs/canary.yaml', false, () => canary), undefined);
    assert.equal(profileEvidence('/w/configs/broken.yaml', false, () => 'a: [\n'), undefined);
    assert.equal(profileEvidence('/w/configs/profiles/r2.json', false, () => r2), undefined);
  });

  it('needs every required section of the profile schema', () => {
    assert.ok(hasProfileSections(r2, 'r2.yaml'));
    assert.ok(!hasProfileSections(r2.replace(/^preloop:/m, 'pre_loop:'), 'r2.yaml'));
    assert.ok(!hasProfileSections('- acceptance\n- kappa_thresholds\n- preloop\n', 'l.yaml'));
  });
});

describe('profile: what the schema says of a key (hover)', () => {
  it('gives the description and the stricter direction of declared keys, nothing for others', () => {
    assert.deepEqual(keyInfo('acceptance.coverage_target'), { description: 'Minimum coverage a run must reach, in [0, 1].', direction: 'higher-stricter' });
    assert.equal(keyInfo('preloop.max_noop_ratio')?.direction, 'lower-stricter');
    assert.equal(keyInfo('profile_lock.enforced')?.description, 'Refuse to use this profile (canary, gates --profile) when its lock does not validate. Default true.');
    assert.equal(keyInfo('schema.version')?.description, 'Version of the profile format.');
    assert.equal(keyInfo('acceptance.unknown'), undefined);
  });

  it('finds the key under an offset, nested, and nothing on a value or a comment', () => {
    const { root } = normalizeProfile(r2, 'r2.yaml');
    const at = (needle: string, delta = 0) => keyPathAt(root, r2.indexOf(needle) + delta);
    assert.deepEqual(at('coverage_target', 3), ['acceptance', 'coverage_target']);
    assert.deepEqual(at('acceptance:'), ['acceptance']);
    assert.equal(at('0.9'), undefined);
    assert.equal(at('# R2 Production'), undefined);
  });
});
