// The designer's command line: validate scenario files and write their JSON Schema.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import '../zod-jitless';
import { Command } from 'commander';
import { scenarioJsonSchema } from '../scenario/json-schema';
import { formatDiagnostic, loadScenario, printable } from '../scenario/load';
import { type AnalyseFlags, analyseCommand } from './analyse';
import { type CompareFlags, compareCommand } from './compare';
import { figuresLine } from './figures-line';
import { initScenario } from './init';
import { migrateCommand } from './migrate';
import { type SimulateFlags, simulateCommand } from './simulate';

export { figuresLine } from './figures-line';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNREADABLE = 2;
/** The validator itself failed: a bug, reported as one (the same code as an unreadable file: no verdict). */
export const EXIT_INTERNAL = 2;

/** What to say when the tools themselves fail: a bug to report, never a verdict on the file. */
export function internalError(file: string | undefined, e: unknown): string {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `${file === undefined ? '' : `${printable(file)}: `}internal error (a bug in Shuttle Diplomacy, not a mistake in the file${file === undefined ? '' : '; please report it with this file'}): ${printable(what)}\n`;
}

/**
 * Validates each file; prints errors and warnings as `file:line:col: …`; returns the exit code: 0 when every
 * file is valid, 1 when one is invalid, 2 when one cannot be read or the validator fails on it.
 */
export function validate(
  files: string[],
  io = { out: process.stdout, err: process.stderr },
  load: typeof loadScenario = loadScenario,
  flags: { timing?: boolean } = {},
): number {
  let code = EXIT_OK;
  for (const file of files) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const stages: Array<[string, number]> = [];
    let last = started;
    const mark = (stage: string) => {
      const now = performance.now();
      // A file with something to report is read twice (fast, then with positions): its stages add up.
      const seen = stages.find(([s]) => s === stage);
      if (seen) seen[1] += now - last;
      else stages.push([stage, now - last]);
      last = now;
    };
    const timing = () => {
      if (!flags.timing) return;
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const parts = stages.map(([stage, t]) => `${STAGE_NAMES[stage] ?? stage} ${t.toFixed(1)}`).join(', ');
      io.out.write(
        `${printable(file)}: validated in ${ms.toFixed(1)} ms of its own work (${parts}; CPU ${((used.user + used.system) / 1000).toFixed(1)} ms)\n`,
      );
    };
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
      mark('read');
    } catch (e) {
      const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
      io.err.write(`${printable(file)}: cannot read the file (${printable(reason)})\n`);
      code = EXIT_UNREADABLE;
      continue;
    }
    let result: ReturnType<typeof loadScenario>;
    try {
      result = load(text, file, { mark });
    } catch (e) {
      io.err.write(internalError(file, e));
      code = EXIT_INTERNAL;
      continue;
    }
    for (const w of result.warnings) io.err.write(`${formatDiagnostic(w, 'warning')}\n`);
    if (!result.ok) {
      for (const e of result.errors) io.err.write(`${formatDiagnostic(e)}\n`);
      io.err.write(
        `${printable(file)}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`,
      );
      if (code === EXIT_OK) code = EXIT_INVALID;
      timing();
      continue;
    }
    const s = result.scenario;
    const issues = s.packages.reduce((n, p) => n + p.issues.length, 0);
    const warned = result.warnings.length;
    io.out.write(
      `${printable(file)}: OK: "${printable(s.meta.title)}": ${s.parties.length} parties, ${s.packages.length} packages, ` +
        `${issues} issues, ${s.calendar.length} meetings, ${s.events.length} events` +
        `${warned > 0 ? `, ${warned} warning${warned === 1 ? '' : 's'}` : ''}\n`,
    );
    if (result.figures) io.out.write(`  ${figuresLine(s, result.figures)}\n`);
    timing();
  }
  return code;
}

const STAGE_NAMES: Record<string, string> = {
  read: 'read',
  parse: 'YAML',
  schema: 'schema and references',
  design: 'design checks',
  balance: 'balance analysis',
};

export function writeSchema(out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  process.stdout.write(`wrote ${out}\n`);
}

export function program(): Command {
  const cli = new Command('shuttle-diplomacy').description('Tools for Shuttle Diplomacy scenario designers.');
  cli
    .command('validate')
    .description('check scenario files (YAML or JSON); errors and warnings as file:line:col')
    .argument('<files...>', 'scenario files')
    .option('--timing', "print each file's own validation time (balance analysis included), stage by stage")
    .action((files: string[], options: { timing?: boolean }) => {
      process.exitCode = validate(files, undefined, undefined, { timing: options.timing === true });
    });
  cli
    .command('init')
    .description('write a small commented scenario to start from (assets/scenarios/NAME.yaml)')
    .argument('<name>', 'the new scenario id, e.g. river-dispute')
    .option('--out <path>', 'where to write it (default assets/scenarios/NAME.yaml)')
    .action((name: string, options: { out?: string }) => {
      process.exitCode = initScenario(name, options, { out: process.stdout, err: process.stderr });
    });
  cli
    .command('migrate')
    .description(
      'rewrite a scenario file of an older format as the current format (comments and layout kept)',
    )
    .argument('<file>', 'scenario file')
    .option('--out <path>', 'write the migrated file here instead of over the original')
    .action((file: string, options: { out?: string }) => {
      process.exitCode = migrateCommand(file, options);
    });
  cli
    .command('schema')
    .description('write the JSON Schema of scenario files')
    .option('--out <path>', 'where to write it', 'assets/scenarios/scenario.schema.json')
    .action((options: { out: string }) => {
      writeSchema(options.out);
    });
  cli
    .command('analyse')
    .description(
      'exact analysis: the Pareto frontier, the zone of agreement (its size), the Nash and Kalai–Smorodinsky points',
    )
    .argument('<file>', 'scenario file')
    .option(
      '--meeting <id>',
      'analyse at the opening of this meeting: its events and earlier ones fired, its time cost',
    )
    .option('--json', 'print one JSON object instead of a report')
    .action((file: string, options: AnalyseFlags) => {
      const ended = analyseCommand(file, options);
      process.exitCode = ended === 'ok' ? EXIT_OK : ended === 'unreadable' ? EXIT_UNREADABLE : EXIT_INVALID;
    });
  cli
    .command('compare')
    .description(
      'what a change did: the values that differ, warnings gained and lost, frontier, zone of agreement, Nash point and the same seeded AI games on both files',
    )
    .argument('<a>', 'the scenario before the change')
    .argument('<b>', 'the scenario after the change')
    .option('--games <n>', 'AI games played on each file (0 plays none)', '50')
    .option('--seed <n>', 'seed of the first game; game i plays seed + i on both files', '1')
    .option('--difficulty <level>', 'the AI seats: easy, medium or hard', 'medium')
    .option('--workers <k>', 'worker threads (1 plays in this thread); default one per core, at most 2')
    .option('--json', 'print one JSON object instead of a report')
    .action(async (a: string, b: string, options: CompareFlags) => {
      const ended = await compareCommand(a, b, options);
      process.exitCode = ended === 'ok' ? EXIT_OK : ended === 'unreadable' ? EXIT_UNREADABLE : EXIT_INVALID;
    });
  cli
    .command('simulate')
    .description('play seeded games (AI delegations, scripted student strategies) on a scenario and report')
    .argument('<file>', 'scenario file')
    .option('--games <n>', 'how many games', '100')
    .option('--seed <n>', 'seed of the first game; game i plays seed + i', '1')
    .option('--difficulty <level>', 'the AI seats: easy, medium or hard', 'medium')
    .option(
      '--seat <party=player>',
      'who plays a seat: a strategy (passive, logroller, bluffer, stonewaller) or a difficulty; repeatable',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--workers <k>', 'worker threads (1 plays in this thread); default one per core, at most 2')
    .option('--json', 'print one JSON object instead of a table')
    .action(async (file: string, options: SimulateFlags) => {
      const ended = await simulateCommand(file, options);
      process.exitCode = ended === 'ok' ? EXIT_OK : ended === 'unreadable' ? EXIT_UNREADABLE : EXIT_INVALID;
    });
  return cli;
}

// Run only when started as a program, so tests can import the functions above.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  try {
    await program().parseAsync(process.argv);
  } catch (e) {
    process.stderr.write(internalError(undefined, e));
    process.exitCode = EXIT_INTERNAL;
  }
}
