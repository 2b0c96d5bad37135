// Mission control and teams over socket.io: a delegation's team channel (one pen, the same view for all), the AI
// taking a seat over and handing it back, more time for a speaker, the teacher's broadcast, a table opened with its

// channels, each table's debrief once it ends, and idempotent joins. Every teacher control is refused to a student.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateIn } from '../../src/i18n/format';
import { connectClass } from '../../src/net/class-client';
import { applySeatPatch, type SeatPatch, type SeatUpdate } from '../../src/protocol';
import { intentId, nextMove } from './class-bot';
import {
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
const newToken = () => randomBytes(32).toString('base64url');

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(
  options: {
    tables?: number;
    turnSeconds?: number | null;
    aiDelayMs?: number;
    scenario?: ReturnType<typeof fixtureScenario>;
    lang?: string;
  } = {},
) {
  const played = options.scenario ?? scenario;
  const data = tempDataDir();
  const server = await startClassServer(data.dir, [played], { aiDelayMs: options.aiDelayMs ?? 0 });
  cleanup.push(data.remove, () => server.close());
  const teacher = await client(server.url);
  cleanup.push(() => teacher.close());
  const created = await teacher.send({
    type: 'teacher.create',
    scenario: played.meta.id,
    tables: options.tables ?? 1,
    turnSeconds: options.turnSeconds ?? null,
    difficulty: 'easy',
    ...(options.lang ? { lang: options.lang } : {}),
  });
  expect(created.ok).toBe(true);
  return {
    data,
    server,
    teacher,
    created: created.result as { session: string; teacherToken: string; code: string },
  };
}

async function join(server: InProcessServer, code: string, name: string, token?: string) {
  const c = await client(server.url);
  cleanup.push(() => c.close());
  const r = await c.send({ type: 'student.join', code, nickname: name, ...(token ? { token } : {}) });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return { c, id: r.result.student as string, token: r.result.token as string };
}

/** The seat's view as a client keeps it: the whole update, then every patch applied (or a miss). */
function follow(c: TestClient) {
  let current: SeatUpdate | null = null;
  let misses = 0;
  c.socket.on('s2c', (m: { type: string; update?: SeatUpdate; patch?: SeatPatch }) => {
    if (m.type === 'seat.update' && m.update) current = m.update;
    else if (m.type === 'seat.patch' && m.patch && current) {
      const next = applySeatPatch(current, m.patch);
      if (next) current = next;
      else misses++;
    }
  });
  return {
    current: () => current,
    misses: () => misses,
  };
}

const chats = (c: TestClient) =>
  c.pushed
    .filter((m): m is { type: 'chat'; message: { channel: string; text: string; seat: string | null } } => {
      return (m as { type?: string }).type === 'chat';
    })
    .map((m) => m.message);

describe('mission control and teams', () => {
  it('runs a delegation of two: one pen, the same view for both, a channel only the team and the teacher read', async () => {
    const { server, teacher, created } = await setup();
    const students: Array<Awaited<ReturnType<typeof join>>> = [];
    for (const name of ['Ana', 'Bo', 'Cy', 'Di']) students.push(await join(server, created.code, name));
    expect((await teacher.send({ type: 'teacher.attach', token: created.teacherToken })).ok).toBe(true);
    expect((await teacher.send({ type: 'teacher.autoAssign' })).result).toEqual({ placed: 4 });
    const session = server.classroom.session(created.session);
    if (!session) throw new Error('no session');
    const seatOf = (id: string) => session.status(id).seat as string;
    const [pen, mate] = students.filter((s) => seatOf(s.id) === seatOf(students[0]?.id as string));
    if (!pen || !mate) throw new Error('no team of two');
    const other = students.find((s) => seatOf(s.id) !== seatOf(pen.id)) as (typeof students)[number];
    expect(session.status(pen.id).pen).toBe(true);
    // One student per seat first, in join order; the fourth joins the first seat, whose first student holds the pen.
    expect(pen.id).toBe(students[0]?.id);
    expect(session.status(mate.id).teammates).toEqual(['Ana']);
    expect(session.status(mate.id).pen).toBe(false);
    const followers = [pen, mate].map((s) => follow(s.c));
    expect((await teacher.send({ type: 'teacher.start' })).ok).toBe(true);

    // The team's channel: text stays text, and reaches the team and the teacher only.
    const line = '<img src=x onerror=alert(1)> shall we accept the route?';
    const said = await mate.c.send({ type: 'team.say', text: line });
    expect(said.ok).toBe(true);
    await until(() => chats(pen.c).some((m) => m.text === line), 10_000, 'the line at the pen holder');
    await until(() => chats(teacher).some((m) => m.text === line), 10_000, 'the line at the teacher');
    expect(chats(mate.c).map((m) => m.text)).toEqual([line]);
    expect(JSON.stringify(other.c.pushed)).not.toContain('shall we accept');
    expect((await other.c.send({ type: 'student.chat' })).result).toEqual([]);
    expect((await pen.c.send({ type: 'student.chat' })).result.map((m: { text: string }) => m.text)).toEqual([
      line,
    ]);
    expect((await teacher.send({ type: 'team.say', text: 'hi' })).error?.code).toBe('unauthorized');
    expect((await pen.c.send({ type: 'team.say', text: 'x'.repeat(501) })).error?.code).toBe('bad.message');
    expect((await pen.c.send({ type: 'team.say', text: 'a\u0000b' })).error?.code).toBe('bad.message');

    // The teacher opens the table: each delegation's channel, and the log with every side's private notes.
    const opened = await teacher.send({ type: 'teacher.table', table: 0 });
    expect(opened.ok).toBe(true);
    const channel = opened.result.channels.find((ch: { seat: string }) => ch.seat === seatOf(pen.id));
    expect(channel.messages.map((m: { text: string; nickname: string }) => [m.nickname, m.text])).toEqual([
      [session.students.get(mate.id)?.nickname, line],
    ]);
    expect(opened.result.log.length).toBeGreaterThan(0);

    // Only the pen moves; the teammate is refused, and both see the same view after every move.
    const play = async () => {
      for (let guard = 0; guard < 400; guard++) {
        const state = session.tables[0]?.table.state();
        if (!state || state.status === 'ended') return;
        const speaker = state.order[state.speaker] as string;
        const mover = students.find(
          (s) => seatOf(s.id) === speaker && session.holdsPen(session.studentOrThrow(s.id)),
        );
        if (!mover) throw new Error(`nobody holds the pen of ${speaker}`);
        const view = (await mover.c.send({ type: 'seat.view' })).result.view;
        if (speaker === seatOf(pen.id) && guard < 40) {
          const refused = await mate.c.send({
            type: 'seat.intent',
            intentId: intentId(),
            move: nextMove(view),
          });
          expect(refused.error?.code).toBe('forbidden');
        }
        const r = await mover.c.send({ type: 'seat.intent', intentId: intentId(), move: nextMove(view) });
        if (!r.ok) {
          expect(r.error?.code).toBe('refused');
          await mover.c.send({ type: 'seat.intent', intentId: intentId(), move: { type: 'turn.end' } });
        }
      }
    };
    await play();
    expect(session.tables[0]?.table.state().status).toBe('ended');
    await until(
      () => (followers[1]?.current()?.view as { status?: string } | undefined)?.status === 'ended',
      10_000,
      'the ended view at the teammate',
    );
    const [a, b] = followers.map((f) => f.current());
    expect(a?.version).toBe(b?.version);
    expect(JSON.stringify(a?.view)).toBe(JSON.stringify(b?.view));
    expect(followers.map((f) => f.misses())).toEqual([0, 0]);
    // The patched view is the server's view.
    expect(JSON.stringify((await mate.c.send({ type: 'seat.view' })).result.view)).toBe(
      JSON.stringify(b?.view),
    );

    // The debrief, once the game has ended: for the teacher, never for a student.
    const debrief = await teacher.send({ type: 'teacher.debrief', table: 0 });
    expect(debrief.ok).toBe(true);
    expect(debrief.result.parties.map((p: { id: string }) => p.id).sort()).toEqual([...parties].sort());
    // With the scenario's names, so the page can say the AI's sentences in the teacher's language.
    expect(debrief.result.names.packages.map((p: { id: string }) => p.id)).toEqual(
      scenario.packages.map((p) => p.id),
    );
    expect((await pen.c.send({ type: 'teacher.debrief', table: 0 })).error?.code).toBe('forbidden');
  });

  it("gives a seat to the AI and back at the teacher's word, stored across a restart", async () => {
    const { data, server, teacher, created } = await setup({ aiDelayMs: 5 });
    const students: Array<Awaited<ReturnType<typeof join>>> = [];
    for (const name of parties) students.push(await join(server, created.code, name));
    await teacher.send({ type: 'teacher.attach', token: created.teacherToken });
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    const session = server.classroom.session(created.session);
    if (!session) throw new Error('no session');
    const first = session.tables[0]?.table.state().order[0] as string;
    const speaker = students.find((s) => session.status(s.id).seat === first) as (typeof students)[number];

    expect((await teacher.send({ type: 'teacher.ai', table: 0, seat: first, ai: true })).ok).toBe(true);
    await until(
      () =>
        speaker.c.pushed.some(
          (m) => (m as { type?: string; status?: { aiPlaying?: boolean } }).status?.aiPlaying === true,
        ),
      10_000,
      'the student told the AI plays its seat',
    );
    const view = (await speaker.c.send({ type: 'seat.view' })).result.view;
    const refused = await speaker.c.send({ type: 'seat.intent', intentId: intentId(), move: nextMove(view) });
    expect(refused.error?.code).toBe('forbidden');
    // The AI moves for the seat.
    await until(
      () =>
        server.store.intents(created.session, 0).some((r) => r.intentId.startsWith(`server:ai-${first}:`)),
      20_000,
      'an AI move for the taken seat',
    );
    const dash = (await teacher.send({ type: 'teacher.attach', token: created.teacherToken })).result;
    const seat = dash.tables[0].seats.find((s: { seat: string }) => s.seat === first);
    expect(seat).toMatchObject({ ai: true, aiTakenOver: true });
    expect(seat.students).toHaveLength(1);

    // A restart keeps the AI on the seat.
    await server.close();
    const again = await startClassServer(data.dir, [scenario], { aiDelayMs: 5 });
    cleanup.push(() => again.close());
    const restored = again.classroom.session(created.session);
    expect(restored?.aiTaken.has(`0:${first}`)).toBe(true);
    expect(restored?.status(speaker.id).aiPlaying).toBe(true);

    // Handed back: the student moves again (on its turn), the AI does not.
    const t2 = await client(again.url);
    cleanup.push(() => t2.close());
    expect((await t2.send({ type: 'teacher.attach', token: created.teacherToken })).ok).toBe(true);
    expect((await t2.send({ type: 'teacher.ai', table: 0, seat: first, ai: false })).ok).toBe(true);
    expect(restored?.aiTaken.has(`0:${first}`)).toBe(false);
    expect(restored?.status(speaker.id).aiPlaying).toBe(false);
    expect(restored?.tables[0]?.ai.has(first)).toBe(false);
    expect(again.store.aiSeats(created.session)).toEqual([]);
    expect((await t2.send({ type: 'teacher.ai', table: 0, seat: 'nobody', ai: true })).error?.code).toBe(
      'not.found',
    );
  });

  it("extends a speaker's time, broadcasts to the class, and refuses every teacher control to a student", async () => {
    let now = 1_000_000;
    const data = tempDataDir();
    const server = await startClassServer(data.dir, [scenario]);
    cleanup.push(data.remove, () => server.close());
    // The deadline is read from the classroom's clock: pin it.
    (server.classroom as unknown as { now: () => number }).now = () => now;
    const teacher = await client(server.url);
    cleanup.push(() => teacher.close());
    const created = (
      await teacher.send({
        type: 'teacher.create',
        scenario: scenario.meta.id,
        tables: 1,
        turnSeconds: 60,
        difficulty: 'easy',
      })
    ).result as { session: string; code: string; teacherToken: string };
    const students: Array<Awaited<ReturnType<typeof join>>> = [];
    for (const name of parties) students.push(await join(server, created.code, name));
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    const before = (await students[0]?.c.send({ type: 'seat.view' }))?.result.deadline as number;
    expect(before).toBe(now + 60_000);
    now += 50_000;
    const extended = await teacher.send({ type: 'teacher.extend', table: 0, seconds: 120 });
    expect(extended.result).toEqual({ extended: [0] });
    // 120 s more than the 10 s the speaker had left.
    const after = (await students[0]?.c.send({ type: 'seat.view' }))?.result.deadline as number;
    expect(after).toBe(now + 130_000);
    expect((await teacher.send({ type: 'teacher.extend', table: 3, seconds: 60 })).error?.code).toBe(
      'not.found',
    );
    expect((await teacher.send({ type: 'teacher.extend', table: 0, seconds: 5 })).error?.code).toBe(
      'bad.message',
    );

    const text = 'Five minutes left: <b>wrap up</b>.';
    const sent = await teacher.send({ type: 'teacher.broadcast', text });
    expect(sent.result).toMatchObject({ channel: 'class', text, from: 'teacher' });
    for (const s of students)
      await until(
        () => chats(s.c).some((m) => m.channel === 'class' && m.text === text),
        10_000,
        'the broadcast',
      );
    expect(
      (await students[1]?.c.send({ type: 'student.chat' }))?.result.map((m: { text: string }) => m.text),
    ).toEqual([text]);

    const student = students[0]?.c as TestClient;
    for (const m of [
      { type: 'teacher.ai', table: 0, seat: parties[0], ai: true },
      { type: 'teacher.extend', table: null, seconds: 60 },
      { type: 'teacher.broadcast', text: 'I am the teacher now' },
      { type: 'teacher.table', table: 0 },
      { type: 'teacher.debrief', table: 0 },
      { type: 'teacher.end' },
    ])
      expect((await student.send(m)).error?.code, m.type).toBe('forbidden');
    expect(server.classroom.session(created.session)?.aiTaken.size).toBe(0);
    expect(server.classroom.session(created.session)?.state).toBe('running');
    expect(server.store.chat(created.session)).toHaveLength(1);

    // Ending the session: the tables stop and a student's seat no longer opens.
    expect((await teacher.send({ type: 'teacher.end' })).ok).toBe(true);
    expect((await teacher.send({ type: 'teacher.broadcast', text: 'late' })).error?.code).toBe('wrong.state');
    const back = await client(server.url);
    cleanup.push(() => back.close());
    expect((await back.send({ type: 'student.resume', token: students[0]?.token })).error?.code).toBe(
      'wrong.state',
    );
  });

  it("keeps a speaker's extended time over a restart, until the floor passes", async () => {
    const { data, server, teacher, created } = await setup({ turnSeconds: 60 });
    const students: Array<Awaited<ReturnType<typeof join>>> = [];
    for (const name of parties) students.push(await join(server, created.code, name));
    await teacher.send({ type: 'teacher.autoAssign' });
    await teacher.send({ type: 'teacher.start' });
    const speaker = server.classroom.session(created.session)?.tables[0]?.table.state().order[0] as string;
    const pen = students.find(
      (s) => server.classroom.session(created.session)?.status(s.id).seat === speaker,
    ) as (typeof students)[number];
    expect((await teacher.send({ type: 'teacher.extend', table: 0, seconds: 600 })).ok).toBe(true);
    const [kept] = server.store.extensions(created.session);
    // 600 s on top of what was left of the 60 s turn.
    expect(kept).toMatchObject({ table: 0, count: 0 });
    expect(kept?.ms).toBeGreaterThan(600_000);
    expect(kept?.ms).toBeLessThanOrEqual(660_000);
    await server.close();

    /** The speaker's time left as its page would read it, after a restart of the server on the same data. */
    const restart = async () => {
      const s = await startClassServer(data.dir, [scenario]);
      cleanup.push(() => s.close());
      const c = await client(s.url);
      cleanup.push(() => c.close());
      expect((await c.send({ type: 'student.resume', token: pen.token })).ok).toBe(true);
      const seat = await c.send({ type: 'seat.view' });
      return { s, c, left: (seat.result.deadline as number) - Date.now(), view: seat.result.view };
    };
    // The clock starts again at the restart with the time the teacher gave, not the session's 60 s.
    const again = await restart();
    expect(again.left).toBeGreaterThan(500_000);
    expect(again.left).toBeLessThanOrEqual(660_000);
    // A move that keeps the floor buys no time and takes none away: the extension holds over another restart.
    const move = nextMove(again.view);
    expect(move.type).not.toBe('turn.end');
    expect((await again.c.send({ type: 'seat.intent', intentId: intentId(), move })).ok).toBe(true);
    await again.s.close();
    const third = await restart();
    expect(third.left).toBeGreaterThan(500_000);
    // The speaker ends the turn: the next speaker's clock has the session's time, and so after another restart.
    expect(
      (await third.c.send({ type: 'seat.intent', intentId: intentId(), move: { type: 'turn.end' } })).ok,
    ).toBe(true);
    await third.s.close();
    const fourth = await restart();
    expect(fourth.left).toBeLessThanOrEqual(60_000);
    expect(fourth.left).toBeGreaterThan(0);
  });

  it("sends each student its seat in its page's language, and the teacher the dashboard in the teacher's", async () => {
    const harbour = fixtureScenario('harbour-translated.yaml');
    const { server, teacher, created } = await setup({ scenario: harbour, lang: 'ru' });
    const joinIn = async (name: string, lang?: string) => {
      const c = await client(server.url);
      cleanup.push(() => c.close());
      const r = await c.send({
        type: 'student.join',
        code: created.code,
        ...(name ? { nickname: name } : {}),
        ...(lang ? { lang } : {}),
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      return { c, id: r.result.student as string, token: r.result.token as string };
    };
    // Two students at one seat, one reading Ukrainian (as uk-UA), one English; a third asks for a language the
    // scenario has no texts in, and gets its own (English).
    const uk = await joinIn('Olena', 'uk-UA');
    // A student who gives no nickname gets one in the page's language (the join carries it).
    const anonymous = await joinIn('', 'ru');
    expect(
      (await anonymous.c.send({ type: 'student.resume', token: anonymous.token })).result.status.nickname,
    ).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
    const en = await joinIn('Ann');
    const other = await joinIn('Zé', 'pt-BR');
    for (const [s, seat] of [
      [uk, 'north'],
      [en, 'north'],
      [other, 'south'],
    ] as const)
      expect((await teacher.send({ type: 'teacher.assign', student: s.id, table: 0, seat })).ok).toBe(true);
    const followers = [uk, en].map((s) => follow(s.c));
    const seen = (f: ReturnType<typeof follow>) =>
      f.current()?.view as { log: unknown[]; packages: Array<{ name: string }> } | undefined;
    expect((await teacher.send({ type: 'teacher.start' })).ok).toBe(true);

    const status = (await uk.c.send({ type: 'student.resume', token: uk.token, lang: 'uk-UA' })).result
      .status;
    expect(status.seatName).toBe('Нортпорт');
    expect(status.scenarioTitle).toBe('Суперечка за гавань трьома мовами (тестовий сценарій)');
    const names = async (s: { c: TestClient }) =>
      ((await s.c.send({ type: 'seat.view' })).result.view.packages as Array<{ name: string }>).map(
        (p) => p.name,
      );
    expect(await names(uk)).toContain('Рибальство');
    expect(await names(en)).toContain('Fishing');
    expect(await names(other)).toContain('Fishing');
    // What is pushed after a move comes in each one's language too, patches applied on each one's own line.
    const view = (await uk.c.send({ type: 'seat.view' })).result.view;
    const mover = view.speaker === 'north' ? uk : other;
    const moverView = (await mover.c.send({ type: 'seat.view' })).result.view;
    expect(
      (await mover.c.send({ type: 'seat.intent', intentId: intentId(), move: nextMove(moverView) })).ok,
    ).toBe(true);
    await until(
      () => followers.every((f) => (seen(f)?.log.length ?? 0) > view.log.length),
      10_000,
      'the move pushed to both members of the team',
    );
    const [ukView, enView] = followers.map(seen);
    expect(ukView?.packages.map((p) => p.name)).toContain('Рибальство');
    expect(enView?.packages.map((p) => p.name)).toContain('Fishing');
    expect(followers.map((f) => f.misses())).toEqual([0, 0]);

    // The teacher's dashboard, in Russian; attached again in English, in English.
    const ru = (await teacher.send({ type: 'teacher.attach', token: created.teacherToken })).result;
    expect(ru.scenario.title).toBe(harbour.translations?.ru?.meta?.title);
    expect(ru.tables[0].seats.map((x: { name: string }) => x.name)).toEqual(['Нортпорт', 'Саутбей']);
    expect(ru.tables[0].packages.map((x: { name: string }) => x.name)).toContain('Рыболовство');
    // The meeting's day comes as a day, not as words: the page writes it its own way ('6 дек. 2025 г.'), never
    // the ISO date a teacher saw in the grid ('Гавань, 2025-12-06').
    expect(ru.tables[0].meeting).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(ru.tables[0].meetingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(formatDateIn('ru', ru.tables[0].meetingDate)).toMatch(/^\d{1,2} [а-я]+\.? \d{4} г\.$/);
    // An opened table too: its channels and its log in the teacher's words.
    const opened = (await teacher.send({ type: 'teacher.table', table: 0 })).result;
    expect(opened.channels.map((c: { name: string }) => c.name)).toEqual(['Нортпорт', 'Саутбей']);
    const log = (opened.log as string[]).join('\n');
    expect(log).toContain('Нортпорт');
    expect(log).not.toContain('Northport');
    expect(log).not.toMatch(/ accepts | proposes | meet; on the agenda/);
    const english = (await teacher.send({ type: 'teacher.attach', token: created.teacherToken, lang: 'en' }))
      .result;
    expect(english.tables[0].packages.map((x: { name: string }) => x.name)).toContain('Fishing');
    // The export keeps the scenario's own words, whatever the teacher reads.
    expect(server.classroom.session(created.session)?.exportCsv()).not.toContain('Нортпорт');
    // A language tag that is not one is refused and changes nothing.
    const bad = await uk.c.send({ type: 'student.resume', token: uk.token, lang: 'Ukrainian!' });
    expect(bad.error?.code).toBe('bad.message');
    expect(await names(uk)).toContain('Рибальство');
  });

  it('lets a page that left its seat join again on the same connection', async () => {
    const { server, created } = await setup();
    const page = connectClass(server.url, { timeoutMs: 2000 });
    cleanup.push(() => page.close());
    const within = <T>(p: Promise<T>, what: string) =>
      Promise.race([
        p,
        new Promise<never>((_, fail) =>
          setTimeout(() => fail(new Error(`${what}: no answer in 10 s`)), 10_000),
        ),
      ]);
    const first = await within(
      page.request<{ student: string }>({
        type: 'student.join',
        code: created.code,
        nickname: 'Ana',
        token: newToken(),
      }),
      'the first join',
    );
    expect(first.ok).toBe(true);
    // Leaving ends the seat, and the server ends that connection with it.
    await within(page.request({ type: 'student.leave' }), 'the leave');
    const again = await within(
      page.request<{ student: string }>({
        type: 'student.join',
        code: created.code,
        nickname: 'Ana',
        token: newToken(),
      }),
      'the join after leaving',
    );
    expect(again.ok, JSON.stringify(again)).toBe(true);
    if (first.ok && again.ok) expect(again.result.student).not.toBe(first.result.student);
  });

  it('joins once for a join sent again with the same token', async () => {
    const { server, teacher, created } = await setup();
    const token = newToken();
    const first = await join(server, created.code, 'Ana', token);
    const retried = await join(server, created.code, 'Ana', token);
    expect(retried.id).toBe(first.id);
    expect(retried.token).toBe(token);
    const again = await first.c.send({ type: 'student.join', code: created.code, nickname: 'Ana', token });
    expect(again.result.student).toBe(first.id);
    const dash = (await teacher.send({ type: 'teacher.attach', token: created.teacherToken })).result;
    expect(dash.lobby.map((s: { nickname: string }) => s.nickname)).toEqual(['Ana']);
    expect(server.store.students(created.session)).toHaveLength(1);
    // The seat token works for resuming, and a token of one session does not join another.
    const back = await client(server.url);
    cleanup.push(() => back.close());
    expect((await back.send({ type: 'student.resume', token })).result.status.student).toBe(first.id);
    const other = await client(server.url);
    cleanup.push(() => other.close());
    const second = await other.send({
      type: 'teacher.create',
      scenario: scenario.meta.id,
      tables: 1,
      turnSeconds: null,
      difficulty: 'easy',
    });
    const elsewhere = await client(server.url);
    cleanup.push(() => elsewhere.close());
    expect(
      (await elsewhere.send({ type: 'student.join', code: second.result.code, token })).error?.code,
    ).toBe('refused');
    expect(
      (await elsewhere.send({ type: 'student.join', code: created.code, token: 'short' })).error?.code,
    ).toBe('bad.message');
  });

  it("encodes every packet as socket.io's own parser does (the server skips its search for binary parts)", async () => {
    const data = tempDataDir();
    const server = await startClassServer(data.dir, [scenario]);
    cleanup.push(data.remove, () => server.close());
    const { Encoder } = await import('socket.io-parser');
    const reference = new Encoder();
    const packets = [
      { type: 0, nsp: '/', data: { sid: 'abc' } },
      { type: 1, nsp: '/' },
      {
        type: 2,
        nsp: '/',
        data: ['s2c', { v: 1, type: 'chat', message: { text: '<b>"quoted"</b> \u2028 é' } }],
      },
      { type: 3, nsp: '/', id: 17, data: [{ ok: true, result: null }] },
      { type: 3, nsp: '/', id: 0, data: [{ ok: false, error: { code: 'refused', message: 'no' } }] },
      { type: 2, nsp: '/admin', id: 4, data: ['x', [1, 2.5, null, 'y']] },
      { type: 4, nsp: '/', data: { message: 'refused' } },
    ];
    for (const p of packets) expect(server.sockets.io.encoder.encode(p)).toEqual(reference.encode(p));
  });
});
