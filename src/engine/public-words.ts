// Public words and their costs: which events are proposals owed an answer, whether a text meets one, and what
// a commitment or a declared red line costs its author when broken or taken back.

import { ownValue } from '../scenario/own';
import { credibilityOf, type Text } from '../scenario/schema';
import type { Commitment, GameEvent, ProposalKind } from './state';
import type { Step } from './step';

/** What kind of proposal an event is, if a mediator owes it an answer. */
export function proposalKind(e: GameEvent): ProposalKind | null {
  if (e.type === 'amendment.proposed') return 'amendment';
  if (e.type === 'package.accepted' && e.onlyIf) return 'conditional';
  if (e.type === 'signal.sent' && e.kind === 'red-line') return 'red-line';
  return null;
}

/** Whether the text as it stands meets a proposal: holds an amendment's options, leaves out an option declared
 * a red line, or keeps the packages a conditional acceptance names at their versions. */
export function meets(e: GameEvent, text: Text, versions: Record<string, number>): boolean {
  if (e.type === 'amendment.proposed') return Object.entries(e.options).every(([i, o]) => text[i] === o);
  if (e.type === 'signal.sent') return e.option !== null && text[e.issue] !== e.option;
  if (e.type === 'package.accepted' && e.onlyIf)
    return Object.entries(e.onlyIf).every(([p, v]) => versions[p] === v);
  return false;
}

/** Whether a text breaks a word: it leaves out a committed option, or holds a declared red line. */
export function breaks(c: Commitment, text: Text): boolean {
  return c.kind === 'commitment' ? text[c.issue] !== c.option : text[c.issue] === c.option;
}

/** Whether a party's latest word on an option is a concern or red line it has not retracted. */
export function standingObjection(step: Step, party: string, issue: string, option: string): boolean {
  let standing = false;
  const visit = (e: GameEvent) => {
    if (e.type !== 'signal.sent' || e.by !== party || e.issue !== issue || e.option !== option) return;
    if (e.kind === 'concern' || e.kind === 'red-line') standing = true;
    else if (e.kind === 'retract') standing = false;
  };
  for (let i = 0; i < step.state.seq; i++) visit(step.state.log[i]!);
  for (const e of step.events) visit(e);
  return standing;
}

/** The audience cost of a public word broken (by signing against it) or taken back. */
export function breakWord(step: Step, c: Commitment, how: 'signed' | 'retracted'): void {
  const { scenario, state } = step;
  const rules = credibilityOf(scenario);
  state.commitments = state.commitments.filter((x) => x !== c);
  shiftSupport(step, c.by, -rules.brokenSupport);
  for (const other of scenario.parties) {
    const row = ownValue(state.trust, other.id);
    if (other.id !== c.by && row) row[c.by] = Math.max(0, (ownValue(row, c.by) ?? 50) - rules.brokenTrust);
  }
  step.emit({
    type: 'commitment.broken',
    to: 'all',
    by: c.by,
    kind: c.kind,
    issue: c.issue,
    option: c.option,
    supportCost: rules.brokenSupport,
    trustCost: rules.brokenTrust,
    how,
  });
}

export function shiftSupport(step: Step, party: string, delta: number): void {
  const profile = step.scenario.profiles[party];
  if (!profile) return;
  for (const check of profile.ratification) {
    if (check.kind !== 'support') continue;
    if (!Object.hasOwn(step.state.supportShift, party)) step.state.supportShift[party] = {};
    const row = ownValue(step.state.supportShift, party)!;
    row[check.id] = (ownValue(row, check.id) ?? 0) + delta;
  }
}
