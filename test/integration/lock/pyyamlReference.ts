// The reference implementation: one python3 process running PyYAML safe_load + json.dumps for a
// whole batch of documents (one process, not one per document, so thousands take a second).
import { spawnSync } from 'node:child_process';

const SCRIPT = String.raw`
import sys, json, yaml
for line in sys.stdin:
    text = json.loads(line)
    try:
        value = yaml.safe_load(text)
        print(json.dumps({"ok": True, "json": json.dumps(value, sort_keys=True, separators=(",", ":")), "legacy": json.dumps(value, sort_keys=True)}))
    except Exception as e:
        print(json.dumps({"ok": False, "error": type(e).__name__ + ": " + str(e).splitlines()[0][:200] if str(e) else type(e).__name__}))
`;

export type PyResult = { ok: true; json: string; legacy: string } | { ok: false; error: string };

export function pyyamlAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;
}

export function pyyamlVersion(): string {
  return spawnSync('python3', ['-c', 'import yaml; print(yaml.__version__)'], { encoding: 'utf8' }).stdout.trim();
}

/** Loads every document with PyYAML and returns its normalized JSON (or the error), in order. */
export function pyyamlNormalize(docs: string[]): PyResult[] {
  const input = docs.map((d) => JSON.stringify(d)).join('\n') + '\n';
  const r = spawnSync('python3', ['-c', SCRIPT], { input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.trimEnd().split('\n');
  if (lines.length !== docs.length) throw new Error(`python3 answered ${lines.length} of ${docs.length} documents: ${r.stderr}`);
  return lines.map((l) => JSON.parse(l) as PyResult);
}

// The original tool's reading: the file opened as UTF-8 text (universal newlines), then safe_load.
const FILE_SCRIPT = String.raw`
import sys, json, yaml
for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        with open(path, encoding="utf-8") as f:
            value = yaml.safe_load(f)
        print(json.dumps({"ok": True, "json": json.dumps(value, sort_keys=True, separators=(",", ":")), "legacy": json.dumps(value, sort_keys=True)}))
    except Exception as e:
        print(json.dumps({"ok": False, "error": type(e).__name__ + ": " + " | ".join(str(e).splitlines())[:300]}))
`;

/** Like pyyamlNormalize, for files read the way mk_profile_lock.py reads a profile. */
export function pyyamlNormalizeFiles(files: string[]): PyResult[] {
  const r = spawnSync('python3', ['-c', FILE_SCRIPT], { input: files.join('\n') + '\n', encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.trimEnd().split('\n');
  if (lines.length !== files.length) throw new Error(`python3 answered ${lines.length} of ${files.length} files: ${r.stderr}`);
  return lines.map((l) => JSON.parse(l) as PyResult);
}
