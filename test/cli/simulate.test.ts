// `cli simulate`: seat flags, bad flags, the JSON report, and the same figures on worker threads as in one thread.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSeats, type SimulationPlan, type SimulationReport, simulate } from '../../src/cli/simulate';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MIAMI = join(ROOT, 'assets', 'scenarios', 'miami-2025.yaml');
const LONG = 120_000;

function cli(...args: string[]) {
  const run = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), 'simulate', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: LONG,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('--seat', () => {
  const parties = ['us', 'ua', 'ru'];

  it('puts a strategy or a difficulty in the named seats and the AI at --difficulty in the others', () => {
    expect(parseSeats(['ua=passive', 'ru=hard'], parties, 'easy')).toEqual({
      ok: true,
      seats: {
        us: { kind: 'ai', difficulty: 'easy' },
        ua: { kind: 'strategy', strategy: 'passive' },
        ru: { kind: 'ai', difficulty: 'hard' },
      },
    });
  });

  it.each([
    ['ua', 'expected party=strategy or party=difficulty'],
    ['ua=', 'expected party=strategy or party=difficulty'],
    ['ua=passive=1', 'expected party=strategy or party=difficulty'],
    ['uk=passive', 'no party "uk" in this scenario (us, ua, ru)'],
    [
      'ua=wizard',
      '"wizard" is neither a strategy (passive, logroller, bluffer, stonewaller) nor a difficulty',
    ],
  ])('refuses --seat %s', (flag, message) => {
    const r = parseSeats([flag], parties, 'medium');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('refuses a party named twice', () => {
    expect(parseSeats(['ua=passive', 'ua=hard'], parties, 'medium')).toEqual({
      ok: false,
      error: '--seat: party "ua" is named twice',
    });
  });
});

describe('simulate on the command line', () => {
  it.each([
    [['--seat', 'uk=passive'], 'no party "uk"'],
    [['--seat', 'ua=wizard'], 'neither a strategy'],
    [['--games', '0'], '--games 0: expected a positive integer'],
    [['--games', 'many'], '--games many'],
    [['--seed', '1.5'], '--seed 1.5: expected an integer'],
    [['--difficulty', 'brutal'], '--difficulty brutal: expected easy, medium, hard'],
    [['--workers', '0'], '--workers 0: expected a positive integer'],
  ])(
    'answers bad flags %j with a one-line error and exit code 1',
    (flags, message) => {
      const run = cli(MIAMI, ...flags);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(message);
    },
    LONG,
  );

  it(
    'prints one JSON object with every figure, the seats and the difficulty',
    () => {
      const run = cli(
        MIAMI,
        '--games',
        '2',
        '--seed',
        '5',
        '--seat',
        'ua=passive',
        '--workers',
        '1',
        '--json',
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as SimulationReport;
      for (const key of [
        'games',
        'agreementRate',
        'ratifiedRate',
        'belowReservation',
        'redLineViolations',
        'brokenWords',
        'meanNashDistance',
        'shareWithinNash010',
        'shareWithinPareto002',
        'dominatedDeals',
        'meanScore',
        'answeredShare',
        'gamesPerMinute',
        'seats',
        'difficulty',
      ])
        expect(report, key).toHaveProperty(key);
      expect(report.games).toBe(2);
      expect(report.seats).toEqual({ us: 'medium', ua: 'passive', ru: 'medium' });
      expect(report.difficulty).toBe('medium');
      expect(Object.keys(report.meanScore).sort()).toEqual(['ru', 'ua', 'us']);
      for (const s of Object.values(report.meanScore)) expect(s).toBeLessThanOrEqual(100);
      expect(report.answeredShare).toBeGreaterThanOrEqual(0);
      expect(report.answeredShare).toBeLessThanOrEqual(1);
    },
    LONG,
  );

  it(
    'prints a readable table without --json, and no progress bar when stderr is not a terminal',
    () => {
      const run = cli(MIAMI, '--games', '1', '--seat', 'us=passive', '--workers', '1');
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('miami-2025: 1 games (seeds 1-1), us=passive ua=medium ru=medium');
      expect(run.stdout).toMatch(/signed and ratified +0\.0%/);
      expect(run.stdout).toMatch(/proposals answered +\d/);
    },
    LONG,
  );
});

describe('simulate on worker threads', () => {
  it(
    'gives the same figures on two workers as in this thread',
    async () => {
      const plan: SimulationPlan = {
        scenarioFile: MIAMI,
        games: 2,
        seed: 11,
        difficulty: 'medium',
        seats: {
          us: { kind: 'ai', difficulty: 'medium' },
          ua: { kind: 'strategy', strategy: 'logroller' },
          ru: { kind: 'ai', difficulty: 'medium' },
        },
      };
      const strip = ({ millis: _m, gamesPerMinute: _g, workers: _w, ...figures }: SimulationReport) =>
        figures;
      const inThread = await simulate(plan, { workers: 1 });
      const onWorkers = await simulate(plan, { workers: 2 });
      expect(inThread.workers).toBe(1);
      expect(onWorkers.workers).toBe(2);
      expect(strip(onWorkers)).toEqual(strip(inThread));
    },
    LONG,
  );
});
