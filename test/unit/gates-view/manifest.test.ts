// The settings, the Gates view's welcome and the walkthrough as package.json contributes them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { packageRoot } from '../../../src/core/util';

interface Setting {
  type: string | string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  default?: unknown;
  markdownDescription?: string;
  pattern?: string;
  patternErrorMessage?: string;
  order?: number;
}
interface Section { title: string; order: number; properties: Record<string, Setting> }
interface Manifest {
  displayName: string;
  contributes: {
    configuration: Section[];
    viewsWelcome: { view: string; contents: string; when?: string }[];
    walkthroughs: { steps: { id: string; description: string; completionEvents: string[] }[] }[];
    commands: { command: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(`${packageRoot()}/package.json`, 'utf8')) as Manifest;
const sections = manifest.contributes.configuration;
const settings = Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, Setting>;

describe('package.json settings, welcome and walkthrough', () => {
  it('groups the settings under "Aurora GA" into ordered sections', () => {
    assert.equal(manifest.displayName, 'Aurora GA');
    assert.ok(Array.isArray(sections), 'configuration is a list of sections');
    assert.deepEqual(sections.map((s) => s.title), ['Prometheus', 'Gates', 'Canary', 'Checklist & signing', 'DCTS audit', 'Profile locks']);
    assert.deepEqual(sections.map((s) => s.order), [1, 2, 3, 4, 5, 6]);
    for (const s of sections) {
      for (const [key, v] of Object.entries(s.properties)) {
        assert.equal(typeof v.order, 'number', `${key} has an order`);
        assert.ok(key.startsWith(`auroraGa.${Object.keys(s.properties)[0].split('.')[1]}.`), `${key} sits in its own section (${s.title})`);
      }
    }
  });

  it('describes every setting in Markdown, with an example where a value is typed in', () => {
    for (const [key, v] of Object.entries(settings)) {
      assert.ok(v.markdownDescription && v.markdownDescription.length > 20, `${key} has a markdownDescription`);
      const typed = [v.type].flat().some((t) => t === 'string' || t === 'number' || t === 'integer') && !v.enum;
      if (typed) assert.match(v.markdownDescription, /e\.g\./, `${key} gives an example`);
    }
  });

  it('has no literal null in a dropdown, and describes every enum value', () => {
    const enums = Object.entries(settings).filter(([, v]) => v.enum);
    assert.ok(enums.length >= 3);
    for (const [key, v] of enums) {
      assert.ok(!v.enum!.includes(null), `${key} offers no null entry`);
      assert.ok(![v.type].flat().includes('null'), `${key} is not nullable`);
      assert.equal(v.enumDescriptions?.length, v.enum!.length, `${key} describes each value`);
      assert.ok(v.enum!.includes(v.default), `${key}'s default is one of its values`);
    }
    assert.equal(settings['auroraGa.canary.gating'].enum![0], '');
    assert.match(settings['auroraGa.canary.gating'].enumDescriptions![0], /canary config/);
  });

  it('validates URL settings as URLs, with a message saying what is expected', () => {
    const urls = Object.entries(settings).filter(([key]) => /url$/i.test(key));
    assert.deepEqual(urls.map(([k]) => k), ['auroraGa.prometheus.url']);
    for (const [key, v] of urls) {
      assert.ok(v.pattern && v.patternErrorMessage, `${key} has a pattern and its message`);
      const re = new RegExp(v.pattern);
      for (const ok of ['', 'http://127.0.0.1:9090', 'https://mimir.example/prometheus']) assert.ok(re.test(ok), `${key} accepts ${JSON.stringify(ok)}`);
      for (const bad of ['127.0.0.1:9090', 'ftp://x', 'http:// spaced']) assert.ok(!re.test(bad), `${key} refuses ${JSON.stringify(bad)}`);
    }
  });

  it('welcomes the empty Gates view with what an evaluation needs, and an Evaluate Gates button once it has it', () => {
    const welcome = manifest.contributes.viewsWelcome.filter((w) => w.view === 'aurora.gates');
    const before = welcome.find((w) => w.when === '!aurora.gates.sourceReady');
    const ready = welcome.find((w) => w.when === 'aurora.gates.sourceReady');
    assert.ok(before && ready, 'one welcome per state');
    assert.match(before.contents, /auroraGa\.prometheus\.url/);
    assert.match(before.contents, /demo/i);
    assert.match(before.contents, /replay/i);
    assert.match(ready.contents, /\[Evaluate Gates\]\(command:aurora\.evaluateGates\)/);
  });

  it('ticks walkthrough steps from the real state, and every completion command exists', () => {
    const steps = manifest.contributes.walkthroughs[0].steps;
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const s of steps) {
      assert.ok(s.completionEvents.length, `${s.id} has completion events`);
      for (const e of s.completionEvents.filter((x) => x.startsWith('onCommand:'))) assert.ok(commands.has(e.slice('onCommand:'.length)), e);
      for (const e of s.completionEvents.filter((x) => x.startsWith('onSettingChanged:'))) assert.ok(settings[e.slice('onSettingChanged:'.length)], e);
    }
    const step = (id: string) => steps.find((s) => s.id === `aurora.firstSteps.${id}`)!;
    assert.ok(step('prometheus').completionEvents.includes('onContext:aurora.gates.sourceReady'));
    assert.ok(step('gates').completionEvents.includes('onContext:aurora.gates.evaluated'));
    // The words match what `npm start` does: it writes the URL into the demo workspace's settings (scripts/lib/demo.mjs).
    const demo = fs.readFileSync(`${packageRoot()}/scripts/lib/demo.mjs`, 'utf8');
    assert.match(demo, /'auroraGa\.prometheus\.url': prometheus\.url/);
    assert.match(step('prometheus').description, /npm start[\s\S]*workspace settings/);
  });
});
