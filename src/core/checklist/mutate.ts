import type { ApprovedEvaluation, SignoffSignature } from '../attest/signoff';
import { InputError } from '../util/errors';
import { ITEM_BY_ID } from './definition';
import { ROLE_TITLES, type Decision, type StateChange } from './model';
import type { Fingerprint } from './signoff';
import type { ChecklistState } from './state';

export type { StateChange };

export interface ChangeContext {
  now: Date;
  fingerprint: Fingerprint;
  /** The decision on screen when the change was made, recorded with sign-offs. */
  decision: Decision;
  /** For a sign-off: the evaluation it approves and, when signed, its SSH signature (src/core/attest). */
  signed?: { evaluation: ApprovedEvaluation; signature?: SignoffSignature };
}

/** Returns the new state with the change and its history entry; throws InputError for a change that makes no sense. */
export function applyChange(state: ChecklistState, change: StateChange, ctx: ChangeContext): ChecklistState {
  const time = ctx.now.toISOString();
  const next: ChecklistState = structuredClone(state);
  const log = (action: string, detail: string) => next.history.push({ time, action, detail });
  switch (change.type) {
    case 'setItem':
    case 'setNote': {
      const def = ITEM_BY_ID.get(change.id);
      if (!def) throw new InputError(`unknown checklist item '${change.id}'`);
      const prev = next.items[change.id] ?? { checked: false, note: '', updated_at: time };
      if (change.type === 'setItem') {
        // Auto items are answered by evidence; a tick must never override it.
        if (def.auto) throw new InputError(`'${change.id}' is answered from ${def.auto.kind} results and cannot be ticked by hand`);
        if (prev.checked === change.checked) return state;
        next.items[change.id] = { ...prev, checked: change.checked, updated_at: time };
        log(change.checked ? 'tick' : 'untick', change.id);
      } else {
        if (prev.note === change.note) return state;
        next.items[change.id] = { ...prev, note: change.note, updated_at: time };
        log('note', `${change.id}: ${change.note}`);
      }
      return next;
    }
    case 'setHeader': {
      const key = change.field === 'targetVersion' ? 'target_version' : 'date';
      if (next.header[key] === change.value) return state;
      next.header[key] = change.value;
      log('header', `${key}: ${change.value}`);
      return next;
    }
    case 'setRationale':
      if (next.rationale === change.text) return state;
      next.rationale = change.text;
      log('rationale', change.text);
      return next;
    case 'signOff': {
      if (ctx.fingerprint.gateReportSha256 === null) throw new InputError('there is no gate report to approve: evaluate the gates first');
      if (!/^[0-9a-f]{64}$/.test(ctx.fingerprint.locksSha256)) throw new InputError('the profile locks cannot be checked, so a sign-off could not say which locks it approved');
      next.signoffs[change.role] = {
        name: change.name,
        role: change.role,
        time,
        gate_report_sha256: ctx.fingerprint.gateReportSha256,
        locks_sha256: ctx.fingerprint.locksSha256,
        decision_at_signing: ctx.decision,
        ...(ctx.signed ? { evaluation: ctx.signed.evaluation } : {}),
        ...(ctx.signed?.signature ? { signature: ctx.signed.signature } : {}),
      };
      log('sign', `${ROLE_TITLES[change.role]}: ${change.name}${ctx.signed?.signature ? ` signed with ${ctx.signed.signature.key_fingerprint ?? 'an SSH key'}` : ' (unsigned: a name only)'} (gate report ${ctx.fingerprint.gateReportSha256.slice(0, 12)}…, locks ${ctx.fingerprint.locksSha256.slice(0, 12)}…, decision ${ctx.decision})`);
      return next;
    }
    case 'revokeSignOff': {
      const prev = next.signoffs[change.role];
      if (!prev) return state;
      delete next.signoffs[change.role];
      log('revoke', `${ROLE_TITLES[change.role]}: ${prev.name}`);
      return next;
    }
  }
}
