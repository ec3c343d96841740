// Bounded history of gates evaluations, canary sequences and DCTS audits (see store.ts).
export { compareRuns, rowsOf, type Comparison, type Row, type ValueMove, type VerdictChange } from './compare';
export { listHistory, pickEntry } from './list';
export { HISTORY_KEEP, pruneHistory, referencedDigests, type PruneResult } from './prune';
export { recordRun, type RecordedRun } from './record';
export { HISTORY_KINDS, historyDir, keepInHistory, type HistoryEntry, type HistoryKind, type KeepRequest } from './store';
export { completion, COULD_NOT_RUN_EXIT, replacementFor, type Replacement } from './current';
export { comparisonLines, entryLine, moveText } from './format';
