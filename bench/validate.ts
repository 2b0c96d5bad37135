// `npm run bench:validate`: the time `cli validate --timing` reports for its own work on the default scenario
// (or BENCH_SCENARIO), balance analysis included, in fresh processes (BENCH_RUNS, default 7): the wall time
// and the process's CPU time, median and best, stage by stage. Bound: 300 ms of own work. Under contention
// (the load average is printed) wall time counts time spent waiting for a core; CPU time is the work itself,
// so the bound is judged on the median CPU time, and the wall time is printed beside it.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BOUND_MS = 300;
const file = process.env.BENCH_SCENARIO ?? 'assets/scenarios/miami-2025.yaml';
const runs = Number(process.env.BENCH_RUNS ?? 7);

interface Run {
  wall: number;
  cpu: number;
  stages: string;
}

const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'src', 'cli', 'main.ts'), 'validate', '--timing', file],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const line = run.stdout.split('\n').find((l) => l.includes('of its own work'));
  const m = line && /validated in ([\d.]+) ms of its own work \((.*); CPU ([\d.]+) ms\)/.exec(line);
  if (!m) {
    process.stderr.write(`no timing line from validate (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    process.exit(2);
  }
  results.push({ wall: Number(m[1]), cpu: Number(m[3]), stages: m[2] as string });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const wall = median(results.map((r) => r.wall));
const cpu = median(results.map((r) => r.cpu));
const bestCpu = Math.min(...results.map((r) => r.cpu));
const byCpu = [...results].sort((a, b) => a.cpu - b.cpu)[Math.floor(results.length / 2)] as Run;
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
process.stdout.write(
  `${file}: validate --timing, ${runs} fresh processes (load average ${load} on ${cpus().length} cores)\n` +
    `  own work, median: ${cpu.toFixed(1)} ms CPU (best ${bestCpu.toFixed(1)}), ${wall.toFixed(1)} ms wall\n` +
    `  stages of the median run (ms wall): ${byCpu.stages}\n` +
    `  bound ${BOUND_MS} ms: ${cpu <= BOUND_MS ? 'PASS' : 'FAIL'}\n`,
);
process.exitCode = cpu <= BOUND_MS ? 0 : 1;
