// 10,000 random and malformed messages at a running class session, from a student's, the teacher's and a stranger's
// connections: every one is answered with a typed error, the server stays up, and nothing changes (the store, the
// lobby, the tables, the views).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, parseClientMessage } from '../../src/protocol';
import { intentId } from './class-bot';
import {
  client,
  fixtureScenario,
  type InProcessServer,
  startClassServer,
  type TestClient,
  tempDataDir,
} from './class-helpers';

const scenario = fixtureScenario('tram-line.yaml');
const parties = scenario.parties.map((p) => p.id);
const data = tempDataDir();
let server: InProcessServer;
afterAll(async () => {
  await server?.close();
  data.remove();
});

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKEN = 'A'.repeat(43);
/** One well-formed example of every message (the teacher's with a token that opens nothing). */
function templates(own: string, other: string): Array<Record<string, unknown>> {
  return [
    { v: 1, type: 'catalogue' },
    {
      v: 1,
      type: 'teacher.create',
      scenario: scenario.meta.id,
      tables: 2,
      turnSeconds: 60,
      difficulty: 'easy',
    },
    { v: 1, type: 'teacher.attach', token: TOKEN },
    { v: 1, type: 'teacher.rename', student: 'sabc', nickname: 'New' },
    { v: 1, type: 'teacher.remove', student: 'sabc' },
    { v: 1, type: 'teacher.autoAssign' },
    { v: 1, type: 'teacher.assign', student: 'sabc', table: 0, seat: other },
    { v: 1, type: 'teacher.start' },
    { v: 1, type: 'teacher.pause' },
    { v: 1, type: 'teacher.resume' },
    { v: 1, type: 'teacher.end' },
    { v: 1, type: 'teacher.export', format: 'csv' },
    { v: 1, type: 'teacher.inject', table: null, event: 'storm' },
    { v: 1, type: 'student.join', code: 'ZZZZZZ', nickname: 'Zed' },
    { v: 1, type: 'student.resume', token: TOKEN },
    { v: 1, type: 'seat.view', seat: own },
    { v: 1, type: 'seat.intent', intentId: 'abcdefgh', seat: own, move: { type: 'turn.end' } },
    { v: 1, type: 'student.leave' },
  ];
}

const junk = fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 400, seed: 42 });

/** A message broken in one way: never valid. */
function broken(r: () => number, own: string, other: string): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  for (;;) {
    const m: Record<string, unknown> = structuredClone(pick(templates(own, other)));
    const keys = Object.keys(m).filter((k) => k !== 'v' && k !== 'type');
    switch (Math.floor(r() * 10)) {
      case 0:
        return pick(junk);
      case 1:
        delete m.v;
        break;
      case 2:
        m.v = pick([0, 2, '1', null, 1.5, [], {}]);
        break;
      case 3:
        m.type = pick([
          '',
          'teacher',
          'seat.intent ',
          'SEAT.VIEW',
          '__proto__',
          'constructor',
          'x'.repeat(200),
        ]);
        break;
      case 4:
        // An own key, __proto__ included (as JSON.parse makes it), not a prototype.
        Object.defineProperty(m, pick(['extra', '__proto__', 'seat2', 'token2']), {
          value: pick([1, 'x', null, { a: 1 }]),
          enumerable: true,
          configurable: true,
          writable: true,
        });
        break;
      case 5:
        if (keys.length === 0) m.extra = true;
        else delete m[pick(keys)];
        break;
      case 6:
        if (keys.length === 0) m.type = 42;
        else
          m[pick(keys)] = pick([-1, 1e9, 'x'.repeat(70), null, true, [], { $gt: '' }, '<script>', '\u0000']);
        break;
      case 7:
        m[pick(keys.length ? keys : ['pad'])] = 'x'.repeat(9000 + Math.floor(r() * 5000));
        break;
      case 8:
        if (m.type === 'seat.intent')
          m.move = pick([
            null,
            1,
            [],
            { type: 'nope' },
            { type: 'turn.end', seat: other },
            { type: 'turn.timeout' },
            { type: 'event.inject', event: 'x' },
            { type: 'package.accept', package: 1, version: 'x' },
          ]);
        else m.intentId = 'x';
        break;
      default:
        return pick([undefined, null, 0, 'c2s', [m], Buffer.from('binary'), { v: 1 }]);
    }
    // Checked as the server will see it: after JSON.
    if (!parseClientMessage(JSON.parse(JSON.stringify(m))).ok) return m;
  }
}

/** Well-formed messages a student may not use: another seat, the teacher's controls, moves out of turn. */
function forbiddenForStudent(r: () => number, other: string): Record<string, unknown> {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  return pick([
    { v: 1, type: 'seat.view', seat: other },
    { v: 1, type: 'seat.intent', intentId: intentId(), seat: other, move: { type: 'turn.end' } },
    { v: 1, type: 'seat.intent', intentId: intentId(), move: { type: 'turn.end' } },
    { v: 1, type: 'seat.intent', intentId: intentId(), move: { type: 'table.walkAway' } },
    { v: 1, type: 'teacher.start' },
    { v: 1, type: 'teacher.end' },
    { v: 1, type: 'teacher.pause' },
    { v: 1, type: 'teacher.remove', student: 'sabc' },
    { v: 1, type: 'teacher.export', format: 'json' },
    { v: 1, type: 'teacher.attach', token: TOKEN },
    { v: 1, type: 'student.join', code: 'ZZZZZZ' },
    {
      v: 1,
      type: 'teacher.create',
      scenario: scenario.meta.id,
      tables: 1,
      turnSeconds: null,
      difficulty: 'easy',
    },
  ]);
}

function stateOf(s: InProcessServer, session: string, students: TestClient[]) {
  const dash = s.classroom.session(session)?.dashboard();
  return JSON.stringify({
    state: dash?.state,
    lobby: dash?.lobby.map(({ online: _o, ...rest }) => rest),
    tables: dash?.tables,
    students: s.store.students(session),
    intents: s.store.intents(session, 0).length,
    sessions: s.store.openSessions().length,
    n: students.length,
  });
}

describe('classroom fuzz', () => {
  it('answers 10,000 random and malformed messages with typed errors and changes nothing', async () => {
    server = await startClassServer(data.dir, [scenario], { rate: { perSecond: 100_000, burst: 100_000 } });
    const teacher = await client(server.url);
    const created = (
      await teacher.send({
        type: 'teacher.create',
        scenario: scenario.meta.id,
        tables: 1,
        turnSeconds: null,
        difficulty: 'easy',
      })
    ).result as { session: string; code: string; teacherToken: string };
    const students: TestClient[] = [];
    for (const name of parties) {
      const c = await client(server.url);
      await c.send({ type: 'student.join', code: created.code, nickname: name });
      students.push(c);
    }
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    // The fuzzing student is one whose turn it is not, so even its well-formed moves are refused.
    const views = await Promise.all(students.map((s) => s.send({ type: 'seat.view' })));
    const idx = views.findIndex((v) => v.ok && !v.result.view.myTurn);
    const fuzzer = students[idx] as TestClient;
    const own = views[idx]?.result.view.seat as string;
    const other = parties.find((p) => p !== own) as string;
    const stranger = await client(server.url);
    const before = stateOf(server, created.session, students);
    const viewBefore = JSON.stringify((await fuzzer.send({ type: 'seat.view' })).result);

    const r = rng(20251128);
    const codes = new Map<string, number>();
    let pushedErrors = 0;
    const errorPushes = () =>
      [fuzzer, stranger, teacher].reduce(
        (n, c) => n + c.pushed.filter((m) => (m as { type?: string }).type === 'error').length,
        0,
      );
    const TOTAL = 10_000;
    for (let i = 0; i < TOTAL; i += 50) {
      const batch: Array<Promise<unknown>> = [];
      const sent: unknown[] = [];
      for (let j = 0; j < 50; j++) {
        const roll = r();
        const from = roll < 0.5 ? fuzzer : roll < 0.8 ? stranger : teacher;
        const kind = r();
        if (kind < 0.03) {
          // No acknowledgement: the answer comes as a pushed error.
          from.socket.emit('c2s', broken(r, own, other));
          pushedErrors++;
          continue;
        }
        if (kind < 0.08) {
          sent.push('other event');
          batch.push(from.raw(r() < 0.5 ? 'hello' : 'teacher.start', { v: 1, type: 'teacher.start' }));
          continue;
        }
        const message =
          from === fuzzer && kind < 0.35 ? forbiddenForStudent(r, other) : broken(r, own, other);
        sent.push(message);
        batch.push(from.raw('c2s', message));
      }
      const replies = (await Promise.all(batch)) as Array<{ ok: boolean; error?: { code: string } }>;
      for (const [k, reply] of replies.entries()) {
        expect(
          reply.ok,
          `${JSON.stringify(sent[k])?.slice(0, 300)} -> ${JSON.stringify(reply).slice(0, 200)}`,
        ).toBe(false);
        expect(ERROR_CODES).toContain(reply.error?.code);
        codes.set(reply.error?.code as string, (codes.get(reply.error?.code as string) ?? 0) + 1);
      }
    }
    await new Promise((done) => setTimeout(done, 200));
    expect(errorPushes()).toBe(pushedErrors);
    console.log(
      `classroom fuzz: ${TOTAL} messages, errors by code ${JSON.stringify(Object.fromEntries(codes))}, ${pushedErrors} answered by push`,
    );
    for (const code of [
      'bad.message',
      'unsupported.version',
      'too.large',
      'forbidden',
      'unauthorized',
      'refused',
    ])
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);

    // Still up, still the same.
    expect((await stranger.send({ type: 'catalogue' })).ok).toBe(true);
    expect(JSON.stringify((await fuzzer.send({ type: 'seat.view' })).result)).toBe(viewBefore);
    expect(stateOf(server, created.session, students)).toBe(before);
    for (const c of [...students, stranger, teacher]) expect(c.socket.connected).toBe(true);

    for (const c of [...students, stranger, teacher]) c.close();
  }, 300_000);

  it('answers a flood past the rate limit with rate.limited, and serves the connection again after it', async () => {
    const d = tempDataDir();
    const s = await startClassServer(d.dir, [scenario]);
    try {
      const c = await client(s.url);
      const replies = await Promise.all(Array.from({ length: 300 }, () => c.send({ type: 'catalogue' })));
      const limited = replies.filter((x) => !x.ok && x.error?.code === 'rate.limited').length;
      expect(limited).toBeGreaterThan(100);
      expect(replies.filter((x) => x.ok).length).toBeGreaterThanOrEqual(60);
      await new Promise((done) => setTimeout(done, 1200));
      expect((await c.send({ type: 'catalogue' })).ok).toBe(true);
      c.close();
    } finally {
      await s.close();
      d.remove();
    }
  });
});
