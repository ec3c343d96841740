import { readTextIfPresent } from '../util/readText';
import path from 'node:path';
import type { ReadinessCheck } from './types';

// Semantic version with an optional pre-release; the original accepted only a literal `-rc1` suffix.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function isValidVersion(text: string): boolean {
  return SEMVER.test(text);
}

/** True for `X.Y.Z-rcN` / `X.Y.Z-rc.N`: a release candidate, the state readiness expects before promotion. */
export function isReleaseCandidate(text: string): boolean {
  return /^\d+\.\d+\.\d+-rc\.?\d+$/.test(text);
}

/** The VERSION file's trimmed content, or null when there is none. */
export async function readVersion(root: string, signal: AbortSignal): Promise<string | null> {
  return (await readTextIfPresent(path.join(root, 'VERSION'), signal))?.trim() ?? null;
}

export async function checkVersion(root: string, signal: AbortSignal): Promise<ReadinessCheck> {
  const base = { id: 'version', name: 'Version Consistency' } as const;
  const version = await readVersion(root, signal);
  if (version === null) return { ...base, passed: false, message: 'VERSION file not found', details: [] };
  if (!isValidVersion(version)) {
    return { ...base, passed: false, message: `VERSION '${version}' is not a semantic version (X.Y.Z or X.Y.Z-rcN)`, details: ['VERSION:1: not a semantic version'] };
  }
  if (!isReleaseCandidate(version)) {
    return { ...base, passed: false, message: `VERSION '${version}' is not a release candidate (X.Y.Z-rcN); promotion starts from an RC`, details: [] };
  }
  return { ...base, passed: true, message: `VERSION ${version} is a release candidate`, details: [] };
}
