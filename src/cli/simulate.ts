// `cli simulate`: plays many seeded games (AI delegations and scripted student strategies) on worker threads and
// reports how the table fares. Workers send back one small record per game, never a transcript.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Difficulty } from '../ai/decide';
import { type SeatPlayer, STUDENT_STRATEGIES, type StudentStrategy } from '../ai/seat-player';
import { DIFFICULTIES, isDifficulty as isLevel } from '../engine/difficulty';
import { formatDiagnostic, loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { progressBar } from './progress-bar';
import { type Aggregate, aggregate, type GameRecord } from './sim-metrics';
import {
  playRecord,
  type SimulationPlan,
  takeGame,
  type WorkerData,
  type WorkerMessage,
} from './simulate-play';

export {
  batchGames,
  playRecord,
  type SimulationPlan,
  type WorkerData,
  type WorkerMessage,
} from './simulate-play';
export { DIFFICULTIES };

export interface SimulationReport extends Aggregate {
  scenario: string;
  seed: number;
  difficulty: Difficulty;
  /** Party id → the strategy or the AI difficulty in that seat. */
  seats: Record<string, string>;
  workers: number;
  millis: number;
  gamesPerMinute: number;
}

export type Loaded = { ok: true; scenario: Scenario } | { ok: false; message: string; unreadable: boolean };

/** Scenarios loaded so far, by file and the text read from it: a run reads its file again (the command, the
 * batch, each plan) but parses it once, and a file changed since is parsed afresh. */
const loadedFiles = new Map<string, { text: string; scenario: Scenario }>();

/** Reads and validates a scenario file; the message says what is wrong, one diagnostic per line. */
export function loadScenarioFile(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, message: `${file}: cannot read the file`, unreadable: true };
  }
  const key = resolve(file);
  const known = loadedFiles.get(key);
  if (known?.text === text) return { ok: true, scenario: known.scenario };
  const loaded = loadScenario(text, file);
  if (!loaded.ok)
    return {
      ok: false,
      message: loaded.errors.map((e) => formatDiagnostic(e)).join('\n'),
      unreadable: false,
    };
  loadedFiles.set(key, { text, scenario: loaded.scenario });
  return { ok: true, scenario: loaded.scenario };
}

function loadOrThrow(file: string): Scenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.scenario;
}

export function isDifficulty(s: string): s is Difficulty {
  return isLevel(s);
}

function isStrategy(s: string): s is StudentStrategy {
  return (STUDENT_STRATEGIES as readonly string[]).includes(s);
}

/** A seat's player from its name: a strategy, or an AI difficulty. */
export function seatPlayer(name: string): SeatPlayer | null {
  if (isStrategy(name)) return { kind: 'strategy', strategy: name };
  if (isDifficulty(name)) return { kind: 'ai', difficulty: name };
  return null;
}

export function seatName(player: SeatPlayer): string {
  return player.kind === 'ai' ? player.difficulty : player.strategy;
}

/**
 * Every party's player from `--seat party=strategy|difficulty` flags; parties not named are AIs at `difficulty`.
 * Returns a one-line error for a malformed flag, an unknown party or player, or a party named twice.
 */
export function parseSeats(
  flags: readonly string[],
  parties: readonly string[],
  difficulty: Difficulty,
): { ok: true; seats: Record<string, SeatPlayer> } | { ok: false; error: string } {
  const seats: Record<string, SeatPlayer> = {};
  for (const p of parties) seats[p] = { kind: 'ai', difficulty };
  const named = new Set<string>();
  for (const flag of flags) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(flag);
    if (!m)
      return {
        ok: false,
        error: `--seat ${flag}: expected party=strategy or party=difficulty, e.g. ua=passive`,
      };
    const [, party = '', name = ''] = m;
    if (!parties.includes(party))
      return {
        ok: false,
        error: `--seat ${flag}: no party "${party}" in this scenario (${parties.join(', ')})`,
      };
    const player = seatPlayer(name);
    if (!player) {
      return {
        ok: false,
        error: `--seat ${flag}: "${name}" is neither a strategy (${STUDENT_STRATEGIES.join(', ')}) nor a difficulty (${DIFFICULTIES.join(', ')})`,
      };
    }
    if (named.has(party)) return { ok: false, error: `--seat: party "${party}" is named twice` };
    named.add(party);
    seats[party] = player;
  }
  return { ok: true, seats };
}

/** How many workers to use by default: one per core, at most two. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** The worker module bundled into one JavaScript file (found or made once per process), or null when esbuild cannot. */
let bundledWorker: string | null | undefined;

/** Where a bundle is kept between runs, with the sources (and their sizes and times) it was made from. */
const BUNDLE_CACHE = fileURLToPath(new URL('../../node_modules/.cache/shuttle-simulate/', import.meta.url));

interface BundleManifest {
  esbuild: string;
  entry: string;
  /** Each source of the bundle: its size and modification time when it was bundled. */
  inputs: Record<string, [number, number]>;
}

/** The bundle kept from an earlier run, if none of its sources has changed since. */
function keptBundle(entry: string, esbuildVersion: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(join(BUNDLE_CACHE, 'worker.json'), 'utf8')) as BundleManifest;
    if (manifest.esbuild !== esbuildVersion || manifest.entry !== entry) return null;
    for (const [file, [size, mtime]] of Object.entries(manifest.inputs)) {
      const st = statSync(file);
      if (st.size !== size || st.mtimeMs !== mtime) return null;
    }
    const out = join(BUNDLE_CACHE, 'simulate-worker.mjs');
    return existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

/**
 * The worker as one plain JavaScript file, for runs from the TypeScript sources. A worker thread that imports
 * the sources through tsx resolves and transforms every module through loader hooks that Node 20 runs on
 * another thread, one round trip per module: on this 2-core machine it started its first game 0.8–1.7 s after
 * the batch began, against 0.15–0.2 s from a bundle, while this thread played alone. Bundling (esbuild, tsx's own
 * transformer) held this thread about 0.3 s before its first game, so the bundle is kept in node_modules/.cache
 * and made again only when one of its sources changes; any failure falls back to a bundle in a temporary
 * directory, then to tsx.
 */
function workerBundle(entry: string): string | null {
  if (bundledWorker !== undefined) return bundledWorker;
  bundledWorker = null;
  try {
    const require = createRequire(import.meta.url);
    const esbuild = require('esbuild') as typeof import('esbuild');
    const kept = keptBundle(entry, esbuild.version);
    if (kept) {
      bundledWorker = kept;
      return kept;
    }
    const built = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      metafile: true,
      write: false,
      outfile: 'simulate-worker.mjs',
    });
    const code = built.outputFiles[0]?.contents;
    if (!code) throw new Error('esbuild wrote nothing');
    try {
      // Kept for the next run: written under new names, then renamed, so a run beside this one never reads half a file.
      mkdirSync(BUNDLE_CACHE, { recursive: true });
      const inputs: BundleManifest['inputs'] = {};
      for (const file of Object.keys(built.metafile.inputs)) {
        const abs = resolve(file);
        const st = statSync(abs);
        inputs[abs] = [st.size, st.mtimeMs];
      }
      const tag = `${process.pid}-${Date.now()}`;
      const out = join(BUNDLE_CACHE, 'simulate-worker.mjs');
      writeFileSync(`${out}.${tag}`, code);
      renameSync(`${out}.${tag}`, out);
      const manifest: BundleManifest = { esbuild: esbuild.version, entry, inputs };
      writeFileSync(join(BUNDLE_CACHE, `worker.json.${tag}`), JSON.stringify(manifest));
      renameSync(join(BUNDLE_CACHE, `worker.json.${tag}`), join(BUNDLE_CACHE, 'worker.json'));
      bundledWorker = out;
    } catch {
      const dir = mkdtempSync(join(tmpdir(), 'shuttle-sim-'));
      const out = join(dir, 'simulate-worker.mjs');
      writeFileSync(out, code);
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      bundledWorker = out;
    }
  } catch {
    bundledWorker = null;
  }
  return bundledWorker;
}

/**
 * Starts the worker module: the built one, else a bundle of its sources, else (no esbuild) the sources through
 * a small bootstrap that registers tsx in the worker (Node 20 does not pass tsx's loader on to worker threads).
 */
function startWorker(data: WorkerData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./simulate-worker.js', here), { workerData: data });
  const source = fileURLToPath(new URL('./simulate-worker.ts', here));
  const bundle = workerBundle(source);
  if (bundle) return new Worker(bundle, { workerData: data });
  const entry = pathToFileURL(source).href;
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** Workers playing a batch: `finished` settles when every one has posted its last record, or rejects on the
 * first failure (having stopped them all); `failed` says so at once. `stop` ends them all, and `finished` with
 * them, without a failure: for when every record is in (a worker still starting up has no game to play). */
interface Team {
  finished: Promise<void>;
  failed: boolean;
  stop(): void;
}

function startTeam(
  count: number,
  data: WorkerData,
  onRecord: (plan: number, index: number, record: GameRecord) => void,
): Team {
  const running = Array.from({ length: count }, () => startWorker(data));
  let stopping = false;
  const terminate = () => {
    for (const w of running) void w.terminate();
  };
  const team: Team = {
    finished: Promise.resolve(),
    failed: false,
    stop: () => {
      stopping = true;
      terminate();
    },
  };
  const finished = running.map(
    (w) =>
      new Promise<void>((done, fail) => {
        let ended = false;
        w.on('message', (m: WorkerMessage) => {
          if (m.type === 'record') onRecord(m.plan, m.index, m.record);
          else if (m.type === 'done') {
            ended = true;
            done();
          } else fail(new Error(`a simulation worker failed: ${m.message}`));
        });
        w.on('error', (e) => (stopping ? done() : fail(e)));
        w.on('exit', (code) => {
          if (ended || stopping) done();
          else fail(new Error(`a simulation worker stopped (exit code ${code}) before its games were done`));
        });
      }),
  );
  team.finished = Promise.all(finished).then(
    () => undefined,
    (e: unknown) => {
      team.failed = true;
      terminate();
      throw e;
    },
  );
  // Awaited only once this thread has played its share: until then a failure is read from `failed`.
  team.finished.catch(() => undefined);
  return team;
}

export interface SimulateOptions {
  /** How many threads play: 1 plays in this thread; k plays in this thread and on k − 1 worker threads
   * (never more threads than there are games). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BatchResult {
  /** Per plan, its games' records in game order. */
  records: GameRecord[][];
  workers: number;
  millis: number;
}

/** Lets messages from the workers (and the progress bar) through between two games played in this thread. */
function breathe(): Promise<void> {
  return new Promise((go) => setImmediate(go));
}

/**
 * Plays every game of several plans on one set of threads; records come back in order. This thread plays too,
 * from the start, while the workers start up (a worker loads the game's modules before its first game): the
 * threads take the games one at a time, so all of them finish together.
 */
export async function playBatch(
  plans: SimulationPlan[],
  options: SimulateOptions = {},
): Promise<BatchResult> {
  const started = performance.now();
  const total = plans.reduce((n, p) => n + p.games, 0);
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), total));
  const records: GameRecord[][] = plans.map((p) => new Array<GameRecord>(p.games));
  let done = 0;
  let team: Team | null = null;
  const onRecord = (plan: number, index: number, record: GameRecord) => {
    records[plan]![index] = record;
    options.onProgress?.(++done, total);
    // Every record is in: a worker still starting up has nothing left to do.
    if (done === total) team?.stop();
  };
  const scenarios: Record<string, Scenario> = {};
  for (const p of plans) scenarios[p.scenarioFile] ??= loadOrThrow(p.scenarioFile);
  const taken = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const count = new Int32Array(taken);
  if (workers > 1) team = startTeam(workers - 1, { plans, scenarios, taken }, onRecord);
  try {
    for (let game = takeGame(plans, count); game; game = takeGame(plans, count)) {
      const p = plans[game.plan]!;
      onRecord(game.plan, game.index, playRecord(scenarios[p.scenarioFile]!, p, game.index));
      if (team) {
        await breathe();
        if (team.failed) break;
      }
    }
  } catch (e) {
    team?.stop();
    throw e;
  }
  await team?.finished;
  return { records, workers, millis: Math.max(1, Math.round(performance.now() - started)) };
}

/** A plan's report from its records (aggregated in game order: the same figures for any worker count). */
export function reportOf(
  plan: SimulationPlan,
  scenario: Scenario,
  records: readonly GameRecord[],
  run: { workers: number; millis: number; games: number },
): SimulationReport {
  return {
    scenario: scenario.meta.id,
    seed: plan.seed,
    difficulty: plan.difficulty,
    seats: Object.fromEntries(Object.entries(plan.seats).map(([p, s]) => [p, seatName(s)])),
    ...aggregate(
      records,
      scenario.parties.map((p) => p.id),
    ),
    workers: run.workers,
    millis: run.millis,
    gamesPerMinute: Math.round((run.games * 60_000) / run.millis),
  };
}

/** Plays the plan's games and reports on them. */
export async function simulate(
  plan: SimulationPlan,
  options: SimulateOptions = {},
): Promise<SimulationReport> {
  const scenario = loadOrThrow(plan.scenarioFile);
  const run = await playBatch([plan], options);
  return reportOf(plan, scenario, run.records[0] ?? [], { ...run, games: plan.games });
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

/** The report as a readable table. */
export function formatReport(r: SimulationReport): string {
  const seats = Object.entries(r.seats)
    .map(([p, s]) => `${p}=${s}`)
    .join(' ');
  const rows: Array<[string, string]> = [
    ['all signed at some point', pct(r.agreementRate)],
    ['signed and ratified', pct(r.ratifiedRate)],
    ['distinct deal texts', String(r.distinctDeals)],
    ...Object.entries(r.outcomes).map(([k, n]): [string, string] => [`  outcome ${k}`, String(n)]),
    ['games below a reservation value', String(r.belowReservation)],
    ['red lines crossed by deals', String(r.redLineViolations)],
    ['broken words (AI signatures)', String(r.brokenWords)],
    [
      'deals within 0.10 of Nash',
      r.analysedDeals === 0
        ? 'n/a (no deal analysed)'
        : `${pct(r.shareWithinNash010)} (mean distance ${r.meanNashDistance?.toFixed(3)})`,
    ],
    ['deals within 0.02 of the frontier', pct(r.shareWithinPareto002)],
    [
      'Pareto-dominated deals',
      r.analysedDeals === 0 ? 'n/a' : `${r.dominatedDeals} (${pct(r.dominatedShare)})`,
    ],
    ['proposals answered', `${r.answeredShare.toFixed(2)} (${r.answered} of ${r.proposals})`],
    ['mean meetings', String(r.meanMeetings)],
    ...Object.entries(r.meanScore).map(([p, s]): [string, string] => [
      `mean score ${p} (0-100)`,
      s.toFixed(1),
    ]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `${r.scenario}: ${r.games} games (seeds ${r.seed}-${r.seed + r.games - 1}), ${seats}`,
    `${r.workers} worker${r.workers === 1 ? '' : 's'}, ${(r.millis / 1000).toFixed(1)} s, ${r.gamesPerMinute.toLocaleString('en-US')} games/min`,
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '',
  ].join('\n');
}

export interface SimulateFlags {
  games: string;
  seed: string;
  difficulty: string;
  seat: string[];
  workers?: string;
  json?: boolean;
}

export interface CommandIo {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown; isTTY?: boolean };
}

/** The flags `simulate` and `compare` share: the first seed, the AI's difficulty and the worker count (a one-line
 * message for a bad one). */
export function runFlags(flags: {
  seed: string;
  difficulty: string;
  workers?: string;
}): { seed: number; difficulty: Difficulty; workers: number } | string {
  const seed = Number(flags.seed);
  if (!/^-?\d+$/.test(flags.seed) || !Number.isSafeInteger(seed))
    return `--seed ${flags.seed}: expected an integer`;
  if (!isDifficulty(flags.difficulty))
    return `--difficulty ${flags.difficulty}: expected ${DIFFICULTIES.join(', ')}`;
  const workers = flags.workers === undefined ? defaultWorkers() : Number(flags.workers);
  if (flags.workers !== undefined && (!/^\d+$/.test(flags.workers) || workers < 1))
    return `--workers ${flags.workers}: expected a positive integer`;
  return { seed, difficulty: flags.difficulty, workers };
}

/** `simulate FILE …`: checks the flags (a one-line error for a bad one), runs, prints. Returns how it ended. */
export async function simulateCommand(
  file: string,
  flags: SimulateFlags,
  io: CommandIo = { out: process.stdout, err: process.stderr },
): Promise<'ok' | 'invalid' | 'unreadable'> {
  const bad = (message: string) => {
    io.err.write(`${message}\n`);
    return 'invalid' as const;
  };
  const games = Number(flags.games);
  if (!/^\d+$/.test(flags.games) || games < 1)
    return bad(`--games ${flags.games}: expected a positive integer`);
  const run = runFlags(flags);
  if (typeof run === 'string') return bad(run);
  const { seed, difficulty, workers } = run;
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) {
    io.err.write(`${loaded.message}\n`);
    return loaded.unreadable ? 'unreadable' : 'invalid';
  }
  const parties = loaded.scenario.parties.map((p) => p.id);
  const seats = parseSeats(flags.seat, parties, difficulty);
  if (!seats.ok) return bad(seats.error);
  const plan: SimulationPlan = {
    scenarioFile: resolve(file),
    games,
    seed,
    difficulty,
    seats: seats.seats,
  };
  const bar = io.err.isTTY ? progressBar(io.err, games) : null;
  let report: SimulationReport;
  try {
    report = await simulate(plan, {
      workers,
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
    });
  } finally {
    bar?.stop();
  }
  io.out.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 'ok';
}
