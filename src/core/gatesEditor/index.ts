// The gates file as the editor sees it: queries with their positions, checked while typing.
export { findQueries, type CheckSource, type GatesOutline, type QuerySource } from '../gates/outline';
export { lintGatesText, lintQuery, sampleValues, type GatesTextProblem } from './lintGatesText';
export { substituteTracked } from './substitute';
export { contextAt, queryAt, wordAt, type QueryContext } from './cursor';
export { looksLikeGatesFile } from './detect';
export { singleCheckGates } from './singleCheck';
