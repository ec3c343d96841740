import { promises as fs } from 'node:fs';
import path from 'node:path';

// File checks read only inside the workspace and the artifacts folder, judged on real paths (after
// every symlink), so `..`, an absolute path, or a link pointing out cannot make a gates file someone
// else wrote read /etc/passwd or ~/.ssh into a report. The user (never a workspace file) may widen it
// (`--allow-outside-files`, user setting auroraGa.gates.allowFilesOutsideWorkspace). Kernel
// pseudo-files (/proc, /sys, /dev) are never read: they hold the environment and other processes'
// secrets, and some never end.

export interface FileScope {
  /** Real paths of the folders file checks may read: the workspace, then the artifacts folder. */
  roots: string[];
  /** The user allowed paths outside the roots. */
  allowOutside: boolean;
}

const PSEUDO = ['/proc', '/sys', '/dev'];

const within = (p: string, root: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** The real path of `p`: symlinks followed; for a path that does not exist, its deepest existing ancestor's. */
export async function realPath(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await realPath(parent), path.basename(abs));
  }
}

export async function fileScope(workspace: string, artifactsDir: string, allowOutside: boolean): Promise<FileScope> {
  const roots = [...new Set(await Promise.all([workspace, artifactsDir].map((d) => realPath(d))))];
  return { roots, allowOutside };
}

/** Why `file` may not be read (a sentence naming it and where it really points), or undefined when it may. */
export async function outsideScope(file: string, scope: FileScope): Promise<string | undefined> {
  let real: string;
  try {
    real = await realPath(file);
  } catch (err) {
    // A symlink loop (ELOOP) or an unreadable folder: where it points cannot be judged, so it is not read.
    return `${file} cannot be resolved to a real path (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); refused`;
  }
  const shown = real === path.resolve(file) ? file : `${file} (resolves to ${real})`;
  if (PSEUDO.some((d) => within(real, d))) return `${shown} is a kernel pseudo-file; file checks never read ${PSEUDO.join(', ')}`;
  if (scope.allowOutside || scope.roots.some((r) => within(real, r))) return undefined;
  return `${shown} is outside the workspace (${scope.roots.join(' and ')}); refused. To read it, the user must allow it: --allow-outside-files, or the user setting auroraGa.gates.allowFilesOutsideWorkspace`;
}
