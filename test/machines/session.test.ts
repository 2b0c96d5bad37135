// The session and delegation machines: full games driven through them, the turn timer on a simulated clock.

import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { attachAi } from '../../src/ai/ai-driver';
import { replay } from '../../src/engine';
import { createLocalTable } from '../../src/net/local-table';
import { harbour } from '../engine/fixtures';

const sc = harbour();

async function settle(done: () => boolean, limit = 5000): Promise<void> {
  for (let i = 0; i < limit && !done(); i++) await new Promise((r) => setTimeout(r, 0));
}

/** A table with a 60 s turn clock on a simulated clock, every brief read: north speaks first. */
function timedTable() {
  const clock = new SimulatedClock();
  const table = createLocalTable({ scenario: sc, seed: '1', turnSeconds: 60, clock });
  const north = table.connect('north');
  for (const seat of table.seats()) table.connect(seat).acknowledgeBrief();
  return { clock, table, north };
}

describe('the session machine', () => {
  it('runs a whole AI-vs-AI game on a two-party, no-mediator scenario through the delegation machines', async () => {
    const table = createLocalTable({ scenario: sc, seed: '5' });
    for (const seat of table.seats())
      attachAi(table.connect(seat), { difficulty: 'medium', seed: 5, schedule: (fn) => queueMicrotask(fn) });
    await settle(() => table.state().status === 'ended');
    expect(table.state().status).toBe('ended');
    expect(table.actor.getSnapshot().value).toBe('ended');
    for (const seat of table.seats()) expect(table.connect(seat).phase()).toBe('done');
    // The session's log replays to the same game.
    expect(JSON.stringify(replay(sc, '5', JSON.parse(JSON.stringify(table.intents()))))).toBe(
      JSON.stringify(table.state()),
    );
  });

  it('keeps a delegation in its briefing until it has read its brief, and refuses moves out of turn', async () => {
    const table = createLocalTable({ scenario: sc, seed: '1' });
    const north = table.connect('north');
    const south = table.connect('south');
    expect(north.phase()).toBe('briefing');
    expect((await north.send({ type: 'turn.end' })).ok).toBe(false);
    north.acknowledgeBrief();
    south.acknowledgeBrief();
    expect(north.phase()).toBe('deliberating');
    expect(south.phase()).toBe('waiting');
    const refused = await south.send({ type: 'turn.end' });
    expect(refused.ok).toBe(false);
    const bad = await north.send({ type: 'package.accept', package: 'nowhere', version: 1 });
    expect(bad).toEqual({ ok: false, error: { code: 'unknown.package', message: 'no package "nowhere"' } });
    expect((await north.send({ type: 'capital.consult', package: 'pier' })).ok).toBe(true);
    expect(north.phase()).toBe('consultingCapital');
    expect(south.phase()).toBe('deliberating');
  });

  it('ends a speaker’s turn when the clock runs out, and logs the expiry as an intent', () => {
    const { clock, table } = timedTable();
    expect(table.state().order[table.state().speaker]).toBe('north');
    clock.increment(59_000);
    expect(table.intents()).toHaveLength(0);
    clock.increment(1_000);
    expect(table.intents()).toEqual([{ v: 1, seat: 'north', type: 'turn.timeout' }]);
    expect(table.state().order[table.state().speaker]).toBe('south');
    clock.increment(60_000);
    expect(table.intents()).toHaveLength(2);
  });

  it('does not restart the clock for a refused move', async () => {
    const { clock, table, north } = timedTable();
    clock.increment(50_000);
    expect((await north.send({ type: 'package.accept', package: 'trade', version: 1 })).ok).toBe(false);
    clock.increment(10_000);
    expect(table.intents()).toEqual([{ v: 1, seat: 'north', type: 'turn.timeout' }]);
  });

  it('keeps one clock through a speaker’s turn: a move that keeps the floor buys no time, the next speaker gets the full time', async () => {
    const { clock, table, north } = timedTable();
    clock.increment(50_000);
    expect((await north.send({ type: 'package.accept', package: 'pier', version: 1 })).ok).toBe(true);
    expect(table.state().order[table.state().speaker]).toBe('north');
    clock.increment(10_000);
    // Sixty seconds after the turn began, not after the move.
    expect(table.intents().at(-1)).toEqual({ v: 1, seat: 'north', type: 'turn.timeout' });
    expect(table.state().order[table.state().speaker]).toBe('south');
    clock.increment(59_000);
    expect(table.intents()).toHaveLength(2);
    clock.increment(1_000);
    expect(table.intents()).toHaveLength(3);
  });

  it('keeps a teacher’s extension through the rest of the turn', async () => {
    const { clock, table, north } = timedTable();
    clock.increment(30_000);
    table.actor.send({ type: 'turn.extend', ms: 90_000 });
    clock.increment(40_000);
    expect((await north.send({ type: 'package.accept', package: 'pier', version: 1 })).ok).toBe(true);
    clock.increment(49_000);
    expect(table.intents()).toHaveLength(1);
    clock.increment(1_000);
    expect(table.intents().at(-1)).toEqual({ v: 1, seat: 'north', type: 'turn.timeout' });
    // The next speaker has the session's time again.
    clock.increment(60_000);
    expect(table.intents()).toHaveLength(3);
  });

  it('restores a saved game from its intents', async () => {
    const table = createLocalTable({ scenario: sc, seed: '9' });
    for (const seat of table.seats())
      attachAi(table.connect(seat), { difficulty: 'hard', seed: 9, schedule: (fn) => queueMicrotask(fn) });
    await settle(() => table.intents().length >= 12);
    const saved = JSON.parse(JSON.stringify(table.intents().slice(0, 12)));
    table.close();
    const restored = createLocalTable({ scenario: sc, seed: '9', intents: saved });
    expect(JSON.stringify(restored.state())).toBe(JSON.stringify(replay(sc, '9', saved)));
    expect(restored.connect('north').view().log.length).toBeGreaterThan(5);
  });
});
