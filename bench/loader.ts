// The loader's time and memory on hostile files up to 5 MB (`npm run bench:loader`): each file is validated in
// a fresh process, timing `validate` alone (not start-up), with the process's peak resident memory.
// Bound: under one second and 300 MB each, exit 1 (invalid, located). Prints one line per file (with the load
// average, as a loaded machine stretches every time), then PASS or FAIL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aliasBomb,
  aliasCycle,
  deepNesting,
  hugeMap,
  hugeString,
  withControlCharacter,
} from '../test/support/hostile';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MS_BOUND = 1_000;
const MB_BOUND = 300;

if (process.argv[2] === '--one') {
  // The child: validate one file, then report the time of that work and the peak memory.
  const { validate } = await import('../src/cli/main');
  const sink = { write: () => true };
  const io = { out: sink, err: sink } as unknown as Parameters<typeof validate>[1];
  const file = process.argv[3] as string;
  const start = performance.now();
  const code = validate([file], io);
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ code, ms, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
  const base = readFileSync(join(ROOT, 'test/fixtures/tram-line.yaml'), 'utf8');
  const miami = readFileSync(join(ROOT, 'assets/scenarios/miami-2025.yaml'), 'utf8');
  const tabs = base.replace(/^ {4}(\w)/gm, '\t$1');
  const cases: Array<[string, string]> = [
    ['default scenario (valid, balance analysis included)', miami],
    ['alias bomb 9^9', aliasBomb(9, 9)],
    ['alias cycle', aliasCycle(5, false)],
    ['10,000 levels of [', deepNesting(10_000, 'flow')],
    ['2,500,000 levels of [ (5 MB)', deepNesting(2_500_000, 'flow')],
    ['10,000 levels of maps', deepNesting(10_000, 'map-flow')],
    ['1,400 levels of indentation', deepNesting(1_400, 'block')],
    ['40,000-key map', hugeMap(40_000, null)],
    ['60,000-key map with a duplicate (0.9 MB)', hugeMap(60_000, 5)],
    ['5 MB file', `${base}# ${'x'.repeat(5_000_000 - base.length)}\n`],
    ['0.99 MB title', hugeString(base, 990_000, 'é')],
    ['control character in a name', withControlCharacter(base, 0x1b, 'name')],
    ['a tab on every key (one error per cause)', tabs],
    ['0.95 MB of tabs', tabs.repeat(Math.floor(950_000 / tabs.length))],
    [
      '19,900 values in lists (just under the limits)',
      `format: 1\nevents: [${Array.from({ length: 10 }, () => `[${'1,'.repeat(1_990)}1]`).join(',')}]\n`,
    ],
    [
      '0.99 MB list of lists',
      `format: 1\nevents: [${Array.from({ length: 1_900 }, () => `[${'1,'.repeat(250)}1]`).join(',')}]\n`,
    ],
  ];
  process.stdout.write(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores\n`,
  );
  const work = mkdtempSync(join(tmpdir(), 'shuttle-bench-loader-'));
  let failed = 0;
  try {
    for (const [name, text] of cases) {
      const file = join(work, 'case.yaml');
      writeFileSync(file, text);
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', file],
        {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      const line = run.stdout.trim().split('\n').pop() ?? '';
      let result: { code: number; ms: number; rssMB: number } | undefined;
      try {
        result = JSON.parse(line);
      } catch {
        result = undefined;
      }
      const size = `${(text.length / 1e6).toFixed(2)} MB`;
      if (!result) {
        failed++;
        process.stdout.write(`FAIL ${name} (${size}): no result; ${run.stderr.slice(0, 300)}\n`);
        continue;
      }
      const info = text === miami;
      const ok = info || (result.ms < MS_BOUND && result.rssMB < MB_BOUND && result.code === 1);
      if (!ok) failed++;
      process.stdout.write(
        `${info ? 'info' : ok ? 'ok  ' : 'FAIL'} ${name.padEnd(52)} ${size.padStart(8)}  exit ${result.code}  ${result.ms.toFixed(0).padStart(5)} ms  ${result.rssMB.toFixed(0).padStart(4)} MB peak\n`,
      );
      if (info) process.stdout.write('Hostile files (each must exit 1, under the bound):\n');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(
    failed === 0
      ? `PASS: every file under ${MS_BOUND} ms and ${MB_BOUND} MB\n`
      : `FAIL: ${failed} file(s) over ${MS_BOUND} ms or ${MB_BOUND} MB, or crashed\n`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}
