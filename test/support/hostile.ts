// Hostile scenario files for the loader's property test and bench: alias bombs and cycles, deep nesting,
// prototype ids, huge strings and maps, control characters. Each is invalid, so `validate` must exit 1 with a
// located message, quickly, whatever the input.
import fc from 'fast-check';

export const PROTOTYPE_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
] as const;

/** `levels` anchors, each a list of `width` aliases to the one before: width^levels values once expanded. */
export function aliasBomb(levels: number, width: number): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let l = 1; l <= levels; l++) {
    lines.push(`a${l}: &a${l} [${Array.from({ length: width }, () => `*a${l - 1}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** An alias inside the value it names, `depth` levels down, in flow or block style. */
export function aliasCycle(depth: number, flow: boolean): string {
  if (flow) return `format: 1\nmeta: &m ${'{ a: '.repeat(depth)}*m${' }'.repeat(depth)}\n`;
  let text = 'format: 1\nmeta: &m\n';
  for (let d = 1; d <= depth; d++) text += `${'  '.repeat(d)}k${d}:\n`;
  return `${text}${'  '.repeat(depth + 1)}loop: *m\n`;
}

/** Nesting `depth` deep: flow brackets (closed or not), block indentation, or `- - -` list markers. */
export function deepNesting(
  depth: number,
  style: 'flow' | 'flow-open' | 'map-flow' | 'block' | 'dashes',
): string {
  switch (style) {
    case 'flow':
      return `format: 1\nmeta: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`;
    case 'flow-open':
      return `format: 1\nmeta: ${'['.repeat(depth)}x\n`;
    case 'map-flow':
      return `format: 1\nglossary: ${'{ a: '.repeat(depth)}x${' }'.repeat(depth)}\n`;
    case 'block': {
      let text = 'format: 1\nmeta:\n';
      for (let d = 1; d <= depth; d++) text += `${' '.repeat(d)}k${d}:\n`;
      return `${text}${' '.repeat(depth + 1)}x: 1\n`;
    }
    case 'dashes':
      return `format: 1\nparties:\n  ${'- '.repeat(depth)}x\n`;
  }
}

/** A map with `keys` entries (a 40,000-key map took 45 s when duplicate keys were searched pairwise). */
export function hugeMap(keys: number, duplicateAt: number | null): string {
  const lines = ['format: 1', 'glossary:'];
  for (let k = 0; k < keys; k++) lines.push(`  t${k}: m${k}`);
  if (duplicateAt !== null) lines.push(`  t${duplicateAt % Math.max(1, keys)}: again`);
  return `${lines.join('\n')}\n`;
}

/** The valid `base` with one string value replaced by `length` characters of `fill`. */
export function hugeString(base: string, length: number, fill: string): string {
  const text = fill.repeat(Math.ceil(length / fill.length)).slice(0, length);
  return base.replace('  title: The tram line\n', `  title: ${JSON.stringify(text)}\n`);
}

/** The valid `base` with a control character (written as a YAML escape) inside a value shown to players. */
export function withControlCharacter(base: string, code: number, field: 'title' | 'name' | 'label'): string {
  const code16 = `\\x${code.toString(16).padStart(2, '0')}`;
  switch (field) {
    case 'title':
      return base.replace('  title: The tram line\n', `  title: "The tram${code16} line"\n`);
    case 'name':
      return base.replace("    name: Traders' Association\n", `    name: "Traders${code16} Association"\n`);
    case 'label':
      return base.replace('label: Low fares,', `label: "Low${code16} fares",`);
  }
}

/** Where an id reference or key can be replaced by a prototype name in the tram-line scenario. */
const PROTOTYPE_SITES: Array<(base: string, id: string) => string> = [
  (b, id) =>
    b.replace(
      'participants: [city, traders, residents], agenda: [works, money] }\n  - { id: m2',
      `participants: [city, traders, ${id}], agenda: [works, money] }\n  - { id: m2`,
    ),
  (b, id) => b.replace('agenda: [works, money] }\n  - { id: m2', `agenda: [works, ${id}] }\n  - { id: m2`),
  (b, id) => b.replace('mediator: city', `mediator: ${id}`),
  (b, id) => b.replace('initialText: { route: main-street,', `initialText: { route: ${id},`),
  (b, id) => b.replace('when: { issue: fares, in: [low] }', `when: { issue: ${id}, in: [low] }`),
  (b, id) =>
    b.replace(
      'epilogue:\n  text: The line opened, or did not.\n  sources: [council-minutes]',
      `epilogue:\n  text: The line opened, or did not.\n  sources: [${id}]`,
    ),
  (b, id) => b.replace('      money: { minimum: 40,', `      ${id}: { minimum: 40,`),
  (b, id) => b.replace('  traders:\n    brief:', `  ${id}:\n    brief:`),
  (b, id) =>
    b.replace(
      '      hours: { weight: 20, values: { day-only: 20, late: 100 }',
      `      hours: { weight: 20, values: { day-only: 20, ${id}: 100 }`,
    ),
  (b, id) => b.replace('discountPerMeeting: 5\n', `discountPerMeeting: 5\n${id}: 1\n`),
];

export interface Hostile {
  kind: string;
  text: string;
}

/** Every kind of hostile file, with sizes up to about `maxChars` characters. */
export function hostileFile(base: string, maxChars: number): fc.Arbitrary<Hostile> {
  const big = Math.max(2_000, maxChars);
  return fc.oneof(
    fc
      .record({ levels: fc.integer({ min: 4, max: 14 }), width: fc.integer({ min: 4, max: 12 }) })
      .map(({ levels, width }) => ({
        kind: `alias bomb ${width}^${levels}`,
        text: aliasBomb(levels, width),
      })),
    fc
      .record({ depth: fc.integer({ min: 0, max: 60 }), flow: fc.boolean() })
      .map(({ depth, flow }) => ({ kind: `alias cycle ${depth}`, text: aliasCycle(depth, flow) })),
    fc
      .record({
        depth: fc.integer({ min: 51, max: Math.floor(big / 3) }),
        style: fc.constantFrom('flow', 'flow-open', 'map-flow', 'block', 'dashes') as fc.Arbitrary<
          'flow' | 'flow-open' | 'map-flow' | 'block' | 'dashes'
        >,
      })
      .map(({ depth, style }) => ({
        kind: `nesting ${style} ${depth}`,
        text: deepNesting(style === 'block' ? Math.min(depth, 2_000) : depth, style),
      })),
    fc
      .record({
        id: fc.constantFrom(...PROTOTYPE_IDS),
        site: fc.integer({ min: 0, max: PROTOTYPE_SITES.length - 1 }),
      })
      .map(({ id, site }) => ({
        kind: `prototype id ${id} at site ${site}`,
        text: (PROTOTYPE_SITES[site] as (b: string, id: string) => string)(base, id),
      })),
    fc
      .record({
        keys: fc.integer({ min: 2_001, max: Math.max(2_002, Math.floor(big / 14)) }),
        duplicate: fc.option(fc.nat(), { nil: null }),
      })
      .map(({ keys, duplicate }) => ({ kind: `map of ${keys} keys`, text: hugeMap(keys, duplicate) })),
    fc
      .record({ length: fc.integer({ min: 201, max: big }), fill: fc.constantFrom('a', 'é', '🙂', 'x y ') })
      .map(({ length, fill }) => ({ kind: `string of ${length}`, text: hugeString(base, length, fill) })),
    fc
      .record({
        code: fc.oneof(
          fc.integer({ min: 0, max: 8 }),
          fc.integer({ min: 0x0e, max: 0x1f }),
          fc.integer({ min: 0x7f, max: 0x9f }),
        ),
        field: fc.constantFrom('title', 'name', 'label') as fc.Arbitrary<'title' | 'name' | 'label'>,
      })
      .map(({ code, field }) => ({
        kind: `control U+${code.toString(16)} in ${field}`,
        text: withControlCharacter(base, code, field),
      })),
  );
}
