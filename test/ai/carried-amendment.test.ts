// An amendment proposed in a meeting's last turn on a package the next meeting does not discuss: the mediator's
// first turn of the next meeting answers it, and publishes nothing outside that meeting's agenda.
import { describe, expect, it } from 'vitest';
import { playAiTurn } from '../../src/ai/ai-game';
import {
  applyIntent,
  createGame,
  type GameState,
  INTENT_VERSION,
  type Intent,
  viewFor,
} from '../../src/engine';
import { miami } from '../engine/fixtures';

describe('an amendment carried over to a meeting without its package', () => {
  it('is answered at the mediator’s first turn, and no move of that turn is refused', () => {
    const sc = miami();
    const mediator = sc.mediator!;
    const [first, second] = sc.calendar;
    const proposer = first!.participants.find((p) => p !== mediator)!;
    // A package of the first meeting that the second leaves out, and an option there the mediator prefers to
    // the opening text's: a draft seeded with it scores better, so the mediator wants to keep it.
    const pkg = sc.packages.find((p) => first!.agenda.includes(p.id) && !second!.agenda.includes(p.id))!;
    const prefs = sc.profiles[mediator]!.preferences;
    let ask: { issue: string; option: string } | null = null;
    for (const issue of pkg.issues) {
      const values = prefs[issue.id]?.values ?? {};
      const now = values[sc.initialText[issue.id]!] ?? 0;
      for (const o of issue.options)
        if ((values[o.id] ?? 0) > now && !ask) ask = { issue: issue.id, option: o.id };
    }
    expect(ask).not.toBeNull();

    let state: GameState = createGame(sc, 3);
    const apply = (intent: Record<string, unknown>) => {
      const r = applyIntent(sc, state, { v: INTENT_VERSION, ...intent } as Intent);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    };
    for (let i = 0; i < 20; i++) {
      const v = viewFor(sc, state, proposer);
      if (v.speaker === proposer && v.round === v.meeting.turns - 1) break;
      apply({ seat: v.speaker!, type: 'turn.end' });
    }
    expect(viewFor(sc, state, proposer).meeting.index).toBe(0);
    apply({
      seat: proposer,
      type: 'amendment.propose',
      package: pkg.id,
      options: { [ask!.issue]: ask!.option },
    });
    const amendment = [...state.log].reverse().find((e) => e.type === 'amendment.proposed');
    apply({ seat: proposer, type: 'turn.end' });
    // The mediator's first turn of the next meeting (others pass until it speaks).
    for (let i = 0; i < 5 && viewFor(sc, state, mediator).speaker !== mediator; i++)
      apply({ seat: viewFor(sc, state, mediator).speaker!, type: 'turn.end' });
    const next = viewFor(sc, state, mediator);
    expect(next.meeting.index).toBe(1);
    expect(next.meeting.agenda).not.toContain(pkg.id);
    const sent: Intent[] = [];
    state = playAiTurn(sc, state, mediator, 'medium', (intent) => sent.push(intent));
    // The driver ends a turn after a refused move with a pass that gives no reason.
    expect(sent.filter((i) => i.type === 'turn.end' && i.reason === undefined)).toEqual([]);
    expect(sent.some((i) => i.type === 'proposal.answer' && i.ref === amendment?.seq)).toBe(true);
  });
});
