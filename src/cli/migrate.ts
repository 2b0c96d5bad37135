// `cli migrate FILE`: rewrites a scenario file written in an older format as the current one, comments kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatDiagnostic, loadScenario, printable } from '../scenario/load';
import { migrateScenarioText } from '../scenario/migrate';
import { preScan } from '../scenario/yaml-guard';

interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}

/**
 * Migrates `file` (in place, or to `out`), prints each change and then what validate says of the result.
 * Returns the exit code: 0 when the result is valid, 1 when it is not (nothing written if it cannot be
 * migrated), 2 when the file cannot be read.
 */
export function migrateCommand(
  file: string,
  options: { out?: string },
  io: Io = { out: process.stdout, err: process.stderr },
): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    io.err.write(`${printable(file)}: cannot read the file (${printable(reason)})\n`);
    return 2;
  }
  const tooBig = preScan(text);
  if (tooBig) {
    io.err.write(`${printable(file)}: ${tooBig.message}; nothing written\n`);
    return 1;
  }
  const result = migrateScenarioText(text);
  if (!result.ok) {
    io.err.write(`${printable(file)}: cannot migrate: ${printable(result.error)}; nothing written\n`);
    return 1;
  }
  const { migration } = result;
  const target = options.out ?? file;
  if (migration.changes.length === 0) {
    io.out.write(`${printable(file)}: already format ${migration.to}; nothing to do\n`);
  } else {
    writeFileSync(target, migration.text);
    io.out.write(`${printable(target)}: migrated from format ${migration.from} to ${migration.to}\n`);
    for (const change of migration.changes) io.out.write(`  ${printable(change)}\n`);
  }
  const loaded = loadScenario(migration.text, target);
  for (const w of loaded.warnings) io.err.write(`${formatDiagnostic(w, 'warning')}\n`);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err.write(`${formatDiagnostic(e)}\n`);
    io.err.write(`${printable(target)}: still ${loaded.errors.length} error(s) to fix by hand\n`);
    return 1;
  }
  return 0;
}
