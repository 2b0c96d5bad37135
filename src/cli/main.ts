// The designer's command line: validate scenario files and write their JSON Schema.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { scenarioJsonSchema } from '../scenario/json-schema';
import { formatDiagnostic, loadScenario } from '../scenario/load';
import { analyseZone } from '../scenario/zone-of-agreement';
import { type SimulateFlags, simulateCommand } from './simulate';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNREADABLE = 2;

/** Validates each file; prints errors and warnings as `file:line:col: …`; returns the exit code. */
export function validate(files: string[], io = { out: process.stdout, err: process.stderr }): number {
  let code = EXIT_OK;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
      io.err.write(`${file}: cannot read the file (${reason})\n`);
      code = EXIT_UNREADABLE;
      continue;
    }
    const result = loadScenario(text, file);
    for (const w of result.warnings) io.err.write(`${formatDiagnostic(w, 'warning')}\n`);
    if (!result.ok) {
      for (const e of result.errors) io.err.write(`${formatDiagnostic(e)}\n`);
      io.err.write(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`);
      if (code === EXIT_OK) code = EXIT_INVALID;
      continue;
    }
    const s = result.scenario;
    const issues = s.packages.reduce((n, p) => n + p.issues.length, 0);
    const warned = result.warnings.length;
    io.out.write(
      `${file}: OK: "${s.meta.title}": ${s.parties.length} parties, ${s.packages.length} packages, ` +
        `${issues} issues, ${s.calendar.length} meetings, ${s.events.length} events` +
        `${warned > 0 ? `, ${warned} warning${warned === 1 ? '' : 's'}` : ''}\n`,
    );
  }
  return code;
}

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
    .action((files: string[]) => {
      process.exitCode = validate(files);
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
      'search every complete text: the zone of agreement, how hard it is to find, and the Nash point',
    )
    .argument('<file>', 'scenario file')
    .action((file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        process.stderr.write(`${file}: cannot read the file\n`);
        process.exitCode = EXIT_UNREADABLE;
        return;
      }
      const loaded = loadScenario(text, file);
      if (!loaded.ok) {
        for (const e of loaded.errors) process.stderr.write(`${formatDiagnostic(e)}\n`);
        process.exitCode = EXIT_INVALID;
        return;
      }
      const z = analyseZone(loaded.scenario);
      const pct = ((z.feasible * 100) / z.texts).toFixed(3);
      const lines = [
        `${z.texts} complete texts; ${z.feasible} (${pct}%) beat every reservation value, cross no red line and pass every ratification`,
        `  still worth a deal after the last meeting's time cost: ${z.feasibleAtDeadline}`,
        `  the opening text is ${z.initialFeasible ? 'already a deal (too easy)' : 'not a deal'}`,
        ...Object.entries(z.idealFeasible).map(
          ([p, ok]) => `  ${p}'s ideal text is ${ok ? 'a deal for all' : 'not a deal'}`,
        ),
        z.nash
          ? `  Nash point: ${Object.entries(z.nash.text)
              .map(([i, o]) => `${i}=${o}`)
              .join(', ')}\n  utilities there: ${Object.entries(z.nash.utilities)
              .map(([p, u]) => `${p} ${u}`)
              .join(', ')}`
          : '  no deal exists: no text is acceptable to every party',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
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
  await program().parseAsync(process.argv);
}
