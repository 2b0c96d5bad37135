// The real server killed with SIGKILL five times in one class game, mid-meeting, and started again on the same port:
// no intent acknowledged to a student is lost, and every student (the browser's own client code, reconnecting by
// itself) is back in its seat within 2 seconds of the restart.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/game';
import { type ClassClient, connectClass } from '../../src/net/class-client';
import { openSqliteStore } from '../../src/server/sqlite-store';
import { intentId } from './class-bot';
import { client, fixtureScenario, sleep, tempDataDir, until } from './class-helpers';
import { launch, ROOT } from './helpers';

const scenario = fixtureScenario('tram-line.yaml');
const data = tempDataDir();
const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
  data.remove();
});

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => done(port));
    });
  });
}

async function startOn(port: number) {
  const server = launch({
    PORT: String(port),
    HOST: '127.0.0.1',
    STATIC_DIR: join(ROOT, 'test/fixtures'),
    DATA_DIR: data.dir,
    CLASS_TEST_SCENARIOS: '1',
    CLASS_AI_DELAY_MS: '0',
  });
  const deadline = Date.now() + 60_000;
  while (!/served at/.test(server.out())) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited:\n${server.out()}\n${server.err()}`);
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${server.out()}\n${server.err()}`);
    await sleep(10);
  }
  return { ...server, listeningAt: Date.now() };
}

interface ViewLike {
  seat: string;
  status: string;
  myTurn: boolean;
  meeting: { index: number };
  round: number;
  packages: Array<{ id: string; version: number; onAgenda: boolean; acceptedBy: string[] }>;
  scenario: { packages: Array<{ id: string; issues: Array<{ id: string }> }> };
}

/** A student that, each turn, states three priorities, accepts the packages on the agenda, then ends its turn.
 * Nobody signs, so the game runs its whole calendar: with several moves a turn it outlasts five kills. */
function student(c: ClassClient, acked: Map<string, number>) {
  let busy = false;
  let stopped = false;
  const said = new Map<string, number>();
  let signals = 0;
  const step = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (let guard = 0; guard < 20 && !stopped; guard++) {
        const r = await c.request<{ view: ViewLike; phase: string; state: string }>({ type: 'seat.view' });
        if (!r.ok) return;
        const { view, phase, state } = r.result;
        if (state !== 'running' || view.status !== 'negotiating' || !view.myTurn || phase !== 'deliberating')
          return;
        const turn = `${view.meeting.index}:${view.round}`;
        const issues = view.scenario.packages.flatMap((p) => p.issues.map((i) => i.id));
        const issue = issues[signals % issues.length] as string;
        const pkg = view.packages.find((p) => p.onAgenda && !p.acceptedBy.includes(view.seat));
        const spoken = said.get(turn) ?? 0;
        const move =
          spoken < 3
            ? { type: 'signal.send', kind: 'priority', issue, to: 'all' }
            : pkg
              ? { type: 'package.accept', package: pkg.id, version: pkg.version }
              : { type: 'turn.end' };
        if (spoken < 3) signals++;
        said.set(turn, spoken + 1);
        const id = intentId();
        const sent = await c.request<{ seq: number }>({
          type: 'seat.intent',
          intentId: id,
          move: move as never,
        });
        if (sent.ok) acked.set(id, sent.result.seq);
        else if (sent.error.code === 'refused') {
          const end = intentId();
          const e = await c.request<{ seq: number }>({
            type: 'seat.intent',
            intentId: end,
            move: { type: 'turn.end' },
          });
          if (e.ok) acked.set(end, e.result.seq);
        }
      }
    } finally {
      busy = false;
    }
  };
  const off = c.on((m) => {
    if (m.type === 'seat.update' || m.type === 'seat.patch') void step();
  });
  const timer = setInterval(() => void step(), 100);
  return {
    stop() {
      stopped = true;
      off();
      clearInterval(timer);
    },
  };
}

describe('kill -9 in the middle of a class game', () => {
  it('loses no acknowledged intent over five kills, and every student is back in its seat within 2 s', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let server = await startOn(port);
    cleanup.push(() => server.child.kill('SIGKILL'));
    const teacher = await client(url);
    const created = (
      await teacher.send({
        type: 'teacher.create',
        scenario: scenario.meta.id,
        tables: 1,
        turnSeconds: null,
        difficulty: 'easy',
      })
    ).result as { session: string; code: string };

    const acked = new Map<string, number>();
    const students: Array<{ c: ClassClient; seat: string; stop: () => void }> = [];
    for (const name of ['Ana', 'Bo', 'Cy']) {
      let token: string | null = null;
      const c = connectClass(url, { hello: () => (token ? { type: 'student.resume', token } : null) });
      cleanup.push(() => c.close());
      const joined = await c.request<{ token: string }>({
        type: 'student.join',
        code: created.code,
        nickname: name,
      });
      if (!joined.ok) throw new Error(joined.error.message);
      token = joined.result.token;
      students.push({ c, seat: '', stop: () => {} });
    }
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    teacher.close();
    for (const s of students) {
      const v = await s.c.request<{ view: ViewLike }>({ type: 'seat.view' });
      if (!v.ok) throw new Error(v.error.message);
      s.seat = v.result.view.seat;
      s.stop = student(s.c, acked).stop;
    }
    expect(new Set(students.map((s) => s.seat)).size).toBe(3);

    const backWithin: number[] = [];
    for (let kill = 1; kill <= 5; kill++) {
      const target = acked.size + 2;
      await until(() => acked.size >= target, 60_000, `two more acknowledged moves before kill ${kill}`);
      await sleep(Math.floor(Math.random() * 40));
      const before = new Map(acked);
      server.child.kill('SIGKILL');
      await server.exited;
      // Still mid-game when killed: the store says the table is negotiating.
      const peek = openSqliteStore(data.dir);
      const stored = peek.intents(created.session, 0);
      const seed = peek.tables(created.session)[0]?.seed as string;
      peek.close();
      const ids = new Set(stored.map((r) => r.intentId));
      for (const id of before.keys())
        expect(ids.has(id), `acknowledged intent ${id} lost at kill ${kill}`).toBe(true);
      expect(
        replay(
          scenario,
          seed,
          stored.map((r) => r.intent),
        ).status,
      ).toBe('negotiating');

      server = await startOn(port);
      const back = await Promise.all(
        students.map(async (s) => {
          const r = await s.c.request<{ view: ViewLike }>({ type: 'seat.view' });
          if (!r.ok) throw new Error(r.error.message);
          expect(r.result.view.seat).toBe(s.seat);
          return Date.now() - server.listeningAt;
        }),
      );
      backWithin.push(Math.max(...back));
    }
    console.log(
      `kill -9: students back in their seats ${backWithin.join(', ')} ms after each restart (${acked.size} moves acknowledged by the fifth)`,
    );
    for (const ms of backWithin) expect(ms).toBeLessThanOrEqual(2000);

    // The game goes on to its end after the fifth restart, on the same log.
    await until(
      async () => {
        const r = await students[0]?.c.request<{ view: ViewLike }>({ type: 'seat.view' });
        return r?.ok === true && r.result.view.status === 'ended';
      },
      120_000,
      'the game to end',
    );
    for (const s of students) s.stop();
    server.child.kill('SIGTERM');
    await server.exited;
    const store = openSqliteStore(data.dir);
    const all = store.intents(created.session, 0);
    store.close();
    const ids = new Set(all.map((r) => r.intentId));
    for (const id of acked.keys()) expect(ids.has(id)).toBe(true);
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
  }, 300_000);
});
