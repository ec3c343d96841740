import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ACTIVATION_FILES, ARTIFACTS } from '../../../src/core/artifacts';
import { ARTIFACT_PATHS } from '../../../src/core/checklist/paths';
import { canaryConfigSchema } from '../../../src/core/canary/config';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));

/** Every .ts file under dir. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('artifacts: one module holds every default path', () => {
  it('package.json activates on exactly the files src/core/artifacts names', () => {
    const files = manifest.activationEvents.filter((e: string) => e.startsWith('workspaceContains:')).map((e: string) => e.slice('workspaceContains:'.length));
    assert.deepEqual(files, [...ACTIVATION_FILES]);
  });

  it('package.json validation patterns and setting defaults use the same paths', () => {
    const canary = manifest.contributes.jsonValidation.find((v: { url: string }) => v.url.endsWith('canary-results.schema.json'));
    assert.deepEqual(canary.fileMatch, [`**/${ARTIFACTS.canary}`, `**/${ARTIFACTS.canaryDir}/*/canary_results.json`]);
    const settings = manifest.contributes.configuration.properties ?? Object.assign({}, ...manifest.contributes.configuration.map((c: { properties: object }) => c.properties));
    assert.deepEqual(settings['auroraGa.audit.summaries'].default, [ARTIFACTS.replaySummaries]);
    assert.equal(settings['auroraGa.gates.artifactsDir'].default, ARTIFACTS.dir);
  });

  it('the checklist and the canary config take their defaults from it', () => {
    assert.deepEqual(ARTIFACT_PATHS, { gateReport: ARTIFACTS.gateReport, canary: ARTIFACTS.canary, dctsAudit: ARTIFACTS.dctsAudit, state: ARTIFACTS.checklistState, decision: ARTIFACTS.decision, record: ARTIFACTS.promotionRecord, vsa: ARTIFACTS.promotionVsa });
    const config = canaryConfigSchema.parse({ command: ['x'] });
    assert.deepEqual([config.output, config.artifacts_dir], [ARTIFACTS.canary, ARTIFACTS.canaryDir]);
  });

  it('no other source file spells a default artifact path as a string', () => {
    // The bare folder name 'artifacts' is also a gates-file variable name: only the paths are looked for.
    const known = new Set<string>(Object.values(ARTIFACTS).filter((p) => p !== ARTIFACTS.dir));
    const offenders = sources('src').filter((f) => !f.startsWith(path.join('src', 'core', 'artifacts'))).flatMap((f) =>
      fs.readFileSync(f, 'utf8').split('\n').flatMap((line, i) => {
        // Code, not comments or text: a single-quoted literal (the code style; text quotes with ") that is exactly one of the paths.
        const literals = [...line.replace(/^\s*(\/\/|\*).*/, '').matchAll(/'([^'\n]*)'/g)].map((m) => m[1]);
        return literals.filter((l) => known.has(l)).map((l) => `${f}:${i + 1}: '${l}'`);
      }),
    );
    assert.deepEqual(offenders, []);
  });
});
