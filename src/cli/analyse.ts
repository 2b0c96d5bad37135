// `cli analyse`: the exact analysis of a scenario file (frontier, zone of agreement, Nash and KS points), as text or JSON.
import { readFileSync } from 'node:fs';
import {
  type AnalysedPoint,
  type Analysis,
  analyseScenario,
  playAtMeeting,
  type ZoneSize,
} from '../scenario/analysis';
import { formatDiagnostic, loadScenario } from '../scenario/load';
import type { Scenario, Text } from '../scenario/schema';

export interface AnalyseFlags {
  meeting?: string;
  json?: boolean;
}

export type AnalyseEnd = 'ok' | 'unreadable' | 'invalid';

interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}

/** Reads, checks and analyses one file; writes the report (or a one-line error) and says how it ended. */
export function analyseCommand(
  file: string,
  flags: AnalyseFlags,
  io: Io = { out: process.stdout, err: process.stderr },
): AnalyseEnd {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    io.err.write(`${file}: cannot read the file\n`);
    return 'unreadable';
  }
  const loaded = loadScenario(source, file);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err.write(`${formatDiagnostic(e)}\n`);
    return 'invalid';
  }
  const scenario = loaded.scenario;
  let play = { firedEvents: [] as string[], meetingsElapsed: 0 };
  if (flags.meeting !== undefined) {
    if (!scenario.calendar.some((m) => m.id === flags.meeting)) {
      const known = scenario.calendar.map((m) => m.id).join(', ');
      io.err.write(`${file}: unknown meeting ${JSON.stringify(flags.meeting)} (one of: ${known})\n`);
      return 'invalid';
    }
    try {
      play = playAtMeeting(scenario, flags.meeting);
    } catch (e) {
      io.err.write(`${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 'invalid';
    }
  }
  const started = performance.now();
  const analysis = analyseScenario(scenario, play);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (flags.json) {
    io.out.write(
      `${JSON.stringify({ file, scenario: scenario.meta.id, meeting: flags.meeting ?? null, ...analysis, ms })}\n`,
    );
  } else io.out.write(report(file, scenario, flags.meeting, analysis, ms));
  return 'ok';
}

function report(
  file: string,
  scenario: Scenario,
  meeting: string | undefined,
  a: Analysis,
  ms: number,
): string {
  const name = (party: string) => scenario.parties.find((p) => p.id === party)?.shortName ?? party;
  const utilities = (u: Record<string, number>) => a.parties.map((p) => `${name(p)} ${u[p]}`).join(', ');
  const at = meeting
    ? `at the opening of ${meeting}: ${a.meetingsElapsed} meeting${a.meetingsElapsed === 1 ? '' : 's'} held (${scenario.discountPerMeeting}% each), events fired: ${a.firedEvents.join(', ') || 'none'}`
    : 'at the opening: no event fired, no time cost (--meeting <id> for a later meeting)';
  const lines = [
    `${file}: "${scenario.meta.title}", ${at}`,
    `${formatCount(a.texts)} complete texts`,
    `reservation values: ${utilities(a.reservation)}; best over valid texts: ${utilities(a.best)}`,
    `Pareto frontier: ${a.frontier.length} point${a.frontier.length === 1 ? '' : 's'} (${formatCount(a.frontierTexts)} text${a.frontierTexts === 1 ? '' : 's'}), ${a.frontier.filter((f) => f.deal).length} of them deals`,
    `zone of agreement: ${zoneLine(a.zone)}`,
  ];
  if (a.meetingsElapsed > 0)
    lines.push(`  still deals after the time cost so far: ${zoneLine(a.zoneDiscounted)}`);
  lines.push(
    `  the opening text is ${a.initialDeal ? 'already a deal (too easy)' : a.initialValid ? 'valid but not a deal' : 'not valid (it crosses a red line or fails ratification)'}`,
    ...a.parties.map(
      (p) =>
        `  ${name(p)}'s ideal is ${a.idealDeal[p] ? 'already a deal for every side' : 'not a deal for every side'}`,
    ),
  );
  lines.push(...point('Nash point', a.nash, scenario, utilities));
  lines.push(
    ...point(
      'Kalai–Smorodinsky point',
      a.ks,
      scenario,
      utilities,
      a.ks
        ? `each side gets at least ${(a.ks.level * 100).toFixed(1)}% of the way from its reservation value to its best`
        : '',
    ),
  );
  lines.push(`analysed in ${ms} ms`);
  return `${lines.join('\n')}\n`;
}

function zoneLine(z: ZoneSize & { exists: boolean }): string {
  if (!z.exists) return 'empty: no valid text beats every reservation value';
  const share = `${(z.share * 100).toFixed(3)}% of texts`;
  if (z.exact) return `${formatCount(z.count ?? 0)} deals (${share}), counted exactly`;
  return `about ${formatCount(Math.round(z.estimate))} deals (${share}), 95% interval ${formatCount(Math.round(z.low))}–${formatCount(Math.round(z.high))}, from ${formatCount(z.samples)} sampled texts`;
}

function point(
  title: string,
  p: AnalysedPoint | null,
  scenario: Scenario,
  utilities: (u: Record<string, number>) => string,
  note = '',
): string[] {
  if (!p) return [`${title}: none (no deal exists)`];
  const others =
    p.count > 1
      ? `; ${formatCount(p.count - 1)} other text${p.count === 2 ? '' : 's'} give the same utilities`
      : '';
  return [
    `${title}: ${utilities(p.utilities)}${note ? `; ${note}` : ''}${others}`,
    ...describeText(scenario, p.text),
  ];
}

/** One line per package: issue names and option labels (options added by events included). */
function describeText(scenario: Scenario, text: Text): string[] {
  const added = new Map<string, string>();
  for (const e of scenario.events)
    for (const effect of e.effects)
      if (effect.type === 'addOption') added.set(`${effect.issue} ${effect.option.id}`, effect.option.label);
  return scenario.packages.map((pkg) => {
    const parts = pkg.issues.map((issue) => {
      const option = text[issue.id] ?? '';
      const label =
        issue.options.find((o) => o.id === option)?.label ?? added.get(`${issue.id} ${option}`) ?? option;
      return `${issue.name}: ${label}`;
    });
    return `  ${pkg.name} — ${parts.join('; ')}`;
  });
}

function formatCount(n: number): string {
  return n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(3);
}
