// Seat patches: the server sends what changed in a seat's view since the version its students hold; a client that
// missed one asks for the whole view, and patches that arrive meanwhile wait for that answer.
import { describe, expect, it } from 'vitest';
import type { ClassClient } from '../../src/net/class-client';
import { remoteSeat } from '../../src/net/class-client';
import {
  applySeatPatch,
  type Reply,
  type SeatPatch,
  type SeatUpdate,
  type ServerMessage,
} from '../../src/protocol';
import { diffUpdate } from '../../src/server/classroom';

const view = (log: Array<{ seq: number }>, extra: Record<string, unknown> = {}) => ({
  seat: 'city',
  status: 'negotiating',
  round: 1,
  log,
  packages: [{ id: 'p', acceptedBy: [] as string[] }],
  ...extra,
});
const update = (version: number, v: ReturnType<typeof view>): SeatUpdate => ({
  version,
  view: v,
  phase: 'deliberating',
  state: 'running',
  deadline: null,
});

describe('seat patches', () => {
  it('sends only the changed fields and the new log entries, and nothing when nothing changed', () => {
    const e1 = { seq: 1 };
    const e2 = { seq: 2 };
    const before = update(3, view([e1]));
    expect(diffUpdate(before, { ...before, view: view([e1]) })).toBeNull();
    const patch = diffUpdate(before, { ...before, view: view([e1, e2], { round: 2 }) }) as SeatPatch;
    expect(patch).toMatchObject({ base: 3, version: 4, set: { round: 2 }, log: { from: 1, entries: [e2] } });
    expect(Object.keys(patch.set)).toEqual(['round']);
    const applied = applySeatPatch(before, patch);
    expect(applied).toEqual(update(4, view([e1, e2], { round: 2 })));
    // A log that did not only grow is sent whole.
    const rewritten = diffUpdate(before, { ...before, view: view([{ seq: 9 }]) }) as SeatPatch;
    expect(rewritten.set.log).toEqual([{ seq: 9 }]);
    expect(rewritten.log).toBeUndefined();
    // A change of phase alone is a patch too.
    expect(diffUpdate(before, { ...before, phase: 'waiting' })).toMatchObject({ phase: 'waiting', set: {} });
    // A patch made from another version does not apply.
    expect(applySeatPatch(update(2, view([e1])), patch)).toBeNull();
    expect(applySeatPatch(update(3, view([])), patch)).toBeNull();
  });

  it('asks for the whole view when a patch does not apply, and applies the next patches to it', async () => {
    const listeners = new Set<(m: ServerMessage) => void>();
    const asked: string[] = [];
    let answer: (r: Reply<SeatUpdate>) => void = () => {};
    const client = {
      request: (m: { type: string }) => {
        asked.push(m.type);
        return new Promise<Reply<SeatUpdate>>((done) => {
          answer = done;
        });
      },
      on: (l: (m: ServerMessage) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    } as unknown as ClassClient;
    const push = (patch: SeatPatch) => {
      for (const l of listeners) l({ v: 1, type: 'seat.patch', patch });
    };
    const seat = remoteSeat(client, update(1, view([{ seq: 1 }])));
    const seen: number[] = [];
    seat.subscribe((_v, events) => seen.push(events.length));
    const step = (base: number, seq: number, from: number): SeatPatch => ({
      base,
      version: base + 1,
      phase: 'deliberating',
      state: 'running',
      deadline: null,
      set: {},
      log: { from, entries: [{ seq }] },
    });
    push(step(1, 2, 1));
    expect(seat.update().version).toBe(2);
    expect(seat.view().log.map((e) => e.seq)).toEqual([1, 2]);
    // Version 3 was missed: the whole view is asked for; patches meanwhile wait for it.
    push(step(3, 4, 3));
    push(step(4, 5, 4));
    expect(asked).toEqual(['seat.view']);
    expect(seat.update().version).toBe(2);
    answer({ ok: true, result: update(5, view([1, 2, 3, 4, 5].map((seq) => ({ seq })))) });
    await Promise.resolve();
    await Promise.resolve();
    expect(seat.update().version).toBe(5);
    push(step(5, 6, 5));
    expect(seat.view().log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen).toEqual([1, 3, 1]);
    seat.close();
  });
});
