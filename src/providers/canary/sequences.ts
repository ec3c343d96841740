// Reading past sequences from artifacts/canary/ for the Canary view (results schema included),
// loaded with the view's first refresh, after activation.
export { historySignature, listSequences } from '../../core/canary';
export { modelFromHistory } from './model';
