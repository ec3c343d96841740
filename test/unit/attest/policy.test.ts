import assert from 'node:assert/strict';
import { parseAllowedSigners } from '../../../src/core/attest/allowedSigners';
import { fingerprint } from '../../../src/core/attest/keys';
import { pae } from '../../../src/core/attest/dsse';
import { parsePolicy } from '../../../src/core/attest/policy';
import { InputError } from '../../../src/core/util/errors';

function formatted(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.format();
    throw e;
  }
  return '(no error)';
}

describe('sign-off policy and allowed_signers', () => {
  it('defaults: all three roles required, one role per principal, unsigned sign-offs do not count', () => {
    const p = parsePolicy('version: 1\nroles:\n  sre_lead: [bob@example.com]\n', '.aurora/policy.yaml');
    assert.deepEqual([p.required_roles, p.one_principal_many_roles, p.count_unsigned, p.roles.release_manager], [['release_manager', 'sre_lead', 'product_owner'], false, false, []]);
  });

  it('names the file, line and key of a mistake (a typo is never ignored)', () => {
    const err = (() => {
      try {
        parsePolicy('version: 1\nroles:\n  sre_lead: [bob]\ncount_unsigend: true\n', '.aurora/policy.yaml');
      } catch (e) {
        return e as InputError;
      }
      return null;
    })();
    assert.ok(err instanceof InputError);
    assert.match(err.format(), /^\.aurora\/policy\.yaml:1:1: not a valid sign-off policy: .*count_unsigend/);
    assert.match(formatted(() => parsePolicy('version: 1\nroles:\n  ceo: [x]\n', 'p.yaml')), /^p\.yaml:3:3: not a valid sign-off policy: roles: Unrecognized key: "ceo"/);
    assert.match(formatted(() => parsePolicy('version: 1\nrequired_roles: [sre_lead\n', 'p.yaml')), /^p\.yaml:\d+:\d+: invalid YAML/);
  });

  it('reads allowed_signers lines with and without options, and rejects a broken one with its line', () => {
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc1rF6o5xZ8r8ZQ8m2oO4hVZ7bqv0g3hXbKjv0pLHx5';
    const entries = parseAllowedSigners(`# team\nalice@example.com ${key} alice\nbob@example.com,b@x namespaces="git,aurora-ga-signoff",valid-after="20260101" ${key}\n`, 'allowed_signers');
    assert.deepEqual(entries.map((e) => [e.principals, e.options, e.line]), [[['alice@example.com'], {}, 2], [['bob@example.com', 'b@x'], { namespaces: 'git,aurora-ga-signoff', 'valid-after': '20260101' }, 3]]);
    assert.match(fingerprint(entries[0].key), /^SHA256:[A-Za-z0-9+/]{43}$/);
    assert.match(formatted(() => parseAllowedSigners('# x\nalice@example.com not-a-key\n', 'allowed_signers')), /^allowed_signers:2: not an allowed_signers line/);
  });

  it('builds DSSE PAE exactly as the spec example', () => {
    // github.com/secure-systems-lab/dsse protocol.md: PAE("http://example.com/HelloWorld", "hello world")
    assert.equal(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString(), 'DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });
});
