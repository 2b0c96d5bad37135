// Speed and figures of the exact analysis (issue 6): the synthetic 3 × 16 × 4 frontier, the default scenario's whole analysis.
// Run alone with `npx tsx bench/analysis.ts`; `npm run bench` imports benchAnalysis(). Wall-clock times in this
// process over 9 runs: "cold" is the first (the default scenario goes first, so its code is not warm yet),
// "median" and "best" are over all nine.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyseScenario, playAtMeeting } from '../src/scenario/analysis';
import { loadScenario } from '../src/scenario/load';
import { compileSpace } from '../src/scenario/outcome-space';
import { paretoFrontier } from '../src/scenario/pareto-frontier';
import type { Scenario } from '../src/scenario/schema';
import { syntheticScenario } from '../src/scenario/synthetic';

// BENCH_SCENARIO measures another scenario file (a draft, say); the default scenario otherwise.
const SCENARIO = process.env.BENCH_SCENARIO
  ? resolve(process.env.BENCH_SCENARIO)
  : fileURLToPath(new URL('../assets/scenarios/miami-2025.yaml', import.meta.url));
const RUNS = 9;

function timed<T>(run: () => T): { value: T; coldMs: number; ms: number; bestMs: number; cpuMs: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    value = run();
    const used = process.cpuUsage(usage);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    value: value as T,
    coldMs: round(times[0]!),
    ms: round(median(times)),
    bestMs: round(Math.min(...times)),
    // CPU time of this process (garbage collection included): steadier than wall time on a busy machine.
    cpuMs: round(median(cpu)),
  };
}

function loadDefault(): Scenario {
  const loaded = loadScenario(readFileSync(SCENARIO, 'utf8'), SCENARIO);
  if (!loaded.ok) throw new Error(`${SCENARIO} does not load`);
  return loaded.scenario;
}

/** The figures, keyed by name; times in milliseconds. */
export async function benchAnalysis(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};

  // The default scenario, whole analysis (frontier, zone counted exactly, Nash, KS), at the opening and at the last meeting.
  const miami = loadDefault();
  const whole = timed(() => analyseScenario(miami));
  const last = playAtMeeting(miami, miami.calendar[miami.calendar.length - 1]!.id);
  const late = timed(() => analyseScenario(miami, last));
  const deadline = analyseScenario(miami, { meetingsElapsed: last.meetingsElapsed });
  const a = whole.value;
  out['default: whole analysis cold ms'] = whole.coldMs;
  out['default: whole analysis ms (median)'] = whole.ms;
  out['default: whole analysis best ms'] = whole.bestMs;
  out['default: whole analysis CPU ms (median)'] = whole.cpuMs;
  out['default at the last meeting: whole analysis ms (median)'] = late.ms;
  out['default: texts'] = a.texts;
  out['default: frontier points'] = a.frontier.length;
  out['default: frontier texts'] = a.frontierTexts;
  out['default: zone (deals)'] = a.zone.count ?? Number.NaN;
  out['default: zone at the last meeting’s discount, no events'] =
    deadline.zoneDiscounted.count ?? Number.NaN;
  out['default: zone at the last meeting, events fired'] = late.value.zone.count ?? Number.NaN;
  out['default: zone at the last meeting, events fired and discount'] =
    late.value.zoneDiscounted.count ?? Number.NaN;
  for (const [name, p] of [
    ['Nash', a.nash],
    ['KS', a.ks],
  ] as const) {
    for (const party of a.parties)
      out[`default: ${name} utility ${party}`] = p?.utilities[party] ?? Number.NaN;
  }

  // The figure: three parties, 16 issues × 4 options (4.3 billion texts), two cross-issue red lines each.
  const big = syntheticScenario(1, 3, 16, 4, { redLines: 2 });
  const frontier16 = timed(() => paretoFrontier(compileSpace(big)));
  out['synthetic 3×16×4: texts'] = compileSpace(big).texts;
  out['synthetic 3×16×4: frontier points'] = frontier16.value.length;
  out['synthetic 3×16×4: frontier cold ms'] = frontier16.coldMs;
  out['synthetic 3×16×4: frontier ms (median)'] = frontier16.ms;
  out['synthetic 3×16×4: frontier best ms'] = frontier16.bestMs;
  out['synthetic 3×16×4: frontier CPU ms (median)'] = frontier16.cpuMs;

  // The same size with ratification too: a support check per party over 5 issues, and a consent check.
  const ratified = syntheticScenario(1, 3, 16, 4, { redLines: 2, supportEffects: 5, consent: true });
  const frontierR = timed(() => paretoFrontier(compileSpace(ratified)));
  out['synthetic 3×16×4 + ratification: frontier points'] = frontierR.value.length;
  out['synthetic 3×16×4 + ratification: frontier ms (median)'] = frontierR.ms;

  // What the default scenario may grow to: 25 issues × 3 options, with red lines and ratification.
  const grown = syntheticScenario(1, 3, 25, 3, {
    redLines: 2,
    supportEffects: 6,
    consent: true,
    reservationShare: 0.65,
  });
  const frontier25 = timed(() => paretoFrontier(compileSpace(grown)));
  const analysis25 = timed(() => analyseScenario(grown));
  out['synthetic 3×25×3: texts'] = analysis25.value.texts;
  out['synthetic 3×25×3: frontier points'] = frontier25.value.length;
  out['synthetic 3×25×3: frontier ms (median)'] = frontier25.ms;
  out['synthetic 3×25×3: whole analysis ms (median)'] = analysis25.ms;
  out['synthetic 3×25×3: zone estimate'] = Math.round(analysis25.value.zone.estimate);
  out['synthetic 3×25×3: zone exact'] = analysis25.value.zone.exact ? 1 : 0;
  return out;
}

// Run alone: print the figures.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const figures = await benchAnalysis();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures))
    process.stdout.write(`${k.padEnd(width)}  ${v.toLocaleString('en-US')}\n`);
}
