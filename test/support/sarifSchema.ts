import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

let validator: ValidateFunction | undefined;

/**
 * The published SARIF 2.1.0 schema (test/fixtures/sarif/README.md says where it comes from), with
 * its formats checked. Two options the schema itself needs: it lists `required` properties that
 * some branches do not define (Ajv's strictRequired), and one `pattern` is not valid in Unicode mode.
 */
export function sarifProblems(log: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strictRequired: false, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(path.resolve('test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
  }
  return validator(log) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
