import { isMap, isSeq, parseDocument } from 'yaml';
import { InputError } from '../util/errors';

/**
 * The gates file reduced to one check of one gate (its step, variables and the gate's other keys
 * kept), so that "Run" evaluates exactly that check with the engine `aurora-ga gates` uses.
 */
export function singleCheckGates(text: string, gate: number, check: number, file: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new InputError(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`, { file });
  const gates = doc.get('gates', true);
  if (!isSeq(gates) || !isMap(gates.items[gate])) throw new InputError(`there is no gate #${gate + 1}`, { file });
  const g = gates.items[gate];
  const checks = isMap(g) ? g.get('checks', true) : undefined;
  if (!isSeq(checks) || !checks.items[check]) throw new InputError(`gate #${gate + 1} has no check #${check + 1}`, { file });
  checks.items = [checks.items[check]];
  gates.items = [g];
  return doc.toString();
}
