// Issue #18 item 6: SARIF 2.1.0 for lock and profile problems, valid against the published schema,
// each result at the key it is about.
import assert from 'node:assert/strict';
import path from 'node:path';
import { evaluateLock, lockProblems, normalizeProfile, renderLock, type LockProblem } from '../../../src/core/lock';
import { validateProfileText } from '../../../src/core/profile/validateFiles';
import { artifactLocation, lockSarif, profilesSarif } from '../../../src/core/sarif';
import { sarifProblems } from '../../support/sarifSchema';

const root = path.resolve('/tmp/repo');
const profilePath = path.join(root, 'configs', 'my profiles', 'r2#1.yaml');
const lockPath = profilePath.replace(/\.yaml$/, '.lock.json');
const ORIGINAL = 'acceptance:\n  coverage_target: 0.9\n  min_decisions: 1\npreloop:\n  max_noop_ratio: 0.6\n  require_trigger: true\n';
const lockText = renderLock(profilePath, lockPath, normalizeProfile(ORIGINAL, profilePath), new Date('2026-11-01T00:00:00Z'));

type SarifLog = { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[] }[] }[] };
const results = (log: object) => (log as SarifLog).runs[0].results;

function problemsOf(profileText: string, extra: { lockText?: string; legacyText?: string } = { lockText }): LockProblem[] {
  return lockProblems({ profilePath, lockPath }, evaluateLock({ profilePath, profileText, lockPath, ...extra }));
}

describe('SARIF 2.1.0: lock and profile problems for code scanning', () => {
  it('the schema check can fail: a result without a message, or a URI with a space, is rejected', () => {
    const log = lockSarif(problemsOf(ORIGINAL.replace('0.9', '0.85')), root, '0.1.0') as SarifLog;
    assert.deepEqual(sarifProblems(log), []);
    const noMessage = structuredClone(log);
    delete (noMessage.runs[0].results[0] as { message?: unknown }).message;
    assert.notDeepEqual(sarifProblems(noMessage), []);
    const spaced = structuredClone(log);
    spaced.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my profiles/r2.yaml';
    assert.match(sarifProblems(spaced).join('\n'), /must match format "uri-reference"/);
  });

  it('one result per changed key, at the key: changed, added, and removed (marked on the mapping that lost it)', () => {
    const edited = 'acceptance:\n  coverage_target: 0.85\n  min_decisions: 1\npreloop:\n  max_noop_ratio: 0.6\n  extra: 1\n';
    const problems = problemsOf(edited);
    assert.deepEqual(
      problems.map((p) => [p.rule, p.message, p.start, p.end]),
      [
        ['changed-key', `acceptance.coverage_target: 0.9 → 0.85 since r2#1.lock.json`, { line: 2, column: 3 }, { line: 2, column: 24 }],
        ['changed-key', 'preloop.extra: (not locked) → 1 since r2#1.lock.json', { line: 6, column: 3 }, { line: 6, column: 11 }],
        ['changed-key', 'preloop.require_trigger: true → (removed) since r2#1.lock.json', { line: 4, column: 1 }, { line: 4, column: 8 }],
      ],
    );
    const log = lockSarif(problems, root, '0.1.0');
    assert.deepEqual(sarifProblems(log), []);
    const [first] = results(log);
    assert.equal(first.ruleId, 'lock/changed-key');
    assert.equal((log as SarifLog).runs[0].tool.driver.rules[first.ruleIndex].id, 'lock/changed-key');
    assert.equal(first.level, 'error');
    assert.deepEqual(first.locations[0].physicalLocation, { artifactLocation: { uri: 'configs/my%20profiles/r2%231.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 24 } });
  });

  it('every other problem is a valid result too: missing, unreadable (at its line), legacy, orphan, unhashable profile', () => {
    const problems = [
      ...problemsOf(ORIGINAL, {}),
      ...problemsOf(ORIGINAL, { lockText: '{\n  "schema_v": 2,\n  oops\n}' }),
      ...problemsOf(ORIGINAL, { lockText, legacyText: '{"checksum": "0000000000000000"}' }),
      ...problemsOf('a: 1\nwhen: 2025-08-21\n'),
      ...lockProblems({ lockPath: path.join(root, 'gone.lock.json') }, undefined),
    ];
    assert.deepEqual(problems.map((p) => p.rule), ['missing', 'unreadable', 'legacy', 'profile-unhashable', 'orphan']);
    assert.deepEqual(problems[1].start, { line: 3, column: 3 });
    assert.equal(problems[1].file, lockPath);
    assert.match(problems[2].message, /^legacy r2#1\.yaml\.lock: checksum 0000000000000000 ≠ current [0-9a-f]{16}$/);
    assert.deepEqual(problems[3].start, { line: 2, column: 7 });
    const log = lockSarif(problems, root, '0.1.0');
    assert.deepEqual(sarifProblems(log), []);
    assert.deepEqual(results(log).map((r) => r.locations[0].physicalLocation.region), [{ startLine: 1 }, { startLine: 3, startColumn: 3 }, { startLine: 1 }, { startLine: 2, startColumn: 7 }, { startLine: 1 }]);
    assert.deepEqual(problemsOf(ORIGINAL), [], 'a valid lock has no problem');
  });

  it('artifact URIs: relative to the root, each segment percent-encoded; outside it an absolute file URI', () => {
    assert.deepEqual(artifactLocation(path.join(root, 'a b', 'x%y:z.yaml'), root), { uri: 'a%20b/x%25y%3Az.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation(path.join(root, 'ü.yaml'), root), { uri: '%C3%BC.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/elsewhere/p q.yaml', root), { uri: 'file:///elsewhere/p%20q.yaml' });
    const log = lockSarif([{ rule: 'orphan', message: 'm', file: '/elsewhere/p q.lock.json' }], root, '0.1.0');
    assert.deepEqual(sarifProblems(log), []);
  });

  it('profiles validate: errors and warnings at the key they are about, a YAML error at its line, cross-profile warnings on r2', () => {
    const file = path.join(root, 'configs', 'profiles', 'r2.yaml');
    const r2 = { ...validateProfileText('acceptance:\n  coverage_target: 1.5\n  min_decisions: 1\nkappa_thresholds: {tau_d: 0.3}\npreloop:\n  max_noop_ratio: 0.9\n', file), file };
    const broken = { ...validateProfileText('a: [1,\n', path.join(root, 'bad.yaml')), file: path.join(root, 'bad.yaml') };
    const log = profilesSarif([r2, broken], [{ profile: 'r2', path: ['acceptance', 'coverage_target'], message: 'R2 coverage_target (1.5) should be greater than smoke (2)' }], root, '0.1.0');
    assert.deepEqual(sarifProblems(log), []);
    const got = results(log).map((r) => [r.ruleId, r.level, r.message.text, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region]);
    assert.deepEqual(got, [
      ['profile/invalid', 'error', 'r2: acceptance.coverage_target must be in [0, 1], got 1.5', 'configs/profiles/r2.yaml', { startLine: 2, startColumn: 3, endLine: 2, endColumn: 23 }],
      // A missing key is marked on the deepest key that exists.
      ['profile/invalid', 'error', 'r2: Missing required key: kappa_thresholds.tau_p', 'configs/profiles/r2.yaml', { startLine: 4, startColumn: 1, endLine: 4, endColumn: 17 }],
      ['profile/warning', 'warning', 'r2: R2 profile has high max_noop_ratio: 0.9', 'configs/profiles/r2.yaml', { startLine: 6, startColumn: 3, endLine: 6, endColumn: 22 }],
      ['profile/invalid', 'error', broken.errors[0].replace(/^/, 'bad: '), 'bad.yaml', { startLine: 2, startColumn: 1 }],
      ['profile/cross-profile', 'warning', 'R2 coverage_target (1.5) should be greater than smoke (2)', 'configs/profiles/r2.yaml', { startLine: 2, startColumn: 3, endLine: 2, endColumn: 23 }],
    ]);
  });
});
