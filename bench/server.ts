// Class sessions under load (`npm run bench:server`): the real server in its own process, 1,000 socket.io clients on
// loopback, 333 tables of three students (one team of two) playing scripted games to their end. Measures each move's
// intent-to-view latency: from sending an intent to the sender receiving its seat's new view.
// Each student thinks 1–3 s (uniform) before a move, as a class does: with THINK_MS=0 every table always has a move
// in flight, so the latency then measures the server's queue (333 moves in flight over its throughput), a stress
// figure rather than a student's wait.
// Bound: p99 at most 100 ms, no errors. Prints the figures (with the load average), then PASS or FAIL.
// CLIENTS and TABLES in the environment change the size (e.g. CLIENTS=90 TABLES=30 for a quick run).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { applySeatPatch, type SeatUpdate, type ServerMessage } from '../src/protocol';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = Number(process.env.CLIENTS ?? 1000);
const TABLES = Number(process.env.TABLES ?? 333);
const P99_BOUND = 100;
/** A student's think time before each move, in ms: "a-b" is uniform between a and b, one number is fixed. */
const THINK = /^(\d+)(?:-(\d+))?$/.exec(process.env.THINK_MS ?? '1000-3000');
if (!THINK) throw new Error('THINK_MS is a number of milliseconds or a range "a-b"');
const thinkMin = Number(THINK[1]);
const thinkMax = Number(THINK[2] ?? THINK[1]);
const think = () => thinkMin + Math.random() * (thinkMax - thinkMin);
const TIME_LIMIT_MS = 600_000;

interface Reply {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}
interface ViewLike {
  status: string;
  myTurn: boolean;
  seat: string;
  textVersion: number;
  signatures: Record<string, number>;
  packages: Array<{ id: string; version: number; onAgenda: boolean; acceptedBy: string[] }>;
  score: { canSign: boolean } | null;
}
interface Update {
  view: ViewLike;
  phase: string;
  state: string;
}

function nextMove(view: ViewLike): Record<string, unknown> {
  for (const p of view.packages)
    if (p.onAgenda && !p.acceptedBy.includes(view.seat))
      return { type: 'package.accept', package: p.id, version: p.version };
  if (view.score?.canSign && view.signatures[view.seat] !== view.textVersion)
    return { type: 'text.sign', version: view.textVersion };
  return { type: 'turn.end' };
}

async function startServer(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // SERVER_NODE_ARGS adds Node flags to the server's process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
  const extra = (process.env.SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'src/server/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      STATIC_DIR: join(ROOT, 'test/fixtures'),
      DATA_DIR: dataDir,
      CLASS_TEST_SCENARIOS: '1',
      CLASS_AI_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const m = /served at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m) return { child, url: m[1] as string, output: () => out };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function connect(url: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((done, fail) => {
    socket.once('connect', () => done(socket));
    socket.once('connect_error', fail);
  });
}

const send = (socket: Socket, message: Record<string, unknown>) =>
  new Promise<Reply>((done) => {
    socket
      .timeout(30_000)
      .emit('c2s', { v: 1, ...message }, (err: unknown, reply: Reply) =>
        done(err ? { ok: false, error: { code: 'timeout', message: 'no answer in 30 s' } } : reply),
      );
  });

/** CPU seconds a process has used (user + system), from /proc on Linux; NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const dataDir = mkdtempSync(join(tmpdir(), 'shuttle-bench-server-'));
const { child, url, output } = await startServer(dataDir);
let stopping = false;
/** Fails the run at once if the server exits before the bench stops it, with the end of what it printed. */
const serverExit = new Promise<never>((_, fail) => {
  child.once('exit', (code, signal) => {
    if (!stopping)
      fail(
        new Error(`the server exited (${signal ?? `code ${code}`}); it printed:\n${output().slice(-2000)}`),
      );
  });
});
serverExit.catch(() => {});
const sockets: Socket[] = [];
const latencies: number[] = [];
/** When (ms from the start of play) each intent slower than the bound was sent: where the slow ones bunch. */
const slowAt: number[] = [];
const errors: string[] = [];
let refusals = 0;
let patchMisses = 0;
try {
  // Classes of at most MAX_TABLES tables each (a server runs many classes at once): three students per table.
  const perClass = 60;
  const classes: Array<{ teacher: Socket; code: string; tables: number }> = [];
  for (let left = TABLES; left > 0; left -= perClass) {
    const teacher = await connect(url);
    sockets.push(teacher);
    const tables = Math.min(perClass, left);
    const r = await send(teacher, {
      type: 'teacher.create',
      scenario: 'tram-line',
      tables,
      turnSeconds: null,
      difficulty: 'easy',
    });
    if (!r.ok) throw new Error(`teacher.create: ${r.error?.message}`);
    classes.push({ teacher, code: (r.result as { code: string }).code, tables });
  }
  const teachers = sockets.length;
  const joinStarted = performance.now();
  const codeFor = (i: number) => {
    let seat = Math.min(i, TABLES * 3 - 1);
    for (const c of classes) {
      if (seat < c.tables * 3) return c.code;
      seat -= c.tables * 3;
    }
    return classes.at(-1)?.code as string;
  };
  for (let i = 0; i < CLIENTS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, CLIENTS - i) }, async (_, j) => {
        const s = await connect(url);
        const r = await send(s, { type: 'student.join', code: codeFor(i + j) });
        if (!r.ok) errors.push(`join: ${r.error?.code}`);
        return s;
      }),
    );
    sockets.push(...batch);
  }
  const joinMs = performance.now() - joinStarted;
  for (const c of classes) await send(c.teacher, { type: 'teacher.autoAssign' });
  const students = sockets.slice(teachers);

  let ended = 0;
  const done = new Promise<void>((finish) => {
    for (const s of students) {
      let busy = false;
      let over = false;
      let sentAt: number | null = null;
      let latest: Update | null = null;
      const act = async (u: Update) => {
        if (over) return;
        if (u.view.status === 'ended') {
          over = true;
          if (++ended === students.length) finish();
          return;
        }
        const mayAct = (x: Update) =>
          x.state === 'running' && x.view.myTurn && x.phase === 'deliberating' && x.view.status !== 'ended';
        if (busy || !mayAct(u)) return;
        busy = true;
        let view = u;
        const pause = think();
        if (pause > 0) {
          // The student reads the view before moving; it then acts on the latest view it has.
          await new Promise((r) => setTimeout(r, pause));
          view = latest ?? u;
          if (over || !mayAct(view)) {
            busy = false;
            if (!over && latest) void act(latest);
            return;
          }
        }
        sentAt = performance.now();
        const r = await send(s, {
          type: 'seat.intent',
          intentId: randomBytes(9).toString('base64url'),
          move: nextMove(view.view),
        });
        busy = false;
        if (!r.ok) {
          sentAt = null;
          // The rules refuse some scripted moves (an acceptance below the mandate): the student ends its turn.
          if (r.error?.code === 'refused') {
            refusals++;
            busy = true;
            sentAt = performance.now();
            const end = await send(s, {
              type: 'seat.intent',
              intentId: randomBytes(9).toString('base64url'),
              move: { type: 'turn.end' },
            });
            busy = false;
            if (!end.ok) {
              sentAt = null;
              errors.push(`intent: ${end.error?.code} ${end.error?.message}`);
              return;
            }
          } else {
            if (r.error?.code !== 'forbidden') errors.push(`intent: ${r.error?.code} ${r.error?.message}`);
            return;
          }
        }
        // The new view came before the answer: act on it now.
        if (latest) void act(latest);
      };
      let current: SeatUpdate | null = null;
      let refreshing = false;
      const adopt = (u: SeatUpdate) => {
        current = u;
        latest = u as unknown as Update;
        if (sentAt !== null) {
          latencies.push(performance.now() - sentAt);
          if (performance.now() - sentAt > P99_BOUND) slowAt.push(sentAt - playStarted);
          sentAt = null;
        }
        void act(latest);
      };
      s.on('s2c', (m: ServerMessage) => {
        if (m.type === 'seat.update') adopt(m.update);
        else if (m.type === 'seat.patch' && current && !refreshing) {
          // The server pushes what changed since the version this client holds; a client that missed one asks again.
          const next = applySeatPatch(current, m.patch);
          if (next) adopt(next);
          else {
            refreshing = true;
            patchMisses++;
            void send(s, { type: 'seat.view' }).then((r) => {
              refreshing = false;
              if (r.ok) adopt(r.result as SeatUpdate);
              else errors.push(`seat.view: ${r.error?.code} ${r.error?.message}`);
            });
          }
        }
      });
    }
  });
  const [loadBefore] = loadavg();
  const playStarted = performance.now();
  const serverCpuBefore = cpuSeconds(child.pid);
  const benchCpuBefore = process.cpuUsage();
  const progress = setInterval(() => {
    if (process.env.DEBUG)
      console.log(`  … ${latencies.length} intents, ${ended} seats have seen their game end`);
  }, 5000);
  await Promise.all(classes.map((c) => send(c.teacher, { type: 'teacher.start' })));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    done,
    serverExit,
    new Promise<void>((_, fail) => {
      timer = setTimeout(
        () =>
          fail(
            new Error(`not every game ended within ${TIME_LIMIT_MS / 1000} s (${ended} seats saw the end)`),
          ),
        TIME_LIMIT_MS,
      );
    }),
  ]);
  clearTimeout(timer);
  clearInterval(progress);
  const playMs = performance.now() - playStarted;
  const serverCpu = cpuSeconds(child.pid) - serverCpuBefore;
  const benchUsage = process.cpuUsage(benchCpuBefore);
  const benchCpu = (benchUsage.user + benchUsage.system) / 1e6;
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const [load1] = loadavg();
  console.log(
    `bench:server: ${students.length} clients, ${TABLES} tables in ${classes.length} classes, ${cpus().length} cores, load ${loadBefore?.toFixed(2)} when the games started, ${load1?.toFixed(2)} at the end`,
  );
  console.log(
    `  joined in ${(joinMs / 1000).toFixed(1)} s; played every game to its end in ${(playMs / 1000).toFixed(1)} s (${Math.round(latencies.length / (playMs / 1000))} intents/s); think time ${thinkMin === thinkMax ? thinkMin : `${thinkMin}–${thinkMax}`} ms before each move`,
  );
  console.log(
    `  ${latencies.length} intents: intent-to-view p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms; ${errors.length} errors (${refusals} moves refused by the rules, each followed by the end of the turn; ${patchMisses} patches that did not apply, each followed by a whole view)`,
  );
  console.log(
    `  CPU while playing: server ${serverCpu.toFixed(1)} s (${((serverCpu * 1000) / latencies.length).toFixed(2)} ms an intent, ${Math.round((serverCpu * 100000) / playMs)}% of a core), the ${students.length} clients ${benchCpu.toFixed(1)} s`,
  );
  if (slowAt.length > 0) {
    const bySecond = new Map<number, number>();
    for (const t of slowAt) bySecond.set(Math.floor(t / 1000), (bySecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    const worst = [...bySecond].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `  ${slowAt.length} intents over ${P99_BOUND} ms; most were sent in these seconds of play: ${worst.map(([sec, n]) => `${sec}–${sec + 1} s (${n})`).join(', ')}`,
    );
  }
  for (const e of errors.slice(0, 5)) console.log(`  error: ${e}`);
  const pass = p99 <= P99_BOUND && errors.length === 0;
  console.log(`${pass ? 'PASS' : 'FAIL'}: p99 at most ${P99_BOUND} ms with no errors`);
  process.exitCode = pass ? 0 : 1;
} catch (error) {
  console.error(`bench:server failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  stopping = true;
  for (const s of sockets) s.close();
  child.kill('SIGTERM');
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
