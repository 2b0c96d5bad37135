// A ratification check marked public (a constitution, a law, published polls) is seen by every side, and an AI
// author keeps its texts within the other sides' public checks as within its own limits.
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
import type { Scenario } from '../../src/scenario/schema';
import { harbour } from '../engine/fixtures';

/** The harbour scenario with Southbay's consent check (the province refuses a high toll) public or not. */
function harbourWith(publicProvince: boolean): Scenario {
  const sc = harbour();
  const check = sc.profiles.south!.ratification.find((c) => c.id === 'province')!;
  if (publicProvince) check.public = true;
  return sc;
}

/** The toll in the text after Northport's first turn at the meeting that discusses trade, where it authors the
 * text and nobody has yet said a word (every earlier turn is a silent pass). */
function northsTollAtTrade(sc: Scenario): string {
  let state: GameState = createGame(sc, 2);
  const pass = (seat: string) => {
    const r = applyIntent(sc, state, { v: INTENT_VERSION, seat, type: 'turn.end' } as Intent);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  };
  for (let i = 0; i < 30; i++) {
    const v = viewFor(sc, state, 'north');
    if (v.speaker === 'north' && v.meeting.agenda.includes('trade')) break;
    pass(v.speaker!);
  }
  expect(viewFor(sc, state, 'north').meeting.agenda).toContain('trade');
  state = playAiTurn(sc, state, 'north', 'medium');
  return state.text.toll!;
}

describe('public ratification checks', () => {
  it('reach the other sides’ views, and a private check reaches nobody else', () => {
    const sc = harbourWith(true);
    const state = createGame(sc, 1);
    const north = viewFor(sc, state, 'north').scenario.publicRatification;
    expect(north.map((r) => `${r.party}:${r.check.id}`)).toEqual(['south:province']);
    // Its own checks are in its brief, not in this list; Northport's council vote is private.
    expect(viewFor(sc, state, 'south').scenario.publicRatification).toEqual([]);
    expect(viewFor(harbourWith(false), state, 'north').scenario.publicRatification).toEqual([]);
  });

  it('keep an AI author’s text within them before the other side says a word', () => {
    // Southbay's province refuses a high toll, the opening text's. Public, Northport's first text drops it.
    expect(northsTollAtTrade(harbourWith(true))).not.toBe('toll-high');
    // Private, Northport (which likes a high toll) has no reason to: the check above can fail.
    expect(northsTollAtTrade(harbourWith(false))).toBe('toll-high');
  }, 60_000);
});
