// Class sessions over socket.io on the game's own server: joining by code, auto-assigned seats, AI on empty seats,
// views only, refusals for a student acting beyond its seat, idempotent intents, exports, and resuming from SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/game';
import { eventsOf, type GameState } from '../../src/engine/state';
import { intentId, nextMove, playSeat } from './class-bot';
import {
  briefSentences,
  client,
  fixtureScenario,
  type InProcessServer,
  startClassServer,
  type TestClient,
  tempDataDir,
  until,
} from './class-helpers';

const scenario = fixtureScenario('tram-line.yaml');
const parties = scenario.parties.map((p) => p.id);

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(tables = 2) {
  const data = tempDataDir();
  const server = await startClassServer(data.dir, [scenario]);
  cleanup.push(data.remove, () => server.close());
  const teacher = await client(server.url);
  cleanup.push(() => teacher.close());
  const created = await teacher.send({
    type: 'teacher.create',
    scenario: scenario.meta.id,
    tables,
    turnSeconds: null,
    difficulty: 'medium',
  });
  expect(created.ok).toBe(true);
  return {
    data,
    server,
    teacher,
    created: created.result as { session: string; teacherToken: string; code: string },
  };
}

async function joinStudents(server: InProcessServer, code: string, names: string[]): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (const name of names) {
    const c = await client(server.url);
    cleanup.push(() => c.close());
    const r = await c.send({ type: 'student.join', code: code.toLowerCase(), nickname: name });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    out.push(c);
  }
  return out;
}

describe('class sessions', () => {
  it('runs a class: three students at one table, AI at the other, both games to the outcome, CSV of both', async () => {
    const { server, teacher, created } = await setup(2);
    expect(created.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(created.teacherToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const students = await joinStudents(server, created.code, ['Ana', '<b>Bo</b>', 'Cy']);
    const dash = await teacher.send({ type: 'teacher.attach', token: created.teacherToken });
    expect(dash.result.lobby.map((s: { nickname: string }) => s.nickname)).toEqual([
      'Ana',
      '<b>Bo</b>',
      'Cy',
    ]);
    expect((await teacher.send({ type: 'teacher.autoAssign' })).result).toEqual({ placed: 3 });
    const seats = [];
    for (const s of students) {
      const st = (await s.send({ type: 'seat.view' })) as { ok: boolean; error?: { code: string } };
      expect(st.ok).toBe(false); // not started yet
      seats.push(server.classroom.session(created.session)?.status(dash.result.lobby[seats.length].id));
    }
    expect(seats.map((s) => s?.table)).toEqual([0, 0, 0]);
    expect(new Set(seats.map((s) => s?.seat))).toEqual(new Set(parties));
    expect((await teacher.send({ type: 'teacher.start' })).ok).toBe(true);

    const bots = students.map((s) => playSeat(s));
    cleanup.push(() => {
      for (const b of bots) b.stop();
    });
    const session = server.classroom.session(created.session);
    await until(
      () => session?.tables.every((t) => t.table.state().status === 'ended') ?? false,
      120_000,
      'both tables to end',
    );

    const csv = await teacher.send({ type: 'teacher.export', format: 'csv' });
    expect(csv.ok).toBe(true);
    const lines = (csv.result.text as string).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * parties.length);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['1', '2']));
    expect(rows.filter((r) => r[1] === '2').every((r) => r[5] === 'AI')).toBe(true);
    expect(
      rows
        .filter((r) => r[1] === '1')
        .map((r) => r[5])
        .sort(),
    ).toEqual(['<b>Bo</b>', 'Ana', 'Cy']);
    for (const r of rows) expect(['deal', 'no-deal', 'walkout']).toContain(r[7]);
    const json = await teacher.send({ type: 'teacher.export', format: 'json' });
    const exported = JSON.parse(json.result.text);
    expect(exported.tables).toHaveLength(2);
    for (const t of exported.tables) {
      expect(t.outcome).not.toBeNull();
      expect(t.intents.length).toBeGreaterThan(0);
      expect(t.log.length).toBeGreaterThan(0);
    }

    // Views only: nothing a student received holds another seat's brief.
    for (const [i, s] of students.entries()) {
      const mine = seats[i]?.seat as string;
      const received = JSON.stringify(s.pushed) + s.answers.join('\n');
      expect(received).toContain(briefSentences(scenario, mine)[0]);
      for (const other of parties.filter((p) => p !== mine))
        for (const sentence of briefSentences(scenario, other)) expect(received).not.toContain(sentence);
    }
  });

  it("refuses a student's socket acting for another seat, reading another view, or using teacher controls", async () => {
    const { server, teacher, created } = await setup(1);
    const [a, b] = await joinStudents(server, created.code, ['Ana', 'Bo']);
    if (!a || !b) throw new Error('no students');
    await teacher.send({ type: 'teacher.attach', token: created.teacherToken });
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    const mine = (await a.send({ type: 'seat.view' })).result.view.seat as string;
    const other = parties.find((p) => p !== mine) as string;
    const session = server.classroom.session(created.session);
    const before = session?.tables[0]?.table.intents().length;

    const peek = await a.send({ type: 'seat.view', seat: other });
    expect(peek).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const act = await a.send({
      type: 'seat.intent',
      intentId: intentId(),
      seat: other,
      move: { type: 'turn.end' },
    });
    expect(act).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const smuggled = await a.send({
      type: 'seat.intent',
      intentId: intentId(),
      move: { type: 'turn.end', seat: other },
    });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'bad.message' } });
    const clock = await a.send({ type: 'seat.intent', intentId: intentId(), move: { type: 'turn.timeout' } });
    expect(clock).toMatchObject({ ok: false, error: { code: 'bad.message' } });
    for (const type of ['teacher.start', 'teacher.pause', 'teacher.end', 'teacher.autoAssign']) {
      expect(await a.send({ type })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await a.send({ type: 'teacher.export', format: 'json' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await a.send({ type: 'teacher.attach', token: 'x'.repeat(43) })).toMatchObject({ ok: false });
    const stranger = await client(server.url);
    cleanup.push(() => stranger.close());
    expect(await stranger.send({ type: 'teacher.pause' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await stranger.send({ type: 'seat.view' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(session?.tables[0]?.table.intents().length).toBe(before);
    expect(session?.state).toBe('running');
  });

  it('applies an intent id once, and refuses moves while paused', async () => {
    const { server, teacher, created } = await setup(1);
    const [a] = await joinStudents(server, created.code, ['Ana']);
    if (!a) throw new Error('no student');
    // Ana alone takes the first seat: the mediator, who speaks first in the tram-line scenario.
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    const seen = (await a.send({ type: 'seat.view' })).result;
    expect(seen.view.myTurn).toBe(true);
    const id = intentId();
    const move = nextMove(seen.view);
    const first = await a.send({ type: 'seat.intent', intentId: id, move });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const again = await a.send({ type: 'seat.intent', intentId: id, move });
    expect(again).toEqual({ ok: true, result: { seq: first.result.seq, duplicate: true } });
    const session = server.classroom.session(created.session);
    expect(server.store.intents(created.session, 0).filter((r) => r.intentId === id)).toHaveLength(1);
    await teacher.send({ type: 'teacher.pause' });
    const view = (await a.send({ type: 'seat.view' })).result;
    expect(view.state).toBe('paused');
    const paused = await a.send({ type: 'seat.intent', intentId: intentId(), move: { type: 'turn.end' } });
    expect(paused).toMatchObject({ ok: false, error: { code: 'wrong.state' } });
    await teacher.send({ type: 'teacher.resume' });
    expect(session?.state).toBe('running');
  });

  it('resumes sessions, seats and games from SQLite after a restart, with the same seat token', async () => {
    const data = tempDataDir();
    cleanup.push(data.remove);
    let server = await startClassServer(data.dir, [scenario], { snapshotEvery: 3 });
    const teacher = await client(server.url);
    const created = (
      await teacher.send({
        type: 'teacher.create',
        scenario: scenario.meta.id,
        tables: 1,
        turnSeconds: null,
        difficulty: 'easy',
      })
    ).result;
    const a = await client(server.url);
    const joined = (await a.send({ type: 'student.join', code: created.code })).result;
    expect(joined.nickname.length).toBeGreaterThan(0);
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    const bot = playSeat(a);
    await until(
      () => (server.classroom.session(created.session)?.tables[0]?.table.intents().length ?? 0) >= 8,
      60_000,
      'moves',
    );
    bot.stop();
    a.close();
    teacher.close();
    await server.close();

    server = await startClassServer(data.dir, [scenario], { snapshotEvery: 3 });
    cleanup.push(() => server.close());
    const session = server.classroom.session(created.session);
    expect(session?.state).toBe('running');
    const intents = server.store.intents(created.session, 0);
    expect(session?.tables[0]?.table.intents()).toEqual(intents.map((r) => r.intent));
    // Resumed from a snapshot (every 3 intents here) to exactly the state a replay from the start gives.
    expect(server.store.snapshot(created.session, 0)?.count).toBeGreaterThanOrEqual(6);
    const t0 = session?.tables[0];
    const replayed = replay(
      scenario,
      t0?.seed ?? '',
      intents.map((r) => r.intent),
    );
    expect(JSON.stringify(eventsOf(t0?.table.state() as GameState))).toBe(JSON.stringify(eventsOf(replayed)));
    expect({ ...t0?.table.state(), log: null }).toEqual({ ...replayed, log: null });
    const back = await client(server.url);
    cleanup.push(() => back.close());
    const resumed = await back.send({ type: 'student.resume', token: joined.token });
    expect(resumed.ok, JSON.stringify(resumed)).toBe(true);
    expect(resumed.result.status.student).toBe(joined.student);
    expect(resumed.result.seat.view.seat).toBe(resumed.result.status.seat);
    const t2 = await client(server.url);
    cleanup.push(() => t2.close());
    expect((await t2.send({ type: 'teacher.attach', token: created.teacherToken })).ok).toBe(true);
  });
});
