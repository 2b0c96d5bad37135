// `cli init NAME`: writes a small commented scenario to start from, with the line that points editors at the
// JSON Schema (writing the schema too when the project has none yet).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { scenarioJsonSchema } from '../scenario/json-schema';
import { loadScenario } from '../scenario/load';
import { MetaSchema } from '../scenario/schema';

export const SCHEMA_PATH = 'assets/scenarios/scenario.schema.json';

export interface InitIo {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}

/** The schema line for a file at `file`, pointing at `schema` by a relative path. */
export function schemaLine(file: string, schema: string): string {
  let rel = relative(dirname(resolve(file)), resolve(schema))
    .split(sep)
    .join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return `# yaml-language-server: $schema=${rel}`;
}

/** Writes the starter scenario `name` to `out` (default assets/scenarios/NAME.yaml); returns the exit code. */
export function initScenario(name: string, options: { out?: string; cwd?: string }, io: InitIo): number {
  if (!MetaSchema.shape.id.safeParse(name).success) {
    io.err.write(
      `init: "${name}" is not a scenario id: use lower-case letters, digits and dashes, e.g. "river-dispute"\n`,
    );
    return 1;
  }
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, options.out ?? `assets/scenarios/${name}.yaml`);
  if (existsSync(out)) {
    io.err.write(
      `init: ${relative(cwd, out)} already exists; nothing written (choose another name or --out)\n`,
    );
    return 1;
  }
  const schema = resolve(cwd, SCHEMA_PATH);
  if (!existsSync(schema)) {
    mkdirSync(dirname(schema), { recursive: true });
    writeFileSync(schema, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    io.out.write(`wrote ${relative(cwd, schema)}\n`);
  }
  const template = readFileSync(new URL('./templates/starter.yaml', import.meta.url), 'utf8');
  const text = template
    .replace(/^# yaml-language-server: \$schema=__SCHEMA__$/m, schemaLine(out, schema))
    .replaceAll('__ID__', name);
  // The starter must be a valid scenario: a broken template is a bug, not the designer's mistake.
  const check = loadScenario(text, out);
  if (!check.ok || check.warnings.length > 0) {
    io.err.write(
      `init: the starter scenario does not validate cleanly (a bug): ${relative(cwd, out)} not written\n`,
    );
    return 2;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const shown = relative(cwd, out);
  io.out.write(
    `wrote ${shown}: "${check.scenario.meta.title}", 3 parties, 2 packages, 4 issues\n` +
      `next: edit it, then npm run --silent cli -- validate ${shown}\n`,
  );
  return 0;
}
