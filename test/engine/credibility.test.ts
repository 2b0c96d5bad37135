// Words that bind: commitments and declared red lines earn little, cost a lot when broken, and every proposal
// can be answered by the author of the text.
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  createGame,
  eventsOf,
  type GameEvent,
  type GameState,
  INTENT_VERSION,
  replay,
  viewFor,
} from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';
import { harbour, miami } from './fixtures';

function actor(sc: Scenario) {
  return (state: GameState, intent: Record<string, unknown>): GameState => {
    const r = applyIntent(sc, state, { v: INTENT_VERSION, ...intent });
    if (!r.ok) throw new Error(r.error.message);
    return r.state;
  };
}

function refusal(sc: Scenario, state: GameState, intent: Record<string, unknown>): string {
  const r = applyIntent(sc, state, { v: INTENT_VERSION, ...intent });
  if (r.ok) throw new Error('expected a refusal');
  return r.error.code;
}

const commit = (seat: string, issue: string, option: string) => ({
  seat,
  type: 'signal.send',
  kind: 'commitment',
  issue,
  option,
  to: 'all',
});

describe('public commitments', () => {
  const sc = harbour();
  const act = actor(sc);

  it('ten identical commitments raise support no more than one does', () => {
    const once = act(createGame(sc, 1), commit('north', 'quota', 'q70'));
    let spam = createGame(sc, 1);
    for (let i = 0; i < 10; i++) spam = act(spam, commit('north', 'quota', 'q70'));
    expect(once.supportShift.north?.['council-vote']).toBe(3);
    expect(spam.supportShift.north).toEqual(once.supportShift.north);
    expect(spam.commitments).toHaveLength(1);
  });

  it('caps the support a party earns from different commitments at the scenario cap', () => {
    let s = createGame(sc, 1);
    s = act(s, commit('north', 'quota', 'q70'));
    s = act(s, commit('north', 'season', sc.packages[0]!.issues[1]!.options[0]!.id));
    s = act(s, commit('north', 'owner', 'north-owns'));
    s = act(s, commit('north', 'rebuild', 'rebuild-yes'));
    // Default cap: 6 points, however many different commitments.
    expect(s.supportShift.north?.['council-vote']).toBe(6);
    const capped: Scenario = {
      ...sc,
      credibility: {
        commitmentSupport: 2,
        commitmentCap: 6,
        capByParty: { north: 3 },
        brokenSupport: 8,
        brokenTrust: 10,
        rationale: 'test',
        sources: [],
      },
    };
    const go = actor(capped);
    let t = createGame(capped, 1);
    t = go(t, commit('north', 'quota', 'q70'));
    t = go(t, commit('north', 'owner', 'north-owns'));
    t = go(t, commit('north', 'rebuild', 'rebuild-yes'));
    expect(t.supportShift.north?.['council-vote']).toBe(3);
  });

  it('a commitment sent only to some parties is refused: commitments are public', () => {
    const s = createGame(sc, 1);
    expect(refusal(sc, s, { ...commit('north', 'quota', 'q70'), to: ['south'] })).toBe('malformed');
  });
});

describe('declared red lines and retractions', () => {
  const sc = harbour();
  const act = actor(sc);
  const redLine = (seat: string, issue: string, option: string, to: unknown = 'all') => ({
    seat,
    type: 'signal.send',
    kind: 'red-line',
    issue,
    option,
    to,
  });

  it('signing a text that crosses a publicly declared red line costs support at home and the others’ trust', () => {
    let s = createGame(sc, 1);
    const trustBefore = s.trust.south?.north ?? 0;
    // North declares a red line on the opening text's quota, then signs that very text.
    const option = s.text.quota!;
    s = act(s, redLine('north', 'quota', option));
    s = act(s, { seat: 'north', type: 'text.sign', version: 1 });
    const broken = eventsOf(s).find((e) => e.type === 'commitment.broken');
    expect(broken).toMatchObject({ by: 'north', kind: 'red-line', issue: 'quota', option, how: 'signed' });
    expect(s.supportShift.north?.['council-vote']).toBe(-8);
    expect(s.trust.south?.north).toBe(trustBefore - 10);
  });

  it('a red line told privately binds nobody in public: no audience cost', () => {
    let s = createGame(sc, 1);
    s = act(s, redLine('north', 'quota', s.text.quota!, ['south']));
    s = act(s, { seat: 'north', type: 'text.sign', version: 1 });
    expect(eventsOf(s).some((e) => e.type === 'commitment.broken')).toBe(false);
  });

  it('taking back a public red line costs as much as breaking it; taking back a concern costs nothing', () => {
    let s = createGame(sc, 1);
    s = act(s, redLine('north', 'quota', 'q50'));
    s = act(s, {
      seat: 'north',
      type: 'signal.send',
      kind: 'concern',
      issue: 'owner',
      option: 'shared',
      to: 'all',
    });
    s = act(s, {
      seat: 'north',
      type: 'signal.send',
      kind: 'retract',
      issue: 'owner',
      option: 'shared',
      to: 'all',
    });
    expect(eventsOf(s).some((e) => e.type === 'commitment.broken')).toBe(false);
    s = act(s, {
      seat: 'north',
      type: 'signal.send',
      kind: 'retract',
      issue: 'quota',
      option: 'q50',
      to: 'all',
    });
    const broken = eventsOf(s).find((e) => e.type === 'commitment.broken');
    expect(broken).toMatchObject({ kind: 'red-line', how: 'retracted' });
    expect(s.supportShift.north?.['council-vote']).toBe(-8);
    expect(
      refusal(sc, s, {
        seat: 'north',
        type: 'signal.send',
        kind: 'retract',
        issue: 'quota',
        option: 'q50',
        to: 'all',
      }),
    ).toBe('nothing.to.retract');
  });
});

describe('answers to proposals', () => {
  const sc = miami();
  const act = actor(sc);
  const lastOf = (s: GameState, type: GameEvent['type']) =>
    [...eventsOf(s)].reverse().find((e) => e.type === type);

  function uaAmends(): GameState {
    let s = createGame(sc, 3);
    s = act(s, { seat: 'us', type: 'turn.end' });
    return act(s, {
      seat: 'ua',
      type: 'amendment.propose',
      package: 'sovereignty',
      options: { 'army-cap': 'cap-800k' },
    });
  }

  it('folding an amendment into a new text answers it, and the proposer sees the answer', () => {
    let s = uaAmends();
    const amendment = lastOf(s, 'amendment.proposed')!;
    s = act(s, { seat: 'ua', type: 'turn.end' });
    s = act(s, { seat: 'us', type: 'text.publish', text: { 'army-cap': 'cap-800k' }, folds: [1] });
    const answer = lastOf(s, 'proposal.answered');
    expect(answer).toMatchObject({ by: 'us', ref: amendment.seq, refKind: 'amendment', verdict: 'folded' });
    expect(viewFor(sc, s, 'ua').log.some((e) => e.type === 'proposal.answered')).toBe(true);
    expect(viewFor(sc, s, 'ru').log.some((e) => e.type === 'proposal.answered')).toBe(false);
  });

  it('the mediator counters with a named trade or declines with a reason; nobody else may answer', () => {
    let s = uaAmends();
    const ref = lastOf(s, 'amendment.proposed')!.seq;
    expect(refusal(sc, s, { seat: 'ua', type: 'proposal.answer', ref, verdict: 'declined' })).toBe(
      'not.author',
    );
    s = act(s, { seat: 'ua', type: 'turn.end' });
    expect(refusal(sc, s, { seat: 'us', type: 'proposal.answer', ref: 2, verdict: 'declined' })).toBe(
      'not.answerable',
    );
    s = act(s, {
      seat: 'us',
      type: 'proposal.answer',
      ref,
      verdict: 'countered',
      issue: 'army-cap',
      give: { 'army-cap': 'cap-800k' },
      ask: { 'foreign-troops': 'no-foreign-troops' },
      reason: { public: 'An 800,000 cap if no foreign troops are based in Ukraine.' },
    });
    expect(lastOf(s, 'proposal.answered')).toMatchObject({
      verdict: 'countered',
      proposer: 'ua',
      give: { 'army-cap': 'cap-800k' },
      reason: { public: 'An 800,000 cap if no foreign troops are based in Ukraine.' },
    });
  });

  it('an amendment nobody folds lapses with a log entry when its meeting closes', () => {
    let s = uaAmends();
    while (s.meeting === 0) s = act(s, { seat: s.order[s.speaker]!, type: 'turn.end' });
    expect(eventsOf(s).find((e) => e.type === 'amendment.lapsed')).toMatchObject({ by: 'ua', amendment: 1 });
  });

  it('an ended turn keeps its reason in the log', () => {
    const s = act(createGame(sc, 3), {
      seat: 'us',
      type: 'turn.end',
      reason: { public: 'We wait for Kyiv.' },
    });
    expect(lastOf(s, 'turn.ended')).toMatchObject({ reason: { public: 'We wait for Kyiv.' } });
  });
});

describe('the shared log', () => {
  const sc = harbour();
  const act = actor(sc);

  it('forking from an earlier state leaves the later game as it was', () => {
    const base = act(createGame(sc, 2), {
      seat: 'north',
      type: 'package.accept',
      package: 'fishing',
      version: 1,
    });
    const mainLine = act(base, { seat: 'north', type: 'turn.end' });
    const mainEvents = JSON.stringify(eventsOf(mainLine));
    const fork = act(base, { seat: 'north', type: 'package.reject', package: 'pier', version: 1 });
    expect(JSON.stringify(eventsOf(mainLine))).toBe(mainEvents);
    expect(eventsOf(fork).at(-1)?.type).toBe('package.rejected');
    expect(eventsOf(fork).slice(0, base.seq)).toEqual(eventsOf(base));
    expect(JSON.stringify(act(mainLine, { seat: 'south', type: 'turn.end' }).text)).toBe(
      JSON.stringify(mainLine.text),
    );
    expect(
      JSON.stringify(
        replay(sc, 2, [
          { v: 1, seat: 'north', type: 'package.accept', package: 'fishing', version: 1 },
          { v: 1, seat: 'north', type: 'package.reject', package: 'pier', version: 1 },
        ]),
      ),
    ).toBe(JSON.stringify({ ...fork, log: eventsOf(fork) }));
  });
});
