// The commands of the check lenses: registered at activation, carried out by the language support.
export const RUN_CHECK = 'aurora.runGateCheck';
export const EXPLAIN_CHECK = 'aurora.explainGateCheck';
