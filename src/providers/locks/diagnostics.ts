// Diagnostics for profiles with a lock: one per changed key (schema 2), one for the document when
// only the hash says it changed (schema 1, a lock of another profile, a legacy checksum), a corrupt
// lock, a profile that cannot be hashed, and the profile-schema findings.
import path from 'node:path';
import * as vscode from 'vscode';
import type { LockChange, SourceRange } from '../../core/lock';
import type { LockEngine } from './documents';
import { lockDate, type ProfileLockState } from './model';
import { raise, type LockSettings } from './settings';
import type { Positions } from './textPositions';

export const SOURCE = 'Aurora locks';
export const Code = {
  changed: 'lock-changed',
  schema1: 'lock-schema1',
  mismatch: 'lock-mismatch',
  legacy: 'lock-legacy',
  missing: 'lock-missing',
  corrupt: 'lock-corrupt',
  orphan: 'lock-orphan',
  unhashable: 'profile-unhashable',
  schema: 'profile-schema',
} as const;

export function toRange(document: Positions, r: SourceRange | undefined): vscode.Range {
  if (!r) return documentRange(document);
  return new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
}

function documentRange(document: Positions): vscode.Range {
  return document.lineAt(0).range;
}

function plain(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The range a change's diagnostic sits on: the new value, the added key, or the key of the mapping that lost one. */
export function changeRange(document: Positions, change: LockChange): vscode.Range {
  if (change.kind === 'changed') return toRange(document, change.range);
  if (change.kind === 'added') return toRange(document, change.keyRange ?? change.range);
  return change.keyRange ? toRange(document, change.keyRange) : documentRange(document);
}

export function changeMessage(engine: LockEngine, change: LockChange, lockName: string, date: string | undefined): string {
  const since = `since ${lockName}${date ? ` (${date})` : ''}`;
  if (change.kind === 'added') return `${change.pathText}: ${change.new} is not in ${lockName}${date ? ` (${date})` : ''}`;
  if (change.kind === 'removed') return `${change.pathText} (locked ${change.old}) removed ${since}`;
  const direction = engine.changeDirection(change.path.join('.'), plain(change.old), plain(change.new));
  return `${change.pathText} ${change.old} → ${change.new} ${since}${direction ? `, ${direction === 'loosens' ? 'loosening' : 'tightening'} the profile` : ''}`;
}

function make(range: vscode.Range, message: string, severity: vscode.DiagnosticSeverity, code: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, message, severity);
  d.source = SOURCE;
  d.code = code;
  return d;
}

/** `engine`: the lock engine, loaded by the time a profile has a state; `document`: an open one or a disk profile's text. */
export function profileDiagnostics(engine: LockEngine, document: Positions, state: ProfileLockState, settings: LockSettings): vscode.Diagnostic[] {
  const { severity } = settings;
  const lockName = path.basename(state.lockPath);
  const date = lockDate(state.lock);
  const out: vscode.Diagnostic[] = [];
  switch (state.status) {
    case 'mismatch':
      if (state.changes.length) {
        for (const change of state.changes) {
          const direction = change.kind === 'changed' ? engine.changeDirection(change.path.join('.'), plain(change.old), plain(change.new)) : undefined;
          out.push(make(changeRange(document, change), changeMessage(engine, change, lockName, date), direction === 'loosens' ? raise(severity) : severity, Code.changed));
        }
      } else if (state.lock?.schema === 1) {
        out.push(make(documentRange(document), `Profile changed since ${lockName}${date ? ` (${date})` : ''}: ${state.reason}. This schema 1 lock stores no values, so the changed keys cannot be shown; update the lock to record them.`, severity, Code.schema1));
      } else out.push(make(documentRange(document), `${lockName} does not validate: ${state.reason}`, severity, Code.mismatch));
      break;
    case 'unreadable':
      out.push(make(documentRange(document), `${lockName} cannot be read: ${state.problem?.format()}`, vscode.DiagnosticSeverity.Error, Code.corrupt));
      break;
    case 'missing':
      // Not locked is not a change: information, unless a legacy lock claims to lock it.
      out.push(make(documentRange(document), `Not locked: ${state.verdict.detail}`, state.legacy ? severity : vscode.DiagnosticSeverity.Information, Code.missing));
      break;
    case 'profile-error': {
      const loc = state.problem?.location;
      const pos = loc?.line ? new vscode.Position(loc.line - 1, Math.max(0, (loc.column ?? 1) - 1)) : undefined;
      const range = pos ? document.getWordRangeAtPosition(pos, /[^\s,\]}]+/) ?? new vscode.Range(pos, pos) : documentRange(document);
      out.push(make(range, `Cannot hash this profile like the lock tool: ${state.problem?.message}`, vscode.DiagnosticSeverity.Error, Code.unhashable));
      break;
    }
    default:
      break;
  }
  if (state.legacy && state.legacy.status !== 'valid') {
    const name = path.basename(state.legacy.lockPath);
    const what = state.legacy.status === 'mismatch' ? `checksum ${state.legacy.expected} ≠ current ${state.legacy.current}` : `cannot be read: ${state.legacy.problem?.format()}`;
    out.push(make(documentRange(document), `Legacy lock ${name}: ${what}`, severity, Code.legacy));
  }
  if (state.root) {
    for (const issue of state.issues) {
      const { range } = engine.rangeForPath(state.root, issue.path);
      out.push(make(toRange(document, range), issue.message, issue.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning, Code.schema));
    }
  }
  return out;
}
