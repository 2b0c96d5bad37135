// The format extensions in play: a `weight` event effect (renormalised integer weights) and support checks held
// only when the text meets their `appliesWhen`.
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  createGame,
  DIRECTOR,
  type GameState,
  INTENT_VERSION,
  liveProfile,
  viewFor,
} from '../../src/engine';
import { buildDebrief } from '../../src/engine/debrief';
import { liveBrief } from '../../src/engine/seat-figures';
import type { Scenario, Text } from '../../src/scenario/schema';
import { utilityOf } from '../../src/scenario/utility';
import { harbour } from './fixtures';

function act(sc: Scenario, state: GameState, intent: Record<string, unknown>): GameState {
  const r = applyIntent(sc, state, { v: INTENT_VERSION, ...intent });
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

const weightsOf = (sc: Scenario, s: GameState, party: string) =>
  Object.fromEntries(Object.entries(liveProfile(sc, s, party).preferences).map(([i, p]) => [i, p.weight]));

/** A text where north values every issue differently: q50, short, shared, rebuild-yes, toll-low. */
const MIXED: Text = {
  quota: 'q50',
  season: 'short',
  owner: 'shared',
  rebuild: 'rebuild-yes',
  toll: 'toll-low',
};

describe('a weight event effect', () => {
  it('moves one weight and renormalises all of them to the old total, one effect after another', () => {
    const sc = harbour();
    // North's weights are quota 40, season 20, owner 15, rebuild 5, toll 20 (sum 100).
    sc.events[1]!.effects = [
      { type: 'weight', party: 'north', issue: 'rebuild', delta: 25 },
      { type: 'weight', party: 'north', issue: 'quota', delta: -100 },
    ];
    let s = createGame(sc, 1);
    expect(utilityOf(liveProfile(sc, s, 'north'), MIXED)).toBe(
      40 * 60 + 20 * 30 + 15 * 70 + 5 * 40 + 20 * 60,
    );
    s = act(sc, s, { seat: DIRECTOR, type: 'event.inject', event: 'fuel-prices' });
    // Rebuild 5 + 25 = 30, sum 125: every weight × 100/125 is whole: 32, 16, 12, 24, 16.
    // Quota 32 − 100 → 0 (clamped), sum 68: floors 0, 23, 17, 35, 23 (98) with remainders 0, 36, 44, 20, 36;
    // the 2 points left go to owner (44), then season (36, listed before toll).
    expect(weightsOf(sc, s, 'north')).toEqual({ quota: 0, season: 24, owner: 18, rebuild: 35, toll: 23 });
    expect(utilityOf(liveProfile(sc, s, 'north'), MIXED)).toBe(24 * 30 + 18 * 70 + 35 * 40 + 23 * 60);
    // The other side's weights, the reservation and the best (all values 100 on some option) stay.
    expect(weightsOf(sc, s, 'south')).toEqual({ quota: 20, season: 10, owner: 15, rebuild: 30, toll: 25 });
    expect(viewFor(sc, s, 'north').me?.ideal).toBe(10000);
    // Each side is told only of its own weight changes.
    expect(viewFor(sc, s, 'north').news.at(-1)?.weights).toEqual([
      { issue: 'rebuild', delta: 25 },
      { issue: 'quota', delta: -100 },
    ]);
    expect(viewFor(sc, s, 'south').news.at(-1)?.weights).toEqual([]);
  });

  it('changes nothing when it would leave every weight at 0', () => {
    const sc = harbour();
    for (const [issue, pref] of Object.entries(sc.profiles.north!.preferences))
      pref.weight = issue === 'quota' ? 100 : 0;
    sc.events[1]!.effects = [{ type: 'weight', party: 'north', issue: 'quota', delta: -100 }];
    const s = act(sc, createGame(sc, 1), { seat: DIRECTOR, type: 'event.inject', event: 'fuel-prices' });
    expect(weightsOf(sc, s, 'north')).toEqual({ quota: 100, season: 0, owner: 0, rebuild: 0, toll: 0 });
  });
});

describe('a support check with appliesWhen', () => {
  /** North's council votes only on a text that gives the pier away (shared or Southbay's), and would say no. */
  function scenario(): Scenario {
    const sc = harbour();
    const check = sc.profiles.north!.ratification[0]!;
    if (check.kind !== 'support') throw new Error('expected the council vote');
    check.appliesWhen = { issue: 'owner', in: ['shared', 'south-owns'] };
    check.base = 30;
    return sc;
  }

  it('is shown as not needed, with no support figure, while the text does not meet it', () => {
    const sc = scenario();
    let s = createGame(sc, 1);
    const quiet = viewFor(sc, s, 'north').me!.ratification[0]!;
    expect(quiet).toMatchObject({ id: 'council-vote', passesNow: true, notNeeded: true });
    expect(quiet.support).toBeUndefined();
    expect(liveBrief(viewFor(sc, s, 'north'))!.ratification[0]).toEqual({
      id: 'council-vote',
      body: 'Town council',
      passesNow: true,
      notNeeded: true,
    });
    s = act(sc, s, { seat: 'north', type: 'text.publish', text: { owner: 'shared' } });
    // Now held: 30 + 10 (quota q70) = 40 against 50.
    const held = viewFor(sc, s, 'north').me!.ratification[0]!;
    expect(held).toEqual({
      id: 'council-vote',
      body: 'Town council',
      description: 'The council must back the deal.',
      passesNow: false,
      support: 40,
      threshold: 50,
    });
  });

  it('passes as not needed at ratification, and the debrief says so', () => {
    const sc = scenario();
    // The trade package is not on the first meeting's agenda: let Southbay sign the opening toll.
    const province = sc.profiles.south!.ratification[0]!;
    if (province.kind === 'consent') province.failsWhen = { issue: 'toll', in: ['toll-none'] };
    sc.profiles.south!.mandate.trade!.minimum = 0;
    let s = createGame(sc, 1);
    const text = { quota: 'q50', season: 'long', owner: 'north-owns', rebuild: 'rebuild-yes' };
    s = act(sc, s, { seat: 'north', type: 'text.publish', text });
    s = act(sc, s, { seat: 'north', type: 'text.sign', version: 2 });
    s = act(sc, s, { seat: 'south', type: 'text.sign', version: 2 });
    expect(s.status).not.toBe('negotiating');
    const held = s.log.find((e) => e.type === 'ratification.held');
    expect(held?.type === 'ratification.held' && held.results[0]).toEqual({
      party: 'north',
      checks: [{ id: 'council-vote', body: 'Town council', passed: true, notNeeded: true }],
      passed: true,
    });
    expect(buildDebrief(sc, s).ratification[0]?.checks).toEqual([
      { body: 'Town council', passed: true, notNeeded: true },
    ]);
  });
});
