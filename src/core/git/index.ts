// The git adapter's public surface: git run with a signal and a timeout, one line's blame, a file's
// history. Everything answers undefined / empty outside a repository, never throws for "not in git".
export { blameLine, parseBlamePorcelain, type LineBlame } from './blame';
export { git, type GitRun } from './run';
