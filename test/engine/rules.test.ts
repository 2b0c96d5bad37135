// The negotiation's rules, one at a time, on the two-party test scenario (no mediator, three packages).
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  createGame,
  type GameState,
  INTENT_VERSION,
  type Intent,
  replay,
  viewFor,
} from '../../src/engine';
import { harbour } from './fixtures';

const sc = harbour();

function act(state: GameState, intent: Record<string, unknown>): GameState {
  const r = applyIntent(sc, state, { v: INTENT_VERSION, ...intent });
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

function refused(state: GameState, intent: Record<string, unknown>): string {
  const r = applyIntent(sc, state, { v: INTENT_VERSION, ...intent });
  if (r.ok) throw new Error('expected a refusal');
  return r.error.code;
}

describe('the engine on a two-party scenario without a mediator', () => {
  it('opens the first meeting with its first participant speaking and the initial text at v1', () => {
    const s = createGame(sc, 1);
    expect(s.textVersion).toBe(1);
    expect(s.order).toEqual(['north', 'south']);
    expect(s.text).toEqual(sc.initialText);
    expect(s.log.map((e) => e.type)).toEqual([
      'game.started',
      'text.published',
      'meeting.opened',
      'turn.started',
    ]);
  });

  it('refuses a move out of turn and leaves the state untouched', () => {
    const s = createGame(sc, 1);
    const before = JSON.stringify(s);
    expect(refused(s, { seat: 'south', type: 'turn.end' })).toBe('not.your.turn');
    expect(JSON.stringify(s)).toBe(before);
  });

  it('answers a malformed intent with a typed error', () => {
    const s = createGame(sc, 1);
    expect(refused(s, { seat: 'north', type: 'package.accept', package: 'fishing' })).toBe('malformed');
    expect(refused(s, { seat: 'north', type: 'no.such.move' })).toBe('malformed');
  });

  it('lets the speaker publish a new text when there is no mediator, and lapses acceptances of changed packages', () => {
    let s = createGame(sc, 1);
    s = act(s, { seat: 'north', type: 'package.accept', package: 'fishing', version: 1 });
    s = act(s, { seat: 'north', type: 'package.accept', package: 'pier', version: 1 });
    s = act(s, { seat: 'north', type: 'text.publish', text: { quota: 'q50' } });
    expect(s.textVersion).toBe(2);
    expect(s.packageVersion.fishing).toBe(2);
    expect(s.acceptances.fishing?.north).toBeUndefined();
    expect(s.acceptances.pier?.north).toEqual({ version: 1, onlyIf: null });
  });

  it('withdraws a conditional acceptance automatically when the linked package changes', () => {
    let s = createGame(sc, 1);
    s = act(s, {
      seat: 'north',
      type: 'package.acceptConditional',
      package: 'fishing',
      version: 1,
      onlyIf: ['pier'],
    });
    expect(s.acceptances.fishing?.north?.onlyIf).toEqual({ pier: 1 });
    s = act(s, { seat: 'north', type: 'text.publish', text: { owner: 'shared' } });
    expect(s.acceptances.fishing?.north).toBeUndefined();
    expect(s.log.some((e) => e.type === 'acceptance.lapsed' && e.because.includes('condition'))).toBe(true);
  });

  it('refuses an acceptance at a stale version and a package off the agenda', () => {
    let s = createGame(sc, 1);
    s = act(s, { seat: 'north', type: 'text.publish', text: { quota: 'q50' } });
    expect(refused(s, { seat: 'north', type: 'package.accept', package: 'fishing', version: 1 })).toBe(
      'stale.version',
    );
    expect(refused(s, { seat: 'north', type: 'package.accept', package: 'trade', version: 2 })).toBe(
      'off.agenda',
    );
  });

  it('holds a delegation to its mandate until its capital widens it', () => {
    let s = createGame(sc, 1);
    s = act(s, { seat: 'north', type: 'turn.end' });
    // South's fishing share at the opening text is below its 20% mandate.
    expect(refused(s, { seat: 'south', type: 'package.accept', package: 'fishing', version: 1 })).toBe(
      'mandate',
    );
    s = act(s, { seat: 'south', type: 'capital.consult', package: 'fishing' });
    // South sits out the rest of the meeting; the answer arrives when the next one opens.
    expect(s.away).toContain('south');
    while (s.meeting === 0) s = act(s, { seat: s.order[s.speaker]!, type: 'turn.end' });
    const reply = s.log.find((e) => e.type === 'capital.replied');
    expect(reply?.to).toEqual(['south']);
  });

  it('never lets a party sign across its own red line', () => {
    let s = createGame(sc, 1);
    s = act(s, { seat: 'north', type: 'turn.end' });
    // The opening text keeps the pier Northport's and unrepaired: Southbay's red line.
    expect(refused(s, { seat: 'south', type: 'text.sign', version: 1 })).toBe('red.line');
  });

  it('sends a text signed by all to ratification and ends with a deal when every check passes', () => {
    let s = createGame(sc, 1);
    const deal = { quota: 'q50', season: 'short', owner: 'shared', rebuild: 'rebuild-yes' };
    s = act(s, { seat: 'north', type: 'text.publish', text: deal });
    s = act(s, { seat: 'north', type: 'text.sign', version: 2 });
    s = act(s, { seat: 'south', type: 'turn.end' });
    // Meeting 1 cannot change trade; meeting 2 has trade on its agenda and South speaks first there.
    while (s.meeting === 0) s = act(s, { seat: s.order[s.speaker]!, type: 'turn.end' });
    expect(s.order[0]).toBe('south');
    s = act(s, { seat: 'south', type: 'text.publish', text: { toll: 'toll-low' } });
    expect(s.signatures).toEqual({});
    s = act(s, { seat: 'south', type: 'text.sign', version: 3 });
    s = act(s, { seat: 'north', type: 'text.sign', version: 3 });
    expect(s.status).toBe('ended');
    expect(s.outcome?.kind).toBe('deal');
    expect(s.outcome?.meetingsElapsed).toBe(1);
    const north = s.outcome?.results.find((r) => r.party === 'north');
    expect(north?.beatReservation).toBe(true);
  });

  it('returns the table to negotiation when ratification fails with meetings left', () => {
    // With a mandate that allows a high toll, Southbay may sign one, but the province's consent then fails.
    const loose = structuredClone(sc);
    loose.profiles.south!.mandate.trade!.minimum = 0;
    const go = (state: GameState, intent: Record<string, unknown>) => {
      const r = applyIntent(loose, state, { v: INTENT_VERSION, ...intent });
      if (!r.ok) throw new Error(r.error.message);
      return r.state;
    };
    let s = createGame(loose, 1);
    s = go(s, {
      seat: 'north',
      type: 'text.publish',
      text: { quota: 'q50', owner: 'shared', rebuild: 'rebuild-yes' },
    });
    s = go(s, { seat: 'north', type: 'text.sign', version: 2 });
    s = go(s, { seat: 'south', type: 'text.sign', version: 2 });
    expect(s.status).toBe('negotiating');
    const held = s.log.find((e) => e.type === 'ratification.held');
    expect(held && held.type === 'ratification.held' && held.passed).toBe(false);
    expect(s.signatures).toEqual({});
  });

  it('ends the game when a party walks away, everyone taking its reservation value', () => {
    let s = createGame(sc, 1);
    s = act(s, { seat: 'north', type: 'table.walkAway' });
    expect(s.outcome?.kind).toBe('walkout');
    for (const r of s.outcome?.results ?? []) expect(r.utility).toBe(r.reservation);
    expect(refused(s, { seat: 'south', type: 'turn.end' })).toBe('game.over');
  });

  it('ends with no deal when the last meeting closes, and discounts a late deal per meeting', () => {
    let s = createGame(sc, 1);
    let guard = 0;
    while (s.status === 'negotiating' && guard++ < 100)
      s = act(s, { seat: s.order[s.speaker]!, type: 'turn.timeout' });
    expect(s.outcome?.kind).toBe('no-deal');
    expect(s.meetingsElapsed).toBe(sc.calendar.length);
  });

  it('fires scripted events at their meeting and lets only the director inject the others', () => {
    let s = createGame(sc, 1);
    while (s.meeting === 0) s = act(s, { seat: s.order[s.speaker]!, type: 'turn.end' });
    expect(s.firedEvents).toEqual(['storm']);
    expect(refused(s, { seat: 'north', type: 'event.inject', event: 'fuel-prices' })).toBe('not.director');
    s = act(s, { seat: 'director', type: 'event.inject', event: 'fuel-prices' });
    expect(s.reservationShift.north).toBe(-500);
    expect(viewFor(sc, s, 'north').me?.reservation).toBe(4000);
    expect(viewFor(sc, s, 'south').me?.reservation).toBe(4000);
    expect(refused(s, { seat: 'director', type: 'event.inject', event: 'fuel-prices' })).toBe(
      'already.fired',
    );
  });

  it('keeps a private signal between sender and recipient', () => {
    let s = createGame(sc, 1);
    s = act(s, {
      seat: 'north',
      type: 'signal.send',
      kind: 'priority',
      issue: 'quota',
      option: 'q70',
      to: ['south'],
    });
    const e = s.log.at(-1);
    expect(e?.to).toEqual(['north', 'south']);
  });

  it('replays an intent log to the same state', () => {
    const intents: Intent[] = [
      { v: 1, seat: 'north', type: 'package.accept', package: 'fishing', version: 1 },
      { v: 1, seat: 'north', type: 'text.publish', text: { owner: 'shared' } },
      { v: 1, seat: 'north', type: 'turn.end' },
      { v: 1, seat: 'south', type: 'capital.consult', package: 'fishing' },
    ];
    let s = createGame(sc, 7);
    for (const i of intents) s = act(s, i);
    expect(JSON.stringify(replay(sc, 7, JSON.parse(JSON.stringify(intents))))).toBe(JSON.stringify(s));
  });
});
