// A git history for the demo's workspace copy (used by the screenshots): r2.yaml's original schema 1
// lock stores only a hash, so the extension finds the locked values in the revision of r2.yaml that
// hashes to it, and the hover names who changed a key since, in which commit (git blame).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PROFILE = 'configs/profiles/r2.yaml';
export const LOCKED_BY = { name: 'Priya Natarajan', email: 'priya.natarajan@aurora.example' };
export const EDITED_BY = { name: 'Sam Okafor', email: 'sam.okafor@aurora.example' };

/** The keys the later commit changes in r2.yaml (both loosen the profile), as line edits. */
export const PROFILE_EDITS = [
  { key: 'coverage_target', from: '0.9', to: '0.85' },
  { key: 'max_noop_ratio', from: '0.6', to: '0.75' },
];

function git(ws, args, who, date) {
  // No user or system configuration: their hooks, signing or templates must not change the demo's history.
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  if (who) {
    Object.assign(env, {
      GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: date,
    });
  }
  const r = spawnSync('git', args, { cwd: ws, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${ws}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/**
 * `git init` of the copy and one commit of it as it stands, r2.yaml as its schema 1 lock hashed it,
 * dated when the lock was generated.
 */
export function commitLockedWorkspace(ws) {
  const lock = JSON.parse(fs.readFileSync(path.join(ws, 'configs/profiles/r2.lock.json'), 'utf8'));
  git(ws, ['init', '-q', '-b', 'main']);
  git(ws, ['add', '-A']);
  git(ws, ['commit', '-q', '-m', 'Lock the r2 production profile'], LOCKED_BY, `${lock.generated_at.replace(/\.\d+$/, '')}+00:00`);
}

/**
 * A later commit by another author changing PROFILE_EDITS in r2.yaml, dated `when` (epoch seconds);
 * the schema 1 lock then no longer validates. Returns the commit's id.
 */
export function commitProfileEdit(ws, when) {
  const file = path.join(ws, PROFILE);
  let text = fs.readFileSync(file, 'utf8');
  for (const { key, from, to } of PROFILE_EDITS) {
    const line = new RegExp(`^(\\s+${key}: )${from.replace('.', '\\.')}(?=\\s|$)`, 'm');
    if (!line.test(text)) throw new Error(`${PROFILE} has no "${key}: ${from}" line to edit`);
    text = text.replace(line, `$1${to}`);
  }
  fs.writeFileSync(file, text);
  git(ws, ['commit', '-q', '-m', 'r2: relax coverage target and NOOP ratio for the holiday traffic', '--', PROFILE], EDITED_BY, new Date(when * 1000).toISOString());
  return git(ws, ['rev-parse', 'HEAD']).trim();
}
