// The SQLite class store: append-only intents with their events, snapshots, and sessions that survive reopening.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Intent } from '../../src/engine/intents';
import { openSqliteStore } from '../../src/server/sqlite-store';
import type { ClassStore } from '../../src/server/store';

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup.reverse()) c();
  cleanup = [];
});

function open(): { store: ClassStore; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shuttle-store-'));
  const store = openSqliteStore(dir);
  cleanup.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => store.close(),
  );
  return { store, dir };
}

const intent = (seat: string): Intent => ({ v: 1, seat, type: 'turn.end' });

describe('SQLite class store', () => {
  it('keeps sessions, students, tables, intents, events and snapshots across reopening', () => {
    const { store, dir } = open();
    store.createSession({
      id: 'c1',
      code: 'ABCDEF',
      teacherHash: 'h1',
      scenarioId: 'tram-line',
      tables: 1,
      turnSeconds: 60,
      difficulty: 'easy',
      state: 'lobby',
      createdAt: 1,
    });
    store.putStudent({
      id: 's1',
      session: 'c1',
      tokenHash: 't1',
      nickname: 'Ana',
      table: null,
      seat: null,
      seatedAt: null,
      joinedAt: 2,
    });
    store.putStudent({
      id: 's1',
      session: 'c1',
      tokenHash: 't1',
      nickname: 'Ana B',
      table: 0,
      seat: 'city',
      seatedAt: 3,
      joinedAt: 2,
    });
    store.createTables([{ session: 'c1', index: 0, seed: 'abc' }]);
    store.setSessionState('c1', 'running');
    store.appendIntent('c1', 0, { seq: 1, intentId: 'id-1', intent: intent('city'), events: [], at: 5 });
    store.appendIntent(
      'c1',
      0,
      { seq: 2, intentId: 'id-2', intent: intent('traders'), events: [], at: 6 },
      { count: 2, state: '{}' },
    );
    expect(() =>
      store.appendIntent('c1', 0, { seq: 2, intentId: 'id-3', intent: intent('city'), events: [], at: 7 }),
    ).toThrow();
    expect(() =>
      store.appendIntent('c1', 0, { seq: 3, intentId: 'id-1', intent: intent('city'), events: [], at: 7 }),
    ).toThrow();
    store.close();
    const again = openSqliteStore(dir);
    cleanup.push(() => again.close());
    expect(again.openSessions().map((s) => [s.id, s.state, s.turnSeconds])).toEqual([['c1', 'running', 60]]);
    expect(again.sessionByTeacher('h1')?.id).toBe('c1');
    expect(again.students('c1')).toEqual([
      {
        id: 's1',
        session: 'c1',
        tokenHash: 't1',
        nickname: 'Ana B',
        table: 0,
        seat: 'city',
        seatedAt: 3,
        joinedAt: 2,
      },
    ]);
    expect(again.tables('c1')).toEqual([{ session: 'c1', index: 0, seed: 'abc' }]);
    expect(again.intents('c1', 0).map((r) => [r.seq, r.intentId, r.intent.seat])).toEqual([
      [1, 'id-1', 'city'],
      [2, 'id-2', 'traders'],
    ]);
    expect(again.snapshot('c1', 0)).toEqual({ count: 2, state: '{}' });
  });

  it('copies the write-ahead log into the database on its own thread while commits go on, and loses none', async () => {
    const { store, dir } = open();
    const size = () => statSync(join(dir, 'classroom.sqlite')).size;
    store.createSession({
      id: 'c1',
      code: 'ABCDEF',
      teacherHash: 'h1',
      scenarioId: 'tram-line',
      tables: 1,
      turnSeconds: null,
      difficulty: 'easy',
      state: 'running',
      createdAt: 1,
    });
    const empty = size();
    // One commit a tick, as the server makes them; a checkpoint starts every few hundred.
    let seq = 0;
    const commit = async (n: number) => {
      for (let i = 0; i < n; i++) {
        seq++;
        store.appendIntent('c1', 0, {
          seq,
          intentId: `id-${seq}`,
          intent: intent('city'),
          events: [],
          at: seq,
        });
        await new Promise((r) => setImmediate(r));
      }
    };
    await commit(600);
    // The thread copies the log into the database file (the commits above never waited for it).
    for (let waited = 0; size() === empty && waited < 20_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(size()).toBeGreaterThan(empty);
    await commit(300);
    await store.durable();
    // Closed with a checkpoint perhaps still running: every commit is there on reopening.
    store.close();
    const again = openSqliteStore(dir);
    cleanup.push(() => again.close());
    expect(again.intents('c1', 0).map((r) => r.seq)).toEqual(Array.from({ length: 900 }, (_, i) => i + 1));
  });
});
