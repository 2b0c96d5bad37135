// `cli compare A B`: what a change to a scenario did: the values that differ, the warnings gained and lost, the
// exact analysis (frontier, zone of agreement, Nash point) and the outcomes of the same seeded AI games on both.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Difficulty } from '../ai/decide';
import { type Analysis, analyseScenario } from '../scenario/analysis';
import { formatDiagnostic, loadScenario, printable } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { Aggregate } from './sim-metrics';
import { type CommandIo, parseSeats, playBatch, reportOf, runFlags } from './simulate';
import type { SimulationPlan } from './simulate-play';

export interface CompareFlags {
  games: string;
  seed: string;
  difficulty: string;
  workers?: string;
  json?: boolean;
}

interface Side {
  file: string;
  scenario: Scenario;
  warnings: string[];
  analysis: Analysis;
  simulated: Aggregate | null;
}

export interface Comparison {
  a: { file: string; scenario: string };
  b: { file: string; scenario: string };
  /** Dotted paths whose values differ, with both values (at most 50, `more` counts the rest). */
  changes: Array<{ path: string; a: unknown; b: unknown }>;
  more: number;
  warningsGained: string[];
  warningsLost: string[];
  analysis: { a: Summary; b: Summary };
  simulated: { games: number; seed: number; difficulty: Difficulty; a: Aggregate; b: Aggregate } | null;
}

interface Summary {
  texts: number;
  frontierPoints: number;
  frontierDeals: number;
  zoneExists: boolean;
  zone: number;
  zoneExact: boolean;
  zoneShare: number;
  nash: Record<string, number> | null;
  ksLevel: number | null;
  reservation: Record<string, number>;
  best: Record<string, number>;
  initialDeal: boolean;
}

function summary(a: Analysis): Summary {
  return {
    texts: a.texts,
    frontierPoints: a.frontier.length,
    frontierDeals: a.frontier.filter((f) => f.deal).length,
    zoneExists: a.zone.exists,
    zone: a.zone.estimate,
    zoneExact: a.zone.exact,
    zoneShare: a.zone.share,
    nash: a.nash ? { ...a.nash.utilities } : null,
    ksLevel: a.ks ? a.ks.level : null,
    reservation: a.reservation,
    best: a.best,
    initialDeal: a.initialDeal,
  };
}

/** Loads, analyses and (when games > 0) plays both files; null and a message on stderr when one is invalid. */
export async function compareScenarios(
  fileA: string,
  fileB: string,
  options: { games: number; seed: number; difficulty: Difficulty; workers: number },
  io: CommandIo,
): Promise<Comparison | 'invalid' | 'unreadable'> {
  const sides: Side[] = [];
  for (const file of [fileA, fileB]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      io.err.write(`${printable(file)}: cannot read the file\n`);
      return 'unreadable';
    }
    const loaded = loadScenario(text, file);
    if (!loaded.ok) {
      for (const e of loaded.errors) io.err.write(`${formatDiagnostic(e)}\n`);
      io.err.write(`${printable(file)}: invalid; nothing compared\n`);
      return 'invalid';
    }
    sides.push({
      file,
      scenario: loaded.scenario,
      // Positions move when lines are added: compare warnings by what they say.
      warnings: loaded.warnings.map((w) => w.message),
      analysis: analyseScenario(loaded.scenario),
      simulated: null,
    });
  }
  const [a, b] = sides as [Side, Side];
  const changes: Comparison['changes'] = [];
  diff(a.scenario, b.scenario, '', changes);
  let simulated: Comparison['simulated'] = null;
  if (options.games > 0) {
    const plans: SimulationPlan[] = [a, b].map((side) => {
      const parties = side.scenario.parties.map((p) => p.id);
      const seats = parseSeats([], parties, options.difficulty);
      if (!seats.ok) throw new Error(seats.error);
      return {
        scenarioFile: resolve(side.file),
        games: options.games,
        seed: options.seed,
        difficulty: options.difficulty,
        seats: seats.seats,
      };
    });
    const run = await playBatch(plans, { workers: options.workers });
    const reports = [a, b].map((side, i) =>
      reportOf(plans[i] as SimulationPlan, side.scenario, run.records[i] ?? [], {
        ...run,
        games: options.games,
      }),
    );
    simulated = {
      games: options.games,
      seed: options.seed,
      difficulty: options.difficulty,
      a: reports[0] as Aggregate,
      b: reports[1] as Aggregate,
    };
  }
  const count = (list: string[]) => {
    const m = new Map<string, number>();
    for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const wa = count(a.warnings);
  const wb = count(b.warnings);
  return {
    a: { file: fileA, scenario: a.scenario.meta.id },
    b: { file: fileB, scenario: b.scenario.meta.id },
    changes: changes.slice(0, 50),
    more: Math.max(0, changes.length - 50),
    warningsGained: [...wb.keys()].filter((w) => (wb.get(w) ?? 0) > (wa.get(w) ?? 0)),
    warningsLost: [...wa.keys()].filter((w) => (wa.get(w) ?? 0) > (wb.get(w) ?? 0)),
    analysis: { a: summary(a.analysis), b: summary(b.analysis) },
    simulated,
  };
}

/** Leaf values that differ between two parsed scenarios, by dotted path (lists by index, or by id when they have ids). */
function diff(a: unknown, b: unknown, path: string, out: Comparison['changes']): void {
  if (Object.is(a, b)) return;
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (Array.isArray(a) && Array.isArray(b)) {
    const keyed = (list: unknown[]) =>
      list.every((x) => isObject(x) && typeof x.id === 'string')
        ? new Map(list.map((x) => [(x as { id: string }).id, x]))
        : null;
    const ka = keyed(a);
    const kb = keyed(b);
    if (ka && kb) {
      for (const [id, x] of ka) diff(x, kb.get(id), `${path}[${id}]`, out);
      for (const [id, x] of kb) if (!ka.has(id)) diff(undefined, x, `${path}[${id}]`, out);
      return;
    }
    if (a.every((x) => !isObject(x)) && b.every((x) => !isObject(x))) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, a, b });
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) diff(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(a) && isObject(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diff(a[k], b[k], path === '' ? k : `${path}.${k}`, out);
    return;
  }
  out.push({ path, a, b });
}

/** `compare A B …`: checks the flags, compares, prints a report or JSON. */
export async function compareCommand(
  fileA: string,
  fileB: string,
  flags: CompareFlags,
  io: CommandIo = { out: process.stdout, err: process.stderr },
): Promise<'ok' | 'invalid' | 'unreadable'> {
  const bad = (message: string) => {
    io.err.write(`${message}\n`);
    return 'invalid' as const;
  };
  const games = Number(flags.games);
  if (!/^\d+$/.test(flags.games))
    return bad(`--games ${flags.games}: expected a whole number (0 plays none)`);
  const run = runFlags(flags);
  if (typeof run === 'string') return bad(run);
  const { seed, difficulty, workers } = run;
  const result = await compareScenarios(fileA, fileB, { games, seed, difficulty, workers }, io);
  if (typeof result === 'string') return result;
  io.out.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatComparison(result));
  return 'ok';
}

const show = (v: unknown): string => {
  const s = v === undefined ? '(none)' : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
  return printable(s.length > 60 ? `${s.slice(0, 57)}…` : s);
};

/** The comparison as a readable report: changes, warnings, then a table of figures A | B | change. */
export function formatComparison(c: Comparison): string {
  const lines: string[] = [`A: ${printable(c.a.file)}`, `B: ${printable(c.b.file)}`, ''];
  lines.push(
    c.changes.length === 0
      ? 'No value differs.'
      : `${c.changes.length + c.more} value${c.changes.length + c.more === 1 ? ' differs' : 's differ'}:`,
  );
  for (const ch of c.changes) lines.push(`  ${printable(ch.path)}: ${show(ch.a)} → ${show(ch.b)}`);
  if (c.more > 0) lines.push(`  … and ${c.more} more`);
  lines.push('');
  for (const w of c.warningsGained) lines.push(`warning gained: ${printable(w)}`);
  for (const w of c.warningsLost) lines.push(`warning lost: ${printable(w)}`);
  if (c.warningsGained.length + c.warningsLost.length > 0) lines.push('');

  const rows: Array<[string, string, string, string]> = [];
  const num = (n: number) => (n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(3));
  const delta = (x: number, y: number, unit = '') =>
    x === y ? '' : `${y > x ? '+' : ''}${num(y - x)}${unit}`;
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`;
  const pctDelta = (x: number | null | undefined, y: number | null | undefined) =>
    x === null || y === null || x === undefined || y === undefined || x === y
      ? ''
      : `${y > x ? '+' : ''}${((y - x) * 100).toFixed(1)} points`;
  const A = c.analysis.a;
  const B = c.analysis.b;
  rows.push(['complete texts', num(A.texts), num(B.texts), delta(A.texts, B.texts)]);
  rows.push([
    'frontier points',
    num(A.frontierPoints),
    num(B.frontierPoints),
    delta(A.frontierPoints, B.frontierPoints),
  ]);
  rows.push([
    '  of them deals',
    num(A.frontierDeals),
    num(B.frontierDeals),
    delta(A.frontierDeals, B.frontierDeals),
  ]);
  const zone = (s: Summary) =>
    s.zoneExists
      ? `${s.zoneExact ? '' : '~'}${num(s.zone)} (${(s.zoneShare * 100).toFixed(s.zoneShare < 0.001 ? 4 : 2)}%)`
      : 'none';
  rows.push([
    'zone of agreement',
    zone(A),
    zone(B),
    delta(A.zoneExists ? A.zone : 0, B.zoneExists ? B.zone : 0),
  ]);
  const parties = [...new Set([...Object.keys(A.reservation), ...Object.keys(B.reservation)])];
  for (const p of parties) {
    const ua = A.nash?.[p];
    const ub = B.nash?.[p];
    rows.push([
      `Nash point: ${p}`,
      ua === undefined ? 'none' : num(ua),
      ub === undefined ? 'none' : num(ub),
      ua === undefined || ub === undefined ? '' : delta(ua, ub),
    ]);
  }
  for (const p of parties) {
    const ra = A.reservation[p];
    const rb = B.reservation[p];
    if (ra === rb) continue;
    rows.push([
      `reservation: ${p}`,
      ra === undefined ? '—' : num(ra),
      rb === undefined ? '—' : num(rb),
      ra === undefined || rb === undefined ? '' : delta(ra, rb),
    ]);
  }
  rows.push([
    'Kalai–Smorodinsky level',
    A.ksLevel === null ? 'none' : pct(A.ksLevel),
    B.ksLevel === null ? 'none' : pct(B.ksLevel),
    pctDelta(A.ksLevel, B.ksLevel),
  ]);
  rows.push(['opening text a deal', A.initialDeal ? 'yes' : 'no', B.initialDeal ? 'yes' : 'no', '']);
  const s = c.simulated;
  if (s) {
    rows.push([`${s.games} AI games (${s.difficulty}, seeds ${s.seed}–${s.seed + s.games - 1})`, '', '', '']);
    rows.push([
      '  signed and ratified',
      pct(s.a.ratifiedRate),
      pct(s.b.ratifiedRate),
      pctDelta(s.a.ratifiedRate, s.b.ratifiedRate),
    ]);
    rows.push([
      '  all signed at some point',
      pct(s.a.agreementRate),
      pct(s.b.agreementRate),
      pctDelta(s.a.agreementRate, s.b.agreementRate),
    ]);
    rows.push([
      '  distinct deal texts',
      String(s.a.distinctDeals),
      String(s.b.distinctDeals),
      delta(s.a.distinctDeals, s.b.distinctDeals),
    ]);
    rows.push([
      '  deals within 0.10 of Nash',
      pct(s.a.shareWithinNash010),
      pct(s.b.shareWithinNash010),
      pctDelta(s.a.shareWithinNash010, s.b.shareWithinNash010),
    ]);
    rows.push([
      '  mean meetings',
      String(s.a.meanMeetings),
      String(s.b.meanMeetings),
      s.a.meanMeetings === s.b.meanMeetings
        ? ''
        : `${s.b.meanMeetings > s.a.meanMeetings ? '+' : ''}${(s.b.meanMeetings - s.a.meanMeetings).toFixed(2)}`,
    ]);
    const outcomes = [...new Set([...Object.keys(s.a.outcomes), ...Object.keys(s.b.outcomes)])].sort();
    for (const o of outcomes) {
      const x = s.a.outcomes[o] ?? 0;
      const y = s.b.outcomes[o] ?? 0;
      rows.push([`  outcome ${o}`, String(x), String(y), delta(x, y)]);
    }
    for (const p of parties) {
      const x = s.a.meanScore[p];
      const y = s.b.meanScore[p];
      rows.push([
        `  mean score ${p} (0–100)`,
        x === undefined ? '—' : x.toFixed(1),
        y === undefined ? '—' : y.toFixed(1),
        x === undefined || y === undefined || x === y ? '' : `${y > x ? '+' : ''}${(y - x).toFixed(1)}`,
      ]);
    }
  } else rows.push(['AI games', 'not played (--games 0)', '', '']);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0), i === 0 ? 0 : 1));
  lines.push(
    `${''.padEnd(w[0] as number)}  ${'A'.padStart(w[1] as number)}  ${'B'.padStart(w[2] as number)}  change`,
  );
  for (const r of rows)
    lines.push(
      `${printable(r[0]).padEnd(w[0] as number)}  ${r[1].padStart(w[1] as number)}  ${r[2].padStart(w[2] as number)}  ${r[3]}`.trimEnd(),
    );
  return `${lines.join('\n')}\n`;
}
