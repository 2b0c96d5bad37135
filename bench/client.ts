// `npm run bench:client`: what the game costs a school laptop, measured in headless Chromium with software rendering
// (the flags of the browser tests: no GPU, SwiftShader). It builds dist/, serves it with the game's own server
// (src/server/start.ts, the one `npm start` runs) and prints, for a fresh visit and one solo game against the AI:
//   - first-screen load time (navigation to the title screen ready for input), median of several cold loads;
//   - the first screen's JavaScript, raw and gzipped (every script the page loaded until then);
//   - idle table fps: frames per second the table draws while nothing moves, when it is asked to draw;
//   - fps during a move animation (the student's move and the AI's answers playing out);
//   - main-thread tasks over 50 ms during an AI round (Long Tasks API, wall clock), and the longest; and, from a
//     Chromium trace of the same rounds, the tasks that used over 50 ms of the main thread's own CPU time (on a
//     machine shared with other work a task waits for a core and its wall time grows; its CPU time does not);
//   - the table's CPU time at rest: every Chromium process of this browser over 5 s with the table on screen and
//     nothing happening, as % of one core (from /proc), and the page's main thread alone (CDP Performance).
// It measures and reports; it never fails on a figure. Options: --no-build, --viewport=WxH (default 1280x800),
// --loads=N (cold loads to time, default 5), --rounds=N (AI rounds, default 2), --screenshot=FILE (the table at rest);
// The long tasks are counted in untraced rounds, then as many rounds are played traced for the CPU of each task
// (recording a trace costs the page's main thread too); --no-trace skips the traced rounds. BENCH_TRACE=FILE keeps
// the trace (open it in Chromium's performance panel).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { type Harness, openPage, ROOT, startHarness } from '../test/e2e/harness';
import { leave, startSolo, testScenario, waitForPlayer } from '../test/e2e/player';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const BUILD = !args.includes('--no-build');
const TRACE = !args.includes('--no-trace');
const [VW, VH] = (flag('viewport') ?? '1280x800').split('x').map(Number) as [number, number];
const LOADS = Math.max(1, Number(flag('loads') ?? 5));
const ROUNDS = Math.max(1, Number(flag('rounds') ?? 2));
const REST_MS = 5000;
/** Wall-clock figures depend on what else the machine runs: the load average is printed with them. */
const LOAD_AT_START = loadavg()[0] ?? 0;

// The table's own figures, when the table exposes them (src/game/mount-table.ts); older builds fall back to frames.
interface TableDebug {
  renders: number;
  awake: boolean;
  texts?: { made: number; rewritten: number };
  drawFor(ms: number): void;
}

declare global {
  interface Window {
    benchWatch?: {
      longTasks: Array<{ start: number; duration: number }>;
      frames: number[];
      setTicking(on: boolean): void;
    };
    shuttleTableDebug?: TableDebug;
  }
}

/** Installed before the page's scripts: long tasks and animation-frame times. A string, so that no bundler helper
 * (tsx names functions with a `__name` call the page does not have) ends up in the page. */
const WATCH_MAIN_THREAD = `(() => {
  const w = { longTasks: [], frames: [] };
  window.benchWatch = w;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // Counting frames costs a little on every frame: the ticker stops while the page's own cost at rest is measured.
  w.ticking = true;
  const tick = (t) => {
    w.frames.push(t);
    if (w.frames.length > 20000) w.frames.splice(0, 10000);
    if (w.ticking) requestAnimationFrame(tick);
  };
  w.setTicking = (on) => {
    if (on && !w.ticking) requestAnimationFrame(tick);
    w.ticking = on;
  };
  requestAnimationFrame(tick);
})();`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// ------------------------------------------------------------------ process CPU (Linux /proc)

const CLK_TCK = 100;

/** CPU ticks (user + system) of every Chromium process below this Node process. */
function chromiumTicks(): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const pid = Number(entry);
      parent.set(pid, Number(fields[1]));
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      names.set(pid, name);
    } catch {
      // the process ended while we read
    }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    if (!/chrom/i.test(names.get(pid) ?? '')) continue;
    let p = parent.get(pid);
    let mine = false;
    for (let hops = 0; p && hops < 20; hops++) {
      if (p === process.pid) {
        mine = true;
        break;
      }
      p = parent.get(p);
    }
    if (mine) total += t;
  }
  return total;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

// ------------------------------------------------------------------ tasks in a Chromium trace

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Top-level tasks of the page's main thread (the renderer that ran scripts from `origin`): wall and CPU ms. */
function traceTasks(trace: Buffer, origin: string): Array<{ wallMs: number; cpuMs: number }> {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set<string>();
  for (const e of events)
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const pagePids = new Set(events.filter((e) => e.args?.data?.url?.startsWith(origin)).map((e) => e.pid));
  return events
    .filter(
      (e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`) && pagePids.has(e.pid),
    )
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}

// ------------------------------------------------------------------ the first screen

interface FirstScreen {
  ms: number;
  scripts: string[];
}

async function firstScreen(h: Harness): Promise<FirstScreen> {
  const t = await openPage(h, { width: VW, height: VH });
  const { page } = t;
  await page.goto(`${h.baseUrl}/`, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const app = document.querySelector('#app');
      return (
        app?.getAttribute('data-screen') === 'title' &&
        !!document.querySelector('h1') &&
        !!document.querySelector('#app button:enabled, #app input:enabled')
      );
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = await page.evaluate(() => performance.now());
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js') || p.endsWith('.mjs'))
      .concat(
        [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => new URL(s.src).pathname),
      ),
  );
  await t.close();
  return { ms, scripts: [...new Set(scripts)] };
}

function jsBytes(paths: string[]): { raw: number; gzip: number; files: string[] } {
  let raw = 0;
  let gzip = 0;
  const files: string[] = [];
  for (const p of paths) {
    const file = join(ROOT, 'dist', decodeURIComponent(p));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      continue;
    }
    files.push(p);
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

// ------------------------------------------------------------------ the table

async function framesBetween(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(([a, b]) => (window.benchWatch?.frames ?? []).filter((t) => t >= a && t <= b).length, [
    from,
    to,
  ] as const);
}

async function hasTableDebug(page: Page): Promise<boolean> {
  return page.evaluate(() => !!window.shuttleTableDebug);
}

async function renders(page: Page): Promise<number> {
  return page.evaluate(() => window.shuttleTableDebug?.renders ?? 0);
}

/** Frames per second the table draws over `ms`, either counted by the table or, failing that, by animation frames. */
async function measureFps(page: Page, ms: number, start?: () => Promise<void>): Promise<number> {
  const own = await hasTableDebug(page);
  const r0 = own ? await renders(page) : 0;
  const t0 = await page.evaluate(() => performance.now());
  await start?.();
  await page.waitForTimeout(ms);
  const t1 = await page.evaluate(() => performance.now());
  if (own) return ((await renders(page)) - r0) / ((t1 - t0) / 1000);
  return (await framesBetween(page, t0, t1)) / ((t1 - t0) / 1000);
}

async function waitForRest(page: Page, maxMs = 15_000): Promise<void> {
  if (await hasTableDebug(page)) {
    await page
      .waitForFunction(() => window.shuttleTableDebug?.awake === false, undefined, { timeout: maxMs })
      .catch(() => {});
    await page.waitForTimeout(300);
  } else await page.waitForTimeout(6000); // the longest banners and bubbles are over by then
}

async function main(): Promise<void> {
  if (BUILD) {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const h = await startHarness({ server: 'start' });
  const lines: Array<[string, string]> = [];
  try {
    // First screen: a few cold loads (a fresh context each, so nothing is cached), the median reported.
    const loads: number[] = [];
    let scripts: string[] = [];
    for (let i = 0; i < LOADS; i++) {
      const f = await firstScreen(h);
      loads.push(f.ms);
      scripts = f.scripts;
    }
    const js = jsBytes(scripts);
    lines.push([
      'first screen interactive (median)',
      `${median(loads).toFixed(0)} ms (${loads.map((l) => l.toFixed(0)).join(', ')})`,
    ]);
    lines.push(['first-screen JS raw', `${kb(js.raw)} in ${js.files.length} files`]);
    lines.push(['first-screen JS gzipped', kb(js.gzip)]);

    // A solo game against the AI, as a side the AI does not mediate for.
    const { scenario } = testScenario();
    const party = scenario.parties.find((p) => p.id !== scenario.mediator) ?? scenario.parties[0];
    if (!party) throw new Error('the scenario has no parties');
    const t = await openPage(h, { width: VW, height: VH });
    const { page } = t;
    await page.addInitScript({ content: WATCH_MAIN_THREAD });
    if (process.env.BENCH_CONSOLE) page.on('console', (m) => console.log('page:', m.text()));
    await page.goto(`${h.baseUrl}/?seed=21`);
    await startSolo(page, scenario.meta.title, party.name);
    await page.getByRole('button', { name: 'Take my seat' }).click();
    await leave(page, 'brief');
    await page.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
    await page.locator('#table-canvas canvas').waitFor({ state: 'attached', timeout: 30_000 });
    if ((await waitForPlayer(page, 120_000)) !== 'table') throw new Error('the game did not reach the table');
    const canvasSize = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('#table-canvas canvas');
      return c ? `${c.clientWidth}×${c.clientHeight} CSS px` : 'none';
    });
    lines.push(['viewport / table canvas', `${VW}×${VH} / ${canvasSize}`]);

    const shot = flag('screenshot');
    if (shot) {
      await waitForRest(page);
      await page.locator('#table-canvas').screenshot({ path: shot });
    }

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // At rest: nothing moves; the whole browser's CPU over 5 s, and the page's main thread.
    await waitForRest(page);
    await page.evaluate(() => window.benchWatch?.setTicking(false));
    await page.waitForTimeout(200);
    const tick0 = chromiumTicks();
    const task0 = await taskSeconds(cdp);
    const wall0 = Date.now();
    await page.waitForTimeout(REST_MS);
    const wall = (Date.now() - wall0) / 1000;
    const cpu = (chromiumTicks() - tick0) / CLK_TCK / wall;
    const mainCpu = ((await taskSeconds(cdp)) - task0) / wall;
    await page.evaluate(() => window.benchWatch?.setTicking(true));
    const restFrames = await (async () => {
      if (!(await hasTableDebug(page))) return null;
      const r0 = await renders(page);
      await page.waitForTimeout(2000);
      return ((await renders(page)) - r0) / 2;
    })();

    // Idle fps when the table is asked to draw (every frame, for 3 s, nothing moving).
    const own = await hasTableDebug(page);
    const idleFps = await measureFps(
      page,
      3000,
      own ? () => page.evaluate(() => window.shuttleTableDebug?.drawFor(3000)) : undefined,
    );
    lines.push([
      'idle table fps (drawing every frame)',
      `${idleFps.toFixed(1)}${own ? '' : ' (animation frames: the table draws on every one)'}`,
    ]);
    lines.push([
      'table CPU at rest, whole browser',
      `${(cpu * 100).toFixed(1)}% of one core over ${wall.toFixed(1)} s`,
    ]);
    lines.push(['table CPU at rest, page main thread', `${(mainCpu * 100).toFixed(1)}% of one core`]);
    if (restFrames !== null)
      lines.push(['table frames drawn at rest', `${restFrames.toFixed(1)} per second`]);

    // AI rounds: the student ends its turn at once; the AI seats answer (their moves animate as they come).
    const oneRound = async () => {
      if ((await waitForPlayer(page, 120_000)) !== 'table') return null;
      await waitForRest(page);
      const from = await page.evaluate(() => performance.now());
      const r0 = own ? await renders(page) : 0;
      const texts0 = await page.evaluate(() => window.shuttleTableDebug?.texts ?? null);
      await page.getByRole('button', { name: 'End turn' }).click();
      // The first 1.5 s after the move: the move's own animation and the AI's first answers.
      await page.waitForTimeout(1500);
      const mid = await page.evaluate(() => performance.now());
      const fps = own
        ? ((await renders(page)) - r0) / ((mid - from) / 1000)
        : (await framesBetween(page, from, mid)) / ((mid - from) / 1000);
      if ((await waitForPlayer(page, 120_000)) !== 'table') return null;
      const to = await page.evaluate(() => performance.now());
      const tasks = await page.evaluate(
        ([a, b]) =>
          (window.benchWatch?.longTasks ?? []).filter((x) => x.start + x.duration >= a && x.start <= b),
        [from, to] as const,
      );
      const top = Math.max(0, ...tasks.map((x) => x.duration));
      // The picture's texts laid out again in the round (each costs a canvas draw and a texture upload).
      const texts1 = await page.evaluate(() => window.shuttleTableDebug?.texts ?? null);
      const textWork =
        texts0 && texts1
          ? `; picture texts ${texts1.made - texts0.made} made, ${texts1.rewritten - texts0.rewritten} rewritten`
          : '';
      return {
        tasks: tasks.length,
        top,
        fps,
        line: `${((to - from) / 1000).toFixed(1)} s, ${tasks.length} tasks > 50 ms, longest ${top.toFixed(0)} ms${textWork}`,
      };
    };
    // The long tasks are counted in rounds played untraced: recording a trace costs the page's main thread too (on
    // two cores it made tasks of 30–45 ms of CPU last 52–68 ms). The trace follows, over as many rounds again, for
    // the CPU each task used.
    const roundLines: string[] = [];
    let allTasks = 0;
    let longest = 0;
    const animFps: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const r = await oneRound();
      if (!r) break;
      allTasks += r.tasks;
      longest = Math.max(longest, r.top);
      animFps.push(r.fps);
      roundLines.push(r.line);
    }
    const tracedLines: string[] = [];
    if (TRACE) await h.browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
    // BENCH_PROFILE=file.cpuprofile: the page's JavaScript profile over the AI rounds (open it in DevTools).
    if (process.env.BENCH_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (TRACE || process.env.BENCH_PROFILE) {
      for (let i = 0; i < ROUNDS; i++) {
        const r = await oneRound();
        if (!r) break;
        tracedLines.push(r.line);
      }
    }
    const trace = TRACE ? await h.browser.stopTracing() : null;
    if (process.env.BENCH_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile));
    }
    if (trace && process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE, trace);
    const traced = trace ? traceTasks(trace, h.baseUrl) : [];
    const cpuLong = traced.filter((x) => x.cpuMs > 50);
    lines.push(['fps during a move animation', animFps.map((f) => f.toFixed(1)).join(', ')]);
    lines.push([
      'long tasks (>50 ms) during AI rounds',
      `${allTasks} in ${roundLines.length} rounds, longest ${longest.toFixed(0)} ms`,
    ]);
    roundLines.forEach((l, i) => {
      lines.push([`  AI round ${i + 1}`, l]);
    });
    tracedLines.forEach((l, i) => {
      lines.push([`  traced AI round ${i + 1}`, l]);
    });
    lines.push([
      'tasks over 50 ms of CPU in those rounds',
      trace
        ? `${cpuLong.length} of ${traced.length} traced tasks; the most CPU in one task ${Math.max(0, ...traced.map((x) => x.cpuMs)).toFixed(0)} ms`
        : 'not traced (--no-trace)',
    ]);
    if (t.errors.length) lines.push(['page errors', t.errors.join(' | ')]);
    await t.close();
  } finally {
    await h.close();
  }
  lines.push([
    'load average (1 min) at start / end',
    `${LOAD_AT_START.toFixed(1)} / ${loadavg()[0]?.toFixed(1)}`,
  ]);
  const width = Math.max(...lines.map(([k]) => k.length));
  console.log(`bench:client (headless Chromium, software rendering, ${VW}×${VH})`);
  for (const [k, v] of lines) console.log(`${k.padEnd(width)}  ${v}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
