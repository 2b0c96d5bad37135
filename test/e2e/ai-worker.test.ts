// The AI delegations decide in a Web Worker, not on the page's main thread, and the page keeps drawing meanwhile.
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiDebugCounters } from '../../src/ui/game-session';
import { type Harness, openPage, screenshotPath, startHarness, type TestPage } from './harness';
import { leave, startSolo, testScenario, waitForPlayer } from './player';

const { scenario } = testScenario();
/** A seat the AI does not mediate for, so the AI mediator and the other delegation play in every round. */
const party = scenario.parties.find((p) => p.id !== scenario.mediator) ?? scenario.parties[0]!;
const AI_ROUNDS = 3;

/** Installed before the page's own scripts: long main-thread tasks and animation frames, with their times. */
function watchMainThread() {
  const perf = { longTasks: [] as Array<{ start: number; duration: number }>, frames: [] as number[] };
  (window as unknown as { mainThreadWatch: typeof perf }).mainThreadWatch = perf;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the figures below say so by being empty
  }
  const tick = (t: number) => {
    perf.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

interface RoundFigures {
  /** How long the AI had the table, from the student's "End turn" to the student's next turn. */
  ms: number;
  /** The longest main-thread task in that time (Long Tasks API: only tasks over 50 ms are reported). */
  longestTaskMs: number;
  /** The longest gap between two animation frames in that time. */
  longestFrameGapMs: number;
  frames: number;
}

async function roundFigures(page: Page, from: number, to: number): Promise<RoundFigures> {
  return page.evaluate(
    ([a, b]) => {
      const perf = (
        window as unknown as {
          mainThreadWatch: { longTasks: Array<{ start: number; duration: number }>; frames: number[] };
        }
      ).mainThreadWatch;
      const tasks = perf.longTasks.filter((t) => t.start + t.duration >= a && t.start <= b);
      const frames = perf.frames.filter((t) => t >= a && t <= b);
      let gap = 0;
      for (let i = 1; i < frames.length; i++) gap = Math.max(gap, (frames[i] ?? 0) - (frames[i - 1] ?? 0));
      if (frames.length > 0) gap = Math.max(gap, (frames[0] ?? a) - a, b - (frames[frames.length - 1] ?? b));
      return {
        ms: b - a,
        longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        longestFrameGapMs: frames.length > 0 ? gap : b - a,
        frames: frames.length,
      };
    },
    [from, to] as const,
  );
}

async function counters(page: Page): Promise<AiDebugCounters> {
  return page.evaluate(() => {
    const c = window.shuttleAiDebug;
    if (!c) throw new Error('no AI debug counters on this page (is ?test=1 set?)');
    return { thread: c.thread, worker: c.worker, mainThread: c.mainThread };
  });
}

/** Decisions counted inside the worker's own global scope, read through the DevTools protocol. */
async function decisionsInWorker(worker: Worker): Promise<number> {
  return worker.evaluate(
    () => (self as unknown as { shuttleAiWorker?: { decisions: number } }).shuttleAiWorker?.decisions ?? -1,
  );
}

interface Played {
  t: TestPage;
  workers: Worker[];
  rounds: RoundFigures[];
}

/** Opens a solo game as `party` and lets the AI play AI_ROUNDS rounds, the student ending each turn at once. */
async function playAiRounds(
  h: Harness,
  query: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<Played> {
  const t = await openPage(h);
  const { page } = t;
  const workers: Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  await prepare?.(page);
  await page.addInitScript(watchMainThread);
  await page.goto(`${h.baseUrl}/?test=1&seed=21${query}`);
  await startSolo(page, scenario.meta.title, party.name);
  await page.getByRole('button', { name: 'Take my seat' }).click();
  await leave(page, 'brief');
  await page.getByRole('heading', { level: 1, name: `${party.name} at the table` }).waitFor();
  const rounds: RoundFigures[] = [];
  for (let i = 0; i < AI_ROUNDS; i++) {
    if ((await waitForPlayer(page)) !== 'table') break;
    const from = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'End turn' }).click();
    if ((await waitForPlayer(page)) !== 'table') break;
    const to = await page.evaluate(() => performance.now());
    rounds.push(await roundFigures(page, from, to));
  }
  return { t, workers, rounds };
}

/** Prints the figures (they depend on the machine, so they are reported, not asserted). */
function report(label: string, rounds: RoundFigures[], seen: AiDebugCounters): void {
  const worst = (pick: (r: RoundFigures) => number) => Math.max(0, ...rounds.map(pick)).toFixed(0);
  const stats = seen.thread === 'worker' ? seen.worker : seen.mainThread;
  console.log(
    `${label}: ${rounds.length} AI rounds; longest main-thread task ${worst((r) => r.longestTaskMs)} ms ` +
      `(0 = none over 50 ms); longest gap between frames ${worst((r) => r.longestFrameGapMs)} ms; ` +
      `rounds took ${rounds.map((r) => r.ms.toFixed(0)).join(', ')} ms; ` +
      `${stats.decisions} AI decisions took ${stats.totalMs.toFixed(1)} ms in all, ` +
      `the longest ${stats.longestMs.toFixed(1)} ms, ${seen.thread === 'worker' ? 'in the worker' : 'on the main thread'}`,
  );
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe(`where the AI thinks (${scenario.meta.id}, playing ${party.name})`, () => {
  it('decides every AI move in a Web Worker, none on the page’s main thread, and ends the worker with the game', async () => {
    const { t, workers, rounds } = await playAiRounds(h, '');
    const { page } = t;
    expect(rounds.length).toBeGreaterThan(0);
    const seen = await counters(page);
    expect(seen.thread).toBe('worker');
    expect(seen.mainThread.decisions).toBe(0);
    expect(seen.worker.decisions).toBeGreaterThan(0);

    // The page's count comes from the worker's answers; check it against the worker's own global scope too.
    const aiWorkers = workers.filter((w) => /ai-worker/.test(w.url()));
    expect(aiWorkers).toHaveLength(1);
    const worker = aiWorkers[0]!;
    expect(await decisionsInWorker(worker)).toBe(seen.worker.decisions);
    // The page itself never loaded the AI's code: its only copy is the worker's.
    const pageScripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name.replace(/^.*\//, '')),
    );
    expect(pageScripts.filter((name) => name.startsWith('decide-'))).toEqual([]);
    report('AI in a Web Worker', rounds, seen);
    await page.screenshot({ path: screenshotPath('ai-worker-table') });

    // Leaving the game ends its worker.
    const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
    await page.getByRole('button', { name: 'New game' }).click();
    await closed;
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('counts decisions made on the main thread when the worker is switched off (the check above can fail)', async () => {
    const { t, workers, rounds } = await playAiRounds(h, '&aiThread=main');
    const seen = await counters(t.page);
    expect(seen.thread).toBe('main');
    expect(seen.mainThread.decisions).toBeGreaterThan(0);
    expect(seen.worker.decisions).toBe(0);
    expect(workers.filter((w) => /ai-worker/.test(w.url()))).toEqual([]);
    report('AI on the main thread (baseline)', rounds, seen);
    expect(t.errors).toEqual([]);
    await t.close();
  });

  it('falls back to the main thread, with a warning, when the worker cannot load, and the game goes on', async () => {
    const warnings: string[] = [];
    const { t, rounds } = await playAiRounds(h, '', async (page) => {
      page.on('console', (msg) => {
        if (msg.type() === 'warning') warnings.push(msg.text());
      });
      await page.route(/ai-worker[^/]*\.js/, (route) => route.abort());
    });
    expect(rounds).toHaveLength(AI_ROUNDS);
    const seen = await counters(t.page);
    expect(seen.worker.decisions).toBe(0);
    expect(seen.mainThread.decisions).toBeGreaterThan(0);
    expect(warnings.some((w) => /the decider failed; deciding in this thread instead/.test(w))).toBe(true);
    expect(t.errors).toEqual([]);
    await t.close();
  });
});
