// `npm run docs:format`: rewrites the field reference in docs/scenario-format.md from the schema's descriptions
// (between the GENERATED markers; the rest of the file is written by hand). test/scenario/format-docs.test.ts
// fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scenarioJsonSchema } from '../src/scenario/json-schema';

export const DOC = resolve(fileURLToPath(new URL('..', import.meta.url)), 'docs', 'scenario-format.md');
export const BEGIN = '<!-- GENERATED: field reference (npm run docs:format rewrites it from the schema) -->';
export const END = '<!-- END GENERATED -->';

type Json = Record<string, unknown>;

interface Section {
  path: string;
  description: string;
  rows: string[][];
}

/** A Markdown table with its columns padded to one width, as Biome formats it (so `biome check` passes). */
function table(rows: string[][]): string[] {
  const widths = (rows[0] as string[]).map((_, c) => Math.max(3, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c] as number)).join(' | ')} |`;
  return [line(rows[0] as string[]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)];
}

/** The field reference: one table per kind of map in a scenario file, each field with its type and description. */
export function fieldReference(schema: Json = scenarioJsonSchema()): string {
  const sections: Section[] = [];
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const walkObject = (node: Json, path: string, description: string): void => {
    const properties = (node.properties ?? {}) as Record<string, Json>;
    const required = new Set((node.required ?? []) as string[]);
    const section: Section = { path, description, rows: [] };
    sections.push(section);
    for (const [key, field] of Object.entries(properties)) {
      section.rows.push([
        `\`${key}\``,
        typeOf(field),
        required.has(key) ? 'yes' : 'no',
        cell(describe(field)),
      ]);
      visitChildren(field, `${path === '' ? '' : `${path}.`}${key}`);
    }
  };
  const visitChildren = (field: Json, path: string): void => {
    if (field.type === 'object' && field.properties) walkObject(field, path, String(field.description ?? ''));
    else if (field.type === 'array' && field.items) visitChildren(field.items as Json, `${path}[]`);
    else if (field.type === 'object' && typeof field.additionalProperties === 'object')
      visitChildren(field.additionalProperties as Json, `${path}.<${placeholder(path)}>`);
    const branches = (field.anyOf ?? field.oneOf) as Json[] | undefined;
    if (branches && !field.$ref) {
      for (const branch of branches) {
        const tag = discriminator(branch);
        if (branch.type === 'object' && branch.properties)
          walkObject(branch, `${path}${tag ? ` (${tag})` : ''}`, String(branch.description ?? ''));
      }
    }
  };
  walkObject(schema, '', String(schema.description ?? ''));
  for (const [name, def] of Object.entries(defs)) {
    const branches = (def.anyOf ?? []) as Json[];
    branches.forEach((branch, i) => {
      walkObject(branch, `${name} (form ${i + 1})`, i === 0 ? String(def.description ?? '') : '');
    });
  }
  const out: string[] = [];
  for (const s of sections) {
    out.push(`### ${s.path === '' ? 'The top level' : `\`${s.path}\``}`, '');
    if (s.description) out.push(s.description, '');
    out.push(...table([['Field', 'Type', 'Required', 'What it is'], ...s.rows]), '');
  }
  return out.join('\n');
}

function placeholder(path: string): string {
  const key = path.split('.').pop()?.replace(/\[\]$/, '') ?? '';
  const names: Record<string, string> = {
    profiles: 'party',
    preferences: 'issue',
    values: 'option',
    mandate: 'package',
    initialText: 'issue',
    attendance: 'party',
    capByParty: 'party',
    preferred: 'issue',
    ranked: 'issue',
    glossary: 'term',
  };
  return names[key] ?? 'key';
}

function discriminator(branch: Json): string | undefined {
  const properties = (branch.properties ?? {}) as Record<string, Json>;
  for (const key of ['kind', 'type']) {
    const c = properties[key]?.const;
    if (typeof c === 'string') return `${key}: ${c}`;
  }
  return undefined;
}

function typeOf(field: Json): string {
  if (field.$ref) return `condition`;
  if (field.const !== undefined) return `\`${JSON.stringify(field.const)}\``;
  if (Array.isArray(field.enum)) return field.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  const branches = (field.anyOf ?? field.oneOf) as Json[] | undefined;
  if (branches) {
    const kinds = branches.map((b) => typeOf(b));
    return [...new Set(kinds)].join(' or ');
  }
  const bounds = (lo: unknown, hi: unknown, unit = ''): string =>
    lo !== undefined && hi !== undefined
      ? ` ${lo}–${hi}${unit}`
      : hi !== undefined
        ? ` ≤ ${hi}${unit}`
        : lo !== undefined && lo !== 0
          ? ` ≥ ${lo}${unit}`
          : '';
  switch (field.type) {
    case 'string': {
      if (typeof field.pattern === 'string' && field.pattern.startsWith('^[A-Za-z0-9]')) return 'id';
      if (typeof field.pattern === 'string' && field.pattern.startsWith('^\\d{4}')) return 'date';
      if (typeof field.pattern === 'string' && field.pattern.startsWith('^#')) return 'colour';
      if (field.format === 'uri') return 'address (URL)';
      const max = field.maxLength as number | undefined;
      return `text${max !== undefined ? ` ≤ ${max.toLocaleString('en-US')} chars` : ''}`;
    }
    case 'integer':
      return `whole number${bounds(field.minimum, field.maximum)}`;
    case 'number':
      return `number${bounds(field.minimum, field.maximum)}`;
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array': {
      const items = typeOf((field.items ?? {}) as Json);
      const n = field.minItems as number | undefined;
      return `list of ${items}${n ? ` (at least ${n})` : ''}`;
    }
    case 'object':
      if (field.properties) return 'map (below)';
      if (typeof field.additionalProperties === 'object') {
        const keys = field.propertyNames as Json | undefined;
        const keyType = keys && typeOf({ type: 'string', ...keys }) === 'id' ? 'id' : 'text';
        return `map of ${keyType} → ${typeOf(field.additionalProperties as Json)}`;
      }
      return 'map';
    default:
      return 'any';
  }
}

function describe(field: Json): string {
  let text = String(field.description ?? '');
  if (field.default !== undefined) text += ` Default: \`${JSON.stringify(field.default)}\`.`;
  const examples = field.examples as unknown[] | undefined;
  // Every id carries the same two examples: worth showing in an editor, noise in a table.
  if (Array.isArray(examples) && examples.length > 0 && typeOf(field) !== 'id')
    text += ` Example: ${examples.map((e) => `\`${JSON.stringify(e)}\``).join(', ')}.`;
  return text.trim();
}

function cell(s: string): string {
  return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The document with its generated section replaced. */
export function withReference(doc: string, reference = fieldReference()): string {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${DOC} lacks the markers ${BEGIN} … ${END}`);
  return `${doc.slice(0, begin + BEGIN.length)}\n\n${reference.trimEnd()}\n\n${doc.slice(end)}`;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  const before = readFileSync(DOC, 'utf8');
  const after = withReference(before);
  if (after === before) process.stdout.write(`${DOC}: up to date\n`);
  else {
    writeFileSync(DOC, after);
    process.stdout.write(`${DOC}: field reference rewritten\n`);
  }
}
