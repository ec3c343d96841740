import fs from 'node:fs';
import path from 'node:path';

// The original's argument rule: an argument containing `*`, `?` or `[` is a glob (Python `glob.glob`,
// not recursive: `**` is `*`, hidden names need an explicit leading dot); anything else is a path.

const MAGIC = /[*?[]/;

export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** fnmatch for one path segment, as a RegExp. An unclosed `[` is a literal, as in Python. */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      let j = i + 1;
      if (segment[j] === '!') j++;
      if (segment[j] === ']') j++;
      while (j < segment.length && segment[j] !== ']') j++;
      if (j >= segment.length) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, j).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      else if (body.startsWith('^')) body = `\\${body}`;
      re += `[${body}]`;
      i = j;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

// Synchronous, as the audit reads its files (see runDctsAudit): the thread pool's round trip for
// a folder of 10,000 names costs more than listing it.
function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return []; // an unreadable or missing directory matches nothing, like Python's glob
  }
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Expands one glob relative to `cwd`; results keep the pattern's form (relative stays relative)
 * and are sorted, so reports are the same on every machine.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const absolute = path.isAbsolute(pattern);
  let found: string[] = [absolute ? parts.shift() + path.sep : ''];
  for (let k = 0; k < parts.length; k++) {
    const segment = parts[k];
    const last = k === parts.length - 1;
    if (segment === '') continue;
    const next: string[] = [];
    for (const base of found) {
      if (!hasMagic(segment)) {
        next.push(base + segment);
        continue;
      }
      const re = segmentRegExp(segment.replace(/\*\*+/g, '*'));
      // Unsorted: the result is sorted once, at the end.
      for (const name of listDir(path.resolve(cwd, base || '.'))) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (re.test(name)) next.push(base + name);
      }
    }
    found = [];
    // Names just read from a directory exist; only a literal last segment needs a look.
    if (last && hasMagic(segment)) {
      found = next;
      break;
    }
    for (const p of next) {
      if (last) {
        if (exists(path.resolve(cwd, p))) found.push(p);
      } else if (isDirectory(path.resolve(cwd, p))) found.push(`${p}/`);
    }
  }
  return found.sort();
}
