// JSON Schema of scenario files, generated from the Zod schema, for editors' completion and checks.
import { z } from 'zod';
import { ScenarioSchema } from './schema';

/** The JSON Schema (draft 2020-12) of what a designer writes: defaults are optional, as in the file. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', cycles: 'ref', unrepresentable: 'throw' });
  // Zod names the one recursive definition (the lazy Condition) `__schemaN`; give it its real name.
  const generated = Object.keys(schema.$defs ?? {}).filter((k) => k.startsWith('__schema'));
  if (generated.length !== 1) return schema;
  const anonymous = generated[0] as string;
  const renamed = JSON.parse(
    JSON.stringify(schema).replaceAll(`"#/$defs/${anonymous}"`, '"#/$defs/Condition"'),
  ) as { $defs: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const { [anonymous]: condition, ...defs } = renamed.$defs;
  renamed.$defs = {
    ...defs,
    Condition: {
      description: 'Which options issues hold: {issue, in}, or all / any / not of other conditions.',
      ...condition,
    },
  };
  return renamed;
}
